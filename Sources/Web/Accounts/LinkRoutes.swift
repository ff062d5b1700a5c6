import Accounts
import Audit
import Foundation
import Hummingbird
import Logging
import Mail

/// The one-time links of the portal: accepting an invitation, and choosing a new password.
struct LinkRoutes<Context: RequestContext> {
    let site: SiteServices
    let portal: PortalServices

    var routes: [Route<Context>] {
        [
            Route(.get, AccountPaths.invitation, .anyVisitor) { try await invitation($0) },
            Route(.post, AccountPaths.invitation, .anyVisitor) { try await invitation($0) },
            Route(.get, AccountPaths.resetRequest, .anyVisitor) { _ in
                portal.signedOutForm.respond { ResetPages.request(message: nil, csrf: $0, site: site) }
            },
            Route(.post, AccountPaths.resetRequest, .anyVisitor) { try await requestReset($0) },
            Route(.get, AccountPaths.reset, .anyVisitor) { try await reset($0) },
            Route(.post, AccountPaths.reset, .anyVisitor) { try await reset($0) },
        ]
    }

    func invitation(_ request: RouteRequest<Context>) async throws -> Response {
        let token = try request.parameter("token")
        let action = AccountPaths.invitation(token)
        let form = portal.signedOutForm
        let found = try await portal.links.usable(token, .invitation)
        guard case .success(let invitation) = found else {
            let problem: TokenProblem = if case .failure(let problem) = found { problem } else { .unknownOrUsed }
            return Responses.personal(InvitationPage.render(invitation: nil, problem: problem.message, name: "", passwordError: nil, action: action,
                                                            csrf: "", site: site), status: .gone)
        }
        if request.request.method == .get {
            return form.respond {
                InvitationPage.render(invitation: invitation, problem: nil, name: invitation.name, passwordError: nil, action: action, csrf: $0, site: site)
            }
        }
        let name = request.form.text("naam", .name)
        guard form.isGenuine(request.request, request.form) else {
            return form.respond(status: .forbidden) {
                InvitationPage.render(invitation: invitation, problem: nil, name: name.isEmpty ? invitation.name : name,
                                      passwordError: "Het formulier was verlopen. Kies uw wachtwoord opnieuw.", action: action, csrf: $0, site: site)
            }
        }
        switch try await portal.links.accept(token, name: String(name.prefix(FormField.name.limit)), password: request.form.text("wachtwoord", .password)) {
        case .success(let account):
            await portal.record(.accountCreated, by: account, subject: account.email, details: account.role.rawValue, logger: request.logger)
            return Responses.seeOther(AccountPaths.signIn(query: SignInFlash.account.rawValue))
        case .failure(.password(let problem)):
            return form.respond(status: .unprocessableContent) {
                InvitationPage.render(invitation: invitation, problem: nil, name: name, passwordError: problem, action: action, csrf: $0, site: site)
            }
        case .failure(let problem):
            return Responses.personal(InvitationPage.render(invitation: nil, problem: problem.message, name: "", passwordError: nil, action: action,
                                                            csrf: "", site: site), status: .gone)
        }
    }

    func requestReset(_ request: RouteRequest<Context>) async throws -> Response {
        guard portal.signedOutForm.isGenuine(request.request, request.form) else {
            return portal.signedOutForm.respond(status: .forbidden) {
                ResetPages.request(message: "Het formulier was verlopen. Probeer het nog eens.", csrf: $0, site: site)
            }
        }
        if let address = try? MailAddress(request.form.text("email", .emailAddress)),
           let (token, account) = try await portal.links.requestReset(email: address.description,
                                                                     client: site.trustedProxies.client(of: request.request, request.context)) {
            let mail = AccountMail.reset(name: account.name, link: site.absolute(AccountPaths.reset(token)))
            do {
                try await portal.anonymousMailer.send(MailMessage(from: portal.mailFrom, fromName: "Weerbaar", to: [address], subject: mail.subject,
                                                                  text: mail.text))
            } catch {
                request.logger.error("Sending a reset link failed", metadata: ["error": "\(error)"])
            }
        }
        // The same answer whether or not the address has an account.
        return portal.signedOutForm.respond {
            ResetPages.request(message: "Als er een account is met dit e-mailadres, hebben we een link gestuurd. Kijk ook in de map met ongewenste e-mail.",
                               csrf: $0, site: site)
        }
    }

    func reset(_ request: RouteRequest<Context>) async throws -> Response {
        let token = try request.parameter("token")
        let action = AccountPaths.reset(token)
        let form = portal.signedOutForm
        let found = try await portal.links.usable(token, .reset)
        guard case .success = found else {
            let problem: TokenProblem = if case .failure(let problem) = found { problem } else { .unknownOrUsed }
            return Responses.personal(ResetPages.choose(valid: false, problem: problem.message, passwordError: nil, action: action, csrf: "", site: site),
                                      status: .gone)
        }
        if request.request.method == .get {
            return form.respond { ResetPages.choose(valid: true, problem: nil, passwordError: nil, action: action, csrf: $0, site: site) }
        }
        guard form.isGenuine(request.request, request.form) else {
            return form.respond(status: .forbidden) {
                ResetPages.choose(valid: true, problem: nil, passwordError: "Het formulier was verlopen. Probeer het nog eens.", action: action,
                                  csrf: $0, site: site)
            }
        }
        switch try await portal.links.completeReset(token, password: request.form.text("wachtwoord", .password)) {
        case .success(let account):
            await portal.record(.passwordReset, by: account, subject: account.email, logger: request.logger)
            return Responses.seeOther(AccountPaths.signIn(query: SignInFlash.hersteld.rawValue))
        case .failure(.password(let problem)):
            return form.respond(status: .unprocessableContent) {
                ResetPages.choose(valid: true, problem: nil, passwordError: problem, action: action, csrf: $0, site: site)
            }
        case .failure(let problem):
            return Responses.personal(ResetPages.choose(valid: false, problem: problem.message, passwordError: nil, action: action, csrf: "", site: site),
                                      status: .gone)
        }
    }
}
