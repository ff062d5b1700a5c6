import Foundation
import Testing
@testable import Search

@Suite struct WordListTests {
    @Test func findsEveryWordAndItsFlagAndNothingElse() {
        let list = WordList(sortedLines: Data("aap\nkennis*\nkennisnet\nnetwerk*\nwerk\n".utf8))
        #expect(list.count == 5)
        for word in ["aap", "kennis", "kennisnet", "netwerk", "werk"] { #expect(list.contains(word), "\(word)") }
        for word in ["", "aa", "kenni", "kennis*", "zzz", "netwerken"] { #expect(!list.contains(word), "\(word)") }
        #expect(list.isFlagged(Array("kennis".utf8)[...]))
        #expect(!list.isFlagged(Array("kennisnet".utf8)[...]))
    }

    /// Binary search needs the file sorted; a hand edit that breaks the order would lose words silently.
    @Test func theShippedLexiconIsSortedSoEveryWordIsFound() {
        let lexicon = Decompounder.standard.lexicon
        #expect(lexicon.count > 300_000)
        var unfound: [String] = []
        for index in stride(from: 0, to: lexicon.count, by: 53) where !lexicon.contains(lexicon.word(at: index)) {
            unfound.append(lexicon.word(at: index))
        }
        #expect(unfound.isEmpty, "\(unfound.prefix(10))")
        for word in ["moskee", "demonstratie", "jongeren", "zwijgen"] { #expect(lexicon.contains(word), "\(word)") }
    }
}
