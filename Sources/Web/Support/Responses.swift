import Foundation
import Hummingbird

/// Response builders, so content types and caching are decided in one place.
enum Responses {
    static func html(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
        html(ByteBuffer(string: body), status: status)
    }

    static func html(_ body: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-cache"],
                 body: ResponseBody(byteBuffer: body))
    }

    static func text(_ body: String, contentType: String, status: HTTPResponse.Status = .ok, maxAge: Int = 300) -> Response {
        Response(status: status, headers: [.contentType: contentType, .cacheControl: "public, max-age=\(maxAge)"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok, contentType: String = "application/json; charset=utf-8") -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: contentType, .cacheControl: "no-cache"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func redirect(to location: String, status: HTTPResponse.Status = .movedPermanently) -> Response {
        Response(status: status, headers: [.location: location])
    }

    /// A page for one visitor (the portal, a personal link, a form with its token): never stored by a cache.
    static func personal(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
        var response = html(body, status: status)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// A file to save (an export, a template): never stored by a cache, saved under `file`.
    static func download(_ data: Data, type: String, file: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-store", .contentDisposition: "attachment; filename=\"\(file)\""],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A cell for a spreadsheet: a leading = + - @ (or tab, return) would be read as a formula, so it
    /// gets an apostrophe.
    static func defusedCell(_ cell: String) -> String {
        guard let first = cell.first, "=+-@\t\r".contains(first) else { return cell }
        return "'" + cell
    }

    /// After a form: "303 See Other" to the page that shows the result.
    static func seeOther(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }
}

/// The refusal page: 403, with what the visitor can do about it. `RouteGate` and the handlers that
/// check more than a route's rule (a partner editor and another provider's offer) both answer with it.
func forbidden(_ message: String, site: SiteServices) -> Response {
    Responses.personal(ErrorPage.forbidden(site: site, message: message), status: .forbidden)
}
