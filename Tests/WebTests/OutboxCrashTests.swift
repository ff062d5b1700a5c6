@testable import Editions
import Foundation
import Logging
import Newsletter
import Storage
import Testing
import TestSupport
import WeerbaarApp
@testable import Web

/// The promise of the outbox, tested the hard way: a real `weerbaar serve` sends an edition to the
/// real SMTP sink on loopback, is killed with SIGKILL in the middle, and a second process finishes
/// the job. Nobody gets the edition twice; everyone either got it or is on record as in doubt.
@Suite(.enabled(if: ReceivedMail.available, "needs the SMTP sink that scripts/test starts"), .serialized)
struct OutboxCrashTests {
    static let subscribers = 400
    static let connections = 4
    static let chunk = OutboxSender.Settings().chunk

    /// The executable beside the test bundle (`swift build --build-tests` builds both).
    static var binary: URL {
        let bundleDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [bundleDirectory.appendingPathComponent("weerbaar"), Repository.root.appendingPathComponent(".build/debug/weerbaar")]
        where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        return Repository.root.appendingPathComponent(".build/debug/weerbaar")
    }

    static func serve(_ location: DatabaseLocation, port: Int, log: URL, rate: Int = 150, environment extra: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve"]
        var environment = ProcessInfo.processInfo.environment
        switch location {
        case .sqlite(let path): environment["DATABASE_URL"] = "sqlite://" + path
        case .postgres(let url): environment["DATABASE_URL"] = url
        }
        environment["HOST"] = "127.0.0.1"
        environment["PORT"] = String(port)
        environment["BASE_URL"] = "https://weerbaar.example"
        environment["SMTP_URL"] = ProcessInfo.processInfo.environment["WEERBAAR_TEST_SMTP_URL"]
        environment["NEWSLETTER_RATE"] = String(rate)
        environment["NEWSLETTER_SMTP_CONNECTIONS"] = String(connections)
        environment["NEWSLETTER_LEASE_SECONDS"] = "3"
        environment["DEMO_DIR"] = Repository.demoDirectory
        environment["LOG_LEVEL"] = "info"
        environment.merge(extra) { $1 }
        process.environment = environment
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return process
    }

    /// How many messages each address of the run's domain received.
    static func deliveries(domain: String) throws -> [String: Int] {
        guard let directory = ReceivedMail.sinkDirectory else { throw ReceivedMail.NoSink() }
        var counts: [String: Int] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".json") {
            guard let data = try? Data(contentsOf: directory.appendingPathComponent(name)),
                  let envelope = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let recipients = envelope["rcpt_tos"] as? [String] else { continue }
            for recipient in recipients where recipient.hasSuffix("@" + domain) { counts[recipient, default: 0] += 1 }
        }
        return counts
    }

    static func waitUntil(seconds: Double, _ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try await condition()
    }

    /// A platform on the scratch database with `subscribers` confirmed readers of `domain` and an
    /// edition enqueued for them (no sender in this process).
    static func enqueue(_ location: DatabaseLocation, domain: String) async throws -> (Platform, Edition) {
        var configuration = Configuration(database: location, baseURL: "https://weerbaar.example", demoDirectory: Repository.demoDirectory)
        configuration.smtp = nil
        var logger = Logger(label: "crash-test")
        logger.logLevel = .warning
        let platform = try await Platform.start(configuration, logger: logger, seedDemoWhenEmpty: true)
        let edition = Edition(slug: "crash-\(domain.prefix(14))", subject: "WeerbaarNL crashtest", intro: "Tekst",
                              sections: [EditionSection(title: "Nieuw", blocks: [.newOfferings(theme: nil, limit: 3)])],
                              updatedAt: Date(), updatedBy: "test")
        do {
            for index in 0..<subscribers {
                guard case .pending(let subscriber) = try await platform.subscribers.subscribe(
                    email: "lezer\(index)@\(domain)", name: nil, organisation: nil, interests: [], source: "/", now: Date())
                else { continue }
                _ = try await platform.subscribers.confirm(subscriber.id, now: Date())
            }
            try await platform.editions.create(edition)
            #expect(try await platform.editionDispatch.start(edition)?.messages == subscribers)
        } catch {
            await platform.shutdown()
            throw error
        }
        return (platform, edition)
    }

    @Test(arguments: TestBackend.available)
    func aGracefulShutdownMidSendLeavesNothingInDoubt(backend: TestBackend) async throws {
        try await ScratchDatabase.with(backend) { location in
            let domain = "stop-\(UUID().uuidString.prefix(8).lowercased()).example"
            let (platform, edition) = try await Self.enqueue(location, domain: domain)
            let log = FileManager.default.temporaryDirectory.appendingPathComponent("stop-\(domain).log")
            defer { try? FileManager.default.removeItem(at: log) }
            // Rate-limited (a batch of 100 takes 20 s at 5/s), so the workers are waiting for their turn when the stop comes.
            let server = try Self.serve(location, port: FreePort.pick(), log: log, rate: 5)
            defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }
            let started = try await Self.waitUntil(seconds: 60) { try Self.deliveries(domain: domain).count >= 5 }
            let stopAsked = Date()
            server.terminate()
            let stopped = try await Self.waitUntil(seconds: 20) { !server.isRunning }
            let took = Date().timeIntervalSince(stopAsked)
            let progress = try await platform.outbox.progress(edition: edition.id)
            let deliveries = try Self.deliveries(domain: domain)
            await platform.shutdown()
            #expect(started && stopped, "\((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
            #expect(took < 10, "SIGTERM took \(took) s")
            #expect(progress[.sending] == 0 && progress[.failed] == 0, "nothing left in doubt: \(progress.counts)")
            #expect(progress[.sent] == deliveries.count && deliveries.values.allSatisfy { $0 == 1 })
            #expect(progress[.queued] == Self.subscribers - progress[.sent], "the rest waits for the next start")
        }
    }

    @Test(arguments: TestBackend.available)
    func aKilledSenderResumesAndNobodyGetsTheEditionTwice(backend: TestBackend) async throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build the executable first: swift build --build-tests")
        try await ScratchDatabase.with(backend) { location in
            let domain = "crash-\(UUID().uuidString.prefix(8).lowercased()).example"
            let (platform, edition) = try await Self.enqueue(location, domain: domain)
            let logs = FileManager.default.temporaryDirectory.appendingPathComponent("crash-\(domain)")
            try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: logs) }
            // The first process: killed without warning once a quarter has gone out.
            let first = try Self.serve(location, port: FreePort.pick(), log: logs.appendingPathComponent("first.log"))
            let started = try await Self.waitUntil(seconds: 60) { try Self.deliveries(domain: domain).count >= Self.subscribers / 4 }
            kill(first.processIdentifier, SIGKILL)
            first.waitUntilExit()
            let atKill = try Self.deliveries(domain: domain).values.reduce(0, +)
            #expect(started, "the first process sent nothing: \((try? String(contentsOf: logs.appendingPathComponent("first.log"), encoding: .utf8)) ?? "")")
            #expect(atKill < Self.subscribers, "killed mid-send, not after the end")

            // The second process takes over once the dead worker's lease has run out.
            let second = try Self.serve(location, port: FreePort.pick(), log: logs.appendingPathComponent("second.log"))
            defer { if second.isRunning { kill(second.processIdentifier, SIGKILL) } }
            let finished = try await Self.waitUntil(seconds: 90) { try await platform.outbox.progress(edition: edition.id).isFinished }
            second.terminate()
            second.waitUntilExit()
            let progress = try await platform.outbox.progress(edition: edition.id)
            let deliveries = try Self.deliveries(domain: domain)
            await platform.shutdown()

            #expect(finished, "the second process did not finish: \((try? String(contentsOf: logs.appendingPathComponent("second.log"), encoding: .utf8)) ?? "")")
            #expect(deliveries.values.allSatisfy { $0 == 1 }, "someone got the edition twice: \(deliveries.filter { $0.value > 1 })")
            #expect(deliveries.count > atKill, "the second process sent the rest")
            // What is in doubt is what was on the wire at the kill: at most a chunk per connection.
            #expect(progress[.failed] <= Self.connections * Self.chunk, "in doubt: \(progress[.failed])")
            #expect(progress[.sent] + progress[.failed] == Self.subscribers, "every message accounted for: \(progress.counts)")
            // Every message marked sent arrived; of those in doubt, some may have.
            #expect(deliveries.count >= progress[.sent] && deliveries.count <= progress[.sent] + progress[.failed],
                    "delivered \(deliveries.count), at the kill \(atKill), outbox \(progress.counts)")
            print("outbox crash test (\(backend)): \(atKill) delivered at the kill, \(deliveries.count) in all, \(progress[.failed]) in doubt")
        }
    }
}
