import Foundation

/// "Houd mij op de hoogte": a saved /aanbod search that e-mails what newly matches it, daily or
/// weekly, and nothing when nothing is new. Confirmed like a subscription (double opt-in).
public struct Alert: Sendable, Equatable, Codable {
    public var id: UUID
    public var subscriberID: UUID
    /// The search as the catalogue page's query string, canonical and without "?" ("q=…&thema=…").
    public var query: String
    /// The search in words, for mails and the preferences page.
    public var label: String
    public var frequency: AlertFrequency
    public var createdAt: Date
    public var confirmedAt: Date?
    public var lastSentAt: Date?
    /// Offerings (keys "provider/id") that matched when it last looked; only others are new.
    public var seen: [String]

    public init(id: UUID = UUID(), subscriberID: UUID, query: String, label: String, frequency: AlertFrequency, createdAt: Date,
                confirmedAt: Date? = nil, lastSentAt: Date? = nil, seen: [String] = []) {
        self.id = id
        self.subscriberID = subscriberID
        self.query = query
        self.label = label
        self.frequency = frequency
        self.createdAt = createdAt
        self.confirmedAt = confirmedAt
        self.lastSentAt = lastSentAt
        self.seen = seen
    }

    /// How many matching offerings an alert remembers; a search broader than this is not a useful alert.
    public static let maxSeen = 5_000
    /// Alerts one address may have.
    public static let maxPerSubscriber = 20
}

public enum AlertFrequency: String, Sendable, Codable, CaseIterable {
    case daily = "dagelijks"
    case weekly = "wekelijks"

    public var label: String { self == .daily ? "dagelijks" : "wekelijks (op maandag)" }
}

/// A confirmed alert that is due, with where it goes.
public struct DueAlert: Sendable, Equatable {
    public var alert: Alert
    public var email: String

    public init(alert: Alert, email: String) {
        self.alert = alert
        self.email = email
    }
}

public enum AlertOutcome: Sendable, Equatable {
    /// Created, unconfirmed: send the confirmation link. `subscriber` may be new (alerts only) or existing.
    case pending(Alert, Subscriber)
    /// The address has too many alerts already.
    case tooMany(Subscriber)
}

/// Where alerts are kept.
public protocol AlertStore: Sendable {
    /// Finds or creates the subscriber (a new one gets alerts only and confirms with the alert) and
    /// adds an unconfirmed alert.
    func create(email: String, query: String, label: String, frequency: AlertFrequency, source: String, now: Date) async throws -> AlertOutcome
    func alert(_ id: UUID) async throws -> Alert?
    func alerts(subscriber: UUID) async throws -> [Alert]
    /// Confirms the alert, and its subscriber when that was unconfirmed (the click proves the address).
    /// `seen` is what matches now, so the first mail holds only what is new after today. False when unknown.
    func confirm(_ id: UUID, seen: [String], now: Date) async throws -> Bool
    func setFrequency(_ id: UUID, _ frequency: AlertFrequency) async throws -> Bool
    /// Removes the alert; a subscriber left with no alerts and no newsletter is erased as well.
    func stop(_ id: UUID) async throws -> Bool
    /// Confirmed alerts of this frequency whose subscriber is not paused.
    func due(_ frequency: AlertFrequency) async throws -> [DueAlert]
    func markSent(_ id: UUID, seen: [String], now: Date) async throws
    /// Unconfirmed alerts older than `before`; returns how many.
    func purgeUnconfirmed(before: Date) async throws -> Int
}
