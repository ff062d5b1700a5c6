import FluentKit
import SQLKit

/// WeerbaarNL editions, the rendered variants each is sent as, and the durable outbox: one row per
/// message, unique per edition and subscriber so an edition can never be enqueued twice for anyone.
struct M0014_CreateNewsletterEditions: AsyncMigration {
    var name: String { "0014-create-newsletter-editions" }

    func prepare(on database: any Database) async throws {
        try await database.schema("newsletter_editions")
            .id()
            .field("slug", .string, .required)
            .field("subject", .string, .required)
            .field("content", .string, .required)
            .field("status", .string, .required)
            .field("version", .int, .required)
            .field("scheduled_at", .datetime)
            .field("send_started_at", .datetime)
            .field("updated_at", .datetime, .required)
            .field("updated_by", .string, .required)
            .unique(on: "slug")
            .create()
        try await database.schema("newsletter_variants")
            .id()
            .field("edition_id", .uuid, .required, .references("newsletter_editions", "id", onDelete: .cascade))
            .field("variant_key", .string, .required)
            .field("subject", .string, .required)
            .field("html", .string, .required)
            .field("text", .string, .required)
            .unique(on: "edition_id", "variant_key")
            .create()
        try await database.schema("newsletter_outbox")
            .field("id", .int64, .identifier(auto: true))
            .field("edition_id", .uuid, .required, .references("newsletter_editions", "id", onDelete: .cascade))
            .field("variant_key", .string, .required)
            // Emptied when the subscriber is erased; the row stays for the anonymous statistics.
            .field("recipient", .string)
            .field("subscriber_id", .uuid)
            .field("state", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("worker", .string)
            .field("lease_until", .datetime)
            .field("reason", .string)
            .field("updated_at", .datetime, .required)
            .unique(on: "edition_id", "subscriber_id")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX newsletter_outbox_due ON newsletter_outbox (state, next_attempt_at)").run()
        try await sql.raw("CREATE INDEX newsletter_outbox_edition ON newsletter_outbox (edition_id, state)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("newsletter_outbox").delete()
        try await database.schema("newsletter_variants").delete()
        try await database.schema("newsletter_editions").delete()
    }
}
