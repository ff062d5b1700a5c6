import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import TestSupport

/// `weerbaar serve` with no configuration, started from a directory that is not the repository,
/// finds the demo bundled with the executable: the catalogue, the handbook's articles and the agenda.
@Suite struct ServeAnywhereTests {
    @Test func serveLoadsTheBundledDemoFromAnyDirectory() async throws {
        let binary = OutboxCrashTests.binary
        #expect(FileManager.default.isExecutableFile(atPath: binary.path), "build the executable first: swift build --build-tests")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("weerbaar-anywhere-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let port = FreePort.pick()
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve"]
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        for name in ["DEMO_DIR", "DATABASE_URL", "DATA_DIR", "SMTP_URL", "BASE_URL"] { environment[name] = nil }
        environment["PORT"] = String(port)
        environment["HOST"] = "127.0.0.1"
        process.environment = environment
        let log = directory.appendingPathComponent("serve.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        defer { if process.isRunning { process.terminate(); process.waitUntilExit() } }

        func get(_ path: String) async -> TestClient.Response? {
            try? await TestClient.withClient(host: "127.0.0.1", port: port) { try await $0.execute(.init(path, method: .get)) }
        }
        let ready = try await OutboxCrashTests.waitUntil(seconds: 60) { await get("/healthz")?.status == .ok }
        #expect(ready, "\((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
        let catalogue = await get("/aanbod")
        #expect(catalogue.map { String(buffer: $0.body ?? ByteBuffer()).contains("/aanbod/workshop-signaleren-van-radicalisering") } == true, "the demo catalogue is served")
        let agenda = await get("/agenda")
        #expect(agenda.map { String(buffer: $0.body ?? ByteBuffer()).contains("/agenda/themadag-samen-voor-sociale-stabiliteit") } == true)
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("data/weerbaar.sqlite").path), "the database is made in ./data")
    }
}
