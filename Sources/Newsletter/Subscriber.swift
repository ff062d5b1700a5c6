import Foundation

/// Someone who asked for WeerbaarNL. Only what sending needs and the AVG asks to prove is kept: the
/// address, optional name and organisation, interests, when and where consent was given, and when it
/// was confirmed. Nothing is sent before `confirmedAt`.
public struct Subscriber: Sendable, Equatable, Codable {
    public var id: UUID
    public var email: String
    public var name: String?
    public var organisation: String?
    /// Theme slugs; empty means everything.
    public var interests: [String]
    public var consentAt: Date
    /// Where the sign-up came from: the page's path ("/nieuwsbrief", "/aanbod", …).
    public var consentSource: String
    public var confirmedAt: Date?
    public var paused: Bool
    /// False for someone who asked only for alerts on a search ("Houd mij op de hoogte"): no editions.
    public var newsletter: Bool

    public init(id: UUID = UUID(), email: String, name: String? = nil, organisation: String? = nil, interests: [String] = [],
                consentAt: Date, consentSource: String, confirmedAt: Date? = nil, paused: Bool = false, newsletter: Bool = true) {
        self.newsletter = newsletter
        self.id = id
        self.email = email
        self.name = name
        self.organisation = organisation
        self.interests = interests
        self.consentAt = consentAt
        self.consentSource = consentSource
        self.confirmedAt = confirmedAt
        self.paused = paused
    }

    public var isConfirmed: Bool { confirmedAt != nil }

    /// Unconfirmed sign-ups are removed after this.
    public static let confirmWithin: TimeInterval = 7 * 24 * 60 * 60
}

/// What a sign-up did. The page says the same in every case; only the e-mail differs.
public enum SubscribeOutcome: Sendable, Equatable {
    /// A new, unconfirmed subscriber: send the confirmation link.
    case pending(Subscriber)
    /// Signed up before but never confirmed: a fresh consent and a new confirmation link.
    case pendingAgain(Subscriber)
    /// Already confirmed: tell them so, with their preferences link, and change nothing.
    case alreadyConfirmed(Subscriber)
}

public enum ConfirmOutcome: Sendable, Equatable {
    case confirmed(Subscriber)
    case alreadyConfirmed(Subscriber)
    case unknown
}

/// Where subscribers are kept.
public protocol SubscriberStore: Sendable {
    func subscribe(email: String, name: String?, organisation: String?, interests: [String], source: String, now: Date) async throws -> SubscribeOutcome
    func subscriber(_ id: UUID) async throws -> Subscriber?
    func confirm(_ id: UUID, now: Date) async throws -> ConfirmOutcome
    /// False when the subscriber no longer exists.
    func update(_ id: UUID, name: String?, organisation: String?, interests: [String], paused: Bool) async throws -> Bool
    /// Removes every trace of the subscriber and counts one anonymous erasure. False when unknown.
    func erase(_ id: UUID) async throws -> Bool
    /// Removes sign-ups not confirmed since `before`; returns how many.
    func purgeUnconfirmed(before: Date) async throws -> Int
    func erasureCount() async throws -> Int
    /// Everyone an edition goes to now: confirmed, not paused, and wanting the newsletter (not only alerts).
    func recipients() async throws -> [Recipient]
    /// Whether the subscriber gets editions, besides any alerts. False when the subscriber no longer exists.
    func setNewsletter(_ id: UUID, _ wanted: Bool) async throws -> Bool
    func confirmedCount() async throws -> Int
}
