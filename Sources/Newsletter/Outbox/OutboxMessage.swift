import Foundation

/// Where one message of the outbox stands. Rows move queued → sending → sent, failed or bounced;
/// a temporary failure moves a row back to queued with a later attempt time.
public enum OutboxState: String, Sendable, Codable, CaseIterable {
    case queued
    /// Handed to the SMTP server and not yet known to be accepted. A row found here after a crash
    /// may or may not have been delivered, so it is never sent again (see `OutboxStore.recoverInterrupted`).
    case sending
    case sent
    /// Refused for good (5xx other than at RCPT), out of retries, or interrupted mid-delivery; the reason says which.
    case failed
    /// The server refused the recipient (5xx at RCPT TO).
    case bounced
    /// The subscriber left before their message went out.
    case cancelled
}

/// One message to send, as the worker claims it: who gets which variant of which edition.
public struct OutboxMessage: Sendable, Equatable {
    public var id: Int64
    public var editionID: UUID
    /// Which of the edition's rendered variants this recipient gets (the sections that match their interests).
    public var variant: String
    public var recipient: String
    public var subscriberID: UUID?
    /// Attempts made before this one.
    public var attempts: Int

    public init(id: Int64, editionID: UUID, variant: String, recipient: String, subscriberID: UUID?, attempts: Int) {
        self.id = id
        self.editionID = editionID
        self.variant = variant
        self.recipient = recipient
        self.subscriberID = subscriberID
        self.attempts = attempts
    }
}

/// A message to put in the outbox.
public struct NewOutboxMessage: Sendable, Equatable {
    public var variant: String
    public var recipient: String
    public var subscriberID: UUID

    public init(variant: String, recipient: String, subscriberID: UUID) {
        self.variant = variant
        self.recipient = recipient
        self.subscriberID = subscriberID
    }
}

/// How far an edition has got: counts per state, for the portal and the statistics.
public struct OutboxProgress: Sendable, Equatable {
    public var counts: [OutboxState: Int]

    public init(counts: [OutboxState: Int] = [:]) { self.counts = counts }

    public subscript(state: OutboxState) -> Int { counts[state] ?? 0 }
    public var total: Int { counts.values.reduce(0, +) }
    /// Still to go: queued or on the wire.
    public var remaining: Int { self[.queued] + self[.sending] }
    public var isFinished: Bool { total > 0 && remaining == 0 }
}
