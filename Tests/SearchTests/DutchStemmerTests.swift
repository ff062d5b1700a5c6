import Foundation
import Testing
@testable import Search

@Suite struct DutchStemmerTests {
    /// Word → stem pairs generated once with the reference implementation (PyPI `snowballstemmer`,
    /// algorithm `dutch_porter`, the classic Snowball Dutch stemmer) over a sample of Debian's Dutch
    /// word list and the catalogues' words; see Tests/SearchTests/Resources/README.md.
    @Test func agreesWithTheSnowballReferenceOnEveryPair() throws {
        let url = try #require(Bundle.module.url(forResource: "dutch-porter-pairs", withExtension: "tsv", subdirectory: "Resources"))
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        #expect(lines.count >= 20_000)
        var disagreements: [String] = []
        for line in lines {
            let parts = line.split(separator: "\t")
            guard parts.count == 2 else { continue }
            let stem = DutchStemmer.stem(String(parts[0]))
            if stem != parts[1] { disagreements.append("\(parts[0]): \(stem) ≠ \(parts[1])") }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements: \(disagreements.prefix(20))")
    }

    @Test func pluralAndSingularMeet() {
        #expect(DutchStemmer.stem("gemeenten") == DutchStemmer.stem("gemeente"))
        #expect(DutchStemmer.stem("bestuurders") == DutchStemmer.stem("bestuurder"))
        #expect(DutchStemmer.stem("trainingen") == DutchStemmer.stem("training"))
    }

    @Test func leavesNonASCIIAndShortWordsAlone() {
        #expect(DutchStemmer.stem("на") == "на")
        #expect(DutchStemmer.stem("ik") == "ik")
    }
}
