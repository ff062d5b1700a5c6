import HTTPTypes
import Hummingbird

/// The site answers GET, HEAD and POST; any other method (TRACE, PUT, DELETE, …) is 405 Method Not
/// Allowed with an Allow header, on every path, rather than a 404 that says the address is unknown.
struct MethodMiddleware<Context: RequestContext>: RouterMiddleware {
    let site: SiteServices
    static var allowed: Set<HTTPRequest.Method> { [.get, .head, .post] }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard !Self.allowed.contains(request.method) else { return try await next(request, context) }
        var response = request.uri.path.hasPrefix("/api/")
            ? ProblemError(status: .methodNotAllowed, title: "Methode niet toegestaan",
                           detail: "Deze API kent alleen GET en HEAD (en POST voor formulieren op de site).").response()
            : Responses.html(ErrorPage.badRequest(site: site, message: "Deze site kent alleen de methoden GET, HEAD en POST."), status: .methodNotAllowed)
        response.headers[.allow] = "GET, HEAD, POST"
        return response
    }
}
