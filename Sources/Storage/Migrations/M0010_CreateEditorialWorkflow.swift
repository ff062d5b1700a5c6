import FluentKit
import FluentSQL

/// The portal's editorial workflow: a status and a version on every offering (what is there today is
/// published), a trusted flag per provider, drafts and the revision history.
struct M0010_CreateEditorialWorkflow: AsyncMigration {
    var name: String { "0010-create-editorial-workflow" }

    func prepare(on database: any Database) async throws {
        // One column per ALTER: SQLite adds a single column per statement.
        try await database.schema(OfferingModel.schema)
            .field("status", .string, .required, .sql(.default("gepubliceerd"))).update()
        try await database.schema(OfferingModel.schema)
            .field("version", .int, .required, .sql(.default(1))).update()
        try await database.schema(ProviderModel.schema)
            .field("trusted", .bool, .required, .sql(.default(false))).update()
        try await database.schema(OfferingDraftModel.schema)
            .id()
            .field("provider_slug", .string, .required)
            .field("external_id", .string, .required)
            .field("record", .string, .required)
            .field("status", .string, .required)
            .field("version", .int, .required)
            .field("author_email", .string, .required)
            .field("author_name", .string, .required)
            .field("review_comment", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "provider_slug", "external_id")
            .create()
        try await database.schema(OfferingRevisionModel.schema)
            .id()
            .field("provider_slug", .string, .required)
            .field("external_id", .string, .required)
            .field("number", .int, .required)
            .field("record", .string, .required)
            .field("action", .string, .required)
            .field("status", .string, .required)
            .field("editor_email", .string, .required)
            .field("editor_name", .string, .required)
            .field("comment", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "provider_slug", "external_id", "number")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OfferingRevisionModel.schema).delete()
        try await database.schema(OfferingDraftModel.schema).delete()
        try await database.schema(ProviderModel.schema).deleteField("trusted").update()
        try await database.schema(OfferingModel.schema).deleteField("version").update()
        try await database.schema(OfferingModel.schema).deleteField("status").update()
    }
}
