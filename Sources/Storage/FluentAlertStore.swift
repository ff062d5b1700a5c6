import FluentKit
import Foundation
import Newsletter
import SQLKit

/// Alerts in the relational database. `seen` is a JSON array of offering keys, read and written whole.
public struct FluentAlertStore: AlertStore {
    let database: any Database

    public init(database: WeerbaarDatabase) { self.database = database.database }

    struct Row: Decodable {
        var id: UUID
        var subscriber_id: UUID
        var query: String
        var label: String
        var frequency: String
        var created_at: Date
        var confirmed_at: Date?
        var last_sent_at: Date?
        var seen: String

        func alert() -> Alert {
            Alert(id: id, subscriberID: subscriber_id, query: query, label: label, frequency: AlertFrequency(rawValue: frequency) ?? .weekly,
                  createdAt: created_at, confirmedAt: confirmed_at, lastSentAt: last_sent_at,
                  seen: (try? JSONDecoder().decode([String].self, from: Data(seen.utf8))) ?? [])
        }
    }

    static let columns: SQLQueryString = "a.id, a.subscriber_id, a.query, a.label, a.frequency, a.created_at, a.confirmed_at, a.last_sent_at, a.seen"

    static func json(_ seen: [String]) -> String {
        String(decoding: (try? JSONEncoder().encode(Array(seen.prefix(Alert.maxSeen)))) ?? Data("[]".utf8), as: UTF8.self)
    }

    public func create(email: String, query: String, label: String, frequency: AlertFrequency, source: String, now: Date) async throws -> AlertOutcome {
        try await database.transaction { tx in
            let key = email.lowercased()
            // The subscriber, made unless the address is there (asked for an alert, not for the
            // newsletter): two requests at once (a double click) meet at the unique key, not in an error.
            try await tx.sql.raw("""
                INSERT INTO subscribers (id, email, email_key, interests, consent_at, consent_source, paused, newsletter)
                VALUES (\(bind: UUID()), \(bind: email), \(bind: key), '', \(bind: now), \(bind: source), \(bind: false), \(bind: false))
                ON CONFLICT (email_key) DO NOTHING
                """).run()
            guard let subscriber = try await SubscriberModel.query(on: tx).filter(\.$emailKey == key).first() else { throw SubscriberStoreError.vanished }
            let id = try subscriber.requireID()
            // From here one request per subscriber at a time (a write lock on their row), so the same
            // alert asked twice at once is made once.
            try await tx.sql.raw("UPDATE subscribers SET email_key = email_key WHERE id = \(bind: id)").run()
            struct Existing: Decodable { var id: UUID }
            if let existing = try await tx.sql.raw("""
                SELECT id FROM newsletter_alerts WHERE subscriber_id = \(bind: id) AND query = \(bind: query) AND confirmed_at IS NULL
                """).first(decoding: Existing.self), let alert = try await tx.sql.raw("SELECT \(Self.columns) FROM newsletter_alerts a WHERE a.id = \(bind: existing.id)")
                .first(decoding: Row.self)?.alert() {
                return .pending(alert, try subscriber.domain())
            }
            let count = try await tx.sql.raw("SELECT id FROM newsletter_alerts WHERE subscriber_id = \(bind: id)").all().count
            guard count < Alert.maxPerSubscriber else { return .tooMany(try subscriber.domain()) }
            let alert = Alert(subscriberID: id, query: query, label: label, frequency: frequency, createdAt: now)
            try await tx.sql.raw("""
                INSERT INTO newsletter_alerts (id, subscriber_id, query, label, frequency, created_at, seen)
                VALUES (\(bind: alert.id), \(bind: id), \(bind: query), \(bind: label), \(bind: frequency.rawValue), \(bind: now), '[]')
                """).run()
            return .pending(alert, try subscriber.domain())
        }
    }

    public func alert(_ id: UUID) async throws -> Alert? {
        try await database.sql.raw("SELECT \(Self.columns) FROM newsletter_alerts a WHERE a.id = \(bind: id)").first(decoding: Row.self)?.alert()
    }

    public func alerts(subscriber: UUID) async throws -> [Alert] {
        try await database.sql.raw("SELECT \(Self.columns) FROM newsletter_alerts a WHERE a.subscriber_id = \(bind: subscriber) ORDER BY a.created_at")
            .all(decoding: Row.self).map { $0.alert() }
    }

    public func confirm(_ id: UUID, seen: [String], now: Date) async throws -> Bool {
        try await database.transaction { tx in
            guard let alert = try await tx.sql.raw("SELECT \(Self.columns) FROM newsletter_alerts a WHERE a.id = \(bind: id)")
                .first(decoding: Row.self)?.alert() else { return false }
            try await tx.sql.raw("""
                UPDATE newsletter_alerts SET confirmed_at = \(bind: now), seen = \(bind: Self.json(seen)), last_sent_at = \(bind: now)
                WHERE id = \(bind: id) AND confirmed_at IS NULL
                """).run()
            try await tx.sql.raw("UPDATE subscribers SET confirmed_at = \(bind: now) WHERE id = \(bind: alert.subscriberID) AND confirmed_at IS NULL").run()
            return true
        }
    }

    public func setFrequency(_ id: UUID, _ frequency: AlertFrequency) async throws -> Bool {
        try await database.sql.raw("UPDATE newsletter_alerts SET frequency = \(bind: frequency.rawValue) WHERE id = \(bind: id) RETURNING id")
            .all().count == 1
    }

    public func stop(_ id: UUID) async throws -> Bool {
        try await database.transaction { tx in
            struct Owner: Decodable { var subscriber_id: UUID }
            guard let owner = try await tx.sql.raw("DELETE FROM newsletter_alerts WHERE id = \(bind: id) RETURNING subscriber_id")
                .first(decoding: Owner.self) else { return false }
            // Someone who came only for alerts and has none left is no longer a subscriber of anything.
            let left = try await tx.sql.raw("SELECT id FROM newsletter_alerts WHERE subscriber_id = \(bind: owner.subscriber_id)").all().count
            if left == 0 {
                let erased = try await tx.sql.raw("""
                    DELETE FROM subscribers WHERE id = \(bind: owner.subscriber_id) AND newsletter = \(bind: false) RETURNING id
                    """).all()
                if !erased.isEmpty {
                    try await SQLOutboxStore.forget(subscriber: owner.subscriber_id, on: tx)
                    try await FluentSubscriberStore.increment("erasures", on: tx)
                }
            }
            return true
        }
    }

    public func due(_ frequency: AlertFrequency) async throws -> [DueAlert] {
        try await database.sql.raw("""
            SELECT \(Self.columns), s.email FROM newsletter_alerts a JOIN subscribers s ON s.id = a.subscriber_id
            WHERE a.frequency = \(bind: frequency.rawValue) AND a.confirmed_at IS NOT NULL AND s.confirmed_at IS NOT NULL AND s.paused = \(bind: false)
            ORDER BY a.created_at
            """).all().map { row in
            DueAlert(alert: try row.decode(model: Row.self).alert(), email: try row.decode(column: "email", as: String.self))
        }
    }

    public func markSent(_ id: UUID, seen: [String], now: Date) async throws {
        try await database.sql.raw("UPDATE newsletter_alerts SET seen = \(bind: Self.json(seen)), last_sent_at = \(bind: now) WHERE id = \(bind: id)").run()
    }

    public func purgeUnconfirmed(before: Date) async throws -> Int {
        try await database.sql.raw("DELETE FROM newsletter_alerts WHERE confirmed_at IS NULL AND created_at < \(bind: before) RETURNING id").all().count
    }
}
