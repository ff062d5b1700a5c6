import Catalogue
import Foundation
import Knowledge
import Search
import Testing
import TestSupport

/// Articles are searched with the catalogue's Dutch analysis, practice fields included.
@Suite struct ArticleSearchTests {
    static let live: LiveArticles = {
        let live = LiveArticles()
        let collection = (try? ArticleFile.read(try ArticleFileTests.demo(), taxonomy: .standard, offering: ArticleFileTests.demoOfferings.contains).get())
            ?? .empty
        live.replace(with: collection, analyzer: DutchAnalyzer())
        return live
    }()

    @Test func aWordOfTheTitleFindsItsArticleFirst() throws {
        // "Aan de keukentafel: de burgemeester van Kapelle gaat op bezoek".
        #expect(Self.live.search("keukentafel").articles.first?.id == "kapelle-keukentafelgesprekken-van-de-burgemeester")
        // The compound and its singular find the two articles that speak of such conversations (three times each).
        for text in ["keukentafelgesprekken", "keukentafelgesprek"] {
            let top = Set(Self.live.search(text).articles.prefix(2).map(\.id))
            #expect(top == ["kapelle-keukentafelgesprekken-van-de-burgemeester", "westerveld-trekkers-op-het-plein"], "\(text): \(top)")
        }
    }

    @Test func kindsNarrowAndAreCountedOverTheTextAlone() throws {
        let all = Self.live.search("sleutelfiguren", limit: 50)
        #expect(all.articles.contains { $0.id == "rotterdam-sleutelfiguren-in-de-wijk" })
        #expect(all.articles.contains { $0.kind != .practice }, "interviews and background pieces speak of key figures too")
        let practice = Self.live.search("sleutelfiguren", kinds: [.practice], limit: 50)
        #expect(practice.articles.allSatisfy { $0.kind == .practice } && !practice.articles.isEmpty)
        #expect(practice.kinds[.practice] == practice.total)
        #expect((practice.kinds[.interview] ?? 0) + (practice.kinds[.background] ?? 0) > 0, "the other kinds' counts stay")
        #expect(Self.live.search("   ").total == 0)
        #expect(Self.live.search("xqzvwjk").total == 0)
    }

    /// Publishing one article puts it in the collection and the index on its own; unpublishing takes
    /// it out of both; the others stay findable and the generation moves for the page cache.
    @Test func oneArticleIsPublishedAndUnpublishedWithoutARebuild() throws {
        let live = LiveArticles()
        live.replace(with: Self.live.collection, analyzer: DutchAnalyzer())
        let before = live.generation, count = live.collection.articles.count
        let article = Article(id: "zwembad-wijkpanel", kind: .practice, title: "Een wijkpanel na de sluiting van het zwembad", lead: "Kort.",
                              body: "Bewoners praatten mee over de zwembadsluiting.", themes: ["vertrouwen"], gemeente: "GM0344",
                              published: Day("2026-11-30")!)
        live.publish(article)
        #expect(live.search("zwembadsluiting").articles.first?.id == "zwembad-wijkpanel" && live.collection.articles.count == count + 1)
        var changed = article
        changed.title = "Een bewonerspanel na de sluiting van het zwembad"
        live.publish(changed)
        #expect(live.collection.articles.count == count + 1 && live.collection.article("zwembad-wijkpanel")?.title == changed.title)
        #expect(live.search("bewonerspanel").articles.first?.id == "zwembad-wijkpanel")
        #expect(live.search("keukentafel").articles.first?.id == "kapelle-keukentafelgesprekken-van-de-burgemeester")
        live.unpublish("zwembad-wijkpanel")
        #expect(!live.search("zwembadsluiting", limit: 100).articles.contains { $0.id == "zwembad-wijkpanel" })
        #expect(live.collection.article("zwembad-wijkpanel") == nil)
        #expect(live.collection.articles.count == count && live.generation == before + 3)
    }
}
