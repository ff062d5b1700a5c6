import Accounts
import Audit
import Catalogue
import CatalogueService
import Foundation
import Newsletter
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import TestSupport
import WeerbaarApp
@testable import Web

@Suite struct PortalOfferingFreshnessTests {
    @Test(arguments: TestBackend.available)
    func aPartnerConfirmsOnlyTheirOwnOffer(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            try await PortalFixtures.account(platform, .partnerEditor, provider: "vng")
            var partner = Browser(client: client)
            _ = try await partner.signIn("partner-redacteur@weerbaar.example", PortalFixtures.password)
            let list = try await partner.request(.get, "/beheer/aanbod")
            #expect(list.status == 200)
            let own = platform.catalogue.offerings { $0.provider == "vng" }
            let other = try #require(platform.catalogue.offerings { $0.provider == "lse" }.first)
            #expect(own.allSatisfy { list.body.contains("/beheer/aanbod/vng/\($0.id)/actueel") })
            #expect(!list.body.contains("/beheer/aanbod/lse/"), "another provider's offer is not listed")
            let csrf = Browser.csrf(in: list.body) ?? ""
            // Tampering with the key in the URL does not reach another provider's offer.
            let tampered = try await partner.request(.post, "/beheer/aanbod/lse/\(other.id)/actueel", form: [("csrf", csrf)])
            #expect(tampered.status == 403)
            #expect(platform.catalogue.offering(other.key)?.lastChecked == other.lastChecked)
            let target = try #require(own.first)
            let confirmed = try await partner.request(.post, "/beheer/aanbod/vng/\(target.id)/actueel", form: [("csrf", csrf)])
            #expect(confirmed.location == "/beheer/aanbod?bevestigd")
            let today = Day(Date())
            let updated = try #require(platform.catalogue.offering(target.key))
            #expect(updated.lastChecked == today && updated.reviewBy == today.adding(months: 12), "the live catalogue shows it at once")
            #expect(try await partner.request(.post, "/beheer/aanbod/vng/bestaat-niet/actueel", form: [("csrf", csrf)]).status == 404)
            #expect(try await partner.request(.post, "/beheer/aanbod/vng/\(target.id)/actueel", form: [("csrf", "fout")]).status == 403)
            #expect(try await platform.audit.events(offset: 0, limit: 5).contains { $0.action == .offeringConfirmed && $0.subject == target.key.description })
        }
    }
}
