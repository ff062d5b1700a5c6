import Testing
@testable import Search

@Suite struct SuggesterTests {
    let suggester = Suggester(
        titles: [
            ("a", "Handreiking: de burgemeester op sociale media"),
            ("b", "Sociale stabiliteit in de wijk"),
            ("c", "Leernetwerk sociale stabiliteit voor gemeenten en hun partners"),
            ("d", "Financiële weerbaarheid"),
            ("e", "Polarisatie op het schoolplein"),
        ],
        vocabulary: [("sociale", 30), ("sociaal", 12), ("socialer", 1), ("media", 8), ("mediation", 2), ("medewerkers", 15),
                     ("financiele", 3), ("me", 40), ("2024", 9)])

    @Test func titlesMatchAtTheStartOfAnyWordTitleStartsFirst() {
        #expect(suggester.titles(matching: "soc", limit: 10).map(\.key) == ["b", "a", "c"])
        #expect(suggester.titles(matching: "soc", limit: 10).map(\.atStart) == [true, false, false])
        #expect(suggester.titles(matching: "sociale stab", limit: 10).map(\.key) == ["b", "c"])
        #expect(suggester.titles(matching: "ocia", limit: 10).isEmpty, "only at the start of a word")
        #expect(suggester.titles(matching: "soc", limit: 1).map(\.key) == ["b"])
    }

    @Test func typedTextIsFoldedAndPunctuationIgnored() {
        #expect(suggester.titles(matching: "FINANCIËLE", limit: 5).map(\.key) == ["d"])
        #expect(suggester.titles(matching: "handreiking de burg", limit: 5).map(\.key) == ["a"], "the colon is a space")
        #expect(suggester.titles(matching: "  ", limit: 5).isEmpty)
    }

    @Test func wordsCompleteTheLastWordMostWidespreadFirst() {
        #expect(suggester.words(completing: "soci", limit: 5) == ["sociale", "sociaal", "socialer"])
        #expect(suggester.words(completing: "sociale me", limit: 5) == ["sociale medewerkers", "sociale media", "sociale mediation"])
        #expect(suggester.words(completing: "sociale", limit: 5) == ["socialer"], "the typed word itself is not a completion")
        #expect(suggester.words(completing: "s", limit: 5).isEmpty, "one letter completes nothing")
        #expect(suggester.words(completing: "20", limit: 5).isEmpty, "numbers and two-letter words are not offered")
    }

    @Test func hostileInputIsHarmless() {
        for typed in ["", "'; DROP", String(repeating: "a", count: 10_000), "\u{0}\u{1}", "😀😀", "ééé", "-", "zzzzzz"] {
            _ = suggester.titles(matching: typed, limit: 5)
            _ = suggester.words(completing: typed, limit: 5)
        }
        #expect(suggester.titles(matching: "zzzzzz", limit: 5).isEmpty)
        #expect(suggester.titles(matching: "zoo", limit: 5).isEmpty, "past the last entry")
    }

    @Test func anEmptySuggesterSuggestsNothing() {
        let empty = Suggester(titles: [], vocabulary: [])
        #expect(empty.titles(matching: "soc", limit: 5).isEmpty)
        #expect(empty.words(completing: "soc", limit: 5).isEmpty)
    }
}
