import FluentKit

/// Provider logos, sanitised before they are stored, one per provider.
struct M0012_CreateProviderLogos: AsyncMigration {
    var name: String { "0012-create-provider-logos" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ProviderLogoModel.schema)
            .id()
            .field("provider_slug", .string, .required)
            .field("content_type", .string, .required)
            .field("data", .data, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "provider_slug")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ProviderLogoModel.schema).delete()
    }
}
