import Foundation
import Testing
@testable import Catalogue

@Suite struct FreshnessTests {
    func offering(lastChecked: String, reviewBy: String?) -> Offering {
        Offering(provider: "vng", id: "x", slug: "x", title: "X", summary: "", description: "", kind: "publicatie", form: "rapport",
                 themes: [], audiences: [], keywords: [], cost: nil, delivery: nil, duration: nil, url: nil, contact: nil, published: nil,
                 reviewBy: reviewBy.flatMap { Day($0) }, lastChecked: Day(lastChecked)!, created: Date(), updated: Date())
    }

    @Test func theReviewDateIsTheProvidersOrTwelveMonthsAfterTheCheck() {
        #expect(Freshness.reviewBy(offering(lastChecked: "2026-01-15", reviewBy: nil)) == Day("2027-01-15"))
        #expect(Freshness.reviewBy(offering(lastChecked: "2026-01-15", reviewBy: "2026-06-01")) == Day("2026-06-01"))
    }

    @Test func anOfferingIsDueInTheThirtyDaysBeforeAndOverdueAfter() {
        let today = Day("2026-11-27")!
        #expect(Freshness.of(offering(lastChecked: "2026-01-01", reviewBy: "2027-01-15"), today: today) == .current)
        #expect(Freshness.of(offering(lastChecked: "2026-01-01", reviewBy: "2026-12-27"), today: today) == .dueSoon)
        #expect(Freshness.of(offering(lastChecked: "2026-01-01", reviewBy: "2026-11-27"), today: today) == .dueSoon, "due today is not yet overdue")
        #expect(Freshness.of(offering(lastChecked: "2026-01-01", reviewBy: "2026-11-26"), today: today) == .overdue)
        #expect(Freshness.of(offering(lastChecked: "2025-11-01", reviewBy: nil), today: today) == .overdue)
        #expect([Freshness.current, .overdue, .dueSoon].sorted() == [.overdue, .dueSoon, .current])
    }
}
