import Catalogue
import FluentKit
import Foundation
import Knowledge
import SQLKit

/// Articles and magazine editions in the relational database, one JSON document a row, with the
/// editorial workflow the handbook's entries have (`SQLRevisedContent`): status, version, revisions.
/// Only `gepubliceerd` rows are public. The `kind` and `published` columns mirror the document for
/// queries that should not decode it.
public struct SQLArticleStore: ArticleStore {
    let database: any Database
    static let revised = SQLRevisedContent<Article>(table: "articles", revisions: "article_revisions", owner: "article_id")
    var articles: SQLRevisedContent<Article> { Self.revised }

    public init(database: WeerbaarDatabase) { self.database = database.database }

    struct Body: Decodable { var body: String }

    public func published() async throws -> ArticleCollection {
        let decoder = JSONDecoder()
        let sql = database.sql
        let editions = try await sql.raw("SELECT body FROM magazine_editions").all(decoding: Body.self)
            .map { try decoder.decode(MagazineEdition.self, from: Data($0.body.utf8)) }
        return ArticleCollection(articles: try await articles.published(on: sql), editions: editions)
    }

    static let importer = Editor(email: "import@weerbaar.invalid", name: "Import")

    public func replace(with collection: ArticleCollection) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        try await database.transaction { tx in
            let sql = tx.sql
            try await sql.raw("DELETE FROM magazine_editions").run()
            try await sql.raw("DELETE FROM article_revisions").run()
            try await sql.raw("DELETE FROM articles").run()
            for article in collection.articles {
                try await sql.raw("""
                    INSERT INTO articles (id, body, kind, status, published, version) VALUES (\(bind: article.id), '{}', \(bind: article.kind.rawValue),
                    'concept', \(bind: article.published.description), 0)
                    """).run()
                try await articles.write(article, id: article.id, status: .published, provider: nil, version: 1, by: Self.importer,
                                         insert: false, on: sql)
            }
            for edition in collection.editions {
                try await sql.raw("""
                    INSERT INTO magazine_editions (number, body) VALUES (\(bind: edition.number), \(bind: String(decoding: try encoder.encode(edition), as: UTF8.self)))
                    """).run()
            }
        }
    }

    public func managedArticles() async throws -> [ManagedArticle] {
        try await articles.all(on: database.sql).sorted { ($0.updated, $0.content.id) > ($1.updated, $1.content.id) }
    }

    public func managedArticle(_ id: String) async throws -> ManagedArticle? { try await articles.one(id, on: database.sql) }

    @discardableResult
    public func save(_ article: Article, status: ContentStatus, provider: String?, version: Int?, by editor: Editor) async throws -> ManagedArticle {
        try await database.transaction { tx in
            let sql = tx.sql
            if version == nil, try await articles.one(article.id, on: sql) == nil {
                return try await Self.insert(article, status: status, provider: provider, by: editor, on: sql)
            }
            let saved = try await articles.save(article, id: article.id, status: status, provider: provider, version: version, by: editor, on: sql)
            try await sql.raw("""
                UPDATE articles SET kind = \(bind: article.kind.rawValue), published = \(bind: article.published.description) WHERE id = \(bind: article.id)
                """).run()
            return saved
        }
    }

    /// A new article as version 1: a row with the mirrored columns, which the shared write completes.
    /// Throws `staleVersion` when the id is taken. For callers inside another transaction (a tip accepted).
    static func insert(_ article: Article, status: ContentStatus, provider: String?, by editor: Editor, on sql: any SQLDatabase) async throws -> ManagedArticle {
        struct Found: Decodable { var id: String }
        guard try await sql.raw("SELECT id FROM articles WHERE id = \(bind: article.id)").first(decoding: Found.self) == nil else {
            throw ContentProblem.staleVersion
        }
        try await sql.raw("""
            INSERT INTO articles (id, body, kind, status, published, version) VALUES (\(bind: article.id), '{}', \(bind: article.kind.rawValue),
            'concept', \(bind: article.published.description), 0)
            """).run()
        return try await revised.write(article, id: article.id, status: status, provider: provider, version: 1, by: editor, insert: false, on: sql)
    }

    public func sendBack(_ id: String, version: Int, comment: String, by editor: Editor) async throws {
        try await database.transaction { tx in try await articles.sendBack(id, version: version, comment: comment, by: editor, on: tx.sql) }
    }

    public func revisions(_ id: String) async throws -> [ArticleRevision] { try await articles.history(id, on: database.sql) }
}
