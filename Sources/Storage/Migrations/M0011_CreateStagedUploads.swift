import FluentKit

/// Bulk uploads between dry run and confirmation. In the database, not in memory, so the confirmation
/// may reach another instance than the dry run.
struct M0011_CreateStagedUploads: AsyncMigration {
    var name: String { "0011-create-staged-uploads" }

    func prepare(on database: any Database) async throws {
        try await database.schema(StagedUploadModel.schema)
            .id()
            .field("owner", .uuid, .required)
            .field("file_name", .string, .required)
            .field("items", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(StagedUploadModel.schema).delete()
    }
}
