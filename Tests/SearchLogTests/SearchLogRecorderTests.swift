import Foundation
import Synchronization
import Testing
@testable import SearchLog

@Suite struct LoggedSearchTests {
    @Test func queriesAreNormalisedToOneSpelling() {
        #expect(LoggedSearch.normalise("  Financiële   STEUN\tbij onrust ") == "financiele steun bij onrust")
        #expect(LoggedSearch.normalise("ＡＺＣ") == "azc")
        #expect(LoggedSearch.normalise("onrust\u{0}wijk\u{7}") == "onrust wijk", "control characters are spaces")
        #expect(LoggedSearch.normalise(String(repeating: "polarisatie ", count: 50)).count == LoggedSearch.maxQueryLength)
    }

    @Test func personalDataTypedIntoTheBoxIsNotKept() {
        #expect(LoggedSearch.normalise("contact j.jansen@gemeente.nl over onrust") == "contact [e-mail] over onrust")
        #expect(LoggedSearch.normalise("bel 06-12345678 of 123456782") == "bel [nummer] of [nummer]")
        #expect(LoggedSearch.normalise("covid 2020 en 1 april") == "covid 2020 en 1 april", "years and small numbers stay")
    }

    @Test func filtersHaveOneSpellingWhateverTheOrder() {
        let a = LoggedSearch(source: .catalogue, text: "", filters: [("thema", "polarisatie"), ("soort", "training")], results: 3)
        let b = LoggedSearch(source: .catalogue, text: "", filters: [("soort", "training"), ("thema", "polarisatie")], results: 3)
        #expect(a.filters == "soort=training&thema=polarisatie")
        #expect(a == b)
    }

    @Test func timeIsKeptOnlyToTheHourInUTC() {
        // 1_795_000_000 is 2026-11-18 11:06:40 UTC.
        #expect(LoggedSearch.hour(of: Date(timeIntervalSince1970: 1_795_000_000)) == "2026-11-18T11:00Z")
        #expect(LoggedSearch.hour(of: Date(timeIntervalSince1970: 1_795_003_199)) == "2026-11-18T11:00Z")
        #expect(LoggedSearch.hour(of: Date(timeIntervalSince1970: 1_795_003_200)) == "2026-11-18T12:00Z")
    }
}

@Suite struct SearchLogRecorderTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    @Test func repeatedSearchesAreCountedWithTheLatestResultCount() {
        let recorder = SearchLogRecorder(now: { Self.now })
        recorder.record(LoggedSearch(source: .catalogue, text: "Polarisatie", filters: [], results: 4))
        recorder.record(LoggedSearch(source: .catalogue, text: "polarisatie ", filters: [], results: 5))
        recorder.record(LoggedSearch(source: .guide, text: "polarisatie", filters: [], results: 9))
        let (tallies, dropped) = recorder.drain()
        #expect(dropped == 0)
        #expect(tallies.count == 2)
        let key = SearchLogKey(hour: "2026-11-18T11:00Z", source: .catalogue, query: "polarisatie", filters: "")
        #expect(tallies[key] == SearchTally(searches: 2, results: 5))
        #expect(recorder.drain().tallies.isEmpty, "draining empties the buffer")
    }

    @Test func aFloodOfDistinctQueriesIsBoundedAndCounted() {
        let recorder = SearchLogRecorder(capacity: 100, now: { Self.now })
        for index in 0..<1_000 { recorder.record(LoggedSearch(source: .catalogue, text: "woord\(index)", filters: [], results: 0)) }
        recorder.record(LoggedSearch(source: .catalogue, text: "woord5", filters: [], results: 0))
        let (tallies, dropped) = recorder.drain()
        #expect(tallies.count == 100)
        #expect(dropped == 900)
        #expect(tallies.values.map(\.searches).reduce(0, +) == 101, "a known query is still counted when the buffer is full")
    }

    final class FailingOnceStore: SearchLogStore {
        let calls = Mutex<[[SearchLogKey: SearchTally]]>([])
        func add(_ tallies: [SearchLogKey: SearchTally]) async throws {
            let first = calls.withLock { calls in
                calls.append(tallies)
                return calls.count == 1
            }
            if first { throw CancellationError() }
        }
        func report(_ request: SearchLogReportRequest) async throws -> [SearchLogReportRow] { [] }
        func purge(before hour: String) async throws -> Int { 0 }
        func themeTotals(since day: String) async throws -> [ThemeSearchTotal] { [] }
    }

    @Test func aFailedWriteIsRetriedByTheNextFlush() async throws {
        let recorder = SearchLogRecorder(now: { Self.now })
        let store = FailingOnceStore()
        recorder.record(LoggedSearch(source: .catalogue, text: "onrust", filters: [], results: 2))
        await #expect(throws: CancellationError.self) { try await recorder.flush(to: store) }
        recorder.record(LoggedSearch(source: .catalogue, text: "onrust", filters: [], results: 3))
        let written = try await recorder.flush(to: store)
        #expect(written.written == 1)
        let last = store.calls.withLock { $0.last! }
        #expect(last.values.first == SearchTally(searches: 2, results: 3))
    }
}

@Suite struct SearchLogRecorderGivingUpTests {
    final class BrokenStore: SearchLogStore {
        func add(_ tallies: [SearchLogKey: SearchTally]) async throws { throw CancellationError() }
        func report(_ request: SearchLogReportRequest) async throws -> [SearchLogReportRow] { [] }
        func purge(before hour: String) async throws -> Int { 0 }
        func themeTotals(since day: String) async throws -> [ThemeSearchTotal] { [] }
    }

    @Test func aBatchThatNeverWritesIsDroppedAfterThreeAttempts() async throws {
        let recorder = SearchLogRecorder(now: { SearchLogRecorderTests.now })
        recorder.record(LoggedSearch(source: .catalogue, text: "onrust", filters: [], results: 2))
        for _ in 0..<SearchLogRecorder.maxAttempts {
            await #expect(throws: CancellationError.self) { try await recorder.flush(to: BrokenStore()) }
        }
        let (tallies, dropped) = recorder.drain()
        #expect(tallies.isEmpty)
        #expect(dropped == 1)
    }
}
