import Markup
import Catalogue
import CatalogueService
import Foundation
import HummingbirdTesting
import Testing
import TestSupport
import WeerbaarApp
@testable import Web

/// Offerings past their review date say when they were last checked, and rank lower once the grace
/// period is over.
@Suite struct StaleOfferingTests {
    static func catalogue() -> String {
        let today = Day(Date())
        func record(_ id: String, reviewBy: Day) -> String {
            """
            {"id": "\(id)", "provider": "kis", "title": "Gespreksleidraad zeldzaamheidstest \(id)", "summary": "Over gesprekken in de wijk.",
             "kind": "publicatie", "form": "handreiking", "themes": ["polarisatie"], "reviewBy": "\(reviewBy)"}
            """
        }
        return """
        {"format": "weerbaar.offerings/v1", "offerings": [
          \(record("a-verlopen", reviewBy: today.adding(days: -(Freshness.graceDays + 30)))),
          \(record("b-net-verlopen", reviewBy: today.adding(days: -10))),
          \(record("c-actueel", reviewBy: today.adding(months: 6)))
        ]}
        """
    }

    @Test(arguments: TestBackend.available)
    func overdueOfferingsSayWhenTheyWereCheckedAndDropInRankingAfterTheGracePeriod(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend, extra: [("stale.json", Self.catalogue())]) { client, platform in
            // Equal text; only freshness differs. Past the grace period ranks last; within it, not yet lower.
            let keys = platform.catalogue.search(.init(text: "zeldzaamheidstest")).hits.map(\.offering.id)
            #expect(keys.last == "a-verlopen")
            #expect(Set(keys.prefix(2)) == ["b-net-verlopen", "c-actueel"])

            let overdue = try #require(platform.catalogue.offering(OfferingKey(provider: "kis", id: "b-net-verlopen")))
            let page = try await client.get("/aanbod/\(overdue.slug)")
            // It came in by import, which is not a check: the page does not claim one (it said "today").
            #expect(overdue.lastChecked == nil)
            #expect(page.body.contains("Niet meer gecontroleerd sinds het in de catalogus kwam."))
            #expect(!page.body.contains("Laatst gecontroleerd"))
            #expect(page.body.contains("notice notice--stale"))
            let current = try #require(platform.catalogue.offering(OfferingKey(provider: "kis", id: "c-actueel")))
            #expect(!(try await client.get("/aanbod/\(current.slug)").body.contains("notice--stale")))
            let results = try await client.get("/aanbod?q=zeldzaamheidstest")
            #expect(results.body.components(separatedBy: "class=\"card__stale\"").count - 1 == 2, "both overdue cards say so")
        }
    }
}
