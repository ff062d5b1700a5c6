import Accounts
import Audit
import Catalogue
import CatalogueService
import Foundation
import Newsletter
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import TestSupport
import WeerbaarApp
@testable import Web

/// A browser, as far as the portal needs one: it keeps cookies between requests.
struct Browser {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]

    struct Page {
        var status: Int
        var location: String?
        var body: String
        var setCookies: [String]
        /// The body as sent (a download).
        var bytes: [UInt8] = []
    }

    mutating func request(_ method: HTTPRequest.Method, _ path: String, form: [(String, String)]? = nil,
                          headers extra: HTTPFields = HTTPFields()) async throws -> Page {
        var headers = extra
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        var body: ByteBuffer? = nil
        if let form {
            headers[.contentType] = "application/x-www-form-urlencoded"
            body = ByteBuffer(string: form.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
                .joined(separator: "&"))
        }
        let page = try await client.execute(uri: path, method: method, headers: headers, body: body) { response in
            Page(status: Int(response.status.code), location: response.headers[.location], body: String(buffer: response.body),
                 setCookies: response.headers[values: .setCookie], bytes: Array(buffer: response.body))
        }
        for line in page.setCookies {
            let pair = line.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            let name = String(pair[0]), value = pair.count > 1 ? String(pair[1]) : ""
            if value.isEmpty || line.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        return page
    }

    static func csrf(in body: String) -> String? {
        guard let range = body.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(body[range.upperBound...].prefix { $0 != "\"" })
    }

    /// Fetches the sign-in form and posts it; with `platform`, also gives the second factor's code
    /// when the account has one.
    mutating func signIn(_ email: String, _ password: String, platform: Platform? = nil) async throws -> Page {
        let form = try await request(.get, "/beheer/inloggen")
        let page = try await request(.post, "/beheer/inloggen", form: [("csrf", Self.csrf(in: form.body) ?? ""), ("email", email), ("wachtwoord", password)])
        guard page.location == "/beheer/tweede-stap", let platform else { return page }
        let codeForm = try await request(.get, "/beheer/tweede-stap")
        return try await request(.post, "/beheer/tweede-stap",
                                 form: [("csrf", Self.csrf(in: codeForm.body) ?? ""), ("code", try await PortalFixtures.nextCode(platform, email))])
    }
}
