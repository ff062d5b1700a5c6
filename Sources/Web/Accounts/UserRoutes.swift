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
                                                          message: UsersFlash.read(request.query)?.text,
                                                          invitations: try await portal.accounts.openInvitations()), site: site))
            },
            Route(.post, AccountPaths.resendInvitation, .signedIn(.administrators)) { try await resend($0) },
            Route(.post, AccountPaths.withdrawInvitation, .signedIn(.administrators)) { try await withdraw($0) },
            Route(.post, AccountPaths.resetSecondFactor, .signedIn(.administrators)) { try await resetSecondFactor($0) },
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
        case uitgenodigd, gewijzigd, opnieuw, ingetrokken, weg
        case tweedeStapGewist = "tweede-stap-gewist"
        case mailMislukt = "mail-mislukt"
        var text: String {
            switch self {
            case .uitgenodigd: "De uitnodiging is verstuurd."
            case .gewijzigd: "Het account is gewijzigd."
            case .opnieuw: "De uitnodiging is opnieuw verstuurd, met een nieuwe link. De vorige link werkt niet meer."
            case .ingetrokken: "De uitnodiging is ingetrokken; de link werkt niet meer."
            case .weg: "Die uitnodiging staat niet meer open: ze is al gebruikt of ingetrokken."
            case .tweedeStapGewist: "De tweede stap is gewist en de sessies van dit account zijn beëindigd."
            case .mailMislukt: "De nieuwe uitnodiging is aangemaakt, maar de e-mail kon niet worden verstuurd. Probeer het later opnieuw."
            }
        }
    }

    /// Withdraws the invitation and sends a new one to the same person, for the same role.
    func resend(_ request: PortalRequest<Context>) async throws -> Response {
        guard let id = UUID(uuidString: try request.parameter("id")),
              let old = try await portal.accounts.withdrawInvitation(id: id, at: Date()) else {
            return Responses.seeOther(AccountPaths.users(query: UsersFlash.weg.rawValue))
        }
        do {
            try await sendInvitation(email: old.email, name: old.name, role: old.role, provider: old.provider, from: request.account)
        } catch TokenProblem.emailTaken {
            return Responses.seeOther(AccountPaths.users(query: UsersFlash.weg.rawValue))
        } catch let error as SMTPError {
            request.logger.error("Sending an invitation again failed", metadata: ["error": "\(error)"])
            await portal.record(.invitationResent, by: request.account, subject: old.email, details: "e-mail niet verstuurd", logger: request.logger)
            return Responses.seeOther(AccountPaths.users(query: UsersFlash.mailMislukt.rawValue))
        }
        await portal.record(.invitationResent, by: request.account, subject: old.email, logger: request.logger)
        return Responses.seeOther(AccountPaths.users(query: UsersFlash.opnieuw.rawValue))
    }

    func withdraw(_ request: PortalRequest<Context>) async throws -> Response {
        guard let id = UUID(uuidString: try request.parameter("id")),
              let old = try await portal.accounts.withdrawInvitation(id: id, at: Date()) else {
            return Responses.seeOther(AccountPaths.users(query: UsersFlash.weg.rawValue))
        }
        await portal.record(.invitationWithdrawn, by: request.account, subject: old.email, logger: request.logger)
        return Responses.seeOther(AccountPaths.users(query: UsersFlash.ingetrokken.rawValue))
    }

    /// For a lost phone and lost recovery codes: the account loses its second factor and its sessions.
    func resetSecondFactor(_ request: PortalRequest<Context>) async throws -> Response {
        let account = try await account(request)
        // One's own is set up again from the dashboard; wiping it here would only help a stolen session.
        guard account.hasSecondFactor, account.id != request.account.id else { return Responses.seeOther(AccountPaths.user(account.id.uuidString)) }
        try await portal.accounts.setTOTP(accountID: account.id, secret: nil, recoveryCodeHashes: [])
        try await portal.accounts.deleteSessions(accountID: account.id)
        await portal.record(.secondFactorReset, by: request.account, subject: account.email, logger: request.logger)
        return Responses.seeOther(AccountPaths.users(query: UsersFlash.tweedeStapGewist.rawValue))
    }

    func sendInvitation(email: String, name: String, role: Role, provider: String?, from inviter: Account) async throws {
        let (token, _) = try await portal.links.invite(email: email, name: name, role: role, provider: provider)
        let mail = AccountMail.invitation(name: name, invitedBy: inviter.name, role: role, link: site.absolute(AccountPaths.invitation(token)))
        try await portal.mailer.send(MailMessage(from: portal.mailFrom, fromName: "Weerbaar", to: [try MailAddress(email)],
                                                 subject: mail.subject, text: mail.text))
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
            try await sendInvitation(email: address.description, name: model.name, role: role,
                                     provider: model.provider.isEmpty ? nil : model.provider, from: request.account)
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
