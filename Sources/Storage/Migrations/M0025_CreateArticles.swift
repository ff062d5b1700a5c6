import FluentKit

/// Articles and magazine editions, each a JSON document of `weerbaar.articles/v1` with its status.
struct M0025_CreateArticles: AsyncMigration {
    var name: String { "0025-create-articles" }

    func prepare(on database: any Database) async throws {
        try await database.schema("articles")
            .field("id", .string, .identifier(auto: false))
            .field("body", .string, .required)
            .field("kind", .string, .required)
            .field("status", .string, .required)
            .field("published", .string, .required)
            .create()
        try await database.schema("magazine_editions")
            .field("number", .int, .identifier(auto: false))
            .field("body", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("magazine_editions").delete()
        try await database.schema("articles").delete()
    }
}
