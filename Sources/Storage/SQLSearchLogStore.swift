import FluentKit
import Foundation
import SearchLog
import SQLKit

/// The search log in the relational database. Hand-written SQL because an upsert that adds to a
/// counter is one statement on both backends (`INSERT … ON CONFLICT … DO UPDATE`, SQLite ≥ 3.24 and
/// PostgreSQL), and the report is an aggregate; every value is a bound parameter.
public struct SQLSearchLogStore: SearchLogStore {
    static let table = "search_log"
    let database: any Database

    public init(database: WeerbaarDatabase) { self.database = database.database }


    /// One statement for all tallies, so a batch is atomic without a transaction and holds the
    /// connection for one round trip. The recorder keeps batches small (`SearchLogRecorder.batchSize`).
    public func add(_ tallies: [SearchLogKey: SearchTally]) async throws {
        guard !tallies.isEmpty else { return }
        var values: [SQLQueryString] = []
        for (key, tally) in tallies {
            values.append("""
                (\(bind: key.hour), \(bind: key.source.rawValue), \(bind: key.query), \(bind: key.filters), \(bind: tally.searches), \(bind: tally.results))
                """)
        }
        let rows = values.dropFirst().reduce(values[0]) { $0 + ", " + $1 }
        try await database.sql.raw("""
            INSERT INTO search_log (hour, source, query, filters, searches, results) VALUES \(rows)
            ON CONFLICT (hour, source, query, filters)
            DO UPDATE SET searches = search_log.searches + excluded.searches, results = excluded.results
            """).run()
    }

    /// SUM is cast because PostgreSQL sums a BIGINT column into NUMERIC.
    public func report(_ request: SearchLogReportRequest) async throws -> [SearchLogReportRow] {
        var query: SQLQueryString = """
            SELECT source, query, filters, CAST(SUM(searches) AS BIGINT) AS searches, MAX(results) AS max_results, MAX(hour) AS last_hour
            FROM search_log WHERE hour >= \(bind: request.since)
            """
        if let source = request.source { query = query + " AND source = \(bind: source.rawValue)" }
        query = query + " GROUP BY source, query, filters"
        if let maxResults = request.maxResults { query = query + " HAVING MAX(results) <= \(bind: maxResults)" }
        query = query + " ORDER BY SUM(searches) DESC, query, filters LIMIT \(bind: max(1, request.limit))"

        struct Row: Decodable {
            var source: String
            var query: String
            var filters: String
            var searches: Int
            var max_results: Int
            var last_hour: String
        }
        return try await database.sql.raw(query).all(decoding: Row.self).compactMap { row in
            guard let source = LoggedSearch.Source(rawValue: row.source) else { return nil }
            return SearchLogReportRow(source: source, query: row.query, filters: row.filters, searches: row.searches,
                                      maxResults: row.max_results, lastHour: row.last_hour)
        }
    }

    @discardableResult
    public func purge(before hour: String) async throws -> Int {
        let rows = try await database.sql.raw("DELETE FROM search_log WHERE hour < \(bind: hour) RETURNING hour").all()
        return rows.count
    }
}
