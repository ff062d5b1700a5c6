import FluentKit
import Foundation
import SQLKit

/// Claims of scheduled work: the first instance to insert (job, period) runs it; the others see the
/// unique key taken and skip. No clocks need to agree beyond the period's name.
public struct ScheduledRuns: Sendable {
    let database: any Database

    public init(database: WeerbaarDatabase) { self.database = database.database }

    /// True for exactly one caller per job and period.
    public func claim(job: String, period: String, at date: Date = Date()) async throws -> Bool {
        let sql = database.sql
        let rows = try await sql.raw("""
            INSERT INTO scheduled_runs (job, period, claimed_at) VALUES (\(bind: job), \(bind: period), \(bind: date))
            ON CONFLICT (job, period) DO NOTHING RETURNING job
            """).all()
        return rows.count == 1
    }
}
