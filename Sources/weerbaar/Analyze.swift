import ArgumentParser
import Search

/// A developer's look at the Dutch analysis: what terms a text becomes, as documents and queries
/// are indexed. For reading why a query finds what it finds; changes nothing.
struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Show the index terms of a Dutch text: each word's stem, its compound parts (~) and hyphen parts.")

    @Argument(help: "The text to analyse.")
    var text: [String]

    func run() throws {
        let analyzer = DutchAnalyzer()
        for token in analyzer.tokens(text.joined(separator: " ")) {
            let known = analyzer.isKnownWord(token.word) ? "" : "  (not in the lexicon)"
            print("\(token.word) → \(token.terms.joined(separator: " "))\(known)")
        }
    }
}
