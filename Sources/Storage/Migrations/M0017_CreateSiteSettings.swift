import FluentKit

/// Facts about the installation itself, by name: for now whether its catalogue is the demo's.
struct M0017_CreateSiteSettings: AsyncMigration {
    var name: String { "0017-create-site-settings" }

    func prepare(on database: any Database) async throws {
        try await database.schema("site_settings")
            .field("name", .string, .identifier(auto: false))
            .field("value", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("site_settings").delete()
    }
}
