import Accounts
import Catalogue
import CatalogueService
import Foundation
import Mail
import Storage
import Testing
import TestSupport
import WeerbaarApp

@Suite struct FreshnessDigestTests {
    @Test func aDigestWeekIsNamedByItsMonday() {
        #expect(FreshnessDigest.week(of: Day("2026-11-27")!) == "2026-11-23")
        #expect(FreshnessDigest.week(of: Day("2026-11-23")!) == "2026-11-23")
        #expect(FreshnessDigest.week(of: Day("2026-11-22")!) == "2026-11-16", "Sunday belongs to the week before")
    }

    @Test(arguments: TestBackend.available)
    func onlyOneInstanceClaimsAWeek(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { _, platform in
            let runs = ScheduledRuns(database: platform.database)
            async let a = runs.claim(job: "freshness-digest", period: "2026-11-23")
            async let b = runs.claim(job: "freshness-digest", period: "2026-11-23")
            let claims = try await [a, b]
            #expect(claims.filter { $0 }.count == 1)
            #expect(try await runs.claim(job: "freshness-digest", period: "2026-11-30"))
        }
    }

    @Test(arguments: TestBackend.available)
    func partnerEditorsHearOfTheirOwnOverdueOfferOnly(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { _, platform in
            try await PortalFixtures.account(platform, .partnerEditor, email: "vng@partner.example", provider: "vng")
            try await PortalFixtures.account(platform, .partnerEditor, email: "lse@partner.example", provider: "lse")
            try await PortalFixtures.account(platform, .editor)
            let today = Day(Date())
            // The demo catalogue has review dates of its own, some past: the digest lists exactly those.
            let dueAtFirst = platform.catalogue.offerings { $0.provider == "vng" && Freshness.of($0, today: today) != .current }.count
            let first = try await platform.freshnessDigest.messages(today: today)
            #expect(first.first { $0.to.first?.description == "vng@partner.example" }.map { $0.subject.contains("aanbod om te herzien (\(dueAtFirst)") }
                    ?? (dueAtFirst == 0))
            // Every VNG and LSE offering confirmed as current: nothing is due, nobody gets mail.
            for offering in platform.catalogue.offerings(where: { ["vng", "lse"].contains($0.provider) }) {
                #expect(try await platform.store.confirmCurrent(offering.key, checkedOn: today))
            }
            try await platform.catalogue.reload(from: platform.store)
            #expect(try await platform.freshnessDigest.messages(today: today).isEmpty)
            // One VNG offering's review date passes.
            var record = try #require(platform.catalogue.offerings { $0.provider == "vng" }.first).record
            record.reviewBy = today.adding(months: -1)
            _ = try await platform.store.upsert([record])
            try await platform.catalogue.reload(from: platform.store)
            let messages = try await platform.freshnessDigest.messages(today: today)
            #expect(messages.map { $0.to.map(\.description) } == [["vng@partner.example"]])
            #expect(messages.first?.subject == "Weerbaar: aanbod om te herzien (1, waarvan 1 verlopen)")
            #expect(messages.first?.text.contains(record.title) == true)
            #expect(messages.first?.text.contains("https://weerbaar.example/beheer/aanbod") == true)
            if ReceivedMail.available {
                #expect(try await platform.freshnessDigest.send(today: today, logger: platform.logger) == 1)
                #expect(try ReceivedMail.messages(to: "vng@partner.example").last?.contains(record.title) == true)
            }
        }
    }
}
