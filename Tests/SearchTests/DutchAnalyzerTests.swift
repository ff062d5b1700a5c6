import Testing
@testable import Search

@Suite struct DutchAnalyzerTests {
    let analyzer = DutchAnalyzer()

    @Test func foldsCaseAndDiacritics() {
        #expect(analyzer.terms("Financiële") == analyzer.terms("financiele"))
        #expect(analyzer.terms("CAFÉ") == analyzer.terms("cafe"))
    }

    @Test func dropsStopwordsAndKeepsNumbers() {
        #expect(analyzer.terms("de polarisatie in 2024") == [analyzer.stem("polarisatie"), "2024"])
    }

    @Test func splitsAndJoinsHyphenatedWords() {
        let terms = analyzer.terms("rechts-extremisme")
        #expect(terms.contains(analyzer.stem("rechts")))
        #expect(terms.contains(analyzer.stem("extremisme")))
        #expect(terms.contains(analyzer.stem("rechtsextremisme")))
    }

    @Test func dropsPossessiveApostrophe() {
        #expect(analyzer.terms("azc's") == analyzer.terms("azc"))
        #expect(analyzer.terms("Het azc’s beleid") == analyzer.terms("azc beleid"))
    }

    @Test func tokensKnowWhereTheyAre() {
        let text = "Zorgen over radicalisering"
        let tokens = analyzer.tokens(text)
        #expect(tokens.map { String(text[$0.range]) } == ["Zorgen", "radicalisering"])
    }
}
