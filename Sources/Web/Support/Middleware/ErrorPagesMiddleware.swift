import Hummingbird
import Logging

/// Turns every error into an answer in the reader's language: a Dutch page for people, an RFC 9457
/// problem document for the API. An unexpected error is logged and never shows its internals.
struct ErrorPagesMiddleware<Context: RequestContext>: RouterMiddleware {
    let site: SiteServices

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let isAPI = request.uri.path.hasPrefix("/api/")
        do {
            return try await next(request, context)
        } catch let problem as ProblemError {
            return problem.response()
        } catch let error as HTTPError where error.status == .notFound {
            return isAPI
                ? ProblemError(status: .notFound, title: "Niet gevonden", detail: "Er is geen bron op dit adres.").response()
                : Responses.html(ErrorPage.notFound(site: site, path: request.uri.path), status: .notFound)
        } catch let error as HTTPError where error.status == .contentTooLarge && !isAPI {
            return Responses.html(ErrorPage.badRequest(site: site, message: "Wat u verstuurde is te groot om te verwerken. "
                                                          + "Maak de tekst korter, of splits een bestand in kleinere delen."), status: .contentTooLarge)
        } catch let error as HTTPError where error.status.code < 500 {
            return isAPI
                ? ProblemError(status: error.status, title: error.status.reasonPhrase, detail: error.body ?? "").response()
                : Responses.html(ErrorPage.badRequest(site: site, message: "Dit verzoek kunnen we niet verwerken."), status: error.status)
        } catch {
            context.logger.error("Unhandled error", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            return isAPI
                ? ProblemError(status: .internalServerError, title: "Interne fout", detail: "Er ging bij ons iets mis.").response()
                : Responses.html(ErrorPage.serverError(site: site), status: .internalServerError)
        }
    }
}
