import FluentKit
import FluentSQL

/// Beheerders can block an account (someone left the organisation) without deleting its history.
struct M0008_AddAccountBlocking: AsyncMigration {
    var name: String { "0008-add-account-blocking" }

    func prepare(on database: any Database) async throws {
        try await database.schema(AccountModel.schema)
            .field("disabled", .bool, .required, .sql(.default(false)))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AccountModel.schema).deleteField("disabled").update()
    }
}
