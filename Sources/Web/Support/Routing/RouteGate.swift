import Accounts
import Hummingbird
import NIOCore

/// Registers routes on the router, and before each handler runs: reads a POST's form, finds the
/// signed-in visitor and applies the route's access rule and CSRF check. This is the one place where
/// access is decided; a handler runs only for whom its route lets in.
struct RouteGate<Context: RequestContext>: Sendable {
    let site: SiteServices

    func register(_ routes: [Route<Context>], on router: Router<Context>) {
        for route in routes {
            router.on(RouterPath(route.template), method: route.method) { request, context in
                try await self.run(route, request, context)
            }
        }
    }

    func run(_ route: Route<Context>, _ request: Request, _ context: Context) async throws -> Response {
        var call = RouteRequest(request: request, context: context)
        // Who may use the route is known before the body is read: a refused request reads none of it.
        if route.access != .everyone { call.visitor = try await visitor(request) }
        if let refusal = try refusal(route, call, checkingToken: false) { return refusal }
        if route.method == .post {
            do {
                let body = try await call.request.collectBody(upTo: route.maxBody)
                if let multipart = MultipartForm(contentType: request.headers[.contentType], body: body) {
                    call.form.pairs = multipart.fields
                    call.files = multipart.files
                } else {
                    call.form = QueryString(raw: String(buffer: body))
                }
            } catch is NIOTooManyBytesError {
                // Too large to read, so its CSRF token is unknown too: a route that says so answers with its form and
                // changes nothing; any other gets the error page for a request too large.
                guard route.answersOversizedBody else { throw HTTPError(.contentTooLarge) }
                call.bodyTooLarge = true
            }
        }
        if route.method == .post, let refusal = try refusal(route, call, checkingToken: true) { return refusal }
        return try await route.handler(call)
    }

    /// The answer when the route's access rule does not let this request in; nil lets it through.
    /// The form's CSRF token is checked only with `checkingToken`, once the body has been read.
    func refusal(_ route: Route<Context>, _ call: RouteRequest<Context>, checkingToken: Bool) throws -> Response? {
        let isGet = route.method == .get
        switch route.access {
        case .everyone, .anyVisitor:
            return nil
        case .secondFactorPending:
            guard let visitor = call.visitor else {
                return isGet ? Responses.seeOther(AccountPaths.signIn()) : forbidden("U bent niet (meer) ingelogd.", site: site)
            }
            guard !visitor.session.verified else {
                return isGet ? Responses.seeOther(PortalPaths.dashboard()) : forbidden("U bent al ingelogd.", site: site)
            }
            if checkingToken && !isGet && !hasSessionToken(call, visitor) {
                return forbidden("Het formulier is verlopen of niet van deze site. Log opnieuw in.", site: site)
            }
            return nil
        case .signedIn(let roles, let evenWithoutSecondFactor):
            guard let visitor = call.visitor else {
                return isGet ? Responses.seeOther(AccountPaths.signIn()) : forbidden("U bent niet (meer) ingelogd.", site: site)
            }
            guard visitor.session.verified else {
                return isGet ? Responses.seeOther(AccountPaths.secondFactor()) : forbidden("Geef eerst de code van de tweede stap.", site: site)
            }
            guard roles.contains(visitor.account.role) else { return forbidden("Deze pagina is niet voor uw rol.", site: site) }
            if visitor.account.role.requiresSecondFactor && !visitor.account.hasSecondFactor && !evenWithoutSecondFactor {
                return isGet
                    ? Responses.seeOther(AccountPaths.secondFactorSetup())
                    : forbidden("Stel eerst de tweede stap in; voor beheerders is die verplicht.", site: site)
            }
            if checkingToken && !isGet && !call.bodyTooLarge && !hasSessionToken(call, visitor) {
                return forbidden("Het formulier is verlopen of niet van deze site. Laad de pagina opnieuw en probeer het nog eens.", site: site)
            }
            return nil
        }
    }

    func hasSessionToken(_ call: RouteRequest<Context>, _ visitor: Visitor) -> Bool {
        guard let token = call.form.first("csrf") else { return false }
        return Tokens.equal(token, visitor.session.csrfToken)
    }

    func visitor(_ request: Request) async throws -> Visitor? {
        guard let portal = site.portal, let token = request.cookies[PortalServices.sessionCookie]?.value,
              let (session, account) = try await portal.signIn.session(token: token)
        else { return nil }
        return Visitor(session: session, account: account)
    }
}
