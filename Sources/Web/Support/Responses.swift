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
}
