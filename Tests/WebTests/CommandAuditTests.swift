import Audit
import Foundation
import Logging
import Storage
import Testing
import TestSupport
import WeerbaarApp

/// What the command line does to accounts is in the audit log as what it was: an account made with
/// `weerbaar create-user` is not "made by invitation".
@Suite struct CommandAuditTests {
    @Test func createUserIsLoggedAsMadeOnTheCommandLine() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("weerbaar-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("cli.sqlite").path
        for (email, role) in [("redacteur@cli.example", ["redacteur"]), ("partner@cli.example", ["partner-redacteur", "--provider", "vng"])] {
            let process = Process()
            process.executableURL = OutboxCrashTests.binary
            process.arguments = ["create-user", "--email", email, "--name", "Test Opdrachtregel", "--role"] + role
            var environment = ProcessInfo.processInfo.environment
            environment["DATABASE_URL"] = "sqlite://" + path
            environment["WEERBAAR_ADMIN_PASSWORD"] = "zeven blauwe olifanten"
            environment["LOG_LEVEL"] = "warning"
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "create-user \(email)")
        }
        var logger = Logger(label: "cli-test")
        logger.logLevel = .warning
        let platform = try await Platform.start(Configuration(database: .sqlite(path: path), baseURL: "https://weerbaar.example",
                                                              demoDirectory: Repository.demoDirectory), logger: logger)
        let events = try await platform.audit.events(offset: 0, limit: 10)
        await platform.shutdown()
        #expect(events.count == 2)
        #expect(events.allSatisfy { $0.action == .accountCreatedByCommand && $0.actorName == "opdrachtregel" }, "\(events.map(\.action))")
        #expect(!events.contains { $0.action == .accountCreated }, "not logged as made by invitation")
    }
}
