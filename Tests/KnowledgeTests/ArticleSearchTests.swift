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
}
