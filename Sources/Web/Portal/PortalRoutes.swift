import Accounts
import Foundation
import Hummingbird
import NIOCore

/// The portal at `/beheer`. Every route is declared in `table` with who may use it; registration and
/// the authorisation matrix test both read the table, so a new route cannot be left unchecked.
struct PortalRoutes<Context: RequestContext> {
    let site: SiteContext
    let portal: PortalContext

    enum Access: Sendable, Equatable {
        case anyone
        case signedIn(Set<Role>)
    }

    enum Action: Sendable {
        case dashboard, signInForm, signIn, signOut, signOutEverywhere
    }

    struct Route: Sendable {
        var method: HTTPRequest.Method
        var path: String
        var access: Access
        var action: Action
    }

    static var table: [Route] {
        let everyone = Set(Role.allCases)
        return [
            Route(method: .get, path: "/beheer", access: .signedIn(everyone), action: .dashboard),
            Route(method: .get, path: "/beheer/inloggen", access: .anyone, action: .signInForm),
            Route(method: .post, path: "/beheer/inloggen", access: .anyone, action: .signIn),
            Route(method: .post, path: "/beheer/uitloggen", access: .signedIn(everyone), action: .signOut),
            Route(method: .post, path: "/beheer/overal-uitloggen", access: .signedIn(everyone), action: .signOutEverywhere),
        ]
    }

    /// The signed-in user of a request.
    struct Visitor {
        var session: Session
        var account: Account
    }

    func add(to router: Router<Context>) {
        for route in Self.table {
            router.on(RouterPath(route.path), method: route.method) { request, context in
                try await self.handle(route, request, context)
            }
        }
    }

    func handle(_ route: Route, _ request: Request, _ context: Context) async throws -> Response {
        var request = request
        let visitor = try await self.visitor(request)
        var form = QueryString(raw: nil)
        if route.method == .post {
            let body = try await request.collectBody(upTo: 64 * 1024)
            form = QueryString(raw: String(buffer: body))
        }
        if case .signedIn(let roles) = route.access {
            guard let visitor else {
                return route.method == .get ? Self.redirect("/beheer/inloggen") : try forbidden("U bent niet (meer) ingelogd.")
            }
            guard roles.contains(visitor.account.role) else { return try forbidden("Deze pagina is niet voor uw rol.") }
            if route.method == .post {
                guard let token = form.first("csrf"), Tokens.equal(token, visitor.session.csrfToken) else {
                    return try forbidden("Het formulier is verlopen of niet van deze site. Laad de pagina opnieuw en probeer het nog eens.")
                }
            }
        }
        switch route.action {
        case .dashboard:
            return Self.page(DashboardPage.render(.init(account: visitor!.account, csrfToken: visitor!.session.csrfToken), site: site))
        case .signInForm:
            if visitor != nil { return Self.redirect("/beheer") }
            return signInForm(email: "", message: request.uri.query == "uitgelogd" ? "U bent uitgelogd." : nil, isError: false)
        case .signIn:
            return try await signIn(request, context, form: form)
        case .signOut:
            try await portal.accounts.deleteSession(id: visitor!.session.id)
            var response = Self.redirect("/beheer/inloggen?uitgelogd")
            response.setCookie(expiredCookie(PortalContext.sessionCookie))
            return response
        case .signOutEverywhere:
            try await portal.accounts.deleteSessions(accountID: visitor!.account.id)
            var response = Self.redirect("/beheer/inloggen?uitgelogd")
            response.setCookie(expiredCookie(PortalContext.sessionCookie))
            return response
        }
    }

    // MARK: - Signing in

    func signInForm(email: String, message: String?, isError: Bool, status: HTTPResponse.Status = .ok) -> Response {
        let token = Tokens.random()
        var response = Self.page(SignInPage.render(.init(email: email, csrfToken: token, message: message, isError: isError), site: site),
                                 status: status)
        response.setCookie(cookie(PortalContext.formCookie, token, path: "/beheer/inloggen"))
        return response
    }

    func signIn(_ request: Request, _ context: Context, form: QueryString) async throws -> Response {
        // Double-submit: the form's token must equal the cookie set with the form.
        guard let token = form.first("csrf"), let cookie = request.cookies[PortalContext.formCookie]?.value, Tokens.equal(token, cookie) else {
            return signInForm(email: form.first("email") ?? "", message: "Het formulier was verlopen. Probeer het nog eens.",
                              isError: true, status: .forbidden)
        }
        let email = String((form.first("email") ?? "").prefix(254))
        let password = String((form.first("wachtwoord") ?? "").prefix(200))
        let outcome = try await portal.signIn.signIn(email: email, password: password, client: Self.client(of: context))
        switch outcome {
        case .signedIn(let token, _, _):
            // A fresh session id at every sign-in (no fixation); an old session of this browser ends.
            if let old = request.cookies[PortalContext.sessionCookie]?.value,
               let (session, _) = try await portal.signIn.session(token: old) {
                try await portal.accounts.deleteSession(id: session.id)
            }
            var response = Self.redirect("/beheer")
            response.setCookie(self.cookie(PortalContext.sessionCookie, token, path: "/"))
            response.setCookie(expiredCookie(PortalContext.formCookie, path: "/beheer/inloggen"))
            return response
        case .refused:
            // The same words whether the address has an account or not.
            return signInForm(email: email, message: "Het e-mailadres of het wachtwoord klopt niet.", isError: true, status: .unauthorized)
        case .locked(let until):
            return signInForm(email: email, message: "Te veel mislukte pogingen. U kunt het om \(DutchFormat.time(until)) opnieuw proberen.",
                              isError: true, status: .tooManyRequests)
        }
    }

    func visitor(_ request: Request) async throws -> Visitor? {
        guard let token = request.cookies[PortalContext.sessionCookie]?.value,
            let (session, account) = try await portal.signIn.session(token: token)
        else { return nil }
        return Visitor(session: session, account: account)
    }

    /// The client's address, for the lockout per client; requests without one share a key.
    static func client(of context: Context) -> String {
        guard let address = (context as? any RemoteAddressRequestContext)?.remoteAddress else { return "onbekend" }
        return address.ipAddress ?? "onbekend"
    }

    // MARK: - Responses

    func forbidden(_ message: String) throws -> Response {
        Self.page(ErrorPage.forbidden(site: site, message: message), status: .forbidden)
    }

    static func page(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        var response = Responses.html(html, status: status)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }

    func cookie(_ name: String, _ value: String, path: String) -> Cookie {
        Cookie(name: name, value: value, path: path, secure: portal.secureCookies, httpOnly: true, sameSite: .lax)
    }

    func expiredCookie(_ name: String, path: String = "/") -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: path, secure: portal.secureCookies, httpOnly: true, sameSite: .lax)
    }
}
