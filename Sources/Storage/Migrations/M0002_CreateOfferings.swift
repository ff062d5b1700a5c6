import FluentKit

struct M0002_CreateOfferings: AsyncMigration {
    var name: String { "0002-create-offerings" }

    func prepare(on database: any Database) async throws {
        try await database.schema(OfferingModel.schema)
            .id()
            .field("provider_slug", .string, .required)
            .field("external_id", .string, .required)
            .field("slug", .string, .required)
            .field("title", .string, .required)
            .field("summary", .string, .required)
            .field("description", .string, .required)
            .field("kind", .string, .required)
            .field("form", .string, .required)
            .field("cost", .string)
            .field("delivery", .string)
            .field("duration", .string)
            .field("url", .string)
            .field("contact_name", .string)
            .field("contact_email", .string)
            .field("contact_phone", .string)
            .field("published", .string)
            .field("review_by", .string)
            .field("last_checked", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "provider_slug", "external_id")
            .unique(on: "slug")
            .create()
        try await database.schema(OfferingLabelModel.schema)
            .id()
            .field("offering_id", .uuid, .required, .references(OfferingModel.schema, .id, onDelete: .cascade))
            .field("list", .string, .required)
            .field("value", .string, .required)
            .field("position", .int, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OfferingLabelModel.schema).delete()
        try await database.schema(OfferingModel.schema).delete()
    }
}
