import FluentKit
import FluentSQL
import SQLKit

/// Alerts on a saved search, and the subscribers' choice whether they want the newsletter besides
/// (someone who signed up only for an alert does not).
struct M0015_CreateAlerts: AsyncMigration {
    var name: String { "0015-create-alerts" }

    func prepare(on database: any Database) async throws {
        try await database.schema("subscribers")
            .field("newsletter", .bool, .required, .sql(.default(true)))
            .update()
        try await database.schema("newsletter_alerts")
            .id()
            .field("subscriber_id", .uuid, .required, .references("subscribers", "id", onDelete: .cascade))
            .field("query", .string, .required)
            .field("label", .string, .required)
            .field("frequency", .string, .required)
            .field("created_at", .datetime, .required)
            .field("confirmed_at", .datetime)
            .field("last_sent_at", .datetime)
            .field("seen", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("newsletter_alerts").delete()
        try await database.schema("subscribers").deleteField("newsletter").update()
    }
}
