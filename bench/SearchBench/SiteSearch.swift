import Catalogue
import CatalogueService
import Foundation
import Knowledge
import Search

/// `/zoeken` in process: the three searches its page makes (offerings, practice examples, the other
/// articles, five of each) over a synthetic catalogue and as many synthetic articles, and how long
/// publishing one article takes to reach the index (the whole article index is rebuilt).
enum SiteSearchBench {
    static func articles(count: Int, seed: UInt64) -> [Article] {
        var g = SyntheticCatalogue.Generator(state: seed)
        let themes = Taxonomy.standard.terms(.theme).map(\.slug)
        let gemeenten = MunicipalityList.cbs.all.map(\.code)
        return (0..<count).map { i in
            let kind = g.pick(Article.Kind.allCases)
            let practice: Article.Practice? = kind == .practice
                ? .init(aanleiding: g.sentence(20), aanpak: g.sentence(40), resultaat: g.sentence(20), lessen: g.sentence(20), betrokken: g.sentence(6))
                : nil
            return Article(id: "artikel-\(i)", kind: kind, title: g.sentence(4 + Int(g.next() % 5)).capitalized, lead: g.sentence(30),
                           body: g.sentence(250), themes: Array(Set((0..<(1 + Int(g.next() % 2))).map { _ in g.pick(themes) })),
                           gemeente: kind == .practice ? g.pick(gemeenten) : nil, published: Day("2021-01-01")!.adding(days: Int(g.next() % 1_800)),
                           practice: practice)
        }
    }

    static let queries = ["polarisatie", "radicalisering jongeren", "demonstraties in de wijk", "gesprekken met bewoners na een incident",
                          "desinformatie sociale media", "vertrouwen in de overheid", "polarisatei", "weerbaarhied gemeente", "xyzzy",
                          "hoe organiseer ik een dialoogavond", "extremisme online", "opvang asielzoekers onrust"]

    static func run(count: Int) {
        let catalogue = LiveCatalogue(taxonomy: .standard, offerings: SyntheticCatalogue.make(count: count, seed: 42))
        let collection = ArticleCollection(articles: articles(count: count, seed: 43), editions: [])
        let live = LiveArticles()
        let t0 = ContinuousClock.now
        live.replace(with: collection, analyzer: catalogue.analyzer)
        let rebuild = (ContinuousClock.now - t0) / .milliseconds(1)
        print(String(format: "site search: offerings=%d articles=%d article_index_build_ms=%.0f rss_total=%.0fMB",
                     count, count, rebuild, Memory.residentMegabytes()))
        let others = Set(Article.Kind.allCases).subtracting([.practice])
        func page(_ text: String) -> Int {
            catalogue.search(CatalogueQuery(text: text, perPage: 5)).total + live.search(text, kinds: [.practice], limit: 5).total
                + live.search(text, kinds: others, limit: 5).total
        }
        for text in queries { _ = page(text) }
        var samples: [Double] = []
        for _ in 0..<(count >= 100_000 ? 20 : 80) {
            for text in queries {
                let start = ContinuousClock.now
                precondition(page(text) >= 0)
                samples.append((ContinuousClock.now - start) / .milliseconds(1))
            }
        }
        samples.sort()
        func percentile(_ p: Double) -> Double { samples[min(samples.count - 1, Int(Double(samples.count) * p))] }
        print(String(format: "  zoeken   pages=%d p50=%.3fms p95=%.3fms p99=%.3fms max=%.3fms",
                     samples.count, percentile(0.5), percentile(0.95), percentile(0.99), samples.last ?? 0))
        // Publishing one more article as the portal does: into the live collection and index on its own.
        let one = articles(count: 1, seed: 99)[0]
        let t1 = ContinuousClock.now
        live.publish(Article(id: "nieuw-gepubliceerd", kind: one.kind, title: "Wijkpanel zwembadsluiting", lead: one.lead, body: one.body,
                             themes: one.themes, published: Day("2026-11-30")!, practice: one.practice))
        let found = live.search("wijkpanel zwembadsluiting").articles.contains { $0.id == "nieuw-gepubliceerd" }
        print(String(format: "  publish  one_article_to_findable_ms=%.0f found=%@", (ContinuousClock.now - t1) / .milliseconds(1), found ? "yes" : "NO"))
    }
}
