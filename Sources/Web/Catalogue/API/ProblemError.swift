import Hummingbird

/// An RFC 9457 problem document, thrown by API routes and rendered as `application/problem+json`.
struct ProblemError: Error, Encodable {
    struct InvalidParameter: Encodable {
        var name: String
        var reason: String
        var allowed: [String]?
    }

    var type = "about:blank"
    var status: Int
    var title: String
    var detail: String
    var invalidParams: [InvalidParameter]?

    init(status: HTTPResponse.Status, title: String, detail: String, invalidParams: [InvalidParameter]? = nil) {
        self.status = status.code
        self.title = title
        self.detail = detail
        self.invalidParams = invalidParams
    }

    func response() -> Response {
        Responses.json(self, status: HTTPResponse.Status(code: status), contentType: "application/problem+json; charset=utf-8")
    }
}
