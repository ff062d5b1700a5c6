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

@Suite struct PortalProviderTests {
    @Test(arguments: TestBackend.available)
    func aBeheerderAddsAProviderWithALogoThatIsServedSanitisedAndInert(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            try await PortalFixtures.account(platform, .administrator)
            var admin = Browser(client: client)
            _ = try await admin.signIn("beheerder@weerbaar.example", PortalFixtures.password, platform: platform)
            let form = try await admin.request(.get, "/beheer/aanbieders/nieuw")
            #expect(form.status == 200)
            let csrf = Browser.csrf(in: form.body) ?? ""
            let fields = [("csrf", csrf), ("kenmerk", "gemeentelab"), ("naam", "Gemeentelab"), ("afkorting", "GL"),
                          ("beschrijving", "Een lab van gemeenten."), ("website", "https://gemeentelab.example")]
            let svg = ##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4" onload="alert(1)"><script>alert(2)</script><rect width="4" height="4" fill="#05a"/></svg>"##

            // Bad input: every message beside its field, nothing saved.
            let refused = try await admin.multipart("/beheer/aanbieders/nieuw",
                                                    fields: [("csrf", csrf), ("kenmerk", "Geen Slug!"), ("website", "javascript:alert(1)")],
                                                    files: [("logo", "logo.svg", Data("<html>geen logo</html>".utf8))])
            #expect(refused.status == 422)
            for field in ["kenmerk", "naam", "afkorting", "beschrijving", "website", "logo"] {
                #expect(refused.body.contains("id=\"\(field)-fout\""), "\(field)")
            }
            #expect(platform.catalogue.taxonomy.provider("gemeentelab") == nil)

            let created = try await admin.multipart("/beheer/aanbieders/nieuw", fields: fields, files: [("logo", "logo.svg", Data(svg.utf8))])
            #expect(created.location == "/beheer/aanbieders?gewijzigd")
            #expect(platform.catalogue.taxonomy.provider("gemeentelab")?.hasLogo == true)
            let page = try await client.get("/aanbieders/gemeentelab")
            #expect(page.status == 200 && page.body.contains("<img class=\"provider-logo\" src=\"/aanbieders/gemeentelab/logo\" alt=\"Logo van Gemeentelab\""))
            let logo = try await client.get("/aanbieders/gemeentelab/logo")
            #expect(logo.status == 200 && logo.type == "image/svg+xml")
            #expect(!logo.body.contains("script") && !logo.body.contains("onload") && logo.body.contains("<rect"))
            #expect(logo.headers[.contentSecurityPolicy]?.hasPrefix("default-src 'none'") == true)
            #expect(logo.headers[values: .contentSecurityPolicy].count == 1, "the site-wide policy does not replace the logo's")
            #expect(try await client.get("/aanbieders/vng/logo").status == 404)

            // Edit the name; remove the logo.
            let edit = try await admin.request(.get, "/beheer/aanbieders/gemeentelab")
            #expect(edit.body.contains("Logo verwijderen"))
            let saved = try await admin.multipart("/beheer/aanbieders/gemeentelab",
                                                  fields: fields.filter { $0.0 != "naam" } + [("naam", "Gemeentelab NL"), ("logo-verwijderen", "ja")], files: [])
            #expect(saved.location == "/beheer/aanbieders?gewijzigd")
            #expect(platform.catalogue.taxonomy.provider("gemeentelab")?.name == "Gemeentelab NL")
            #expect(try await client.get("/aanbieders/gemeentelab/logo").status == 404)
            #expect(try await admin.multipart("/beheer/aanbieders/nieuw", fields: fields, files: []).status == 422, "the slug is taken")
            #expect(try await platform.audit.events(offset: 0, limit: 10).contains { $0.action == .providerChanged && $0.subject == "gemeentelab" })
        }
    }
}
