import Events
import FluentKit
import Foundation
import Newsletter
import SQLKit

/// The organisers' writes: an event's edits (checked against its registrations on the event's row
/// lock), messages to its participants through the agenda's outbox, and attendance per session.
extension SQLEventStore {
    struct StoredRow: Decodable {
        var body: String
        var revision: Int
    }

    public func storedEvent(_ slug: String) async throws -> StoredEvent? {
        try await database.sql.raw("SELECT body, revision FROM events WHERE slug = \(bind: slug)").first(decoding: StoredRow.self).map(Self.stored)
    }

    public func storedEvents() async throws -> [StoredEvent] {
        try await database.sql.raw("SELECT body, revision FROM events ORDER BY starts_at, slug").all(decoding: StoredRow.self).map(Self.stored)
    }

    static func stored(_ row: StoredRow) throws -> StoredEvent {
        StoredEvent(event: try JSONDecoder().decode(Event.self, from: Data(row.body.utf8)), revision: row.revision)
    }

    public func save(_ event: Event, revision: Int?) async throws -> Event? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let body = String(decoding: try encoder.encode(event), as: UTF8.self)
        return try await database.transaction { tx in
            let sql = tx.sql
            guard let revision else {
                if try await sql.raw("SELECT body, revision FROM events WHERE slug = \(bind: event.slug)").first(decoding: StoredRow.self) != nil {
                    throw EventEditProblem.exists
                }
                try await sql.raw("""
                    INSERT INTO events (slug, body, starts_at, ends_at, version, revision) VALUES (\(bind: event.slug), \(bind: body),
                    \(bind: event.starts.timeIntervalSince1970), \(bind: event.ends.timeIntervalSince1970), 1, 1)
                    """).run()
                return nil
            }
            // The row lock first: no registration takes a seat between the checks and the write.
            try await Self.lock(event, on: sql)
            guard let current = try await sql.raw("SELECT body, revision FROM events WHERE slug = \(bind: event.slug)").first(decoding: StoredRow.self)
            else { throw EventProblem.notFound }
            guard current.revision == revision else { throw EventEditProblem.stale }
            let before = try Self.stored(current).event
            try await Self.check(event, replacing: before, on: sql)
            try await sql.raw("""
                UPDATE events SET body = \(bind: body), starts_at = \(bind: event.starts.timeIntervalSince1970),
                ends_at = \(bind: event.ends.timeIntervalSince1970), revision = revision + 1 WHERE slug = \(bind: event.slug)
                """).run()
            return before
        }
    }

    /// What the registrations forbid: removing what people hold or wait for, capacities below what is held.
    static func check(_ event: Event, replacing before: Event, on sql: any SQLDatabase) async throws {
        // Per round and workshop: whether anyone holds or waits for a place, and how many hold one.
        struct Place: Decodable { var round: String; var workshop: String?; var held: Int? }
        let places = try await sql.raw("""
            SELECT p.round AS round, p.workshop AS workshop, SUM(CASE WHEN p.state IN (\(binds: seatStates)) THEN 1 ELSE 0 END) AS held
            FROM workshop_places p JOIN event_registrations r ON r.id = p.registration_id
            WHERE p.event = \(bind: event.slug) AND p.state <> \(bind: Registration.State.cancelled.rawValue)
            AND r.state <> \(bind: Registration.State.cancelled.rawValue) GROUP BY p.round, p.workshop
            """).all(decoding: Place.self)
        let rounds = Set(event.rounds.map(\.id))
        let workshops = Set(event.rounds.flatMap(\.workshops).map(\.id))
        var removed: [String] = []
        for place in places {
            if !rounds.contains(place.round) {
                removed.append(before.rounds.first { $0.id == place.round }?.title ?? place.round)
            } else if let workshop = place.workshop, !workshops.contains(workshop) {
                removed.append(before.workshop(workshop)?.1.title ?? workshop)
            }
        }
        if !removed.isEmpty { throw EventEditProblem.inUse(Array(Set(removed)).sorted()) }
        struct Count: Decodable { var n: Int }
        let held = try await sql.raw("""
            SELECT COUNT(*) AS n FROM event_registrations WHERE event = \(bind: event.slug) AND state IN (\(binds: seatStates))
            """).first(decoding: Count.self)?.n ?? 0
        if event.capacity < held { throw EventEditProblem.belowSeats(held: held) }
        for workshop in event.rounds.flatMap(\.workshops) {
            let taken = places.filter { $0.workshop == workshop.id }.reduce(0) { $0 + ($1.held ?? 0) }
            if workshop.capacity < taken { throw EventEditProblem.workshopBelowSeats(workshop: workshop.title, held: taken) }
        }
    }

    // MARK: - Messages

    struct MessageRow: Decodable {
        var id: UUID
        var event: String
        var subject: String
        var body: String
        var sent_by: String
        var created_at: Date
        var recipients: Int?

        var message: EventMessage { EventMessage(id: id, event: event, subject: subject, body: body, sentBy: sent_by, created: created_at) }
    }

    public func queue(_ message: EventMessage, to audience: MessageAudience) async throws -> Int {
        try await database.transaction { tx in
            let sql = tx.sql
            try await sql.raw("""
                INSERT INTO event_messages (id, event, subject, body, sent_by, created_at) VALUES (\(bind: message.id), \(bind: message.event),
                \(bind: message.subject), \(bind: message.body), \(bind: message.sentBy), \(bind: message.created))
                """).run()
            struct Recipient: Decodable { var id: String; var email: String }
            let recipients = try await sql.raw("""
                SELECT id, email FROM event_registrations WHERE event = \(bind: message.event) AND email IS NOT NULL
                AND state IN (\(binds: audience.states.map(\.rawValue))) ORDER BY created_at, id
                """).all(decoding: Recipient.self)
            let rows = recipients.compactMap { row in
                UUID(uuidString: row.id).map { NewOutboxMessage(variant: "bericht", recipient: row.email, subscriberID: $0) }
            }
            try await SQLOutboxStore.insert(edition: message.id, rows, now: message.created, on: tx, table: SQLOutboxStore.Queue.agenda.rawValue)
            return rows.count
        }
    }

    public func message(_ id: UUID) async throws -> EventMessage? {
        try await database.sql.raw("SELECT id, event, subject, body, sent_by, created_at FROM event_messages WHERE id = \(bind: id)")
            .first(decoding: MessageRow.self)?.message
    }

    public func messages(event: String) async throws -> [(message: EventMessage, recipients: Int)] {
        try await database.sql.raw("""
            SELECT m.id, m.event, m.subject, m.body, m.sent_by, m.created_at, (SELECT COUNT(*) FROM event_outbox o WHERE o.edition_id = m.id) AS recipients
            FROM event_messages m WHERE m.event = \(bind: event) ORDER BY m.created_at DESC
            """).all(decoding: MessageRow.self).map { ($0.message, $0.recipients ?? 0) }
    }

    // MARK: - Attendance

    public func attendance(event: String) async throws -> [UUID: [String: Bool]] {
        struct Row: Decodable { var registration_id: String; var session: String; var attended: Bool }
        let rows = try await database.sql.raw("SELECT registration_id, session, attended FROM session_attendance WHERE event = \(bind: event)")
            .all(decoding: Row.self)
        var result: [UUID: [String: Bool]] = [:]
        for row in rows { if let id = UUID(uuidString: row.registration_id) { result[id, default: [:]][row.session] = row.attended } }
        return result
    }

    public func markAttendance(_ id: UUID, event: Event, session: String, attended: Bool) async throws -> Registration {
        guard event.sessions.contains(where: { $0.id == session }) else { throw EventProblem.notFound }
        return try await withRegistration(id, of: event) { sql, registration in
            guard [.confirmed, .attended, .noShow].contains(registration.state) else { throw EventProblem.wrongState(registration.state) }
            let updated = try await sql.raw("""
                UPDATE session_attendance SET attended = \(bind: attended) WHERE registration_id = \(bind: id.uuidString) AND session = \(bind: session)
                RETURNING session
                """).all()
            if updated.isEmpty {
                try await sql.raw("""
                    INSERT INTO session_attendance (registration_id, event, session, attended)
                    VALUES (\(bind: id.uuidString), \(bind: event.slug), \(bind: session), \(bind: attended))
                    """).run()
            }
            struct Mark: Decodable { var attended: Bool }
            let marks = try await sql.raw("SELECT attended FROM session_attendance WHERE registration_id = \(bind: id.uuidString)").all(decoding: Mark.self)
            let state: Registration.State = marks.contains(where: \.attended) ? .attended : .noShow
            try await sql.raw("UPDATE event_registrations SET state = \(bind: state.rawValue) WHERE id = \(bind: id.uuidString)").run()
        }
    }
}
