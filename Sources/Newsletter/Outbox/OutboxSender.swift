import Foundation
import Mail

/// Makes the e-mail for one outbox row (the edition's variant with the subscriber's personal links).
public protocol OutboxComposer: Sendable {
    func message(for row: OutboxMessage) async throws -> MailMessage
}

/// One instance's sending: claims due rows, sends them over several SMTP connections at once, and
/// records each outcome. The order of writes is what makes a crash safe: a row is marked sending
/// (durably) before the server sees it and sent right after the server accepts it, so a row is
/// either untouched and sent later, or in doubt and never sent again. Chunks bound that doubt to
/// `chunk` rows per connection.
public struct OutboxSender: Sendable {
    public struct Settings: Sendable {
        /// Parallel SMTP connections.
        public var connections: Int
        /// Rows marked sending in one write, and so the most a crash can leave in doubt per connection.
        /// One by default: two small writes per message buy the smallest doubt.
        public var chunk: Int
        /// Rows claimed per connection in one round.
        public var batchPerConnection: Int
        /// How long claimed rows stay with this worker before another may take them.
        public var lease: TimeInterval
        public var retry: RetryPolicy

        public init(connections: Int = 4, chunk: Int = 1, batchPerConnection: Int = 25, lease: TimeInterval = 120,
                    retry: RetryPolicy = RetryPolicy()) {
            self.connections = max(connections, 1)
            self.chunk = max(chunk, 1)
            self.batchPerConnection = max(batchPerConnection, 1)
            self.lease = lease
            self.retry = retry
        }
    }

    /// What one round did.
    public struct Round: Sendable, Equatable {
        public var claimed = 0
        public var sent = 0
        public var retried = 0
        public var failed = 0
        public var bounced = 0
        /// Set when a connection could not be opened or broke: the caller should wait before the next round.
        public var connectionProblem: String?
    }

    let store: any OutboxStore
    let composer: any OutboxComposer
    let client: SMTPClient
    let rate: SendRate
    let settings: Settings
    public let worker: String

    public init(store: any OutboxStore, composer: any OutboxComposer, client: SMTPClient, rate: SendRate,
                settings: Settings = Settings(), worker: String = OutboxSender.newWorkerName()) {
        self.store = store
        self.composer = composer
        self.client = client
        self.rate = rate
        self.settings = settings
        self.worker = worker
    }

    /// A name for this process's worker, for the outbox's leases.
    public static func newWorkerName() -> String { "worker-" + UUID().uuidString.prefix(8).lowercased() }

    /// Claims one batch of due rows and sends it. A round with `claimed == 0` found nothing to do.
    public func sendDue(now: Date = Date()) async throws -> Round {
        // A batch is a share per connection, and no more than the rate allows in half a lease.
        var size = settings.connections * settings.batchPerConnection
        if rate.perSecond > 0 { size = max(1, min(size, Int(rate.perSecond * settings.lease / 2))) }
        let rows = try await store.claim(worker: worker, limit: size, now: now, leaseUntil: now.addingTimeInterval(settings.lease))
        guard !rows.isEmpty else { return Round() }
        // Deal rows out round-robin so every connection gets a share of every edition.
        var groups = Array(repeating: [OutboxMessage](), count: min(settings.connections, rows.count))
        for (index, row) in rows.enumerated() { groups[index % groups.count].append(row) }
        var total = Round(claimed: rows.count)
        try await withThrowingTaskGroup(of: Round.self) { tasks in
            for group in groups {
                tasks.addTask { try await self.send(group) }
            }
            for try await round in tasks {
                total.sent += round.sent
                total.retried += round.retried
                total.failed += round.failed
                total.bounced += round.bounced
                total.connectionProblem = total.connectionProblem ?? round.connectionProblem
            }
        }
        return total
    }

    /// Sends one group of rows over one connection.
    private func send(_ rows: [OutboxMessage]) async throws -> Round {
        var round = Round()
        var pending = rows[...]
        do {
            try await client.withSession { session in
                // Rows the server accepted whose `sent` mark rides along with the next write.
                var sent: [Int64] = []
                /// Stopping mid-chunk: record what was accepted, and put back what was marked sending but never handed over.
                func stop(returning rows: some Sequence<OutboxMessage>, reason: String) async throws {
                    try await store.markSent(sent, now: Date())
                    round.sent += sent.count
                    sent = []
                    for row in rows { try await store.scheduleRetry(row.id, reason: reason, retryAt: Date()) }
                }
                while !pending.isEmpty {
                    let chunk = Array(pending.prefix(settings.chunk))
                    // One write marks the previous messages sent and the next ones sending.
                    let moved = try await store.advance(sent: sent, sending: chunk.map(\.id), worker: worker,
                                                        leaseUntil: Date().addingTimeInterval(settings.lease), now: Date())
                    round.sent += sent.count
                    sent = []
                    pending = pending.dropFirst(chunk.count)
                    var untried = chunk.filter { moved.contains($0.id) }[...]
                    while let row = untried.first {
                        untried = untried.dropFirst()
                        let message: MailMessage
                        do {
                            message = try await composer.message(for: row)
                        } catch {
                            try await store.markFailed(row.id, reason: "Niet op te maken: \(error)", now: Date())
                            round.failed += 1
                            continue
                        }
                        do {
                            try await rate.acquire()
                        } catch {
                            // Shutting down while waiting for the rate: this row and the rest of the chunk were
                            // never handed over, so they go back to the queue rather than into doubt.
                            try await stop(returning: [row] + untried, reason: "Onderbroken door afsluiten voor verzending")
                            throw CancellationError()
                        }
                        do {
                            try await session.send(message)
                            sent.append(row.id)
                        } catch let error as SMTPError {
                            try await record(error, for: row, into: &round)
                            if case .connection = error {
                                // The connection is gone.
                                try await stop(returning: untried, reason: "Verbinding verbroken voor verzending")
                                throw error
                            }
                        }
                    }
                }
                try await store.markSent(sent, now: Date())
                round.sent += sent.count
            }
        } catch let error as SMTPError {
            // Not connected, or the connection broke: rows not yet marked sending go back untouched.
            if !pending.isEmpty { try await store.release(pending.map(\.id), worker: worker) }
            round.connectionProblem = error.description
        } catch is CancellationError {
            // Shutting down: what this connection had not started on is free for the next worker at once.
            if !pending.isEmpty { try await store.release(pending.map(\.id), worker: worker) }
        }
        return round
    }

    /// Temporary failures wait and try again; permanent ones stop; a refused recipient is a bounce.
    private func record(_ error: SMTPError, for row: OutboxMessage, into round: inout Round) async throws {
        switch error {
        case .recipientRejected:
            try await store.markBounced(row.id, reason: error.description, now: Date())
            round.bounced += 1
        case .temporary, .connection:
            if let delay = settings.retry.delay(afterFailedAttempts: row.attempts + 1) {
                try await store.scheduleRetry(row.id, reason: error.description, retryAt: Date().addingTimeInterval(delay))
                round.retried += 1
            } else {
                try await store.markFailed(row.id, reason: "Opgegeven na \(row.attempts + 1) pogingen: \(error.description)", now: Date())
                round.failed += 1
            }
        case .permanent, .protocolViolation:
            try await store.markFailed(row.id, reason: error.description, now: Date())
            round.failed += 1
        }
    }
}
