import Foundation

/// The durable outbox: one row per message. Every method is safe with several workers in several
/// processes at once; a row is only ever moved by the worker that claimed it.
public protocol OutboxStore: Sendable {
    /// Adds the messages of an edition as queued.
    func enqueue(edition: UUID, _ messages: [NewOutboxMessage], now: Date) async throws

    /// Takes up to `limit` queued rows that are due and not leased to a live worker, and leases them
    /// to `worker` until `leaseUntil`. Rows stay queued: a crash before `markSending` loses nothing.
    func claim(worker: String, limit: Int, now: Date, leaseUntil: Date) async throws -> [OutboxMessage]

    /// Moves the given rows, still queued and leased to `worker`, to sending, and extends their lease.
    /// Returns the ids it moved: only those may be handed to the SMTP server.
    func markSending(_ ids: [Int64], worker: String, leaseUntil: Date) async throws -> Set<Int64>

    func markSent(_ ids: [Int64], now: Date) async throws
    /// `markSent(sent)` and `markSending(sending)` in one write; returns the ids moved to sending.
    func advance(sent: [Int64], sending: [Int64], worker: String, leaseUntil: Date, now: Date) async throws -> Set<Int64>
    /// Back to queued for another attempt at `retryAt`, with the reason of this failure.
    func scheduleRetry(_ id: Int64, reason: String, retryAt: Date) async throws
    func markFailed(_ id: Int64, reason: String, now: Date) async throws
    func markBounced(_ id: Int64, reason: String, now: Date) async throws

    /// Gives claimed rows back without an attempt (a worker shutting down).
    func release(_ ids: [Int64], worker: String) async throws

    /// Rows left in sending after their lease ran out belong to a worker that died mid-delivery: the
    /// server may have accepted them. They become failed ("interrupted") and are never sent again,
    /// so nobody gets an edition twice. Returns how many.
    func recoverInterrupted(now: Date) async throws -> Int

    func progress(edition: UUID) async throws -> OutboxProgress
    /// Messages of the edition sent after `since`: the current rate, for the portal.
    func sentCount(edition: UUID, since: Date) async throws -> Int
    /// Failure reasons of an edition with their counts, most frequent first.
    func failureReasons(edition: UUID, limit: Int) async throws -> [(reason: String, count: Int)]
    /// Forgets whom finished messages (sent, failed, bounced, cancelled) went to once they finished
    /// before `before`: the address, the subscriber and the server's answer (which often repeats the
    /// address). The rows and their states stay, so an edition's counts do not change.
    func forgetRecipients(finishedBefore before: Date) async throws
}

public enum OutboxRetention {
    /// How long the outbox remembers whom a finished message went to: long enough to answer "did you
    /// send it to me?" and to see why a delivery failed, and no longer.
    public static let recipients: TimeInterval = 30 * 24 * 3600
}
