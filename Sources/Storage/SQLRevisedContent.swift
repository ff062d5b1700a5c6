import Catalogue
import Foundation
import SQLKit

/// Editorial content kept as one JSON document a row, with status, provider, version and the
/// redactie's comment, and every save as a revision in a table of its own: the handbook's entries
/// and the articles share it. Table names are fixed by the store that uses it; values are bound.
struct SQLRevisedContent<Content: Codable & Sendable & Equatable>: Sendable {
    /// The content's table: id, body, status, provider, version, updated_at, updated_by, review_comment.
    let table: String
    /// The revisions' table: id, <owner>, number, body, status, editor_email, editor_name, at.
    let revisions: String
    let owner: String

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

    struct Number: Decodable { var n: Int? }

    struct Revision: Decodable {
        var number: Int
        var body: String
        var status: String
        var editor_email: String
        var editor_name: String
        var at: Double
    }

    static func encode<T: Encodable>(_ value: T) throws -> String { String(decoding: try JSONEncoder().encode(value), as: UTF8.self) }
    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T { try JSONDecoder().decode(type, from: Data(text.utf8)) }

    func managed(_ row: Row) throws -> ManagedContent<Content> {
        ManagedContent(content: try Self.decode(Content.self, row.body), status: ContentStatus(rawValue: row.status) ?? .concept,
                       provider: row.provider, version: row.version, updated: Date(timeIntervalSince1970: row.updated_at), updatedBy: row.updated_by,
                       reviewComment: row.review_comment)
    }

    private var columns: SQLQueryString { "id, body, status, provider, version, updated_at, updated_by, review_comment" }

    func all(on sql: any SQLDatabase) async throws -> [ManagedContent<Content>] {
        try await sql.raw("SELECT \(columns) FROM \(ident: table) ORDER BY id").all(decoding: Row.self).map(managed)
    }

    func published(on sql: any SQLDatabase) async throws -> [Content] {
        try await sql.raw("SELECT \(columns) FROM \(ident: table) WHERE status = \(bind: ContentStatus.published.rawValue) ORDER BY id")
            .all(decoding: Row.self).map { try Self.decode(Content.self, $0.body) }
    }

    func one(_ id: String, on sql: any SQLDatabase) async throws -> ManagedContent<Content>? {
        try await sql.raw("SELECT \(columns) FROM \(ident: table) WHERE id = \(bind: id)").first(decoding: Row.self).map(managed)
    }

    /// Saves content under `id`; `version` nil for new content, otherwise the version the form was
    /// opened on. Adds a revision. Throws `staleVersion` when another save came first.
    func save(_ content: Content, id: String, status: ContentStatus, provider: String?, version: Int?, by editor: Editor,
              on sql: any SQLDatabase) async throws -> ManagedContent<Content> {
        let current = try await one(id, on: sql)
        if let version {
            guard let current else { throw ContentProblem.notFound }
            guard current.version == version else { throw ContentProblem.staleVersion }
        } else if current != nil {
            throw ContentProblem.staleVersion
        }
        return try await write(content, id: id, status: status, provider: provider ?? current?.provider, version: (version ?? 0) + 1, by: editor,
                               insert: current == nil, on: sql)
    }

    @discardableResult
    func write(_ content: Content, id: String, status: ContentStatus, provider: String?, version: Int, by editor: Editor, insert: Bool,
               on sql: any SQLDatabase) async throws -> ManagedContent<Content> {
        let now = Date()
        let body = try Self.encode(content)
        if insert {
            try await sql.raw("""
                INSERT INTO \(ident: table) (id, body, status, provider, version, updated_at, updated_by)
                VALUES (\(bind: id), \(bind: body), \(bind: status.rawValue), \(bind: provider), \(bind: version),
                        \(bind: now.timeIntervalSince1970), \(bind: editor.name))
                """).run()
        } else {
            // Conditional on the version read in this transaction: two saves at once cannot both win.
            let rows = try await sql.raw("""
                UPDATE \(ident: table) SET body = \(bind: body), status = \(bind: status.rawValue), provider = \(bind: provider), review_comment = NULL,
                       version = \(bind: version), updated_at = \(bind: now.timeIntervalSince1970), updated_by = \(bind: editor.name)
                WHERE id = \(bind: id) AND version = \(bind: version - 1) RETURNING id
                """).all()
            guard rows.count == 1 else { throw ContentProblem.staleVersion }
        }
        let last = try await sql.raw("SELECT MAX(number) AS n FROM \(ident: revisions) WHERE \(ident: owner) = \(bind: id)")
            .first(decoding: Number.self)?.n ?? 0
        try await sql.raw("""
            INSERT INTO \(ident: revisions) (id, \(ident: owner), number, body, status, editor_email, editor_name, at)
            VALUES (\(bind: UUID()), \(bind: id), \(bind: last + 1), \(bind: body), \(bind: status.rawValue),
                    \(bind: editor.email), \(bind: editor.name), \(bind: now.timeIntervalSince1970))
            """).run()
        return ManagedContent(content: content, status: status, provider: provider, version: version, updated: now, updatedBy: editor.name)
    }

    /// Returns submitted content to its author as a concept, with the redactie's comment.
    func sendBack(_ id: String, version: Int, comment: String, by editor: Editor, on sql: any SQLDatabase) async throws {
        guard let current = try await one(id, on: sql) else { throw ContentProblem.notFound }
        guard current.version == version else { throw ContentProblem.staleVersion }
        try await write(current.content, id: id, status: .concept, provider: current.provider, version: version + 1, by: editor, insert: false, on: sql)
        try await sql.raw("UPDATE \(ident: table) SET review_comment = \(bind: comment) WHERE id = \(bind: id)").run()
    }

    func history(_ id: String, on sql: any SQLDatabase) async throws -> [ContentRevision<Content>] {
        return try await sql.raw("""
            SELECT number, body, status, editor_email, editor_name, at FROM \(ident: revisions)
            WHERE \(ident: owner) = \(bind: id) ORDER BY number DESC
            """).all(decoding: Revision.self).map { row in
            ContentRevision(number: row.number, content: try Self.decode(Content.self, row.body),
                            status: ContentStatus(rawValue: row.status) ?? .concept, editor: Editor(email: row.editor_email, name: row.editor_name),
                            at: Date(timeIntervalSince1970: row.at))
        }
    }
}
