import FluentKit

/// One-time links: invitations and password resets, stored by the hash of their token.
struct M0005_CreateAccountTokens: AsyncMigration {
    var name: String { "0005-create-account-tokens" }

    func prepare(on database: any Database) async throws {
        try await database.schema(AccountTokenModel.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("purpose", .string, .required)
            .field("email", .string, .required)
            .field("name", .string, .required)
            .field("role", .string, .required)
            .field("provider_slug", .string)
            .field("account_id", .uuid, .references(AccountModel.schema, .id, onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AccountTokenModel.schema).delete()
    }
}
