import Catalogue
import CatalogueService
import Foundation
import Search

/// A reproducible synthetic catalogue: Dutch-looking titles, summaries and descriptions drawn from the
/// domain's vocabulary, with realistic facet distributions.
enum SyntheticCatalogue {
    /// The running text of the demo catalogue as one stream of words. Sampling positions from it draws
    /// words with their real Dutch frequencies (a Zipf-like spread of common and rare words), which a
    /// small fixed word list would not: there every term would occur in almost every offering.
    static let words: [String] = {
        let directory = ProcessInfo.processInfo.environment["DEMO_DIR"] ?? "data/demo"
        var stream: [String] = []
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for file in files.sorted() where file.hasSuffix(".json") {
            guard let data = FileManager.default.contents(atPath: directory + "/" + file),
                let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                let offerings = root["offerings"] as? [[String: Any]]
            else { continue }
            for offering in offerings {
                for field in ["title", "summary", "description"] {
                    let text = offering[field] as? String ?? ""
                    stream += text.split(whereSeparator: { !$0.isLetter && $0 != "-" }).map(String.init)
                }
            }
        }
        precondition(stream.count > 1_000, "the demo catalogue (\(directory)) is needed as the word source")
        return stream
    }()

    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
        mutating func sentence(_ n: Int) -> String { (0..<n).map { _ in pick(SyntheticCatalogue.words) }.joined(separator: " ") }
    }

    static func make(count: Int, seed: UInt64) -> [Offering] {
        let taxonomy = Taxonomy.standard
        var g = Generator(state: seed)
        let themes = taxonomy.terms(.theme).map(\.slug), audiences = taxonomy.terms(.audience).map(\.slug)
        let kinds = taxonomy.terms(.kind).map(\.slug), providers = taxonomy.providers.map(\.slug)
        return (0..<count).map { i in
            let kind = g.pick(kinds)
            let form = g.pick(taxonomy.forms(of: kind).map(\.slug))
            let themeSet = Array(Set((0..<(1 + Int(g.next() % 3))).map { _ in g.pick(themes) }))
            let audienceSet = Array(Set((0..<(1 + Int(g.next() % 3))).map { _ in g.pick(audiences) }))
            let day = Day("2020-01-01")!.adding(months: Int(g.next() % 70))
            return Offering(
                provider: g.pick(providers), id: "synthetisch-\(i)", slug: "synthetisch-\(i)",
                title: g.sentence(4 + Int(g.next() % 5)).capitalized, summary: g.sentence(25), description: g.sentence(90),
                kind: kind, form: form, themes: themeSet, audiences: audienceSet, keywords: (0..<3).map { _ in g.pick(words) },
                cost: g.pick(["gratis", "betaald", "op-aanvraag"]), delivery: g.pick(["online", "op-locatie", "hybride", "zelfstudie"]),
                duration: nil, url: nil, contact: nil, published: day, reviewBy: nil, lastChecked: day,
                created: Date(timeIntervalSince1970: 1_600_000_000), updated: Date(timeIntervalSince1970: 1_600_000_000))
        }
    }

    /// The mix: free text alone, text with facets, facets alone, and the unfiltered first page.
    static func queries() -> [CatalogueQuery] {
        [
            CatalogueQuery(text: "polarisatie"),
            CatalogueQuery(text: "polarisatie", filters: [.theme: ["polarisatie"]]),
            CatalogueQuery(text: "radicalisering jongeren", filters: [.kind: ["training"], .audience: ["jongerenwerkers"]]),
            CatalogueQuery(text: "demonstraties in de wijk"),
            CatalogueQuery(text: "desinformatie sociale media", sort: .newest),
            CatalogueQuery(filters: [.theme: ["extremisme", "radicalisering"], .cost: ["gratis"]]),
            CatalogueQuery(filters: [.provider: ["vng"]], sort: .title),
            CatalogueQuery(),
            CatalogueQuery(text: "moskee dialoog gemeenschap", filters: [.delivery: ["online", "hybride"]], page: 2),
            CatalogueQuery(text: "xyzzy"),
        ]
    }
}

extension SyntheticCatalogue {
    /// Misspelt domain words, alone and with a correct word: each takes the typo path (no exact or
    /// stem match, not a known Dutch word) and scans the vocabulary.
    static func typoQueries() -> [CatalogueQuery] {
        ["polarisatei", "radicalisring", "ondermijnign", "extremsme", "demonstartie", "jongerewerk",
         "vertrouwn gemeente", "discriminatei in de wijk", "desinfromatie", "weerbaarhied"].map { CatalogueQuery(text: $0) }
    }

    /// What the hostile-query test feeds the index: stopwords only, punctuation, emoji, 500 letters,
    /// SQL and HTML fragments, mixed scripts, a question of 45 words.
    static func hostileQueries() -> [CatalogueQuery] {
        ["de het een en van", "?!...,;:-- ''", "😀🔥🙏", String(repeating: "a", count: 500),
         "'; DROP TABLE offerings; --", "<script>alert(1)</script>", "polarisatie Поляризация 极化",
         String(repeating: "polarisatie radicalisering jongeren ", count: 15)].map { CatalogueQuery(text: $0) }
    }
}

extension SyntheticCatalogue {
    /// What a search box sends while someone types: every prefix from two letters of 60 words drawn
    /// from the catalogue's text, and of a few phrases.
    static func typedPrefixes() -> [String] {
        var g = Generator(state: 7)
        let phrases = ["sociale media", "radicalisering jongeren", "demonstraties in de wijk", "handreiking voor gemeenten"]
        let texts = (0..<60).map { _ in g.pick(words).lowercased() } + phrases
        return texts.flatMap { text in (2...max(2, text.count)).map { String(text.prefix($0)) } }
    }
}

enum Memory {
    /// Resident set size from /proc/self/statm, in MB.
    static func residentMegabytes() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let pages = text.split(separator: " ").dropFirst().first.flatMap { Double($0) } ?? 0
        return pages * 4096 / 1_048_576
    }
}
