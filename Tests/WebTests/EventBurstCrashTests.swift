import Events
import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOCore
import Storage
import Synchronization
import Testing
import TestSupport
import WeerbaarApp
@testable import Web

/// Capacity survives a crash: a real `weerbaar serve` takes a burst of registrations for 20 seats
/// over HTTP and is killed with SIGKILL in the middle. After a restart every registration that was
/// acknowledged (a redirect to its personal link) is there in the state it was told, nobody holds
/// two registrations, and no more than 20 seats are taken.
@Suite(.serialized) struct EventBurstCrashTests {
    final class Acknowledged: Sendable {
        let list = Mutex<[(email: String, location: String)]>([])
    }

    static let seats = 20
    static let clients = 300
    /// Acknowledged registrations at which the server is killed.
    static let killAt = 30

    static func event(now: Date = Date()) -> Event {
        Event(slug: "drukte-proef", kind: .training, provider: "vng", title: "Proef: drukte bij de aanmelding", description: "Proef.",
              themes: ["polarisatie"], venue: "Zaal", online: false, registrationOpens: now.addingTimeInterval(-86_400),
              registrationCloses: now.addingTimeInterval(86_400 * 5), capacity: seats, privacyNotice: "Proef.",
              sessions: [Event.Session(id: "1", title: "Dag", starts: now.addingTimeInterval(86_400 * 10), ends: now.addingTimeInterval(86_400 * 10 + 7_200))])
    }

    /// One request on its own connection; nil when the server did not answer (it was killed).
    static func send(port: Int, _ request: TestClient.Request) async -> TestClient.Response? {
        try? await TestClient.withClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(20))) { client in
            try await client.execute(request)
        }
    }

    static func register(port: Int, n: Int, domain: String) async -> (email: String, location: String)? {
        let token = UUID().uuidString
        let email = "drukte\(n)@\(domain)"
        let body = "csrf=\(token)&naam=Deelnemer%20\(n)&email=\(email)&gemeente=GM0363"
        var headers = HTTPFields()
        headers[.contentType] = "application/x-www-form-urlencoded"
        headers[.cookie] = "\(EventServices.formCookie)=\(token)"
        guard let response = await send(port: port, .init("/agenda/drukte-proef/aanmelden", method: .post, headers: headers, body: ByteBuffer(string: body))),
              response.status == .seeOther, let location = response.headers[.location] else { return nil }
        return (email, location)
    }

    @Test(arguments: TestBackend.available)
    func aKilledServerLosesNoAcknowledgedRegistrationAndConfirmsNoneTwice(backend: TestBackend) async throws {
        #expect(FileManager.default.isExecutableFile(atPath: OutboxCrashTests.binary.path), "build the executable first: swift build --build-tests")
        try await ScratchDatabase.with(backend) { location in
            var configuration = Configuration(database: location, baseURL: "https://weerbaar.example", demoDirectory: Repository.demoDirectory)
            configuration.smtp = nil
            var logger = Logger(label: "burst-crash-test")
            logger.logLevel = .warning
            let platform = try await Platform.start(configuration, logger: logger, seedDemoWhenEmpty: true)
            let event = Self.event()
            let domain = "drukte-\(UUID().uuidString.prefix(8).lowercased()).example"
            let logs = FileManager.default.temporaryDirectory.appendingPathComponent("burst-\(domain)")
            try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: logs) }
            do {
                _ = try await platform.eventStore.save(event, revision: nil)
                let environment = ["REGISTRATIONS_PER_CLIENT": "100000", "HTTP_CONNECTIONS_PER_CLIENT": "10000", "SMTP_URL": ""]
                let port = FreePort.pick()
                let first = try OutboxCrashTests.serve(location, port: port, log: logs.appendingPathComponent("first.log"), environment: environment)
                defer { if first.isRunning { kill(first.processIdentifier, SIGKILL) } }
                let ready = try await OutboxCrashTests.waitUntil(seconds: 60) { await Self.send(port: port, .init("/healthz", method: .get))?.status == .ok }
                #expect(ready, "\((try? String(contentsOf: logs.appendingPathComponent("first.log"), encoding: .utf8)) ?? "")")

                let acknowledged = Acknowledged()
                let pid = first.processIdentifier
                // The burst: a first wave of `killAt` answered in full, then the rest at once, and SIGKILL
                // from an OS thread of its own 100 ms later. (A task of the cooperative pool
                // would be scheduled too late on a busy machine: the server answers the whole burst first.)
                await withTaskGroup(of: Void.self) { group in
                    for n in 0..<Self.killAt {
                        group.addTask { if let done = await Self.register(port: port, n: n, domain: domain) { acknowledged.list.withLock { $0.append(done) } } }
                    }
                }
                await withTaskGroup(of: Void.self) { group in
                    for n in Self.killAt..<Self.clients {
                        group.addTask { if let done = await Self.register(port: port, n: n, domain: domain) { acknowledged.list.withLock { $0.append(done) } } }
                    }
                    Thread.detachNewThread {
                        usleep(100_000)
                        kill(pid, SIGKILL)
                    }
                }
                first.waitUntilExit()
                let acked = acknowledged.list.withLock { $0 }
                #expect(acked.count >= Self.killAt && acked.count < Self.clients, "killed mid-burst: \(acked.count) of \(Self.clients) acknowledged")

                // After a restart: every acknowledged registration is there, as it was told.
                let second = try OutboxCrashTests.serve(location, port: port, log: logs.appendingPathComponent("second.log"), environment: environment)
                defer { if second.isRunning { kill(second.processIdentifier, SIGKILL) } }
                #expect(try await OutboxCrashTests.waitUntil(seconds: 60) { await Self.send(port: port, .init("/healthz", method: .get))?.status == .ok })
                let stored = try await platform.eventStore.registrations(event: event.slug)
                let byEmail = Dictionary(grouping: stored.filter { $0.state != .cancelled }, by: { $0.person?.email ?? "" })
                #expect(byEmail.values.allSatisfy { $0.count == 1 }, "someone holds two registrations")
                let seated = stored.filter { $0.state.holdsSeat }.count
                #expect(seated == min(Self.seats, stored.count), "seats taken: \(seated) of \(Self.seats), registrations \(stored.count)")
                for ack in acked {
                    let registration = byEmail[ack.email]?.first
                    let told: Registration.State = ack.location.hasSuffix("?aangemeld") ? .confirmed : .waitlisted
                    #expect(registration?.state == told, "\(ack.email) was told \(told), the store has \(String(describing: registration?.state))")
                    // The personal link the response gave still works after the crash.
                    let page = await Self.send(port: port, .init(String(ack.location.split(separator: "?")[0]), method: .get))
                    #expect(page?.status == .ok)
                }
                second.terminate()
                second.waitUntilExit()
                print("event burst crash test (\(backend)): \(acked.count) acknowledged before the kill, \(stored.count) stored, \(seated) seats taken")
            } catch {
                await platform.shutdown()
                throw error
            }
            await platform.shutdown()
        }
    }
}
