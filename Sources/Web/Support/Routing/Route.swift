import Accounts
import Hummingbird

/// Who may use a route. Every route names one when it is declared; there is no default.
enum Access: Sendable, Equatable {
    /// The public site: no session is looked up, and a form protects itself (`SignedOutForm`).
    case everyone
    /// Portal pages for whoever is not signed in yet (signing in, an invitation, a reset link): the
    /// session is looked up, so a signed-in visitor can be sent on; forms carry a `SignedOutForm` token.
    case anyVisitor
    /// Between the password and the second factor: only the code page.
    case secondFactorPending
    /// Signed in with one of these roles, the second factor given. A beheerder who has not set one up
    /// yet only reaches the routes that say `evenWithoutSecondFactor` (setting it up, signing out).
    case signedIn(Set<Role>, evenWithoutSecondFactor: Bool)

    /// For routes whose handler gets a `RouteRequest`.
    enum Open: Sendable { case everyone, anyVisitor }

    /// For routes whose handler gets a `PortalRequest`, with the signed-in visitor.
    enum Session: Sendable {
        case signedIn(Set<Role>, evenWithoutSecondFactor: Bool = false)
        case secondFactorPending
    }
}

extension Set where Element == Role {
    static var everyone: Set<Role> { Set(Role.allCases) }
    /// Content is kept by the redactie and the partners; beheerders run the platform, not its content.
    static var editors: Set<Role> { [.editor, .partnerEditor] }
    /// Everyone who keeps the platform or its content (not the read-only rijkspartner).
    static var staff: Set<Role> { [.administrator, .editor, .partnerEditor] }
    /// Who reads the white spots: the editors, partners and rijkspartners.
    static var insight: Set<Role> { [.editor, .partnerEditor, .nationalPartner] }
    static var redactie: Set<Role> { [.editor] }
    static var administrators: Set<Role> { [.administrator] }
}

/// One route: method, path, who may use it, and its handler, declared together beside the handler.
/// Each feature lists its routes; `WebRouter` registers their union through `RouteGate`, and the
/// authorisation tests read the same union.
struct Route<Context: RequestContext>: Sendable {
    var method: HTTPRequest.Method
    var template: String
    var access: Access
    /// The largest body read for a POST.
    var maxBody: Int
    /// A larger body reaches the handler as `bodyTooLarge` instead of failing (the upload says so on its page).
    var answersOversizedBody: Bool
    var handler: @Sendable (RouteRequest<Context>) async throws -> Response

    /// Forms are small; only the upload carries a file.
    static var formBytes: Int { 512 * 1024 }

    /// A route for everyone, or for any visitor of the portal.
    init(_ method: HTTPRequest.Method, _ path: some RouteTemplate, _ access: Access.Open, maxBody: Int = formBytes,
         handler: @escaping @Sendable (RouteRequest<Context>) async throws -> Response) {
        self.method = method
        self.template = path.template
        self.access = switch access {
        case .everyone: .everyone
        case .anyVisitor: .anyVisitor
        }
        self.maxBody = maxBody
        self.answersOversizedBody = false
        self.handler = handler
    }

    /// A route for a signed-in visitor; the handler gets the visitor, checked by `RouteGate` first.
    init(_ method: HTTPRequest.Method, _ path: some RouteTemplate, _ access: Access.Session, maxBody: Int = formBytes,
         answersOversizedBody: Bool = false, handler: @escaping @Sendable (PortalRequest<Context>) async throws -> Response) {
        self.method = method
        self.template = path.template
        self.access = switch access {
        case .signedIn(let roles, let evenWithout): .signedIn(roles, evenWithoutSecondFactor: evenWithout)
        case .secondFactorPending: .secondFactorPending
        }
        self.maxBody = maxBody
        self.answersOversizedBody = answersOversizedBody
        self.handler = { request in
            // RouteGate runs the handler only with the visitor the access rule asks for.
            guard let visitor = request.visitor else { throw HTTPError(.forbidden) }
            return try await handler(PortalRequest(base: request, visitor: visitor))
        }
    }
}

/// What a handler gets: the request, its context, and for a POST the form already read.
struct RouteRequest<Context: RequestContext>: Sendable {
    var request: Request
    var context: Context
    /// The posted form (empty for a GET).
    var form = QueryString(raw: nil)
    /// Files of a `multipart/form-data` form.
    var files: [String: MultipartForm.File] = [:]
    /// The body was larger than the route reads (only for routes that answer it themselves).
    var bodyTooLarge = false
    /// The signed-in visitor, for routes of the portal.
    var visitor: Visitor?

    func parameter(_ name: String) throws -> String { try context.parameters.require(name) }
    var query: QueryString { QueryString(raw: request.uri.query) }
}

/// A handler's request on a route for signed-in visitors: everything of `RouteRequest`, with the visitor.
@dynamicMemberLookup
struct PortalRequest<Context: RequestContext>: Sendable {
    var base: RouteRequest<Context>
    var visitor: Visitor

    subscript<T>(dynamicMember path: KeyPath<RouteRequest<Context>, T>) -> T { base[keyPath: path] }
    func parameter(_ name: String) throws -> String { try base.parameter(name) }
    var account: Account { visitor.account }
    /// The session's CSRF token, for every form on the page.
    var csrf: String { visitor.session.csrfToken }
}

/// The signed-in user of a request.
struct Visitor: Sendable {
    var session: Session
    var account: Account
}
