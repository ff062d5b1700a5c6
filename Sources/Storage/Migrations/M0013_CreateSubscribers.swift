import FluentKit

/// WeerbaarNL subscribers, an anonymous erasure counter, and the site's generated secrets (the key
/// that signs personal links, when LINK_SECRET is not given).
struct M0013_CreateSubscribers: AsyncMigration {
    var name: String { "0013-create-subscribers" }

    func prepare(on database: any Database) async throws {
        try await database.schema(SubscriberModel.schema)
            .id()
            .field("email", .string, .required)
            .field("email_key", .string, .required)
            .field("name", .string)
            .field("organisation", .string)
            .field("interests", .string, .required)
            .field("consent_at", .datetime, .required)
            .field("consent_source", .string, .required)
            .field("confirmed_at", .datetime)
            .field("paused", .bool, .required)
            .unique(on: "email_key")
            .create()
        try await database.schema(CounterModel.schema)
            .field("name", .string, .identifier(auto: false))
            .field("value", .int64, .required)
            .create()
        try await database.schema(SiteSecretModel.schema)
            .field("name", .string, .identifier(auto: false))
            .field("value", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SiteSecretModel.schema).delete()
        try await database.schema(CounterModel.schema).delete()
        try await database.schema(SubscriberModel.schema).delete()
    }
}
