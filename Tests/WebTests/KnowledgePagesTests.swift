import Catalogue
import CatalogueService
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Knowledge
import Markup
import Testing
import TestSupport
import WeerbaarApp
@testable import Web

/// Practice examples, the magazine and article pages, from the demo's articles, on both backends.
@Suite struct KnowledgePagesTests {
    @Test(arguments: TestBackend.available)
    func practiceExamplesFilterWithCountsAndAnArticleTellsItsCase(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            let collection = platform.articles.collection
            let practice = collection.articles.filter { $0.kind == .practice }
            #expect(practice.count >= 15)
            let all = try await client.get("/praktijk")
            #expect(all.status == 200 && all.body.contains("\(practice.count) praktijkvoorbeelden"))
            // One theme: the count says how many, and every province's count is over that theme only.
            let extremism = practice.filter { $0.themes.contains("extremisme") }
            let narrowed = try await client.get("/praktijk?thema=extremisme")
            #expect(narrowed.body.contains(extremism.count == 1 ? "1 praktijkvoorbeeld" : "\(extremism.count) praktijkvoorbeelden"))
            for article in practice {
                #expect(narrowed.body.contains(">\(esc(article.title))<") == extremism.contains(article), "\(article.id)")
            }
            // Disjunctive: choosing a province leaves the other provinces' counts as they were.
            let utrecht = try await client.get("/praktijk?provincie=Utrecht")
            #expect(utrecht.body.contains("1 praktijkvoorbeeld") && utrecht.body.contains("Groningen (2)"))
            #expect(try await client.get("/praktijk?jaar=abc&thema=bestaat-niet").status == 200)
            // The kind is a facet too: practice examples by default, other kinds counted beside them and added on request.
            let interviews = collection.articles.filter { $0.kind == .interview }
            #expect(interviews.count > 0)
            #expect(all.body.contains("Interview (\(interviews.count))"))
            let both = try await client.get("/praktijk?soort=praktijkvoorbeeld&soort=interview")
            #expect(both.body.contains("\(practice.count + interviews.count) artikelen"))
            #expect(both.body.contains("/artikelen/\(interviews[0].id)") && !all.body.contains("/artikelen/\(interviews[0].id)\""))

            let article = try #require(collection.article("almelo-buurtgesprekken-na-brand-bij-moskee"))
            let page = try await client.get("/artikelen/\(article.id)")
            #expect(page.status == 200)
            for heading in ["Aanleiding", "Aanpak", "Resultaat", "Lessen", "Wie waren betrokken", "Aanbod dat hierbij past"] {
                #expect(page.body.contains(">\(heading)</h2>"), "\(heading)")
            }
            let offering = try #require(article.offerings.first.flatMap(OfferingKey.init(parsing:)).flatMap { platform.catalogue.offering($0) })
            #expect(page.body.contains("/aanbod/\(offering.slug)"))
            // schema.org Article, as JSON.
            let script = try #require(page.body.range(of: "<script type=\"application/ld+json\">").map { page.body[$0.upperBound...] })
            let json = String(script.prefix { $0 != "<" })
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            #expect(object["@type"] as? String == "Article" && object["headline"] as? String == article.title)
            #expect(object["datePublished"] as? String == article.published.description)

            let magazine = try await client.get("/magazine")
            #expect(magazine.status == 200 && magazine.body.contains("/magazine/1") && magazine.body.contains("/magazine/2"))
            let edition = try #require(collection.edition(1))
            let editionPage = try await client.get("/magazine/1")
            for id in edition.articles { #expect(editionPage.body.contains("/artikelen/\(id)"), "\(id)") }
            #expect(try await client.get("/magazine/99").status == 404)
            #expect(try await client.get("/magazine/een").status == 404)
            #expect(try await client.get("/artikelen/bestaat-niet").status == 404)
        }
    }

    @Test func themePagesShowThePracticeAndEachKindHasAFeed() async throws {
        try await WebHarness.withClient(.sqlite) { client, platform in
            let collection = platform.articles.collection
            let theme = try await client.get("/themas/polarisatie")
            #expect(theme.body.contains("Uit de praktijk") && theme.body.contains("/praktijk?thema=polarisatie"))
            let newest = collection.articles.filter { $0.themes.contains("polarisatie") }.prefix(3)
            for article in newest { #expect(theme.body.contains("/artikelen/\(article.id)"), "\(article.id)") }

            let feed = try await client.get("/artikelen.atom?soort=praktijkvoorbeeld")
            #expect(feed.status == 200 && feed.type.hasPrefix("application/atom+xml"))
            #expect(XMLParser(data: Data(feed.body.utf8)).parse(), "well-formed XML")
            #expect(feed.body.components(separatedBy: "<entry>").count - 1 == collection.articles.count { $0.kind == .practice })
            let all = try await client.get("/artikelen.atom")
            #expect(XMLParser(data: Data(all.body.utf8)).parse())
            #expect(all.body.components(separatedBy: "<entry>").count - 1 == min(30, collection.articles.count))
        }
    }
}
