import Foundation

/// A recipient as enqueueing needs it.
public struct Recipient: Sendable, Equatable {
    public var subscriberID: UUID
    public var email: String
    public var interests: [String]

    public init(subscriberID: UUID, email: String, interests: [String]) {
        self.subscriberID = subscriberID
        self.email = email
        self.interests = interests
    }
}

public enum EditionProblem: Error, Sendable, Equatable {
    /// Someone saved in between; the caller's input is kept and shown again.
    case changedMeanwhile
    /// Sent editions do not change.
    case notEditable
    case slugTaken
    case unknown
}

/// Where editions, their rendered variants and their enqueueing live.
public protocol EditionStore: Sendable {
    func create(_ edition: Edition) async throws(EditionProblem)
    /// Saves when the stored version is still `expectedVersion` (the one the editor loaded); the stored
    /// edition then gets `expectedVersion + 1`. Otherwise `changedMeanwhile`, and nothing is written.
    func save(_ edition: Edition, expectedVersion: Int) async throws(EditionProblem) -> Edition
    func edition(_ id: UUID) async throws -> Edition?
    func edition(slug: String) async throws -> Edition?
    /// Every edition, newest first.
    func editions() async throws -> [Edition]
    /// Sent editions, newest first: the archive.
    func sentEditions() async throws -> [Edition]
    /// Scheduled editions whose time has come.
    func dueEditions(now: Date) async throws -> [Edition]
    /// When the last edition before this one started sending; automatic lists start there.
    func previousSendStart(before: Date) async throws -> Date?

    /// In one transaction: moves the edition from concept or scheduled to sending (only one caller
    /// wins), stores its variants and counted links and enqueues one message per recipient. False
    /// when it was already sent.
    func startSending(_ edition: UUID, variants: [EditionVariant], links: [EditionLink], messages: [NewOutboxMessage],
                      now: Date) async throws -> Bool
    /// Adds a click to a counted link and gives its address; nil for an unknown id.
    func countClick(_ id: String) async throws -> String?
    /// An edition's counted links, most clicked first; empty when counting was off when it went out.
    func links(edition: UUID) async throws -> [EditionLink]
    func variant(edition: UUID, key: String) async throws -> EditionVariant?
    func delete(_ id: UUID) async throws(EditionProblem)
}

extension EditionStore {
    /// Starts sending without counted links (click counting off).
    public func startSending(_ edition: UUID, variants: [EditionVariant], messages: [NewOutboxMessage], now: Date) async throws -> Bool {
        try await startSending(edition, variants: variants, links: [], messages: messages, now: now)
    }
}
