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


    /// One statement for all tallies, and one for the roll-up per day and theme, in one transaction
    /// and two round trips. The recorder keeps batches small (`SearchLogRecorder.batchSize`).
    public func add(_ tallies: [SearchLogKey: SearchTally]) async throws {
        guard !tallies.isEmpty else { return }
        var values: [SQLQueryString] = []
        var rollUp: [ThemeDayKey: (searches: Int, zero: Int)] = [:]
        for (key, tally) in tallies {
            let themes = tally.themes.isEmpty ? nil : "|" + tally.themes.joined(separator: "|") + "|"
            values.append("""
                (\(bind: key.hour), \(bind: key.source.rawValue), \(bind: key.query), \(bind: key.filters), \(bind: tally.searches), \(bind: tally.results), \(bind: themes))
                """)
            for theme in tally.themes {
                let day = ThemeDayKey(day: String(key.hour.prefix(10)), theme: theme, source: key.source.rawValue)
                rollUp[day, default: (0, 0)].searches += tally.searches
                if tally.results == 0 { rollUp[day, default: (0, 0)].zero += tally.searches }
            }
        }
        let rows = values.dropFirst().reduce(values[0]) { $0 + ", " + $1 }
        let days: [SQLQueryString] = rollUp.map { key, count in
            "(\(bind: key.day), \(bind: key.theme), \(bind: key.source), \(bind: count.searches), \(bind: count.zero))"
        }
        try await database.transaction { tx in
            try await tx.sql.raw("""
                INSERT INTO search_log (hour, source, query, filters, searches, results, themes) VALUES \(rows)
                ON CONFLICT (hour, source, query, filters)
                DO UPDATE SET searches = search_log.searches + excluded.searches, results = excluded.results, themes = excluded.themes
                """).run()
            guard let first = days.first else { return }
            try await tx.sql.raw("""
                INSERT INTO search_log_themes (day, theme, source, searches, zero_results) VALUES \(days.dropFirst().reduce(first) { $0 + ", " + $1 })
                ON CONFLICT (day, theme, source) DO UPDATE SET searches = search_log_themes.searches + excluded.searches,
                zero_results = search_log_themes.zero_results + excluded.zero_results
                """).run()
        }
    }

    struct ThemeDayKey: Hashable {
        var day: String
        var theme: String
        var source: String
    }

    public func themeTotals(since day: String) async throws -> [ThemeSearchTotal] {
        struct Row: Decodable {
            var theme: String
            var source: String
            var searches: Int
            var zero_results: Int
        }
        return try await database.sql.raw("""
            SELECT theme, source, CAST(SUM(searches) AS BIGINT) AS searches, CAST(SUM(zero_results) AS BIGINT) AS zero_results
            FROM search_log_themes WHERE day >= \(bind: day) GROUP BY theme, source ORDER BY theme, source
            """).all(decoding: Row.self).compactMap { row in
            LoggedSearch.Source(rawValue: row.source).map {
                ThemeSearchTotal(theme: row.theme, source: $0, searches: row.searches, zeroResults: row.zero_results)
            }
        }
    }

    /// SUM is cast because PostgreSQL sums a BIGINT column into NUMERIC.
    public func report(_ request: SearchLogReportRequest) async throws -> [SearchLogReportRow] {
        var query: SQLQueryString = """
            SELECT source, query, filters, CAST(SUM(searches) AS BIGINT) AS searches, MAX(results) AS max_results, MAX(hour) AS last_hour
            FROM search_log WHERE hour >= \(bind: request.since)
            """
        if let source = request.source { query = query + " AND source = \(bind: source.rawValue)" }
        if let theme = request.theme { query = query + " AND themes LIKE \(bind: "%|" + theme + "|%")" }
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
        try await database.sql.raw("DELETE FROM search_log_themes WHERE day < \(bind: String(hour.prefix(10)))").run()
        return rows.count
    }
}
