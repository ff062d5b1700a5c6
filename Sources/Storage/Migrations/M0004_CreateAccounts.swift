import FluentKit

/// Portal accounts, their server-side sessions, and failed sign-ins for the lockout.
struct M0004_CreateAccounts: AsyncMigration {
    var name: String { "0004-create-accounts" }

    func prepare(on database: any Database) async throws {
        try await database.schema(AccountModel.schema)
            .id()
            .field("email", .string, .required)
            .field("name", .string, .required)
            .field("role", .string, .required)
            .field("provider_slug", .string)
            .field("password_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "email")
            .create()
        try await database.schema(SessionModel.schema)
            .id()
            .field("account_id", .uuid, .required, .references(AccountModel.schema, .id, onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("csrf_token", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        // One row per failed sign-in, under a hash of the address or client; counted over a window.
        try await database.schema("sign_in_failures")
            .field("subject", .string, .required)
            .field("failed_at", .double, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("sign_in_failures").delete()
        try await database.schema(SessionModel.schema).delete()
        try await database.schema(AccountModel.schema).delete()
    }
}
