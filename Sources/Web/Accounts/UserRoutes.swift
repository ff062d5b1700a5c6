import Accounts
import Audit
import Catalogue
import CatalogueService
import Foundation
import Hummingbird
import Logging
import Mail

/// Beheerders keep the accounts: the list, invitations, and a role, provider or block per account.
struct UserRoutes<Context: RequestContext> {
    let site: SiteServices
    let portal: PortalServices

    var routes: [Route<Context>] {
        [
            Route(.get, AccountPaths.users, .signedIn(.administrators)) { request in
                Responses.personal(UsersPage.render(.init(accounts: try await portal.accounts.allAccounts(), csrf: request.csrf,
                                                          message: UsersFlash.read(request.query)?.text), site: site))
            },
            Route(.post, AccountPaths.invite, .signedIn(.administrators)) { try await invite($0) },
            Route(.get, AccountPaths.user, .signedIn(.administrators)) { request in
                let account = try await account(request)
                return Responses.personal(UserPage.render(.init(account: account, csrf: request.csrf, role: account.role.rawValue,
                                                                provider: account.provider ?? "", disabled: account.disabled), site: site))
            },
            Route(.post, AccountPaths.user, .signedIn(.administrators)) { try await updateUser($0) },
        ]
    }

    enum UsersFlash: String, Flash {
        case uitgenodigd, gewijzigd
        var text: String {
            switch self {
            case .uitgenodigd: "De uitnodiging is verstuurd."
            case .gewijzigd: "Het account is gewijzigd."
            }
        }
    }

    func account(_ request: PortalRequest<Context>) async throws -> Account {
        guard let id = UUID(uuidString: try request.parameter("id")), let account = try await portal.accounts.account(id: id) else {
            throw HTTPError(.notFound)
        }
        return account
    }

    func updateUser(_ request: PortalRequest<Context>) async throws -> Response {
        let account = try await account(request)
        let form = request.form
        var model = UserPage.Model(account: account, csrf: request.csrf, role: form.text("rol", .token), provider: form.text("aanbieder", .key),
                                   disabled: form.isChecked("geblokkeerd"))
        guard let role = Role(rawValue: model.role) else {
            model.errors["rol"] = "Kies een rol."
            return Responses.personal(UserPage.render(model, site: site), status: .unprocessableContent)
        }
        if role == .partnerEditor && site.catalogue.taxonomy.provider(model.provider) == nil {
            model.errors["aanbieder"] = "Kies de aanbieder van deze partner-redacteur."
        }
        // A beheerder cannot lock themselves out: the last one would leave nobody to undo it.
        if account.id == request.account.id && (role != account.role || model.disabled) {
            model.errors["rol"] = "U kunt uw eigen rol niet wijzigen en uzelf niet blokkeren. Vraag dat een andere beheerder."
        }
        guard model.errors.isEmpty else { return Responses.personal(UserPage.render(model, site: site), status: .unprocessableContent) }
        let provider = role == .partnerEditor ? model.provider : nil
        try await portal.accounts.update(accountID: account.id, role: role, provider: provider, disabled: model.disabled)
        await portal.record(.accountChanged, by: request.account, subject: account.email,
                            details: "rol: \(account.role.rawValue) → \(role.rawValue); aanbieder: \(account.provider ?? "–") → \(provider ?? "–"); "
                                + "geblokkeerd: \(account.disabled ? "ja" : "nee") → \(model.disabled ? "ja" : "nee")", logger: request.logger)
        return Responses.seeOther(AccountPaths.users(query: UsersFlash.gewijzigd.rawValue))
    }

    func invite(_ request: PortalRequest<Context>) async throws -> Response {
        let form = request.form
        var model = UsersPage.Model(accounts: try await portal.accounts.allAccounts(), csrf: request.csrf)
        model.email = form.text("email", .emailAddress)
        model.name = form.text("naam", .name)
        model.role = form.text("rol", .token)
        model.provider = form.text("aanbieder", .key)
        let address = try? MailAddress(model.email)
        if address == nil { model.errors["email"] = "Vul een geldig e-mailadres in." }
        if model.name.isEmpty {
            model.errors["naam"] = "Vul een naam in."
        } else if QueryString.isTooLong(model.name, .name) {
            model.errors["naam"] = "Hoogstens \(FormField.name.limit) tekens."
        }
        let role = Role(rawValue: model.role) ?? .partnerEditor
        if role == .partnerEditor && site.catalogue.taxonomy.provider(model.provider) == nil {
            model.errors["aanbieder"] = "Kies de aanbieder van deze partner-redacteur."
        }
        guard model.errors.isEmpty, let address else { return Responses.personal(UsersPage.render(model, site: site), status: .unprocessableContent) }
        do {
            let (token, _) = try await portal.links.invite(email: address.description, name: model.name, role: role,
                                                          provider: model.provider.isEmpty ? nil : model.provider)
            let mail = AccountMail.invitation(name: model.name, invitedBy: request.account.name, role: role,
                                              link: site.absolute(AccountPaths.invitation(token)))
            try await portal.mailer.send(MailMessage(from: portal.mailFrom, fromName: "Weerbaar", to: [address], subject: mail.subject, text: mail.text))
        } catch TokenProblem.emailTaken {
            model.errors["email"] = TokenProblem.emailTaken.message
            return Responses.personal(UsersPage.render(model, site: site), status: .unprocessableContent)
        } catch let error as SMTPError {
            request.logger.error("Sending an invitation failed", metadata: ["error": "\(error)"])
            model.message = "De uitnodiging is aangemaakt, maar de e-mail kon niet worden verstuurd. Probeer het later opnieuw."
            return Responses.personal(UsersPage.render(model, site: site), status: .badGateway)
        }
        await portal.record(.invited, by: request.account, subject: address.description,
                            details: role.rawValue + (model.provider.isEmpty || role != .partnerEditor ? "" : " van \(model.provider)"),
                            logger: request.logger)
        return Responses.seeOther(AccountPaths.users(query: UsersFlash.uitgenodigd.rawValue))
    }
}
