import Foundation
import SearchLog
import Testing
import TestSupport
import WeerbaarApp

/// The public search pages feed the private search log, also when the page cache answers.
@Suite struct SearchLogPageTests {
    @Test(arguments: TestBackend.available)
    func searchesAreLoggedOnceEachEvenFromTheCache(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            _ = platform.searchLog.drain()
            for _ in 0..<3 { #expect(try await client.get("/aanbod?q=Polarisatie&soort=training").status == 200) }
            _ = try await client.get("/aanbod?q=qqzzxxyy")
            _ = try await client.get("/vraagwijzer?vraag=Onrust+in+de+wijk")
            // Not searches: the bare catalogue, a further page, a HEAD request, the guide's empty form.
            _ = try await client.get("/aanbod")
            _ = try await client.get("/aanbod?q=polarisatie&soort=training&pagina=2")
            _ = try await client.head("/aanbod?q=iets+anders")
            _ = try await client.get("/vraagwijzer")

            // Summed over hours: the test may straddle the turn of an hour.
            let tallies = platform.searchLog.drain().tallies
            let byQuery = Dictionary(tallies.map { ($0.key.query, ($0.key, $0.value)) }, uniquingKeysWith: { a, b in
                (a.0, SearchTally(searches: a.1.searches + b.1.searches, results: b.1.results))
            })
            #expect(byQuery.count == 3, "\(tallies.keys.map(\.query))")
            let training = try #require(byQuery["polarisatie"])
            #expect(training.0.source == .catalogue && training.0.filters == "soort=training")
            #expect(training.1.searches == 3, "cached answers are logged too")
            #expect(training.1.results > 0)
            #expect(byQuery["qqzzxxyy"]?.1.results == 0)
            let guide = try #require(byQuery["onrust in de wijk"])
            #expect(guide.0.source == .guide && guide.0.filters == "thema=maatschappelijke-onrust")
        }
    }

    @Test(arguments: TestBackend.available)
    func aFlushWritesTheLogAndTheReportListsZeroResultSearches(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            _ = platform.searchLog.drain()
            _ = try await client.get("/aanbod?q=qqzzxxyy")
            _ = try await client.get("/aanbod?q=qqzzxxyy")
            _ = try await client.get("/aanbod?q=polarisatie")
            _ = try await platform.searchLog.flush(to: platform.searchLogStore)
            let zero = try await platform.searchLogStore.report(SearchLogReportRequest(since: "2000-01-01T00:00Z", maxResults: 0))
            #expect(zero.map(\.query) == ["qqzzxxyy"])
            #expect(zero.first?.searches == 2)
        }
    }
}
