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

    let entries = SQLRevisedContent<HandbookEntry>(table: "handbook_entries", revisions: "handbook_entry_revisions", owner: "entry_id")

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
        handbook.entries = try await entries.published(on: sql)
        return handbook
    }

    public func replace(with handbook: Handbook, by editor: Editor) async throws {
        try await database.transaction { tx in
            let sql = tx.sql
            try await Self.writeFrame(handbook, on: sql)
            try await sql.raw("DELETE FROM handbook_entries").run()
            for entry in handbook.entries {
                try await entries.write(entry, id: entry.id, status: .published, provider: nil, version: 1, by: editor, insert: true, on: sql)
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

    public func managedEntries() async throws -> [ManagedEntry] { try await entries.all(on: database.sql) }

    @discardableResult
    public func save(_ entry: HandbookEntry, status: EntryStatus, provider: String?, version: Int?, by editor: Editor) async throws -> ManagedEntry {
        try await database.transaction { tx in
            try await entries.save(entry, id: entry.id, status: status, provider: provider, version: version, by: editor, on: tx.sql)
        }
    }

    public func sendBack(_ id: String, version: Int, comment: String, by editor: Editor) async throws {
        try await database.transaction { tx in try await entries.sendBack(id, version: version, comment: comment, by: editor, on: tx.sql) }
    }

    public func revisions(_ id: String) async throws -> [EntryRevision] { try await entries.history(id, on: database.sql) }
}
