import FluentKit
import Foundation
import Newsletter
import SQLKit

/// The outbox in the relational database, in hand-written SQL: claiming is one conditional UPDATE.
/// On PostgreSQL the candidates are locked with `FOR UPDATE SKIP LOCKED`, so workers in several
/// instances take disjoint batches without waiting on each other; SQLite has one writer at a time,
/// which serialises the same statement.
public struct SQLOutboxStore: OutboxStore {
    /// The queues of the same shape: the newsletter's editions, and organisers' messages to an event's participants.
    public enum Queue: String, Sendable {
        case newsletter = "newsletter_outbox"
        case agenda = "event_outbox"
    }

    let database: any Database
    let table: String

    public init(database: WeerbaarDatabase, queue: Queue = .newsletter) {
        self.database = database.database
        self.table = queue.rawValue
    }
    init(database: any Database, queue: Queue = .newsletter) {
        self.database = database
        self.table = queue.rawValue
    }

    var isPostgres: Bool { database.sql.dialect.name == "postgresql" }

    public func enqueue(edition: UUID, _ messages: [NewOutboxMessage], now: Date) async throws {
        try await database.transaction { tx in try await Self.insert(edition: edition, messages, now: now, on: tx, table: table) }
    }

    /// Multi-row inserts, small enough for SQLite's limit on bound parameters.
    static func insert(edition: UUID, _ messages: [NewOutboxMessage], now: Date, on database: any Database,
                       table: String = Queue.newsletter.rawValue) async throws {
        let sql = database.sql
        for start in stride(from: 0, to: messages.count, by: 100) {
            let rows = messages[start..<min(start + 100, messages.count)]
            var insert = sql.insert(into: table)
                .columns("edition_id", "variant_key", "recipient", "subscriber_id", "state", "attempts", "next_attempt_at", "updated_at")
            for message in rows {
                insert = insert.values(SQLBind(edition), SQLBind(message.variant), SQLBind(message.recipient), SQLBind(message.subscriberID),
                                       SQLBind(OutboxState.queued.rawValue), SQLBind(0), SQLBind(now), SQLBind(now))
            }
            try await insert.run()
        }
    }

    struct ClaimedRow: Decodable {
        var id: Int64
        var edition_id: UUID
        var variant_key: String
        var recipient: String?
        var subscriber_id: UUID?
        var attempts: Int
    }

    public func claim(worker: String, limit: Int, now: Date, leaseUntil: Date) async throws -> [OutboxMessage] {
        let lock: SQLQueryString = isPostgres ? " FOR UPDATE SKIP LOCKED" : ""
        let rows = try await database.sql.raw("""
            UPDATE \(ident: table) SET worker = \(bind: worker), lease_until = \(bind: leaseUntil)
            WHERE id IN (
                SELECT id FROM \(ident: table)
                WHERE state = 'queued' AND next_attempt_at <= \(bind: now) AND (lease_until IS NULL OR lease_until < \(bind: now))
                ORDER BY id LIMIT \(bind: limit)\(lock))
            RETURNING id, edition_id, variant_key, recipient, subscriber_id, attempts
            """).all(decoding: ClaimedRow.self)
        return rows.sorted { $0.id < $1.id }.compactMap { row in
            guard let recipient = row.recipient else { return nil }
            return OutboxMessage(id: row.id, editionID: row.edition_id, variant: row.variant_key, recipient: recipient,
                                 subscriberID: row.subscriber_id, attempts: row.attempts)
        }
    }

    public func markSending(_ ids: [Int64], worker: String, leaseUntil: Date) async throws -> Set<Int64> {
        guard !ids.isEmpty else { return [] }
        struct Row: Decodable { var id: Int64 }
        let rows = try await database.sql.raw("""
            UPDATE \(ident: table) SET state = 'sending', lease_until = \(bind: leaseUntil), updated_at = \(bind: Date())
            WHERE id IN (\(binds: ids)) AND state = 'queued' AND worker = \(bind: worker) AND recipient IS NOT NULL
            RETURNING id
            """).all(decoding: Row.self)
        return Set(rows.map(\.id))
    }

    public func markSent(_ ids: [Int64], now: Date) async throws {
        guard !ids.isEmpty else { return }
        try await database.sql.raw("""
            UPDATE \(ident: table) SET state = 'sent', worker = NULL, lease_until = NULL, reason = NULL, updated_at = \(bind: now)
            WHERE id IN (\(binds: ids)) AND state = 'sending'
            """).run()
    }

    public func advance(sent: [Int64], sending: [Int64], worker: String, leaseUntil: Date, now: Date) async throws -> Set<Int64> {
        guard !sent.isEmpty else { return try await markSending(sending, worker: worker, leaseUntil: leaseUntil) }
        guard !sending.isEmpty else {
            try await markSent(sent, now: now)
            return []
        }
        struct Row: Decodable {
            var id: Int64
            var state: String
        }
        let rows = try await database.sql.raw("""
            UPDATE \(ident: table) SET
                state = CASE WHEN id IN (\(binds: sent)) THEN 'sent' ELSE 'sending' END,
                worker = CASE WHEN id IN (\(binds: sent)) THEN NULL ELSE worker END,
                lease_until = CASE WHEN id IN (\(binds: sent)) THEN NULL ELSE \(bind: leaseUntil) END,
                reason = CASE WHEN id IN (\(binds: sent)) THEN NULL ELSE reason END,
                updated_at = \(bind: now)
            WHERE (id IN (\(binds: sent)) AND state = 'sending')
               OR (id IN (\(binds: sending)) AND state = 'queued' AND worker = \(bind: worker) AND recipient IS NOT NULL)
            RETURNING id, state
            """).all(decoding: Row.self)
        return Set(rows.filter { $0.state == "sending" }.map(\.id))
    }

    public func scheduleRetry(_ id: Int64, reason: String, retryAt: Date) async throws {
        try await database.sql.raw("""
            UPDATE \(ident: table) SET state = 'queued', attempts = attempts + 1, next_attempt_at = \(bind: retryAt),
                worker = NULL, lease_until = NULL, reason = \(bind: String(reason.prefix(500))), updated_at = \(bind: Date())
            WHERE id = \(bind: id) AND state = 'sending'
            """).run()
    }

    public func markFailed(_ id: Int64, reason: String, now: Date) async throws {
        try await finish(id, state: .failed, reason: reason, now: now)
    }

    public func markBounced(_ id: Int64, reason: String, now: Date) async throws {
        try await finish(id, state: .bounced, reason: reason, now: now)
    }

    private func finish(_ id: Int64, state: OutboxState, reason: String, now: Date) async throws {
        try await database.sql.raw("""
            UPDATE \(ident: table) SET state = \(bind: state.rawValue), attempts = attempts + 1, worker = NULL, lease_until = NULL,
                reason = \(bind: String(reason.prefix(500))), updated_at = \(bind: now)
            WHERE id = \(bind: id) AND state IN ('queued', 'sending')
            """).run()
    }

    public func release(_ ids: [Int64], worker: String) async throws {
        guard !ids.isEmpty else { return }
        try await database.sql.raw("""
            UPDATE \(ident: table) SET worker = NULL, lease_until = NULL
            WHERE id IN (\(binds: ids)) AND state = 'queued' AND worker = \(bind: worker)
            """).run()
    }

    public func recoverInterrupted(now: Date) async throws -> Int {
        try await database.sql.raw("""
            UPDATE \(ident: table) SET state = 'failed', worker = NULL, lease_until = NULL, updated_at = \(bind: now),
                reason = 'Onderbroken tijdens verzending; mogelijk afgeleverd, daarom niet opnieuw verstuurd'
            WHERE state = 'sending' AND lease_until < \(bind: now)
            RETURNING id
            """).all().count
    }

    public func progress(edition: UUID) async throws -> OutboxProgress {
        struct Row: Decodable {
            var state: String
            var count: Int
        }
        let rows = try await database.sql.raw("""
            SELECT state, CAST(COUNT(*) AS BIGINT) AS count FROM \(ident: table) WHERE edition_id = \(bind: edition) GROUP BY state
            """).all(decoding: Row.self)
        var counts: [OutboxState: Int] = [:]
        for row in rows { if let state = OutboxState(rawValue: row.state) { counts[state] = row.count } }
        return OutboxProgress(counts: counts)
    }

    public func sentCount(edition: UUID, since: Date) async throws -> Int {
        struct Row: Decodable { var count: Int }
        return try await database.sql.raw("""
            SELECT CAST(COUNT(*) AS BIGINT) AS count FROM \(ident: table)
            WHERE edition_id = \(bind: edition) AND state = 'sent' AND updated_at > \(bind: since)
            """).first(decoding: Row.self)?.count ?? 0
    }

    public func failureReasons(edition: UUID, limit: Int) async throws -> [(reason: String, count: Int)] {
        struct Row: Decodable {
            var reason: String
            var count: Int
        }
        return try await database.sql.raw("""
            SELECT reason, CAST(COUNT(*) AS BIGINT) AS count FROM \(ident: table)
            WHERE edition_id = \(bind: edition) AND state IN ('failed', 'bounced') AND reason IS NOT NULL
            GROUP BY reason ORDER BY COUNT(*) DESC, reason LIMIT \(bind: limit)
            """).all(decoding: Row.self).map { ($0.reason, $0.count) }
    }

    public func forgetRecipients(finishedBefore before: Date) async throws {
        try await database.sql.raw("""
            UPDATE \(ident: table) SET recipient = NULL, subscriber_id = NULL, reason = NULL
            WHERE state IN ('sent', 'failed', 'bounced', 'cancelled') AND updated_at < \(bind: before)
              AND (recipient IS NOT NULL OR subscriber_id IS NOT NULL OR reason IS NOT NULL)
            """).run()
    }

    /// Part of erasure: the subscriber's rows lose their address; what had not gone yet is cancelled.
    static func forget(subscriber: UUID, on database: any Database) async throws {
        try await database.sql.raw("""
            UPDATE newsletter_outbox SET recipient = NULL, subscriber_id = NULL, worker = NULL, lease_until = NULL,
                state = CASE WHEN state = 'queued' THEN 'cancelled' ELSE state END
            WHERE subscriber_id = \(bind: subscriber)
            """).run()
    }
}
