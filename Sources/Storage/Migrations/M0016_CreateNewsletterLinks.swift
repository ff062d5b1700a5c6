import FluentKit
import SQLKit

/// The counted links of sent editions (only when click counting is on): one row per distinct link
/// of an edition, with its count. Nothing here names a reader.
struct M0016_CreateNewsletterLinks: AsyncMigration {
    var name: String { "0016-create-newsletter-links" }

    func prepare(on database: any Database) async throws {
        try await database.schema("newsletter_links")
            .field("id", .string, .identifier(auto: false))
            .field("edition_id", .uuid, .required, .references("newsletter_editions", "id", onDelete: .cascade))
            .field("url", .string, .required)
            .field("clicks", .int64, .required)
            .create()
        try await (database as! any SQLDatabase).raw("CREATE INDEX newsletter_links_edition ON newsletter_links (edition_id)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("newsletter_links").delete()
    }
}
