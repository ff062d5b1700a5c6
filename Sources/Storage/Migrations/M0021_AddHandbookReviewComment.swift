import FluentKit

/// The redactie's comment when it sends a handbook entry back to its author.
struct M0021_AddHandbookReviewComment: AsyncMigration {
    var name: String { "0021-add-handbook-review-comment" }

    func prepare(on database: any Database) async throws {
        try await database.schema("handbook_entries").field("review_comment", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("handbook_entries").deleteField("review_comment").update()
    }
}
