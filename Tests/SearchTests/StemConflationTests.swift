import Testing
@testable import Search

@Suite struct StemConflationTests {
    let analyzer = DutchAnalyzer()

    func primary(_ word: String) -> String { analyzer.tokens(word).first?.primary ?? "" }

    @Test(arguments: [
        ["demonstratie", "demonstraties"],
        ["organisatie", "organisaties", "organiseren", "organiseert", "georganiseerd"],
        ["polarisatie", "polarisaties", "polariseren", "polariseert", "gepolariseerde", "gepolariseerd"],
        ["informatie", "informeren", "geinformeerd"],
        ["gebedshuis", "gebedshuizen"],
        ["brief", "brieven"],
        ["activiteit", "activiteiten"],
    ])
    func familiesMeet(words: [String]) {
        let stems = Set(words.map(primary))
        #expect(stems.count == 1, "\(words) → \(words.map(primary))")
    }

    @Test(arguments: [("natie", "naties"), ("relatie", "relaties")])
    func shortNounsKeepTheirOwnStem(noun: String, plural: String) {
        #expect(primary(noun) == primary(plural))
        #expect(!primary(noun).hasSuffix("er"), "\(noun) is too short for the -atie rule: \(primary(noun))")
    }

    @Test func wordsThatOnlyLookAlikeStayApart() {
        #expect(primary("gemeente") != primary("meente"))
        #expect(primary("geeerd") == DutchStemmer.stem("geeerd"), "too short for the participle rule")
        #expect(primary("reis") != "", "short words pass through")
        #expect(StemConflation.apply("abc") == "abc")
        #expect(StemConflation.apply("straße") == "straße", "non-ASCII stems are left alone")
    }
}

/// The derivational and inflectional families issue 19 asked for, as general rules.
@Suite struct WordFamilyTests {
    let analyzer = DutchAnalyzer()

    func primary(_ word: String) -> String { analyzer.tokens(word).first?.primary ?? "" }

    @Test(arguments: [
        ["racisme", "racist", "racisten", "racistisch", "racistische"],
        ["activisme", "activist", "activisten", "activistische"],
        ["terrorisme", "terrorist", "terroristen", "terroristische"],
        ["moskee", "moskeeën", "moskeeen"],
        ["categorie", "categorieën"],
        ["gemeente", "gemeenten", "gemeentes"],
        ["ronde", "rondes", "ronden"],
    ])
    func familiesMeet(words: [String]) {
        let stems = Set(words.map(primary))
        #expect(stems.count == 1, "\(words) → \(words.map(primary))")
    }

    @Test func wordsThatEndAlikeButAreNoFamilyStayApart() {
        #expect(primary("proces") != primary("proce"), "-es after c is not a plural")
        #expect(primary("adres") == DutchStemmer.stem("adres"))
        #expect(primary("lijst") == DutchStemmer.stem("lijst"), "too short for the -ist family")
        #expect(primary("ideeën") == primary("idee"))
    }

    @Test func aDerivingPrefixMakesTheWordAPart() {
        let terms = analyzer.tokens("deradicalisering").first?.terms ?? []
        #expect(terms.contains(DutchAnalyzer.partTerm(primary("radicalisering"))), "\(terms)")
        #expect(analyzer.tokens("democratie").first?.terms.count == 1, "the remainder must be a word of the lexicon")
        #expect(analyzer.tokens("herkenning").first?.terms.count == 1, "…of at least eight letters")
    }
}
