import Testing
@testable import Search

@Suite struct SearchIndexTests {
    static func doc(_ key: String, title: String, summary: String = "", body: String = "", theme: [String], kind: String, date: Int = 0) -> SearchDocument {
        SearchDocument(key: key, fields: [.title: title, .summary: summary, .body: body],
                       facets: ["theme": theme, "kind": [kind]], date: date, sortTitle: title)
    }

    let index = SearchIndex(documents: [
        doc("a", title: "Handreiking polarisatie in de wijk", theme: ["polarisatie"], kind: "publicatie", date: 10),
        doc("b", title: "Training radicalisering herkennen", summary: "Over polarisatie en radicalisering",
            theme: ["radicalisering", "polarisatie"], kind: "training", date: 20),
        doc("c", title: "Vraagbaak extremisme", body: "Bel ons bij zorgen over extremisme.", theme: ["extremisme"], kind: "contactpunt", date: 30),
        doc("d", title: "Leernetwerk vertrouwen", theme: ["vertrouwen"], kind: "training", date: 40),
    ], facetNames: ["theme", "kind"])

    @Test func titleMatchesOutrankBodyMatches() {
        let results = index.search(SearchQuery(text: "polarisatie"))
        #expect(results.hits.map(\.key) == ["a", "b"])
        #expect(results.total == 2)
    }

    @Test func stemmingMatchesOtherForms() {
        #expect(index.search(SearchQuery(text: "Polariserende radicaliseringen")).hits.first?.key == "b")
    }

    @Test func facetsAreDisjunctiveWithinAndConjunctiveAcross() {
        let results = index.search(SearchQuery(filters: ["kind": ["training"], "theme": ["polarisatie", "vertrouwen"]]))
        #expect(Set(results.hits.map(\.key)) == ["b", "d"])
        // The kind facet ignores its own selection: the publication about polarisation still counts.
        #expect(results.facetCounts["kind"] == ["training": 2, "publicatie": 1])
        // The theme facet ignores the theme selection but respects kind=training.
        #expect(results.facetCounts["theme"] == ["polarisatie": 1, "radicalisering": 1, "vertrouwen": 1])
    }

    @Test func emptyQueryListsNewestFirst() {
        #expect(index.search(SearchQuery()).hits.map(\.key) == ["d", "c", "b", "a"])
    }

    @Test func titleSortAndPaging() {
        let page = index.search(SearchQuery(sort: .title, offset: 1, limit: 2))
        #expect(page.hits.map(\.key) == ["d", "b"])
        #expect(page.total == 4)
    }

    @Test func unknownFacetValueSelectsNothing() {
        #expect(index.search(SearchQuery(filters: ["theme": ["bestaat-niet"]])).total == 0)
    }

    @Test func wordsThatMatchNothingAreReportedAndIgnored() {
        let results = index.search(SearchQuery(text: "extremisme xyzzy"))
        #expect(results.hits.map(\.key) == ["c"])
        #expect(results.unmatchedWords == ["xyzzy"])
    }

    @Test func upsertReplacesAndRemoveForgets() {
        var copy = index
        copy.upsert(Self.doc("a", title: "Toolkit ondermijning", theme: ["ondermijning"], kind: "publicatie"))
        #expect(copy.search(SearchQuery(text: "polarisatie")).hits.map(\.key) == ["b"])
        copy.remove(key: "b")
        #expect(copy.search(SearchQuery(text: "polarisatie")).total == 0)
        #expect(copy.count == 3)
        // The original snapshot is untouched.
        #expect(index.search(SearchQuery(text: "polarisatie")).total == 2)
    }

    @Test func compactionKeepsResultsIntact() {
        var big = SearchIndex(facetNames: ["theme", "kind"])
        for n in 0..<200 { big.upsert(Self.doc("k\(n)", title: "Aanbod nummer \(n) over wijk", theme: ["t\(n % 3)"], kind: "training", date: n)) }
        for n in 0..<150 { big.remove(key: "k\(n)") }
        let results = big.search(SearchQuery(text: "wijk", filters: ["theme": ["t0"]], limit: 100))
        #expect(results.total == (150..<200).filter { $0 % 3 == 0 }.count)
        #expect(results.hits.allSatisfy { Int($0.key.dropFirst())! >= 150 })
    }
}

@Suite struct RankFactorTests {
    @Test func aStaleDocumentRanksBelowAnEquallyMatchingCurrentOneButStillAppears() {
        func doc(_ key: String, factor: Float) -> SearchDocument {
            SearchDocument(key: key, fields: [.title: "Handreiking buurtgesprekken"], facets: ["theme": ["t"]], date: 0,
                           sortTitle: "Handreiking buurtgesprekken", rankFactor: factor)
        }
        // The stale one comes first in document order, so only the factor can put it second.
        let index = SearchIndex(documents: [doc("stale", factor: 0.6), doc("current", factor: 1)], facetNames: ["theme"])
        let hits = index.search(SearchQuery(text: "buurtgesprekken")).hits
        #expect(hits.map(\.key) == ["current", "stale"])
        #expect(abs(hits[1].score / hits[0].score - 0.6) < 0.001)
        // Without a query there is no relevance to lower: browsing lists everything by its sort.
        #expect(index.search(SearchQuery()).total == 2)
    }
}
