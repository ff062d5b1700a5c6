import FluentKit

/// Tips from readers: the tip with its state and the editor who claimed it, and the sender's contact
/// data in a table of their own, so the retention job erases them without touching the tip.
struct M0027_CreateTips: AsyncMigration {
    var name: String { "0027-create-tips" }

    func prepare(on database: any Database) async throws {
        try await database.schema("tips")
            .field("id", .string, .identifier(auto: false))
            .field("token_hash", .string, .required)
            .field("state", .string, .required)
            .field("kind", .string, .required)
            .field("themes", .string, .required)
            .field("body", .string, .required)
            .field("claimed_by_email", .string)
            .field("claimed_by_name", .string)
            .field("claimed_at", .double)
            .field("request_note", .string)
            .field("decline_reason", .string)
            .field("decision_note", .string)
            .field("article_id", .string)
            .field("created_at", .double, .required)
            .field("submitted_at", .double)
            .field("decided_at", .double)
            .field("updated_at", .double, .required)
            .unique(on: "token_hash")
            .create()
        try await database.schema("tip_senders")
            .field("tip_id", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("email", .string, .required)
            .field("organisation", .string, .required)
            .field("show_name", .bool, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("tip_senders").delete()
        try await database.schema("tips").delete()
    }
}
