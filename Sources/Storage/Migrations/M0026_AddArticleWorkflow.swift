import FluentKit
import FluentSQL
import SQLKit

/// Articles get the editorial workflow the handbook's entries have: provider, version, who changed
/// them last, the redactie's comment, and a revision for every save.
struct M0026_AddArticleWorkflow: AsyncMigration {
    var name: String { "0026-add-article-workflow" }

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds one at a time.
        try await database.schema("articles").field("provider", .string).update()
        try await database.schema("articles").field("version", .int, .required, .sql(.default(1))).update()
        try await database.schema("articles").field("updated_at", .double, .required, .sql(.default(0))).update()
        try await database.schema("articles").field("updated_by", .string, .required, .sql(.default("redactie"))).update()
        try await database.schema("articles").field("review_comment", .string).update()
        try await database.schema("article_revisions")
            .id()
            .field("article_id", .string, .required)
            .field("number", .int, .required)
            .field("body", .string, .required)
            .field("status", .string, .required)
            .field("editor_email", .string, .required)
            .field("editor_name", .string, .required)
            .field("at", .double, .required)
            .unique(on: "article_id", "number")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("article_revisions").delete()
        for field in ["review_comment", "updated_by", "updated_at", "version", "provider"] {
            try await database.schema("articles").deleteField(.string(field)).update()
        }
    }
}
