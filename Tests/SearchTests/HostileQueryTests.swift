import Testing
@testable import Search

/// Queries nobody should type but somebody will: each gets a sensible answer, never a crash, and
/// never a slow path (the benchmark runs the same list; see bench/SearchBench).
@Suite struct HostileQueryTests {
    static let queries = [
        "de het een en van", "?!...,;:-- ''", "😀🔥🙏", String(repeating: "a", count: 500),
        "'; DROP TABLE offerings; --", "<script>alert(1)</script>", "\" OR 1=1 --", "polarisatie Поляризация 极化",
        String(repeating: "polarisatie ", count: 45), "----", "'s-Hertogenbosch", "a-b-c-d-e-f-g-h-i-j-k",
        "\u{0}\u{1}\u{7F}", "e\u{301}e\u{301}n", "ᵖᵒˡᵃʳⁱˢᵃᵗⁱᵉ", "١٢٣ 123",
    ]

    let index = SearchIndex(documents: [
        SearchDocument(key: "a", fields: [.title: "Polarisatie in de wijk", .body: "Over spanningen en dialoog."], facets: [:], date: 1, sortTitle: "a"),
        SearchDocument(key: "b", fields: [.title: "Script voor een moeilijk gesprek"], facets: [:], date: 2, sortTitle: "b"),
    ], facetNames: [])

    @Test func everyHostileQueryGetsAnAnswer() {
        for query in Self.queries {
            let results = index.search(SearchQuery(text: query))
            let keys = results.hits.map(\.key)
            // Both documents fit on the first page: the hits are the whole result, each document once.
            #expect(results.total <= 2 && keys.count == results.total && Set(keys).count == keys.count, "\(query.prefix(40))")
        }
        // No words to search for (only stopwords, "één" among them, punctuation, symbols or control
        // characters): the whole catalogue, newest first.
        for query in ["de het een en van", "?!...,;:--", "?!...,;:-- ''", "😀🔥🙏", "----", "\u{0}\u{1}\u{7F}", "e\u{301}e\u{301}n"] {
            #expect(index.search(SearchQuery(text: query)).hits.map(\.key) == ["b", "a"], "\(query)")
        }
        // Words neither document has, nor any word one edit from them: nothing, rather than everything.
        for query in [String(repeating: "a", count: 500), "'; DROP TABLE offerings; --", "\" OR 1=1 --", "'s-Hertogenbosch",
                      "a-b-c-d-e-f-g-h-i-j-k", "١٢٣ 123"] {
            #expect(index.search(SearchQuery(text: query)).total == 0, "\(query.prefix(40))")
        }
        // Markup is text: "script" is a word like any other, and the words next to it match nothing.
        #expect(index.search(SearchQuery(text: "<script>alert(1)</script>")).hits.map(\.key) == ["b"])
        // A known word among other scripts still finds its offering.
        #expect(index.search(SearchQuery(text: "polarisatie Поляризация 极化")).hits.map(\.key) == ["a"])
    }

    @Test func aVeryLongWordIsNotCorrectedOrSplit() {
        let results = index.search(SearchQuery(text: String(repeating: "a", count: 500)))
        #expect(results.hits.isEmpty)
        #expect(results.corrections.isEmpty)
    }
}
