import CatalogueService
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import TestSupport
import WeerbaarApp

/// What a proxy and a fuzzer meet: readiness beside liveness, 405 for methods the site does not
/// know, and an empty filter value taken as not given (issue 20's schemathesis findings).
@Suite struct OperationsTests {
    @Test(arguments: TestBackend.available)
    func readinessSaysTheDatabaseAnswersAndTheIndexIsLoaded(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            let ready = try await client.get("/readyz")
            #expect(ready.status == 200 && ready.body.contains("database: ok") && ready.body.contains("index: \(platform.catalogue.count) aanbod"))
            #expect(try await client.get("/healthz").body == "ok\n")
        }
    }

    @Test(arguments: TestBackend.available)
    func unknownMethodsAre405WithAllow(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, _ in
            for (path, method) in [("/aanbod", HTTPRequest.Method.trace), ("/api/v1/offerings", .trace), ("/api/v1/offerings", .put),
                                   ("/bestaat-niet", .delete)] {
                let (status, allow, type) = try await client.execute(uri: path, method: method) { response in
                    (Int(response.status.code), response.headers[.allow], response.headers[.contentType] ?? "")
                }
                #expect(status == 405 && allow == "GET, HEAD, POST", "\(method) \(path): \(status)")
                #expect(path.hasPrefix("/api/") ? type.hasPrefix("application/problem+json") : type.hasPrefix("text/html"), "\(path): \(type)")
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func anEmptyFilterValueIsAParameterNotGiven(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            let api = try await client.get("/api/v1/offerings?theme=&kind=&sort=&page=&perPage=")
            #expect(api.status == 200, "\(api.body)")
            #expect(api.body.contains("\"total\":\(platform.catalogue.count)") || api.body.contains("\"total\" : \(platform.catalogue.count)"), "\(api.body.prefix(200))")
            #expect(try await client.get("/api/v1/offerings?theme=bestaat-niet").status == 400, "a wrong value is still an error")
            let page = try await client.get("/aanbod?thema=&soort=")
            #expect(page.status == 200 && !page.body.contains("Onbekend"))
        }
    }
}
