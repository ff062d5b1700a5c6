import Markup
import Accounts
import Audit
import Foundation
import Hummingbird

/// Signing in and out, and the second factor: the code after the password, and setting it up.
struct AccountRoutes<Context: RequestContext> {
    let site: SiteServices
    let portal: PortalServices

    var routes: [Route<Context>] {
        [
            Route(.get, AccountPaths.signIn, .anyVisitor) { request in
                if request.visitor != nil { return Responses.seeOther(PortalPaths.dashboard()) }
                return signInForm(email: "", message: SignInFlash.read(request.query)?.text, isError: false)
            },
            Route(.post, AccountPaths.signIn, .anyVisitor) { try await signIn($0) },
            Route(.post, AccountPaths.signOut, .signedIn(.everyone, evenWithoutSecondFactor: true)) { request in
                try await portal.accounts.deleteSession(id: request.visitor.session.id)
                return signedOut()
            },
            Route(.post, AccountPaths.signOutEverywhere, .signedIn(.everyone, evenWithoutSecondFactor: true)) { request in
                try await portal.accounts.deleteSessions(accountID: request.account.id)
                await portal.record(.signedOutEverywhere, by: request.account, logger: request.logger)
                return signedOut()
            },
            Route(.get, AccountPaths.secondFactor, .secondFactorPending) { request in
                Responses.personal(SecondFactorPages.code(error: nil, csrf: request.csrf, site: site))
            },
            Route(.post, AccountPaths.secondFactor, .secondFactorPending) { try await secondFactor($0) },
            Route(.get, AccountPaths.secondFactorSetup, .signedIn(.everyone, evenWithoutSecondFactor: true)) { request in
                Responses.personal(SecondFactorPages.setup(secret: Base32.encode(TOTP.newSecret()), account: request.account, error: nil,
                                                          csrf: request.csrf, site: site))
            },
            Route(.post, AccountPaths.secondFactorSetup, .signedIn(.everyone, evenWithoutSecondFactor: true)) { try await setUpSecondFactor($0) },
        ]
    }

    // MARK: - Signing in

    func signInForm(email: String, message: String?, isError: Bool, status: HTTPResponse.Status = .ok) -> Response {
        portal.signedOutForm.respond(status: status) {
            SignInPage.render(.init(email: email, csrfToken: $0, message: message, isError: isError), site: site)
        }
    }

    func signIn(_ request: RouteRequest<Context>) async throws -> Response {
        let form = request.form
        let email = form.text("email", .emailAddress)
        // Double-submit: the form's token must equal the cookie set with the form.
        guard portal.signedOutForm.isGenuine(request.request, form) else {
            return signInForm(email: email, message: "Het formulier was verlopen. Probeer het nog eens.", isError: true, status: .forbidden)
        }
        let outcome = try await portal.signIn.signIn(email: email, password: form.text("wachtwoord", .password),
                                                     client: site.trustedProxies.client(of: request.request, request.context))
        switch outcome {
        case .signedIn(let token, _, _), .secondFactorRequired(let token, _, _), .signedInWithRecoveryCode(let token, _, _, _):
            // A fresh session id at every sign-in (no fixation); an old session of this browser ends.
            if let visitor = request.visitor { try await portal.accounts.deleteSession(id: visitor.session.id) }
            let next: String = if case .secondFactorRequired = outcome { AccountPaths.secondFactor() } else { PortalPaths.dashboard() }
            if case .signedIn(_, _, let account) = outcome { await portal.record(.signedIn, by: account, logger: request.logger) }
            var response = Responses.seeOther(next)
            response.setCookie(portal.sessionCookie(token))
            response.setCookie(portal.signedOutForm.expired)
            return response
        case .refused:
            await portal.record(.signInFailed, by: nil, subject: email, logger: request.logger)
            // The same words whether the address has an account or not.
            return signInForm(email: email, message: "Het e-mailadres of het wachtwoord klopt niet.", isError: true, status: .unauthorized)
        case .locked(let until):
            await portal.record(.signInLocked, by: nil, subject: email, logger: request.logger)
            return signInForm(email: email, message: "Te veel mislukte pogingen. U kunt het om \(DutchFormat.time(until)) opnieuw proberen.",
                              isError: true, status: .tooManyRequests)
        }
    }

    func signedOut() -> Response {
        var response = Responses.seeOther(AccountPaths.signIn(query: SignInFlash.uitgelogd.rawValue))
        response.setCookie(portal.expiredSessionCookie)
        return response
    }

    // MARK: - Second factor

    func secondFactor(_ request: PortalRequest<Context>) async throws -> Response {
        let visitor = request.visitor
        switch try await portal.signIn.verifySecondFactor(pending: visitor.session, account: visitor.account,
                                                          code: request.form.text("code", .token)) {
        case .signedIn(let token, _, _):
            await portal.record(.signedIn, by: visitor.account, details: "met tweede stap", logger: request.logger)
            var response = Responses.seeOther(PortalPaths.dashboard())
            response.setCookie(portal.sessionCookie(token))
            return response
        case .signedInWithRecoveryCode(let token, _, _, let remaining):
            await portal.record(.recoveryCodeUsed, by: visitor.account, details: "nog \(remaining) over", logger: request.logger)
            var response = Responses.seeOther(PortalPaths.dashboard(query: DashboardFlash.recoveryCode(remaining: remaining)))
            response.setCookie(portal.sessionCookie(token))
            return response
        case .locked(let until):
            await portal.record(.signInLocked, by: visitor.account, subject: visitor.account.email, details: "tweede stap", logger: request.logger)
            var response = Responses.personal(SecondFactorPages.code(
                error: "Te veel onjuiste codes. U kunt het om \(DutchFormat.time(until)) opnieuw proberen, vanaf het inloggen.",
                csrf: request.csrf, site: site), status: .tooManyRequests)
            response.setCookie(portal.expiredSessionCookie)
            return response
        case .refused, .secondFactorRequired:
            await portal.record(.secondFactorFailed, by: visitor.account, logger: request.logger)
            return Responses.personal(SecondFactorPages.code(error: "Deze code klopt niet. Gebruik de code die uw app nu toont, of een herstelcode.",
                                                             csrf: request.csrf, site: site), status: .unauthorized)
        }
    }

    func setUpSecondFactor(_ request: PortalRequest<Context>) async throws -> Response {
        let encoded = request.form.text("geheim", .token)
        let code = request.form.text("code", .token)
        guard let secret = Base32.decode(encoded), secret.count == 20 else {
            return Responses.personal(SecondFactorPages.setup(secret: Base32.encode(TOTP.newSecret()), account: request.account,
                                                              error: "Er ging iets mis met de sleutel. Begin opnieuw met deze nieuwe sleutel.",
                                                              csrf: request.csrf, site: site), status: .unprocessableContent)
        }
        guard let counter = TOTP.verify(code, secret: secret, at: Date(), lastUsed: nil) else {
            return Responses.personal(SecondFactorPages.setup(secret: encoded, account: request.account,
                                                              error: "Deze code klopt niet. Controleer of de tijd op uw telefoon goed staat.",
                                                              csrf: request.csrf, site: site), status: .unprocessableContent)
        }
        // Recovery codes for the day the phone is lost: shown on this page once, kept only as hashes.
        let codes = RecoveryCodes.generate()
        try await portal.accounts.setTOTP(accountID: request.account.id, secret: encoded,
                                          recoveryCodeHashes: codes.compactMap { RecoveryCodes.hash($0, account: request.account.id) })
        _ = try await portal.accounts.useTOTPCounter(accountID: request.account.id, counter: Int64(counter))
        await portal.record(.secondFactorSetUp, by: request.account, details: "met \(codes.count) herstelcodes", logger: request.logger)
        return Responses.personal(SecondFactorPages.recoveryCodes(codes, site: site))
    }
}
