import FluentKit

/// The themes a search was read as, on each row of the search log, and a roll-up per day, theme and
/// source, so that what reads searches per theme (the white spots) reads a few rows per day rather
/// than the whole log.
struct M0022_AddSearchThemes: AsyncMigration {
    var name: String { "0022-add-search-themes" }

    func prepare(on database: any Database) async throws {
        try await database.schema(SQLSearchLogStore.table).field("themes", .string).update()
        try await database.schema("search_log_themes")
            .field("day", .string, .required)
            .field("theme", .string, .required)
            .field("source", .string, .required)
            .field("searches", .int, .required)
            .field("zero_results", .int, .required)
            .unique(on: "day", "theme", "source")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("search_log_themes").delete()
        try await database.schema(SQLSearchLogStore.table).deleteField("themes").update()
    }
}
