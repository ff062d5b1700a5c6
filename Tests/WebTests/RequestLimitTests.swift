import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import TestSupport
import WeerbaarApp
@testable import Web

/// A body larger than its route reads is a Dutch 413 page, never a 500; and who may use a route is
/// decided before its body is read, so an anonymous upload is refused as such.
@Suite struct RequestLimitTests {
    static func post(_ client: any TestClientProtocol, _ path: String, bytes: Int,
                     contentType: String = "application/x-www-form-urlencoded") async throws -> (status: Int, body: String) {
        let body = ByteBuffer(string: "csrf=x&naam=" + String(repeating: "a", count: bytes))
        return try await client.execute(uri: path, method: .post, headers: [.contentType: contentType], body: body) { response in
            (Int(response.status.code), String(buffer: response.body))
        }
    }

    @Test func aTooLargeFormIsA413PageInDutch() async throws {
        try await WebHarness.withClient(.sqlite) { client, _ in
            for path in ["/nieuwsbrief", "/beheer/inloggen", "/beheer/wachtwoord-vergeten"] {
                let answer = try await Self.post(client, path, bytes: 2 * 1024 * 1024)
                #expect(answer.status == 413, "\(path): \(answer.status)")
                #expect(answer.body.contains("te groot om te verwerken"), "\(path)")
                #expect(answer.body.contains("<html lang=\"nl\""), "\(path)")
            }
            // Within the limit the same form is read as usual (the sign-in form without its token: 403).
            #expect(try await Self.post(client, "/beheer/inloggen", bytes: 1_000).status == 403)
        }
    }

    @Test func anUploadIsRefusedBeforeItsBodyIsRead() async throws {
        try await WebHarness.withClient(.sqlite) { client, _ in
            // Larger than any form and than the upload's own limit: refused for who sent it, not for its size.
            let answer = try await Self.post(client, "/beheer/aanbod/uploaden", bytes: 11 * 1024 * 1024,
                                             contentType: "multipart/form-data; boundary=x")
            #expect(answer.status == 403, "anonymous upload: \(answer.status)")
            #expect(answer.body.contains("niet (meer) ingelogd"))
            // Any route for signed-in users: the refusal comes first, whatever the size of what follows.
            for path in ["/beheer/uitloggen", "/beheer/aanbod/nieuw", "/beheer/gebruikers/uitnodigen"] {
                let refused = try await Self.post(client, path, bytes: 2 * 1024 * 1024)
                #expect(refused.status == 403 && refused.body.contains("niet (meer) ingelogd"), "\(path): \(refused.status)")
            }
        }
    }
}
