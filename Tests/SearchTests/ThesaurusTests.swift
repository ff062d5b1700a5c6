import Testing
@testable import Search

@Suite struct ThesaurusTests {
    let analyzer = DutchAnalyzer()

    @Test func theShippedThesaurusHasAtLeastEightyEntries() {
        #expect(Thesaurus.standard.count >= 80)
    }

    @Test func membersMatchOnTheirAnalyzedFormAndExpandToTheOthers() {
        let thesaurus = Thesaurus(text: """
            # comment
            [extremisme] extreemlinks, links-extremisme
            [maatschappelijke-onrust] azc, asielzoekerscentrum, opvang van asielzoekers
            gebedshuis => moskee, kerk
            """, analyzer: analyzer)
        #expect(thesaurus.count == 3)
        let primaries = analyzer.tokens("Links-extremisme bij het AZC").map(\.primary)
        let matches = thesaurus.matches(primaries)
        #expect(matches.map(\.tag) == ["extremisme", "maatschappelijke-onrust"])
        #expect(matches[0].expansion.contains(DutchStemmer.stem("extreemlinks")))
        #expect(matches[1].expansion.contains(DutchStemmer.stem("asielzoekerscentrum")))
        // A phrase member matches the phrase (stopwords are dropped on both sides).
        let phrase = thesaurus.matches(analyzer.tokens("opvang van asielzoekers").map(\.primary))
        #expect(phrase.first?.tokens == 0..<2)
        #expect(phrase.first?.expansion.contains("azc") == true)
    }

    @Test func oneWayEntriesExpandOnlyFromTheBroaderSide() {
        let thesaurus = Thesaurus(text: "gebedshuis => moskee, kerk", analyzer: analyzer)
        let broad = thesaurus.matches(analyzer.tokens("gebedshuis").map(\.primary))
        #expect(broad.first?.expansion.contains(DutchStemmer.stem("moskee")) == true)
        let narrow = thesaurus.matches(analyzer.tokens("moskee").map(\.primary))
        #expect(narrow.first?.expansion == [])
    }

    @Test func expansionsFindSynonymsBelowTheLiteralWordAndInferTheTheme() {
        let index = SearchIndex(documents: [
            SearchDocument(key: "literal", fields: [.title: "Extreemlinks online"], facets: ["theme": ["extremisme"]], date: 0, sortTitle: "a"),
            SearchDocument(key: "synonym", fields: [.title: "Links-extremisme in de regio"], facets: ["theme": ["extremisme"]], date: 0, sortTitle: "b"),
            SearchDocument(key: "other", fields: [.title: "Vertrouwen in de regio"], facets: ["theme": ["vertrouwen"]], date: 0, sortTitle: "c"),
        ], facetNames: ["theme"], thesaurus: Thesaurus(text: "[extremisme] extreemlinks, links-extremisme", analyzer: analyzer),
           tagFacet: "theme")
        let results = index.search(SearchQuery(text: "extreemlinks"))
        #expect(results.hits.map(\.key) == ["literal", "synonym"])
        #expect(results.hits[0].score > results.hits[1].score)
        #expect(results.inferredTags == ["extremisme"])
    }
}
