import Events
import FluentKit
import Foundation
import SQLKit

/// Events and their registrations in the relational database. Every write about an event's seats
/// runs in one transaction that first bumps the event's row (`version`): on PostgreSQL that row lock,
/// on SQLite the write lock it takes, lets one such transaction at a time count and take seats, so
/// capacity is never exceeded however many register at once. Bound parameters only.
public struct SQLEventStore: EventStore {
    let database: any Database

    public init(database: WeerbaarDatabase) { self.database = database.database }

    struct Body: Decodable { var body: String }

    public func events() async throws -> [Event] {
        let decoder = JSONDecoder()
        return try await database.sql.raw("SELECT body FROM events ORDER BY starts_at, slug").all(decoding: Body.self)
            .map { try decoder.decode(Event.self, from: Data($0.body.utf8)) }
    }

    public func replace(with events: [Event]) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        try await database.transaction { tx in
            let sql = tx.sql
            let slugs = events.map(\.slug)
            if slugs.isEmpty {
                try await sql.raw("DELETE FROM event_outbox").run()
                try await sql.raw("DELETE FROM event_messages").run()
                try await sql.raw("DELETE FROM session_attendance").run()
                try await sql.raw("DELETE FROM workshop_places").run()
                try await sql.raw("DELETE FROM event_registrations").run()
                try await sql.raw("DELETE FROM events").run()
            } else {
                try await sql.raw("DELETE FROM event_outbox WHERE edition_id IN (SELECT id FROM event_messages WHERE event NOT IN (\(binds: slugs)))").run()
                try await sql.raw("DELETE FROM event_messages WHERE event NOT IN (\(binds: slugs))").run()
                try await sql.raw("DELETE FROM session_attendance WHERE event NOT IN (\(binds: slugs))").run()
                try await sql.raw("DELETE FROM workshop_places WHERE event NOT IN (\(binds: slugs))").run()
                try await sql.raw("DELETE FROM event_registrations WHERE event NOT IN (\(binds: slugs))").run()
                try await sql.raw("DELETE FROM events WHERE slug NOT IN (\(binds: slugs))").run()
            }
            for event in events {
                let body = String(decoding: try encoder.encode(event), as: UTF8.self)
                let updated = try await sql.raw("""
                    UPDATE events SET body = \(bind: body), starts_at = \(bind: event.starts.timeIntervalSince1970),
                    ends_at = \(bind: event.ends.timeIntervalSince1970), version = version + 1, revision = revision + 1
                    WHERE slug = \(bind: event.slug) RETURNING slug
                    """).all()
                if updated.isEmpty {
                    try await sql.raw("""
                        INSERT INTO events (slug, body, starts_at, ends_at, version) VALUES (\(bind: event.slug), \(bind: body),
                        \(bind: event.starts.timeIntervalSince1970), \(bind: event.ends.timeIntervalSince1970), 1)
                        """).run()
                }
            }
        }
    }

    // MARK: - Reading

    struct Row: Decodable {
        var id: String
        var event: String
        var state: String
        var name: String?
        var email: String?
        var organisation: String?
        var gemeente: String?
        var role: String?
        var accessibility: String?
        var created_at: Double
        var offered_until: Double?
    }

    struct PlaceRow: Decodable {
        var registration_id: String
        var round: String
        var workshop: String?
        var state: String
        var ranking: String
        var offered_until: Double?
    }

    static let columns: SQLQueryString = "id, event, state, name, email, organisation, gemeente, role, accessibility, created_at, offered_until"

    static func registrations(_ rows: [Row], places: [PlaceRow]) -> [Registration] {
        let byRegistration = Dictionary(grouping: places, by: \.registration_id)
        return rows.map { row in
            let person = row.email.map {
                Registration.Person(name: row.name ?? "", email: $0, organisation: row.organisation ?? "", gemeente: row.gemeente, role: row.role ?? "",
                                    accessibility: row.accessibility)
            }
            let places = (byRegistration[row.id] ?? []).map { place in
                Registration.Place(round: place.round, workshop: place.workshop, state: Registration.State(rawValue: place.state) ?? .cancelled,
                                   ranking: place.ranking.split(separator: ",").map(String.init),
                                   offeredUntil: place.offered_until.map(Date.init(timeIntervalSince1970:)))
            }
            return Registration(id: UUID(uuidString: row.id) ?? UUID(), event: row.event, state: Registration.State(rawValue: row.state) ?? .cancelled,
                                person: person, places: places, created: Date(timeIntervalSince1970: row.created_at),
                                offeredUntil: row.offered_until.map(Date.init(timeIntervalSince1970:)))
        }
    }

    static func read(where condition: SQLQueryString, on sql: any SQLDatabase) async throws -> [Registration] {
        let rows = try await sql.raw("SELECT \(columns) FROM event_registrations WHERE \(condition) ORDER BY created_at, id").all(decoding: Row.self)
        guard !rows.isEmpty else { return [] }
        let places = try await sql.raw("""
            SELECT registration_id, round, workshop, state, ranking, offered_until FROM workshop_places
            WHERE registration_id IN (\(binds: rows.map(\.id)))
            """).all(decoding: PlaceRow.self)
        return registrations(rows, places: places)
    }

    public func registration(tokenHash: String) async throws -> Registration? {
        try await Self.read(where: "token_hash = \(bind: tokenHash)", on: database.sql).first
    }

    public func registration(_ id: UUID) async throws -> Registration? {
        try await Self.read(where: "id = \(bind: id.uuidString)", on: database.sql).first
    }

    public func registrations(event: String) async throws -> [Registration] {
        try await Self.read(where: "event = \(bind: event)", on: database.sql)
    }

    public func seatCounts(_ event: Event) async throws -> SeatCounts {
        struct Count: Decodable { var n: Int }
        struct PerWorkshop: Decodable { var workshop: String; var n: Int }
        let sql = database.sql
        let held = try await sql.raw("""
            SELECT COUNT(*) AS n FROM event_registrations WHERE event = \(bind: event.slug) AND state IN (\(binds: Self.seatStates))
            """).first(decoding: Count.self)?.n ?? 0
        let waiting = try await sql.raw("""
            SELECT COUNT(*) AS n FROM event_registrations WHERE event = \(bind: event.slug) AND state = \(bind: Registration.State.waitlisted.rawValue)
            """).first(decoding: Count.self)?.n ?? 0
        let workshops = try await sql.raw("""
            SELECT p.workshop AS workshop, COUNT(*) AS n FROM workshop_places p JOIN event_registrations r ON r.id = p.registration_id
            WHERE p.event = \(bind: event.slug) AND p.workshop IS NOT NULL AND p.state IN (\(binds: Self.seatStates))
            AND r.state <> \(bind: Registration.State.cancelled.rawValue) GROUP BY p.workshop
            """).all(decoding: PerWorkshop.self)
        return SeatCounts(event: held, workshops: Dictionary(workshops.map { ($0.workshop, $0.n) }, uniquingKeysWith: +), waiting: waiting)
    }

    public func purge(personalBefore: Date, accessibilityBefore: Date) async throws -> Int {
        try await database.transaction { tx in
            let sql = tx.sql
            let personal = try await sql.raw("""
                UPDATE event_registrations SET name = NULL, email = NULL, organisation = NULL, role = NULL, accessibility = NULL
                WHERE email IS NOT NULL AND event IN (SELECT slug FROM events WHERE ends_at < \(bind: personalBefore.timeIntervalSince1970)) RETURNING id
                """).all().count
            let accessibility = try await sql.raw("""
                UPDATE event_registrations SET accessibility = NULL
                WHERE accessibility IS NOT NULL AND event IN (SELECT slug FROM events WHERE ends_at < \(bind: accessibilityBefore.timeIntervalSince1970)) RETURNING id
                """).all().count
            return personal + accessibility
        }
    }

    static func read(where ids: Set<String>, on sql: any SQLDatabase) async throws -> [Registration] {
        ids.isEmpty ? [] : try await read(where: "id IN (\(binds: ids.sorted()))", on: sql)
    }
}
