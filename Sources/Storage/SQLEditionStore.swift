import FluentKit
import Foundation
import Newsletter
import SQLKit

/// Editions and their variants in the relational database. The content (intro and sections) is one
/// JSON column: it is always read and written whole, and never queried into.
public struct SQLEditionStore: EditionStore {
    let database: any Database

    public init(database: WeerbaarDatabase) { self.database = database.database }

    struct Content: Codable {
        var intro: String
        var sections: [EditionSection]
    }

    struct Row: Decodable {
        var id: UUID
        var slug: String
        var subject: String
        var content: String
        var status: String
        var version: Int
        var scheduled_at: Date?
        var send_started_at: Date?
        var updated_at: Date
        var updated_by: String

        func edition() throws -> Edition {
            let content = try JSONDecoder().decode(Content.self, from: Data(self.content.utf8))
            return Edition(id: id, slug: slug, subject: subject, intro: content.intro, sections: content.sections,
                           status: EditionStatus(rawValue: status) ?? .concept, scheduledAt: scheduled_at, sendStartedAt: send_started_at,
                           version: version, updatedAt: updated_at, updatedBy: updated_by)
        }
    }

    static let columns: SQLQueryString = "id, slug, subject, content, status, version, scheduled_at, send_started_at, updated_at, updated_by"

    static func content(_ edition: Edition) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(Content(intro: edition.intro, sections: edition.sections)), as: UTF8.self)
    }

    public func create(_ edition: Edition) async throws(EditionProblem) {
        do {
            let rows = try await database.sql.raw("""
                INSERT INTO newsletter_editions (\(Self.columns))
                VALUES (\(bind: edition.id), \(bind: edition.slug), \(bind: edition.subject), \(bind: try Self.content(edition)),
                        \(bind: edition.status.rawValue), \(bind: edition.version), \(bind: edition.scheduledAt), \(bind: edition.sendStartedAt),
                        \(bind: edition.updatedAt), \(bind: edition.updatedBy))
                ON CONFLICT (slug) DO NOTHING RETURNING id
                """).all()
            guard rows.count == 1 else { throw EditionProblem.slugTaken }
        } catch let problem as EditionProblem {
            throw problem
        } catch {
            throw EditionProblem.unknown
        }
    }

    public func save(_ edition: Edition, expectedVersion: Int) async throws(EditionProblem) -> Edition {
        var saved = edition
        saved.version = expectedVersion + 1
        do {
            guard let current = try await self.edition(edition.id) else { throw EditionProblem.unknown }
            guard current.isEditable else { throw EditionProblem.notEditable }
            if let other = try await self.edition(slug: edition.slug), other.id != edition.id { throw EditionProblem.slugTaken }
            let rows = try await database.sql.raw("""
                UPDATE newsletter_editions SET slug = \(bind: saved.slug), subject = \(bind: saved.subject), content = \(bind: try Self.content(saved)),
                    status = \(bind: saved.status.rawValue), version = \(bind: saved.version), scheduled_at = \(bind: saved.scheduledAt),
                    updated_at = \(bind: saved.updatedAt), updated_by = \(bind: saved.updatedBy)
                WHERE id = \(bind: saved.id) AND version = \(bind: expectedVersion) AND status IN ('concept', 'gepland')
                RETURNING id
                """).all()
            guard rows.count == 1 else { throw EditionProblem.changedMeanwhile }
            return saved
        } catch let problem as EditionProblem {
            throw problem
        } catch {
            // A unique violation on slug between the check and the update is the only likely cause.
            throw EditionProblem.slugTaken
        }
    }

    public func edition(_ id: UUID) async throws -> Edition? {
        try await database.sql.raw("SELECT \(Self.columns) FROM newsletter_editions WHERE id = \(bind: id)")
            .first(decoding: Row.self)?.edition()
    }

    public func edition(slug: String) async throws -> Edition? {
        try await database.sql.raw("SELECT \(Self.columns) FROM newsletter_editions WHERE slug = \(bind: slug)")
            .first(decoding: Row.self)?.edition()
    }

    public func editions() async throws -> [Edition] {
        try await database.sql.raw("""
            SELECT \(Self.columns) FROM newsletter_editions ORDER BY COALESCE(send_started_at, updated_at) DESC, slug
            """).all(decoding: Row.self).map { try $0.edition() }
    }

    public func sentEditions() async throws -> [Edition] {
        try await database.sql.raw("""
            SELECT \(Self.columns) FROM newsletter_editions WHERE status = 'verzonden' ORDER BY send_started_at DESC, slug
            """).all(decoding: Row.self).map { try $0.edition() }
    }

    public func dueEditions(now: Date) async throws -> [Edition] {
        try await database.sql.raw("""
            SELECT \(Self.columns) FROM newsletter_editions WHERE status = 'gepland' AND scheduled_at <= \(bind: now) ORDER BY scheduled_at
            """).all(decoding: Row.self).map { try $0.edition() }
    }

    public func previousSendStart(before: Date) async throws -> Date? {
        struct Last: Decodable { var send_started_at: Date }
        return try await database.sql.raw("""
            SELECT send_started_at FROM newsletter_editions WHERE status = 'verzonden' AND send_started_at < \(bind: before)
            ORDER BY send_started_at DESC LIMIT 1
            """).first(decoding: Last.self)?.send_started_at
    }

    public func startSending(_ edition: UUID, variants: [EditionVariant], links: [EditionLink], messages: [NewOutboxMessage],
                             now: Date) async throws -> Bool {
        try await database.transaction { tx in
            let sql = tx.sql
            let moved = try await sql.raw("""
                UPDATE newsletter_editions SET status = 'verzonden', send_started_at = \(bind: now)
                WHERE id = \(bind: edition) AND status IN ('concept', 'gepland') RETURNING id
                """).all()
            guard moved.count == 1 else { return false }
            for variant in variants {
                try await sql.raw("""
                    INSERT INTO newsletter_variants (id, edition_id, variant_key, subject, html, text)
                    VALUES (\(bind: UUID()), \(bind: edition), \(bind: variant.key), \(bind: variant.subject), \(bind: variant.html), \(bind: variant.text))
                    """).run()
            }
            for link in links {
                try await sql.raw("""
                    INSERT INTO newsletter_links (id, edition_id, url, clicks) VALUES (\(bind: link.id), \(bind: edition), \(bind: link.url), 0)
                    """).run()
            }
            try await SQLOutboxStore.insert(edition: edition, messages, now: now, on: tx)
            return true
        }
    }

    public func countClick(_ id: String) async throws -> String? {
        struct Target: Decodable { var url: String }
        // One statement: concurrent clicks each add one, on both backends.
        return try await database.sql.raw("""
            UPDATE newsletter_links SET clicks = clicks + 1 WHERE id = \(bind: id) RETURNING url
            """).first(decoding: Target.self)?.url
    }

    public func links(edition: UUID) async throws -> [EditionLink] {
        struct Row: Decodable {
            var id: String
            var url: String
            var clicks: Int
        }
        return try await database.sql.raw("""
            SELECT id, url, clicks FROM newsletter_links WHERE edition_id = \(bind: edition) ORDER BY clicks DESC, url
            """).all(decoding: Row.self).map { EditionLink(id: $0.id, url: $0.url, clicks: $0.clicks) }
    }

    public func variant(edition: UUID, key: String) async throws -> EditionVariant? {
        struct Variant: Decodable {
            var variant_key: String
            var subject: String
            var html: String
            var text: String
        }
        return try await database.sql.raw("""
            SELECT variant_key, subject, html, text FROM newsletter_variants WHERE edition_id = \(bind: edition) AND variant_key = \(bind: key)
            """).first(decoding: Variant.self).map { EditionVariant(key: $0.variant_key, subject: $0.subject, html: $0.html, text: $0.text) }
    }

    public func delete(_ id: UUID) async throws(EditionProblem) {
        do {
            let rows = try await database.sql.raw("""
                DELETE FROM newsletter_editions WHERE id = \(bind: id) AND status IN ('concept', 'gepland') RETURNING id
                """).all()
            guard rows.count == 1 else { throw EditionProblem.notEditable }
        } catch let problem as EditionProblem {
            throw problem
        } catch {
            throw EditionProblem.unknown
        }
    }
}
