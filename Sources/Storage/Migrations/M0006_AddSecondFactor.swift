import FluentKit
import FluentSQL
import SQLKit

/// The second factor: a TOTP secret and the last step used per account, and whether a session has
/// passed it. Existing sessions count as verified (they were made before the second factor existed).
struct M0006_AddSecondFactor: AsyncMigration {
    var name: String { "0006-add-second-factor" }

    func prepare(on database: any Database) async throws {
        try await database.schema(AccountModel.schema)
            .field("totp_secret", .string)
            .update()
        try await database.schema(AccountModel.schema)
            .field("totp_last_counter", .int64)
            .update()
        try await database.schema(SessionModel.schema)
            .field("verified", .bool, .required, .sql(.default(true)))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SessionModel.schema).deleteField("verified").update()
        try await database.schema(AccountModel.schema).deleteField("totp_last_counter").update()
        try await database.schema(AccountModel.schema).deleteField("totp_secret").update()
    }
}
