import FluentKit

/// The append-only audit log of the portal.
struct M0007_CreateAuditLog: AsyncMigration {
    var name: String { "0007-create-audit-log" }

    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEventModel.schema)
            .id()
            .field("at", .datetime, .required)
            .field("actor", .string, .required)
            .field("actor_name", .string, .required)
            .field("action", .string, .required)
            .field("subject", .string, .required)
            .field("details", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditEventModel.schema).delete()
    }
}
