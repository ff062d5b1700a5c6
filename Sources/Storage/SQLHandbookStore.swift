import Catalogue
import FluentKit
import Foundation
import Handbook
import SQLKit

/// The handbook in the relational database: the frame (introduction, phases, topics, glossary,
/// cases, routes, experts) as one JSON document, the entries one row each with status and version,
/// and every save of an entry as a revision. Bound parameters only.
public struct SQLHandbookStore: HandbookStore {
    let database: any Database

    public init(database: WeerbaarDatabase) { self.database = database.database }

    struct Row: Decodable {
        var id: String
        var body: String
        var status: String
        var provider: String?
        var version: Int
        var updated_at: Double
        var updated_by: String
        var review_comment: String?
    }

    static func encode<T: Encodable>(_ value: T) throws -> String { String(decoding: try JSONEncoder().encode(value), as: UTF8.self) }
    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T { try JSONDecoder().decode(type, from: Data(text.utf8)) }

    /// The frame: everything but the entries, one JSON document; empty before anything was stored.
    static func readFrame(on sql: any SQLDatabase) async throws -> Handbook {
        struct Frame: Decodable { var body: String }
        return try await sql.raw("SELECT body FROM handbook_frame WHERE name = 'handboek'").first(decoding: Frame.self)
            .map { try decode(Handbook.self, $0.body) } ?? Handbook.empty
    }

    /// Replaces the frame; the entries are left out of it (they have rows of their own).
    static func writeFrame(_ handbook: Handbook, on sql: any SQLDatabase) async throws {
        var frame = handbook
        frame.entries = []
        try await sql.raw("DELETE FROM handbook_frame WHERE name = 'handboek'").run()
        try await sql.raw("INSERT INTO handbook_frame (name, body) VALUES ('handboek', \(bind: try encode(frame)))").run()
    }

    public func published() async throws -> Handbook {
        let sql = database.sql
        var handbook = try await Self.readFrame(on: sql)
        handbook.entries = try await sql.raw("""
            SELECT id, body, status, provider, version, updated_at, updated_by, review_comment FROM handbook_entries
            WHERE status = \(bind: EntryStatus.published.rawValue) ORDER BY id
            """).all(decoding: Row.self).map { try Self.decode(HandbookEntry.self, $0.body) }
        return handbook
    }

    public func replace(with handbook: Handbook, by editor: Editor) async throws {
        try await database.transaction { tx in
            let sql = tx.sql
            try await Self.writeFrame(handbook, on: sql)
            try await sql.raw("DELETE FROM handbook_entries").run()
            for entry in handbook.entries {
                try await Self.write(entry, status: .published, provider: nil, version: 1, by: editor, insert: true, on: sql)
            }
        }
    }

    public func saveRoute(_ route: LearningRoute, by editor: Editor) async throws {
        try await changeFrame { frame in
            if let index = frame.routes.firstIndex(where: { $0.slug == route.slug }) { frame.routes[index] = route } else { frame.routes.append(route) }
        }
    }

    public func saveExperts(_ experts: ThemeExperts, by editor: Editor) async throws {
        try await changeFrame { frame in
            frame.experts.removeAll { $0.theme == experts.theme }
            if !experts.contacts.isEmpty { frame.experts.append(experts) }
        }
    }

    /// Reads, changes and writes the frame in one transaction.
    func changeFrame(_ change: @Sendable @escaping (inout Handbook) -> Void) async throws {
        try await database.transaction { tx in
            var frame = try await Self.readFrame(on: tx.sql)
            change(&frame)
            try await Self.writeFrame(frame, on: tx.sql)
        }
    }

    public func managedEntries() async throws -> [ManagedEntry] {
        try await database.sql.raw("SELECT id, body, status, provider, version, updated_at, updated_by, review_comment FROM handbook_entries ORDER BY id")
            .all(decoding: Row.self).map(Self.managed)
    }

    static func managed(_ row: Row) throws -> ManagedEntry {
        ManagedEntry(entry: try decode(HandbookEntry.self, row.body), status: EntryStatus(rawValue: row.status) ?? .concept,
                     provider: row.provider, version: row.version, updated: Date(timeIntervalSince1970: row.updated_at), updatedBy: row.updated_by,
                     reviewComment: row.review_comment)
    }

    @discardableResult
    public func save(_ entry: HandbookEntry, status: EntryStatus, provider: String?, version: Int?, by editor: Editor) async throws -> ManagedEntry {
        try await database.transaction { tx in
            let sql = tx.sql
            let current = try await sql.raw("""
                SELECT id, body, status, provider, version, updated_at, updated_by, review_comment FROM handbook_entries WHERE id = \(bind: entry.id)
                """).first(decoding: Row.self)
            if let version {
                guard let current else { throw HandbookProblem.notFound }
                guard current.version == version else { throw HandbookProblem.staleVersion }
            } else if current != nil {
                throw HandbookProblem.staleVersion
            }
            let next = (version ?? 0) + 1
            return try await Self.write(entry, status: status, provider: provider ?? current?.provider, version: next, by: editor,
                                        insert: current == nil, on: sql)
        }
    }

    @discardableResult
    static func write(_ entry: HandbookEntry, status: EntryStatus, provider: String?, version: Int, by editor: Editor, insert: Bool,
                      on sql: any SQLDatabase) async throws -> ManagedEntry {
        let now = Date()
        let body = try encode(entry)
        if insert {
            try await sql.raw("""
                INSERT INTO handbook_entries (id, body, status, provider, version, updated_at, updated_by)
                VALUES (\(bind: entry.id), \(bind: body), \(bind: status.rawValue), \(bind: provider), \(bind: version),
                        \(bind: now.timeIntervalSince1970), \(bind: editor.name))
                """).run()
        } else {
            // Conditional on the version read in this transaction: two saves at once cannot both win.
            let rows = try await sql.raw("""
                UPDATE handbook_entries SET body = \(bind: body), status = \(bind: status.rawValue), provider = \(bind: provider), review_comment = NULL,
                       version = \(bind: version), updated_at = \(bind: now.timeIntervalSince1970), updated_by = \(bind: editor.name)
                WHERE id = \(bind: entry.id) AND version = \(bind: version - 1) RETURNING id
                """).all()
            guard rows.count == 1 else { throw HandbookProblem.staleVersion }
        }
        struct Number: Decodable { var n: Int? }
        let last = try await sql.raw("SELECT MAX(number) AS n FROM handbook_entry_revisions WHERE entry_id = \(bind: entry.id)")
            .first(decoding: Number.self)?.n ?? 0
        try await sql.raw("""
            INSERT INTO handbook_entry_revisions (id, entry_id, number, body, status, editor_email, editor_name, at)
            VALUES (\(bind: UUID()), \(bind: entry.id), \(bind: last + 1), \(bind: body), \(bind: status.rawValue),
                    \(bind: editor.email), \(bind: editor.name), \(bind: now.timeIntervalSince1970))
            """).run()
        return ManagedEntry(entry: entry, status: status, provider: provider, version: version, updated: now, updatedBy: editor.name)
    }

    public func sendBack(_ id: String, version: Int, comment: String, by editor: Editor) async throws {
        try await database.transaction { tx in
            let sql = tx.sql
            guard let current = try await sql.raw("""
                SELECT id, body, status, provider, version, updated_at, updated_by, review_comment FROM handbook_entries WHERE id = \(bind: id)
                """).first(decoding: Row.self) else { throw HandbookProblem.notFound }
            guard current.version == version else { throw HandbookProblem.staleVersion }
            try await Self.write(try Self.decode(HandbookEntry.self, current.body), status: .concept, provider: current.provider,
                                 version: version + 1, by: editor, insert: false, on: sql)
            try await sql.raw("UPDATE handbook_entries SET review_comment = \(bind: comment) WHERE id = \(bind: id)").run()
        }
    }

    public func revisions(_ id: String) async throws -> [EntryRevision] {
        struct Revision: Decodable {
            var number: Int
            var body: String
            var status: String
            var editor_email: String
            var editor_name: String
            var at: Double
        }
        return try await database.sql.raw("""
            SELECT number, body, status, editor_email, editor_name, at FROM handbook_entry_revisions
            WHERE entry_id = \(bind: id) ORDER BY number DESC
            """).all(decoding: Revision.self).map { row in
            EntryRevision(number: row.number, entry: try Self.decode(HandbookEntry.self, row.body),
                          status: EntryStatus(rawValue: row.status) ?? .concept, editor: Editor(email: row.editor_email, name: row.editor_name),
                          at: Date(timeIntervalSince1970: row.at))
        }
    }
}
