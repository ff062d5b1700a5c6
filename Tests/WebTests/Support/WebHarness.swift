import CatalogueService
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Mail
import Storage
import TestSupport
import WeerbaarApp

/// Builds the real platform on a scratch database of the backend, with the demo catalogue, and
/// drives its router in-process (or, with `mode: .live`, a real server on loopback).
enum WebHarness {
    static func withClient(
        _ backend: TestBackend, extra: [(name: String, json: String)] = [], configure: (inout Configuration) -> Void = { _ in },
        mode: TestingSetup = .router, _ body: @Sendable (any TestClientProtocol, Platform) async throws -> Void
    ) async throws {
        try await ScratchDatabase.with(backend) { location in
            var configuration = Configuration(database: location, baseURL: "https://weerbaar.example", demoDirectory: Repository.demoDirectory)
            configuration.bcryptCost = 4  // the unknown-address check; production keeps 12
            // Mail goes to the real SMTP server on loopback that scripts/test starts.
            configuration.smtp = ProcessInfo.processInfo.environment["WEERBAAR_TEST_SMTP_URL"].flatMap { try? SMTPConfiguration(url: $0) }
            configure(&configuration)
            var logger = Logger(label: "web-test")
            logger.logLevel = .warning
            let platform = try await Platform.start(configuration, logger: logger, seedDemoWhenEmpty: true)
            do {
                if !extra.isEmpty {
                    _ = try await platform.importer.importFiles(extra.map { .init(name: $0.name, data: Data($0.json.utf8)) })
                }
                // The confirmation mailer runs as in `serve`, so mail a page asks for arrives in the background.
                let app = Application(router: platform.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                                      services: [platform.backgroundMailer], logger: logger)
                try await app.test(mode) { client in try await body(client, platform) }
            } catch {
                await platform.shutdown()
                throw error
            }
            await platform.shutdown()
        }
    }
}

extension TestClientProtocol {
    /// HEAD and return status and the number of body bytes.
    func head(_ uri: String) async throws -> (status: Int, bodyBytes: Int) {
        try await execute(uri: uri, method: .head) { response in (Int(response.status.code), response.body.readableBytes) }
    }

    /// GET and return status, content type and body text.
    func get(_ uri: String) async throws -> (status: Int, type: String, body: String, headers: HTTPFields) {
        try await execute(uri: uri, method: .get) { response in
            (Int(response.status.code), response.headers[.contentType] ?? "", String(buffer: response.body), response.headers)
        }
    }
}
