import Accounts
import Audit
import Catalogue
import CatalogueService
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import TestSupport
import WeerbaarApp
@testable import Web

@Suite struct PortalVocabularyTests {
    @Test(arguments: TestBackend.available)
    func aBeheerderAddsRenamesAndMergesThemesAndTheSiteFollowsAtOnce(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            try await PortalFixtures.account(platform, .administrator)
            var admin = Browser(client: client)
            _ = try await admin.signIn("beheerder@weerbaar.example", PortalFixtures.password, platform: platform)
            let page = try await admin.request(.get, "/beheer/lijsten/thema")
            #expect(page.status == 200 && page.body.contains("Samenvoegen"))
            let csrf = Browser.csrf(in: page.body) ?? ""

            let bad = try await admin.request(.post, "/beheer/lijsten/thema/toevoegen", form: [("csrf", csrf), ("kenmerk", "Met Spaties"), ("naam", "")])
            #expect(bad.status == 422 && bad.body.contains("id=\"kenmerk-fout\"") && bad.body.contains("id=\"naam-fout\""))
            #expect(try await admin.request(.post, "/beheer/lijsten/thema/toevoegen",
                                            form: [("csrf", csrf), ("kenmerk", "digitale-onrust"), ("naam", "Digitale onrust")]).location
                    == "/beheer/lijsten/thema?toegevoegd")
            #expect(platform.catalogue.taxonomy.term(.theme, "digitale-onrust")?.label == "Digitale onrust")
            #expect(try await client.get("/themas/digitale-onrust").status == 200, "the public site knows it at once")
            #expect(try await admin.request(.post, "/beheer/lijsten/thema/digitale-onrust",
                                            form: [("csrf", csrf), ("naam", "Onrust online"), ("beschrijving", "")]).location
                    == "/beheer/lijsten/thema?gewijzigd")
            #expect(platform.catalogue.taxonomy.term(.theme, "digitale-onrust")?.label == "Onrust online")

            // Merge a theme with offerings into another: they move along, and the old theme is gone.
            let counts = platform.catalogue.counts(.theme)
            let (from, into) = ("radicalisering", "polarisatie")
            let carrying = platform.catalogue.offerings { $0.themes.contains(from) }
            #expect(!carrying.isEmpty)
            let merged = try await admin.request(.post, "/beheer/lijsten/thema/samenvoegen", form: [("csrf", csrf), ("van", from), ("naar", into)])
            #expect(merged.location == "/beheer/lijsten/thema?samengevoegd=\(carrying.count)")
            #expect(platform.catalogue.taxonomy.term(.theme, from) == nil)
            #expect(platform.catalogue.offerings { $0.themes.contains(from) }.isEmpty)
            #expect(carrying.allSatisfy { platform.catalogue.offering($0.key)?.themes.contains(into) == true })
            let both = carrying.filter { $0.themes.contains(into) }.count
            #expect(platform.catalogue.counts(.theme)[into] == (counts[into] ?? 0) + carrying.count - both)
            #expect(try await client.get("/themas/\(from)").status == 404)
            let kinds = try await admin.request(.post, "/beheer/lijsten/soort/samenvoegen", form: [("csrf", csrf), ("van", "training"), ("naar", "publicatie")])
            #expect(kinds.status == 422 && kinds.body.contains("alleen hernoemen"))
            #expect(try await platform.audit.events(offset: 0, limit: 10).filter { $0.action == .vocabularyChanged }.count == 3)
        }
    }
}
