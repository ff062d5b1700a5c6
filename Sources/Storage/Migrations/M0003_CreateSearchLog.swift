import FluentKit

/// The private search log: one row per hour, source, normalised query and filters, with a count.
/// It has no column that could identify a person.
struct M0003_CreateSearchLog: AsyncMigration {
    var name: String { "0003-create-search-log" }

    func prepare(on database: any Database) async throws {
        try await database.schema(SQLSearchLogStore.table)
            .field("hour", .string, .required)
            .field("source", .string, .required)
            .field("query", .string, .required)
            .field("filters", .string, .required)
            .field("searches", .int, .required)
            .field("results", .int, .required)
            .unique(on: "hour", "source", "query", "filters")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SQLSearchLogStore.table).delete()
    }
}
