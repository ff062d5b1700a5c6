import Testing
@testable import Search

@Suite struct TypoToleranceTests {
    @Test func distanceCountsTranspositionsAsOneEdit() {
        func d(_ a: String, _ b: String, _ limit: Int = 3) -> Int { SpellingCandidates.distance(Array(a.utf8), Array(b.utf8), limit: limit) }
        #expect(d("polarisatei", "polarisatie") == 1)
        #expect(d("ondermijnign", "ondermijning") == 1)
        #expect(d("radicalisring", "radicalisering") == 1)
        #expect(d("abc", "abc") == 0)
        #expect(d("", "abc") == 3)
        #expect(d("kat", "hond", 1) == 2)  // gives up past the limit
    }

    @Test func candidatesComeFromTheVocabularyNearestFirst() {
        var spelling = SpellingCandidates()
        for term in ["polarisatie", "polarisaties", "radicalisering", "participatie"] { spelling.insert(term) }
        #expect(spelling.near("polarisatei", maxDistance: 1).map(\.term) == ["polarisatie"])
        #expect(spelling.near("polarisateis", maxDistance: 2).map(\.term) == ["polarisaties", "polarisatie"])
        #expect(spelling.near("xyz", maxDistance: 1).isEmpty)
    }

    let index = SearchIndex(documents: [
        SearchDocument(key: "a", fields: [.title: "Polarisatie in de wijk"], facets: [:], date: 0, sortTitle: "a"),
        SearchDocument(key: "b", fields: [.title: "Ondermijning herkennen"], facets: [:], date: 0, sortTitle: "b"),
        SearchDocument(key: "c", fields: [.title: "Weerstand en veerkracht"], facets: [:], date: 0, sortTitle: "c"),
    ], facetNames: [], thesaurus: .empty)

    @Test func aMisspeltWordFindsTheIndexWordOneOrTwoEditsAway() {
        #expect(index.search(SearchQuery(text: "polarisatei")).hits.map(\.key) == ["a"])
        #expect(index.search(SearchQuery(text: "ondermijnign")).hits.map(\.key) == ["b"])
        // Two edits only from nine letters on.
        #expect(index.search(SearchQuery(text: "ondrmijnnig")).hits.map(\.key) == ["b"])
        #expect(index.search(SearchQuery(text: "polrzatie")).hits.isEmpty)
        // The correction is the word as offerings write it, not its stem.
        #expect(index.search(SearchQuery(text: "ondermijnign")).corrections == ["ondermijnign": "ondermijning"])
    }

    @Test func shortAndCorrectlySpeltWordsAreNotCorrected() {
        // "wijken" is not in the index, but it is a Dutch word: no guess at "wijk"-like terms.
        #expect(index.search(SearchQuery(text: "veerkrachten")).corrections.isEmpty)
        #expect(index.search(SearchQuery(text: "wijq")).hits.isEmpty)
    }
}

/// How a query word is satisfied: once (the best of its terms, a part of the others), by the parts
/// of a compound nobody uses as separate words, and after a correction as the word itself would be.
@Suite struct QueryWordTests {
    static func document(_ key: String, _ title: String, body: String = "") -> SearchDocument {
        SearchDocument(key: key, fields: [.title: title, .body: body], facets: [:], date: 0, sortTitle: key)
    }

    @Test func synonymsDoNotOutweighTheWordItself() {
        // Summed, two synonyms at half weight would equal the word; counted once, they do not.
        let thesaurus = Thesaurus(text: "hetze, ophitsing, opruiing", analyzer: DutchAnalyzer())
        let index = SearchIndex(documents: [
            Self.document("woord", "Hetze in de wijk"),
            Self.document("synoniemen", "Ophitsing en opruiing"),
            Self.document("ander", "Iets anders"),
        ], facetNames: [], thesaurus: thesaurus)
        #expect(index.search(SearchQuery(text: "hetze")).hits.map(\.key) == ["woord", "synoniemen"])
    }

    @Test func theMeaningOfAnUnusedCompoundIsItsPartsTogether() {
        let index = SearchIndex(documents: [
            Self.document("beide", "Training voor wijkteams", body: "Wat doet u met signalen van radicalisering bij een jongere in de wijk, "
                          + "op school of in de sportclub? Een dag oefenen met casussen uit gemeenten en met de route naar advies."),
            Self.document("een", "Radicalisering", body: "Radicalisering."),
            Self.document("geen", "Iets anders"),
        ], facetNames: [], thesaurus: .empty)
        let hits = index.search(SearchQuery(text: "radicaliseringssignalen")).hits.map(\.key)
        #expect(hits == ["beide", "een"], "both parts first, one part after: \(hits)")
    }

    @Test func aCorrectedWordFindsWhatTheWordFinds() {
        let index = SearchIndex(documents: [
            Self.document("woord", "Ondermijning herkennen"),
            Self.document("samenstelling", "Ondermijningsaanpak in het buitengebied"),
            Self.document("ander", "Iets anders"),
        ], facetNames: [], thesaurus: .empty)
        let right = index.search(SearchQuery(text: "ondermijning")).hits.map(\.key)
        let typo = index.search(SearchQuery(text: "ondermijnign")).hits.map(\.key)
        #expect(right == ["woord", "samenstelling"])
        #expect(typo == right, "the correction also finds the compound: \(typo)")
    }
}
