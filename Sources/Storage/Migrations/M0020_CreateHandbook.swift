import FluentKit

/// The handbook: its frame as one document, its entries with status and version, their revisions.
struct M0020_CreateHandbook: AsyncMigration {
    var name: String { "0020-create-handbook" }

    func prepare(on database: any Database) async throws {
        try await database.schema("handbook_frame")
            .field("name", .string, .identifier(auto: false))
            .field("body", .string, .required)
            .create()
        try await database.schema("handbook_entries")
            .field("id", .string, .identifier(auto: false))
            .field("body", .string, .required)
            .field("status", .string, .required)
            .field("provider", .string)
            .field("version", .int, .required)
            .field("updated_at", .double, .required)
            .field("updated_by", .string, .required)
            .create()
        try await database.schema("handbook_entry_revisions")
            .id()
            .field("entry_id", .string, .required)
            .field("number", .int, .required)
            .field("body", .string, .required)
            .field("status", .string, .required)
            .field("editor_email", .string, .required)
            .field("editor_name", .string, .required)
            .field("at", .double, .required)
            .unique(on: "entry_id", "number")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("handbook_entry_revisions").delete()
        try await database.schema("handbook_entries").delete()
        try await database.schema("handbook_frame").delete()
    }
}
