import FluentKit

/// The second factor's recovery codes: a salted hash per code, and when it was used (each works once).
struct M0018_CreateRecoveryCodes: AsyncMigration {
    var name: String { "0018-create-recovery-codes" }

    func prepare(on database: any Database) async throws {
        try await database.schema("recovery_codes")
            .id()
            .field("account_id", .uuid, .required, .references(AccountModel.schema, .id, onDelete: .cascade))
            .field("code_hash", .string, .required)
            .field("used_at", .datetime)
            .unique(on: "account_id", "code_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("recovery_codes").delete()
    }
}
