import Catalogue
import CatalogueService
import HTTPTypes
import Foundation
import Testing
import TestSupport
import WeerbaarApp

@Suite struct PageTests {
    static let pageTypes = [
        "/", "/aanbod", "/aanbod?q=polarisatie&thema=polarisatie", "/aanbod/handboek-maatschappelijke-onrust",
        "/themas", "/themas/polarisatie", "/aanbieders", "/aanbieders/vng",
        "/vraagwijzer", "/vraagwijzer?vraag=onrust+rond+een+opvanglocatie", "/beheer/inloggen", "/beheer/wachtwoord-vergeten",
    ]

    @Test(arguments: TestBackend.available)
    func everyPageTypeRendersDutchHTMLWithSecurityHeaders(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, _ in
            for path in Self.pageTypes {
                let page = try await client.get(path)
                #expect(page.status == 200, "\(path)")
                #expect(page.type == "text/html; charset=utf-8", "\(path)")
                #expect(page.body.hasPrefix("<!DOCTYPE html><html lang=\"nl\">"), "\(path)")
                #expect(page.body.components(separatedBy: "<h1").count == 2, "\(path) should have exactly one h1")
                #expect(page.body.contains("href=\"#inhoud\""), "\(path) lacks the skip link")
                #expect(page.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true, "\(path)")
                #expect(page.headers[.contentSecurityPolicy]?.contains("unsafe-inline") == false, "\(path)")
                #expect(page.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true, "\(path)")
                // The harness serves https://weerbaar.example, so HSTS is on.
                #expect(page.headers[HTTPField.Name("Strict-Transport-Security")!] == "max-age=31536000; includeSubDomains", "\(path)")
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func theOfferingPageShowsEverythingToTakePart(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, _ in
            let page = try await client.get("/aanbod/vraagbaak-voor-professionals-met-zorgen-over-radicalisering")
            #expect(page.status == 200)
            for fragment in ["Vraagbaak voor professionals met zorgen over radicalisering", "Expertise-unit Sociale Stabiliteit (SZW)",
                             "mailto:", "application/ld+json", "\"@type\":\"GovernmentService\"",
                             "<link rel=\"canonical\" href=\"https://weerbaar.example/aanbod/vraagbaak-voor-professionals-met-zorgen-over-radicalisering\"",
                             "og:description", "Verwant aanbod", "<dt>Werkvorm</dt>"] {
                #expect(page.body.contains(fragment), "missing \(fragment)")
            }
            #expect(!page.body.contains("Laatst gecontroleerd"), "loaded from the demo files, nobody has checked it yet")
        }
    }

    static let withPhone = #"""
        {"format": "weerbaar.offerings/v1", "offerings": [{"id": "bel-ons", "provider": "vng", "title": "Bel ons gerust",
         "summary": "Een contactpunt met een telefoonnummer.", "description": "Tekst.", "kind": "contactpunt", "form": "vraagbaak",
         "themes": ["polarisatie"], "contact": {"name": "Team", "phone": "+31 20 123 4567"}}]}
        """#

    /// A real offering's phone number is a link to call it; the demo's have none (they would dial someone).
    @Test func aPhoneNumberIsALinkToCallAndTheDemoHasNone() async throws {
        try await WebHarness.withClient(.sqlite, extra: [("telefoon.json", Self.withPhone)]) { client, platform in
            let page = try await client.get("/aanbod/bel-ons-gerust")
            #expect(page.body.contains("href=\"tel:+31201234567\""))
            let demo = platform.catalogue.offerings { $0.key.id != "bel-ons" }
            #expect(demo.count >= 100 && demo.allSatisfy { $0.contact?.phone == nil })
            #expect(demo.allSatisfy { offering in
                offering.url == nil || offering.url == platform.catalogue.taxonomy.provider(offering.provider)?.website
            }, "a demo offering links to its provider's home page, not an invented page on the provider's site")
        }
    }

    @Test(arguments: TestBackend.available)
    func theFinderFiltersCountsAndLinksEveryState(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            let expected = platform.catalogue.offerings { $0.themes.contains("polarisatie") && $0.kind == "training" }.count
            let page = try await client.get("/aanbod?thema=polarisatie&soort=training")
            #expect(page.body.contains("\(expected) \(expected == 1 ? "resultaat" : "resultaten") gevonden"))
            #expect(page.body.contains("role=\"status\""))
            // A chip removes its own filter and keeps the other.
            #expect(page.body.contains("href=\"/aanbod?soort=training\""))
            #expect(page.body.contains("Alle filters wissen"))
            #expect(page.body.contains("checked"))
        }
    }

    @Test(arguments: TestBackend.available)
    func anEmptyResultSuggestsWhichFilterToDrop(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, _ in
            let page = try await client.get("/aanbod?thema=ondermijning&doelgroep=onderwijs&kosten=op-aanvraag")
            #expect(page.body.contains("Geen aanbod gevonden"))
            #expect(page.body.contains("Met minder filters vindt u wel iets"))
        }
    }

    @Test(arguments: TestBackend.available)
    func unknownAddressesGetADutch404(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, _ in
            for path in ["/bestaat-niet", "/aanbod/bestaat-niet", "/themas/bestaat-niet", "/aanbieders/bestaat-niet", "/aanbod/%FF"] {
                let page = try await client.get(path)
                #expect(page.status == 404, "\(path)")
                #expect(page.body.contains("Pagina niet gevonden"), "\(path)")
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func badInputGetsANoticeAndASensibleResultNeverA500(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, _ in
            let cases = [
                "/aanbod?q=" + String(repeating: "a", count: 600), "/aanbod?pagina=0", "/aanbod?pagina=-3",
                "/aanbod?pagina=9999", "/aanbod?thema=bestaat-niet", "/aanbod?q=%zz", "/aanbod?q=%FF%FE",
                "/aanbod?sortering=willekeurig", "/aanbod?q=%3Cscript%3E",
            ]
            // Queries of stopwords, punctuation, emoji, SQL, mixed scripts: a page, never an error.
            for query in ["de het een", "%3F%21...%2C%3B", "%F0%9F%98%80%F0%9F%94%A5", "%27%3B+DROP+TABLE+offerings%3B+--",
                          "polarisatie+%D0%9F%D0%BE%D0%BB%D1%8F%D1%80%D0%B8%D0%B7%D0%B0%D1%86%D0%B8%D1%8F", "polarisatei"] {
                let page = try await client.get("/aanbod?q=" + query)
                #expect(page.status == 200, "\(query)")
                #expect(page.body.contains("result"), "\(query)")
            }
            for path in cases {
                let page = try await client.get(path)
                #expect(page.status == 200, "\(path)")
                if !path.contains("script") { #expect(page.body.contains("Let op"), "\(path) shows no notice") }
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func headIsAnsweredLikeGetWithoutABody(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, _ in
            for path in ["/", "/aanbod?q=polarisatie", "/themas", "/api/v1/offerings", "/feed.atom"] {
                let (status, body) = try await client.head(path)
                #expect(status == 200, "\(path)")
                #expect(body == 0, "\(path)")
            }
            #expect(try await client.head("/bestaat-niet").status == 404)
        }
    }

    @Test(arguments: TestBackend.available)
    func aMisspeltSearchOffersTheCorrectedOne(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, _ in
            let page = try await client.get("/aanbod?q=Polarisatei&thema=polarisatie")
            #expect(page.status == 200)
            #expect(page.body.contains("Bedoelde u: <a href=\"/aanbod?q=polarisatie&amp;thema=polarisatie\"><em>polarisatie</em></a>?"))
            #expect(!(try await client.get("/aanbod?q=polarisatie")).body.contains("Bedoelde u"))
        }
    }

    @Test(arguments: TestBackend.available)
    func feedsSitemapAndRobotsDescribeThePublicSite(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            let feed = try await client.get("/feed.atom")
            #expect(feed.type.hasPrefix("application/atom+xml"))
            #expect(feed.body.components(separatedBy: "<entry>").count - 1 == 30)
            let sitemap = try await client.get("/sitemap.xml")
            #expect(sitemap.body.components(separatedBy: "/aanbod/").count - 1 == platform.catalogue.count)
            let robots = try await client.get("/robots.txt")
            #expect(robots.body.contains("Sitemap: https://weerbaar.example/sitemap.xml"))
        }
    }
}
