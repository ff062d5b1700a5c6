import CatalogueService
import Foundation
import Testing
import TestSupport
@testable import Web
import WeerbaarApp

@Suite struct PageCacheTests {
    @Test func servesARenderedPageOncePerGeneration() throws {
        let cache = PageCache(capacity: 10)
        var renders = 0
        for _ in 0..<3 { _ = cache.html(key: "/aanbod?q=x", generation: 1) { renders += 1; return "<p>1</p>" } }
        #expect(renders == 1)
        _ = cache.html(key: "/aanbod?q=x", generation: 2) { renders += 1; return "<p>2</p>" }
        #expect(renders == 2)
    }

    @Test func staysBoundedUnderAFloodOfDistinctURLs() throws {
        let cache = PageCache(capacity: 50)
        for i in 0..<10_000 { _ = cache.html(key: "/aanbod?q=\(i)", generation: 1) { "<p>\(i)</p>" } }
        #expect(cache.count <= 100)
        // The most recent pages are still there.
        var renders = 0
        _ = cache.html(key: "/aanbod?q=9999", generation: 1) { renders += 1; return "" }
        #expect(renders == 0)
    }

    @Test func capacityZeroRendersEveryTime() throws {
        let cache = PageCache(capacity: 0)
        var renders = 0
        for _ in 0..<3 { _ = cache.html(key: "/", generation: 1) { renders += 1; return "" } }
        #expect(renders == 3)
        #expect(cache.count == 0)
    }

    @Test(arguments: TestBackend.available)
    func aChangedCatalogueIsVisibleOnTheNextPageView(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            let path = "/aanbod?q=kraaienmars"
            let before = try await client.get(path)
            #expect(before.status == 200)
            #expect(!before.body.contains("/aanbod/kraaienmars-in-de-binnenstad"))
            // Both pages are now cached for the current generation.
            #expect(!(try await client.get("/aanbieders/vng")).body.contains("/aanbod/kraaienmars-in-de-binnenstad"))
            let file = """
                {"format":"weerbaar.offerings/v1","offerings":[{"id":"kraaienmars","provider":"vng",
                 "title":"Kraaienmars in de binnenstad","summary":"Een handreiking over een kraaienmars.",
                 "kind":"publicatie","form":"handreiking","themes":["maatschappelijke-onrust"]}]}
                """
            _ = try await platform.importer.importFiles([.init(name: "extra.json", data: Data(file.utf8))])
            let after = try await client.get(path)
            #expect(after.body.contains("/aanbod/kraaienmars-in-de-binnenstad"))
            let provider = try await client.get("/aanbieders/vng")
            #expect(provider.body.contains("/aanbod/kraaienmars-in-de-binnenstad"))
        }
    }
}
