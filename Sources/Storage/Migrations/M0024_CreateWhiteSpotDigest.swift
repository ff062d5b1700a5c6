import FluentKit

/// Portal users who asked for the weekly white-spot digest, with the gaps their last one named.
struct M0024_CreateWhiteSpotDigest: AsyncMigration {
    var name: String { "0024-create-white-spot-digest" }

    func prepare(on database: any Database) async throws {
        try await database.schema("white_spot_digest")
            .field("account_id", .string, .identifier(auto: false))
            .field("last_gaps", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("white_spot_digest").delete()
    }
}
