import FluentKit
import Foundation
import Newsletter
import SQLKit

final class SubscriberModel: Model, @unchecked Sendable {
    static let schema = "subscribers"

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    /// Lowercased: one subscription per address, however it is typed.
    @Field(key: "email_key") var emailKey: String
    @OptionalField(key: "name") var name: String?
    @OptionalField(key: "organisation") var organisation: String?
    /// Theme slugs joined by commas (slugs have none).
    @Field(key: "interests") var interests: String
    @Field(key: "consent_at") var consentAt: Date
    @Field(key: "consent_source") var consentSource: String
    @OptionalField(key: "confirmed_at") var confirmedAt: Date?
    @Field(key: "paused") var paused: Bool
    @Field(key: "newsletter") var newsletter: Bool

    init() {}

    func domain() throws -> Subscriber {
        Subscriber(id: try requireID(), email: email, name: name, organisation: organisation,
                   interests: interests.split(separator: ",").map(String.init), consentAt: consentAt, consentSource: consentSource,
                   confirmedAt: confirmedAt, paused: paused, newsletter: newsletter)
    }
}

/// Named counters that count without identifying (erasures).
final class CounterModel: Model, @unchecked Sendable {
    static let schema = "counters"
    @ID(custom: "name", generatedBy: .user) var id: String?
    @Field(key: "value") var value: Int64
    init() {}
}

final class SiteSecretModel: Model, @unchecked Sendable {
    static let schema = "site_secrets"
    @ID(custom: "name", generatedBy: .user) var id: String?
    @Field(key: "value") var value: String
    init() {}
}

/// Subscribers in the relational database, the same code on SQLite and PostgreSQL.
/// A row that conflicted on insert and was gone when read: erased in between. Rare; the form says to try again.
enum SubscriberStoreError: Error { case vanished }

public struct FluentSubscriberStore: SubscriberStore {
    let database: any Database

    public init(database: WeerbaarDatabase) { self.database = database.database }

    public func subscribe(email: String, name: String?, organisation: String?, interests: [String], source: String, now: Date) async throws
        -> SubscribeOutcome
    {
        try await database.transaction { tx in
            let key = email.lowercased()
            // What this sign-up consents to; a new consent replaces an old, unconfirmed one.
            func consent(_ model: SubscriberModel) {
                model.email = email
                model.name = name
                model.organisation = organisation
                model.interests = interests.joined(separator: ",")
                model.consentAt = now
                model.consentSource = source
                model.newsletter = true
            }
            // Insert unless the address is there: two sign-ups at once (a double click) meet at the
            // unique key without an error, and the second finds the row the first made.
            let id = UUID()
            let inserted = try await tx.sql.raw("""
                INSERT INTO subscribers (id, email, email_key, name, organisation, interests, consent_at, consent_source, paused, newsletter)
                VALUES (\(bind: id), \(bind: email), \(bind: key), \(bind: name), \(bind: organisation), \(bind: interests.joined(separator: ",")),
                        \(bind: now), \(bind: source), \(bind: false), \(bind: true))
                ON CONFLICT (email_key) DO NOTHING RETURNING id
                """).all()
            if !inserted.isEmpty, let model = try await SubscriberModel.find(id, on: tx) { return .pending(try model.domain()) }
            guard let existing = try await SubscriberModel.query(on: tx).filter(\.$emailKey == key).first() else {
                throw SubscriberStoreError.vanished
            }
            if existing.confirmedAt != nil { return .alreadyConfirmed(try existing.domain()) }
            consent(existing)
            try await existing.update(on: tx)
            return .pendingAgain(try existing.domain())
        }
    }

    public func subscriber(_ id: UUID) async throws -> Subscriber? {
        try await SubscriberModel.find(id, on: database)?.domain()
    }

    public func confirm(_ id: UUID, now: Date) async throws -> ConfirmOutcome {
        // Conditional, so two clicks at once confirm once and the second learns it was already done.
        let changed = try await database.sql.raw("""
            UPDATE subscribers SET confirmed_at = \(bind: now) WHERE id = \(bind: id) AND confirmed_at IS NULL RETURNING id
            """).all()
        guard let subscriber = try await subscriber(id) else { return .unknown }
        return changed.count == 1 ? .confirmed(subscriber) : .alreadyConfirmed(subscriber)
    }

    public func update(_ id: UUID, name: String?, organisation: String?, interests: [String], paused: Bool) async throws -> Bool {
        guard let model = try await SubscriberModel.find(id, on: database) else { return false }
        model.name = name
        model.organisation = organisation
        model.interests = interests.joined(separator: ",")
        model.paused = paused
        try await model.update(on: database)
        return true
    }

    public func erase(_ id: UUID) async throws -> Bool {
        try await database.transaction { tx in
            let deleted = try await tx.sql.raw("DELETE FROM subscribers WHERE id = \(bind: id) RETURNING id").all()
            guard deleted.count == 1 else { return false }
            try await SQLOutboxStore.forget(subscriber: id, on: tx)
            try await tx.sql.raw("DELETE FROM newsletter_alerts WHERE subscriber_id = \(bind: id)").run()
            try await Self.increment("erasures", on: tx)
            return true
        }
    }

    public func purgeUnconfirmed(before: Date) async throws -> Int {
        try await database.transaction { tx in
            try await tx.sql.raw("""
                DELETE FROM newsletter_alerts WHERE subscriber_id IN
                    (SELECT id FROM subscribers WHERE confirmed_at IS NULL AND consent_at < \(bind: before))
                """).run()
            return try await tx.sql.raw("DELETE FROM subscribers WHERE confirmed_at IS NULL AND consent_at < \(bind: before) RETURNING id").all().count
        }
    }

    public func erasureCount() async throws -> Int {
        Int(try await CounterModel.find("erasures", on: database)?.value ?? 0)
    }

    public func recipients() async throws -> [Recipient] {
        struct Row: Decodable {
            var id: UUID
            var email: String
            var interests: String
        }
        return try await database.sql.raw("""
            SELECT id, email, interests FROM subscribers WHERE confirmed_at IS NOT NULL AND paused = \(bind: false) AND newsletter = \(bind: true)
            ORDER BY email_key
            """).all(decoding: Row.self).map {
            Recipient(subscriberID: $0.id, email: $0.email, interests: $0.interests.split(separator: ",").map(String.init))
        }
    }

    public func setNewsletter(_ id: UUID, _ wanted: Bool) async throws -> Bool {
        try await database.sql.raw("UPDATE subscribers SET newsletter = \(bind: wanted) WHERE id = \(bind: id) RETURNING id").all().count == 1
    }

    /// Adds subscribers who confirmed elsewhere (moving from an earlier mailing tool; the benchmarks),
    /// in one transaction; an address already known is left as it is.
    public func addConfirmed(_ subscribers: [Subscriber]) async throws {
        try await database.transaction { tx in
            for start in stride(from: 0, to: subscribers.count, by: 50) {
                var insert = tx.sql.insert(into: "subscribers").columns("id", "email", "email_key", "interests", "consent_at", "consent_source",
                                                                          "confirmed_at", "paused", "newsletter")
                for s in subscribers[start..<min(start + 50, subscribers.count)] {
                    insert = insert.values(SQLBind(s.id), SQLBind(s.email), SQLBind(s.email.lowercased()), SQLBind(s.interests.joined(separator: ",")),
                                           SQLBind(s.consentAt), SQLBind(s.consentSource), SQLBind(s.confirmedAt ?? s.consentAt), SQLBind(s.paused),
                                           SQLBind(s.newsletter))
                }
                try await insert.ignoringConflicts(with: "email_key").run()
            }
        }
    }

    public func confirmedCount() async throws -> Int {
        try await SubscriberModel.query(on: database).filter(\.$confirmedAt != nil).count()
    }

    static func increment(_ name: String, on database: any Database) async throws {
        try await database.sql.raw("""
            INSERT INTO counters (name, value) VALUES (\(bind: name), 1) ON CONFLICT (name) DO UPDATE SET value = counters.value + 1
            """).run()
    }
}

/// Secrets the site makes for itself on first use and keeps in the database, so every instance and
/// every restart signs with the same key; none is in the repository.
public enum SiteSecrets {
    public static func secret(_ name: String, database: WeerbaarDatabase) async throws -> Data {
        let db = database.database
        let fresh = Data((0..<32).map { _ in UInt8.random(in: .min ... .max) }).base64EncodedString()
        try await db.sql.raw("INSERT INTO site_secrets (name, value) VALUES (\(bind: name), \(bind: fresh)) ON CONFLICT (name) DO NOTHING").run()
        guard let stored = try await SiteSecretModel.find(name, on: db), let data = Data(base64Encoded: stored.value) else {
            throw SiteSecretMissing(name: name)
        }
        return data
    }

    struct SiteSecretMissing: Error { var name: String }
}
