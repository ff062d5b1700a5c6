import Foundation
import Logging
import SearchLog
import SQLKit
@testable import Storage
import Testing
import TestSupport

/// The search log's store, on SQLite and on PostgreSQL.
@Suite struct SearchLogStoreTests {
    static func withStore(_ backend: TestBackend, _ body: (SQLSearchLogStore, WeerbaarDatabase) async throws -> Void) async throws {
        try await ScratchDatabase.with(backend) { location in
            let database = try WeerbaarDatabase.open(location, logger: Logger(label: "test"))
            do {
                try await database.migrate()
                try await body(SQLSearchLogStore(database: database), database)
            } catch {
                await database.shutdown()
                throw error
            }
            await database.shutdown()
        }
    }

    static func key(_ hour: String, _ query: String, filters: String = "", source: LoggedSearch.Source = .catalogue) -> SearchLogKey {
        SearchLogKey(hour: hour, source: source, query: query, filters: filters)
    }

    @Test(arguments: TestBackend.available)
    func talliesAddUpPerHourAndKeepTheLatestResultCount(backend: TestBackend) async throws {
        try await Self.withStore(backend) { store, _ in
            try await store.add([Self.key("2026-11-20T10:00Z", "polarisatie"): SearchTally(searches: 2, results: 7)])
            try await store.add([Self.key("2026-11-20T10:00Z", "polarisatie"): SearchTally(searches: 3, results: 6),
                                 Self.key("2026-11-21T09:00Z", "polarisatie"): SearchTally(searches: 1, results: 5)])
            let rows = try await store.report(SearchLogReportRequest(since: "2026-11-01T00:00Z"))
            #expect(rows == [SearchLogReportRow(source: .catalogue, query: "polarisatie", filters: "", searches: 6, maxResults: 6,
                                                lastHour: "2026-11-21T09:00Z")])
        }
    }

    @Test(arguments: TestBackend.available)
    func theReportFiltersByResultsSourceAndPeriodMostSearchedFirst(backend: TestBackend) async throws {
        try await Self.withStore(backend) { store, _ in
            try await store.add([
                Self.key("2026-11-20T10:00Z", "azc facebook"): SearchTally(searches: 4, results: 0),
                Self.key("2026-11-20T11:00Z", "azc facebook"): SearchTally(searches: 1, results: 0),
                Self.key("2026-11-20T10:00Z", "boerenprotest"): SearchTally(searches: 9, results: 0),
                Self.key("2026-11-20T10:00Z", "jeugdwerk"): SearchTally(searches: 2, results: 2),
                Self.key("2026-11-20T10:00Z", "jeugdwerk", filters: "thema=polarisatie"): SearchTally(searches: 1, results: 0),
                Self.key("2026-11-20T10:00Z", "polarisatie"): SearchTally(searches: 50, results: 30),
                Self.key("2026-11-20T10:00Z", "onrust in de wijk", source: .guide): SearchTally(searches: 3, results: 0),
                Self.key("2025-01-01T10:00Z", "oud"): SearchTally(searches: 99, results: 0),
            ])
            let zero = try await store.report(SearchLogReportRequest(since: "2026-11-01T00:00Z", maxResults: 0))
            #expect(zero.map(\.query) == ["boerenprotest", "azc facebook", "onrust in de wijk", "jeugdwerk"])
            #expect(zero.first { $0.query == "jeugdwerk" }?.filters == "thema=polarisatie")
            #expect(zero.first { $0.query == "azc facebook" }?.searches == 5)
            let low = try await store.report(SearchLogReportRequest(since: "2026-11-01T00:00Z", maxResults: 2, source: .catalogue))
            #expect(low.map(\.query) == ["boerenprotest", "azc facebook", "jeugdwerk", "jeugdwerk"])
            let all = try await store.report(SearchLogReportRequest(since: "2026-11-01T00:00Z", limit: 2))
            #expect(all.map(\.query) == ["polarisatie", "boerenprotest"])
            let guide = try await store.report(SearchLogReportRequest(since: "2026-11-01T00:00Z", source: .guide))
            #expect(guide.map(\.query) == ["onrust in de wijk"])
        }
    }

    @Test(arguments: TestBackend.available)
    func oldHoursArePurged(backend: TestBackend) async throws {
        try await Self.withStore(backend) { store, _ in
            try await store.add([Self.key("2025-01-01T10:00Z", "oud"): SearchTally(searches: 1, results: 0),
                                 Self.key("2026-11-20T10:00Z", "nieuw"): SearchTally(searches: 1, results: 0)])
            #expect(try await store.purge(before: "2026-01-01T00:00Z") == 1)
            #expect(try await store.report(SearchLogReportRequest(since: "2000-01-01T00:00Z")).map(\.query) == ["nieuw"])
        }
    }

    @Test(arguments: TestBackend.available)
    func anyTextIsStoredAsDataNotSQL(backend: TestBackend) async throws {
        try await Self.withStore(backend) { store, _ in
            let hostile = "'); DROP TABLE search_log; -- \"x\" ☃ \\ %_"
            try await store.add([Self.key("2026-11-20T10:00Z", hostile, filters: "thema=' OR 1=1"): SearchTally(searches: 1, results: 0)])
            let rows = try await store.report(SearchLogReportRequest(since: "2026-11-01T00:00Z"))
            #expect(rows.map(\.query) == [hostile])
            #expect(rows.map(\.filters) == ["thema=' OR 1=1"])
        }
    }

    /// Privacy by design, checked on the schema itself: the table has exactly these columns.
    @Test(arguments: TestBackend.available)
    func theTableHasNoColumnThatCouldIdentifyAPerson(backend: TestBackend) async throws {
        try await Self.withStore(backend) { store, _ in
            try await store.add([Self.key("2026-11-20T10:00Z", "x"): SearchTally(searches: 1, results: 0)])
            let row = try await store.database.sql.raw("SELECT * FROM search_log").first()
            #expect(Set(try #require(row).allColumns) == ["hour", "source", "query", "filters", "searches", "results", "themes"])
        }
    }

    /// The probe's finding: a flood of distinct searches made one flush of 10,000 upserts hold SQLite's
    /// only connection, and every page that needed the database waited until the pool gave up (a 500
    /// after 30 s). Now another query is answered while the flush is still writing.
    @Test(arguments: TestBackend.available)
    func anotherQueryIsAnsweredWhileAFloodIsBeingWritten(backend: TestBackend) async throws {
        try await Self.withStore(backend) { store, database in
            let recorder = SearchLogRecorder(capacity: 20_000, now: { Date(timeIntervalSince1970: 1_795_000_000) })
            for index in 0..<10_000 { recorder.record(LoggedSearch(source: .catalogue, text: "zoekwoord \(index)", filters: [], results: 0)) }
            let watched = WatchedStore(store)
            let (firstBatch, signal) = AsyncStream.makeStream(of: Void.self)
            watched.onBatch = { count in if count == 1 { signal.yield() } }
            let flush = Task { try await recorder.flush(to: watched) }
            for await _ in firstBatch { break }
            // A query any page would make, asked once the flush has begun.
            _ = try await database.database.sql.raw("SELECT COUNT(*) AS n FROM search_log").first()
            let batchesWhenAnswered = watched.batches
            let (written, dropped) = try await flush.value
            #expect(written == 10_000)
            #expect(dropped == 0)
            #expect(watched.batches == 10_000 / SearchLogRecorder.batchSize)
            #expect(batchesWhenAnswered < watched.batches, "the query waited for the whole flush")
            let rows = try await store.report(SearchLogReportRequest(since: "2000-01-01T00:00Z", limit: 20_000))
            #expect(rows.count == 10_000)
        }
    }
}

/// A store that counts the batches written to the real one.
final class WatchedStore: SearchLogStore, @unchecked Sendable {
    let inner: any SearchLogStore
    private let lock = NSLock()
    private var count = 0
    var onBatch: @Sendable (Int) -> Void = { _ in }
    var batches: Int { lock.withLock { count } }

    init(_ inner: any SearchLogStore) { self.inner = inner }

    func themeTotals(since day: String) async throws -> [ThemeSearchTotal] { try await inner.themeTotals(since: day) }

    func add(_ tallies: [SearchLogKey: SearchTally]) async throws {
        try await inner.add(tallies)
        let now = lock.withLock { count += 1; return count }
        onBatch(now)
    }

    func report(_ request: SearchLogReportRequest) async throws -> [SearchLogReportRow] { try await inner.report(request) }
    func purge(before hour: String) async throws -> Int { try await inner.purge(before: hour) }
}
