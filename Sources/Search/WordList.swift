import Foundation

/// A large sorted word list searched in place: the file's bytes and the offset of each line, no
/// string per word. Loading 300,000 words this way takes milliseconds where building a
/// `Set<String>` took a third of a second of the server's start-up; a lookup is a binary search of
/// about 18 byte comparisons. A line may end in `*`, a flag the list keeps per word.
public final class WordList: Sendable {
    private let bytes: [UInt8]
    /// Start of each word in `bytes`; the word runs to the next newline or `*`.
    private let starts: [Int32]
    private let ends: [Int32]
    private let flagged: [Bool]

    /// `data`: one word per line, sorted by byte value (ignoring a trailing `*`).
    public init(sortedLines data: Data) {
        let bytes = [UInt8](data)
        var starts: [Int32] = [], ends: [Int32] = [], flagged: [Bool] = []
        starts.reserveCapacity(bytes.count / 10)
        var lineStart = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "\n") {
            var end = index
            if end > lineStart, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            let isFlagged = end > lineStart && bytes[end - 1] == UInt8(ascii: "*")
            if isFlagged { end -= 1 }
            if end > lineStart {
                starts.append(Int32(lineStart))
                ends.append(Int32(end))
                flagged.append(isFlagged)
            }
            lineStart = index + 1
        }
        self.bytes = bytes
        self.starts = starts
        self.ends = ends
        self.flagged = flagged
    }

    public convenience init(words: [String], flagged flaggedWords: Set<String> = []) {
        let lines = words.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            .map { $0 + (flaggedWords.contains($0) ? "*" : "") }
        self.init(sortedLines: Data(lines.joined(separator: "\n").utf8))
    }

    public var count: Int { starts.count }

    func word(at index: Int) -> String { String(decoding: bytes[Int(starts[index])..<Int(ends[index])], as: UTF8.self) }

    public func contains(_ word: String) -> Bool { index(of: Array(word.utf8)[...]) != nil }

    public func contains(_ word: ArraySlice<UInt8>) -> Bool { index(of: word) != nil }

    public func isFlagged(_ word: ArraySlice<UInt8>) -> Bool { index(of: word).map { flagged[$0] } ?? false }

    private func index(of word: ArraySlice<UInt8>) -> Int? {
        var low = 0, high = starts.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let entry = bytes[Int(starts[middle])..<Int(ends[middle])]
            if entry.elementsEqual(word) { return middle }
            if entry.lexicographicallyPrecedes(word) { low = middle + 1 } else { high = middle - 1 }
        }
        return nil
    }
}
