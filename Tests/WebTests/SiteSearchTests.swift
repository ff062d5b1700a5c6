import Foundation
import Knowledge
import SearchLog
import Testing
import TestSupport
import WeerbaarApp
@testable import Web

/// One search over all content: grouped, counted, linked on to each kind's page.
@Suite struct SiteSearchTests {
    @Test(arguments: TestBackend.available)
    func offeringsPracticeExamplesAndArticlesAreFoundTogether(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            let empty = try await client.get("/zoeken")
            #expect(empty.status == 200 && empty.body.contains("Typ een of meer woorden"))
            let page = try await client.get("/zoeken?q=sleutelfiguren")
            #expect(page.status == 200)
            #expect(page.body.contains("id=\"groep-aanbod\"") && page.body.contains("id=\"groep-praktijk\"") && page.body.contains("id=\"groep-artikelen\""))
            #expect(page.body.contains("/artikelen/rotterdam-sleutelfiguren-in-de-wijk"))
            let practice = platform.articles.search("sleutelfiguren", kinds: [.practice], limit: 50)
            #expect(page.body.contains("Praktijkvoorbeelden (\(practice.total))"))
            // One kind alone lists them all and links back.
            let only = try await client.get("/zoeken?q=sleutelfiguren&soort=praktijk")
            #expect(only.body.contains("Terug naar alle soorten") && !only.body.contains("id=\"groep-aanbod\""))
            for article in practice.articles { #expect(only.body.contains("/artikelen/\(article.id)")) }
            // What someone types is shown as text, never as markup.
            let hostile = try await client.get("/zoeken?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
            #expect(hostile.status == 200 && !hostile.body.contains("<script>alert(1)") && hostile.body.contains("&lt;script&gt;"))
            #expect(try await client.get("/zoeken?q=x&soort=bestaat-niet").status == 200)
        }
    }

    @Test func aSearchHereIsLoggedWithItsThemesFromTheCacheToo() async throws {
        try await WebHarness.withClient(.sqlite) { client, platform in
            _ = platform.searchLog.drain()
            for _ in 0..<2 { #expect(try await client.get("/zoeken?q=Polarisatie+op+school").status == 200) }
            _ = try await client.get("/zoeken")
            let tallies = platform.searchLog.drain().tallies
            #expect(tallies.count == 1, "\(tallies.keys.map(\.query))")
            let (key, tally) = try #require(tallies.first)
            #expect(key.source == .site && key.query == "polarisatie op school" && tally.searches == 2)
            #expect(tally.themes.contains("polarisatie"))
        }
    }
}
