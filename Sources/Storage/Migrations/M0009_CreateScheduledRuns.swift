import FluentKit

/// Which scheduled job ran for which period: one row per (job, period), so of several instances
/// exactly one claims each run.
struct M0009_CreateScheduledRuns: AsyncMigration {
    var name: String { "0009-create-scheduled-runs" }

    func prepare(on database: any Database) async throws {
        try await database.schema("scheduled_runs")
            .field("job", .string, .required)
            .field("period", .string, .required)
            .field("claimed_at", .datetime, .required)
            .unique(on: "job", "period")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("scheduled_runs").delete()
    }
}
