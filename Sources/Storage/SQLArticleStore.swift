import Catalogue
import FluentKit
import Foundation
import Knowledge
import SQLKit

/// Articles and magazine editions in the relational database, one JSON document a row. Only
/// `gepubliceerd` rows are public; the editorial workflow of later work adds the other states.
public struct SQLArticleStore: ArticleStore {
    let database: any Database

    public init(database: WeerbaarDatabase) { self.database = database.database }

    struct Body: Decodable { var body: String }

    public func published() async throws -> ArticleCollection {
        let decoder = JSONDecoder()
        let articles = try await database.sql.raw("SELECT body FROM articles WHERE status = 'gepubliceerd'").all(decoding: Body.self)
            .map { try decoder.decode(Article.self, from: Data($0.body.utf8)) }
        let editions = try await database.sql.raw("SELECT body FROM magazine_editions").all(decoding: Body.self)
            .map { try decoder.decode(MagazineEdition.self, from: Data($0.body.utf8)) }
        return ArticleCollection(articles: articles, editions: editions)
    }

    public func replace(with collection: ArticleCollection) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        try await database.transaction { tx in
            let sql = tx.sql
            try await sql.raw("DELETE FROM magazine_editions").run()
            try await sql.raw("DELETE FROM articles").run()
            for article in collection.articles {
                try await sql.raw("""
                    INSERT INTO articles (id, body, kind, status, published) VALUES (\(bind: article.id),
                    \(bind: String(decoding: try encoder.encode(article), as: UTF8.self)), \(bind: article.kind.rawValue), 'gepubliceerd',
                    \(bind: article.published.description))
                    """).run()
            }
            for edition in collection.editions {
                try await sql.raw("""
                    INSERT INTO magazine_editions (number, body) VALUES (\(bind: edition.number), \(bind: String(decoding: try encoder.encode(edition), as: UTF8.self)))
                    """).run()
            }
        }
    }
}
