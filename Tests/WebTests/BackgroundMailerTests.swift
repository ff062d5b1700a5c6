import Foundation
import Logging
import Mail
import ServiceLifecycle
import Synchronization
import Testing
import WeerbaarApp

/// The queue's own mechanics, against a mailer that records and can be held; the newsletter tests
/// cover the same mailer in front of the real SMTP server.
@Suite struct BackgroundMailerTests {
    @Test func aSenderDoesNotWaitForDeliveryAndAGracefulShutdownStillDeliversWhatIsQueued() async throws {
        let held = HeldMailer()
        let mailer = BackgroundMailer(mailer: held, logger: Self.logger, parallel: 2)
        try await Self.running(mailer) { stop in
            // Every send returns while the server holds all deliveries.
            let handedOver = try await Self.within(.seconds(5), orElse: held.release) {
                for n in 0..<10 { try await mailer.send(Self.message(n)) }
            }
            #expect(handedOver, "send waited for delivery")
            #expect(held.delivered.isEmpty)
            await stop()
            held.release()
        }
        #expect(held.delivered.sorted() == (0..<10).map { "bericht \($0)" })
        #expect(!mailer.isRunning)
        // Stopped: mail goes out in the caller again, nothing waits in a queue nobody drains.
        try await mailer.send(Self.message(10))
        #expect(held.delivered.count == 11)
    }

    @Test func withoutTheServiceMailIsDeliveredBeforeSendReturns() async throws {
        let held = HeldMailer()
        held.release()
        let mailer = BackgroundMailer(mailer: held, logger: Self.logger)
        try await mailer.send(Self.message(0))
        #expect(held.delivered == ["bericht 0"])
    }

    @Test func aTemporaryFailureIsRetriedAndAPermanentOneIsNot() async throws {
        let held = HeldMailer(failures: ["bericht 0": .temporary(code: 451, message: "later"), "bericht 1": .permanent(code: 554, message: "nee")],
                              failing: 2)
        held.release()
        let mailer = BackgroundMailer(mailer: held, logger: Self.logger, retryDelays: [.milliseconds(10), .milliseconds(10), .milliseconds(10)])
        try await Self.running(mailer) { stop in
            try await mailer.send(Self.message(0))
            try await mailer.send(Self.message(1))
            await stop()
        }
        #expect(held.attempts["bericht 0"] == 3, "two temporary failures, then delivered")
        #expect(held.attempts["bericht 1"] == 1, "a permanent failure is final")
        #expect(held.delivered == ["bericht 0"])
    }

    static let logger = Logger(label: "background-mailer-test")

    static func message(_ n: Int) -> MailMessage {
        MailMessage(from: try! MailAddress("weerbaar@weerbaar.example"), to: [try! MailAddress("lezer@gemeente.example")], subject: "bericht \(n)", text: "Tekst")
    }

    /// Runs `mailer` as a service while `body` runs; `body` gets a function that asks for a graceful
    /// shutdown, and this returns once the service has ended.
    static func running(_ mailer: BackgroundMailer, _ body: (@Sendable () async -> Void) async throws -> Void) async throws {
        let group = ServiceGroup(configuration: .init(services: [mailer], logger: logger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            while !mailer.isRunning { try await Task.sleep(for: .milliseconds(5)) }
            try await body { await group.triggerGracefulShutdown() }
            try await tasks.waitForAll()
        }
    }

    /// Whether `work` finished within `limit`; if not, `orElse` runs to let it finish.
    static func within(_ limit: Duration, orElse: @escaping @Sendable () -> Void,
                       _ work: @escaping @Sendable () async throws -> Void) async throws -> Bool {
        try await withThrowingTaskGroup(of: Bool.self) { tasks in
            tasks.addTask { try await work(); return true }
            tasks.addTask { try await Task.sleep(for: limit); return false }
            let first = try await tasks.next() ?? false
            if !first { orElse() }
            tasks.cancelAll()
            return first
        }
    }
}

/// Records what it delivers; holds every delivery until released, and fails the named messages
/// (the first `failing` attempts of each) with the given error.
final class HeldMailer: Mailer {
    private struct State {
        var open = false
        var waiting: [CheckedContinuation<Void, Never>] = []
        var delivered: [String] = []
        var attempts: [String: Int] = [:]
    }
    private let state = Mutex(State())
    private let failures: [String: SMTPError]
    private let failing: Int

    init(failures: [String: SMTPError] = [:], failing: Int = 0) {
        self.failures = failures
        self.failing = failing
    }

    var delivered: [String] { state.withLock { $0.delivered } }
    var attempts: [String: Int] { state.withLock { $0.attempts } }

    func release() {
        let waiting = state.withLock { state in
            state.open = true
            defer { state.waiting = [] }
            return state.waiting
        }
        waiting.forEach { $0.resume() }
    }

    func send(_ message: MailMessage) async throws {
        await withCheckedContinuation { continuation in
            let open = state.withLock { state in
                if !state.open { state.waiting.append(continuation) }
                return state.open
            }
            if open { continuation.resume() }
        }
        let attempt = state.withLock { state in
            state.attempts[message.subject, default: 0] += 1
            return state.attempts[message.subject]!
        }
        if let failure = failures[message.subject], failure.isTemporary ? attempt <= failing : true { throw failure }
        state.withLock { $0.delivered.append(message.subject) }
    }
}
