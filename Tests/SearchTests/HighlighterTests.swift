import Testing
@testable import Search

@Suite struct HighlighterTests {
    let analyzer = DutchAnalyzer()

    @Test func marksEveryFormOfAMatchedStem() {
        let highlighter = Highlighter(analyzer: analyzer)
        let segments = highlighter.highlight("Gemeenten en de gemeente <b>samen</b>", terms: [analyzer.stem("gemeenten")])
        #expect(segments.filter(\.isMatch).map(\.text) == ["Gemeenten", "gemeente"])
        #expect(segments.map(\.text).joined() == "Gemeenten en de gemeente <b>samen</b>")
    }

    @Test func cutsLongTextAroundTheFirstMatch() {
        let text = String(repeating: "woord ", count: 60) + "radicalisering " + String(repeating: "tekst ", count: 60)
        let segments = Highlighter(analyzer: analyzer).highlight(text, terms: [analyzer.stem("radicalisering")], maxLength: 120)
        #expect(segments.first?.text == "… ")
        #expect(segments.contains { $0.isMatch && $0.text == "radicalisering" })
        #expect(segments.map(\.text).joined().count <= 130)
    }
}
