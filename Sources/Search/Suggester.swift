/// Completions while typing: titles that contain the typed text at the start of a word, and words of
/// the index that complete the last typed word, the most widespread first.
///
/// Built for 100,000 titles in little memory: the folded titles are one byte buffer, and every word
/// start in it is a 4-byte position, sorted by the text that follows (a suffix array over word starts
/// only). A prefix is then two binary searches and a scan of the matching range. The vocabulary is a
/// sorted array of words with their document frequency.
public struct Suggester: Sendable {
    public struct TitleMatch: Sendable, Equatable {
        /// The document key the title belongs to.
        public var key: String
        /// True when the title itself starts with the typed text.
        public var atStart: Bool
    }

    private let buffer: [UInt8]
    /// Start of each title in `buffer`, plus the end.
    private let titleStarts: [UInt32]
    private let keys: [String]
    /// Positions in `buffer` where a word starts, sorted by the bytes from there to the end of the title.
    private let wordStarts: [UInt32]
    /// Index words, folded and sorted, with the number of documents that have them.
    private let words: [String]
    private let documentCounts: [Int32]

    /// At most this many entries of a matching range are looked at: a one-letter prefix over 100,000
    /// titles must not scan them all.
    static let scanLimit = 2_000
    public static let maxQueryLength = 100

    public init(titles: [(key: String, title: String)], vocabulary: [(word: String, documents: Int)]) {
        var buffer: [UInt8] = []
        var starts: [UInt32] = []
        var wordStarts: [UInt32] = []
        for (_, title) in titles {
            starts.append(UInt32(buffer.count))
            let folded = Self.normalise(title)
            var previousIsLetter = false
            for byte in folded.utf8 {
                let isLetter = Self.isWordByte(byte)
                if isLetter && !previousIsLetter { wordStarts.append(UInt32(buffer.count)) }
                previousIsLetter = isLetter
                buffer.append(byte)
            }
        }
        starts.append(UInt32(buffer.count))
        self.titleStarts = starts
        self.keys = titles.map(\.key)
        // Sort word starts by their suffix within the title; ties (equal suffixes) by position.
        let ends = Self.titleEnds(wordStarts: wordStarts, titleStarts: starts)
        let order = wordStarts.indices.sorted { a, b in
            let comparison = Self.compare(buffer, Int(wordStarts[a]), Int(ends[a]), buffer, Int(wordStarts[b]), Int(ends[b]))
            return comparison != 0 ? comparison < 0 : wordStarts[a] < wordStarts[b]
        }
        self.wordStarts = order.map { wordStarts[$0] }
        self.buffer = buffer

        let sorted = vocabulary.filter { $0.word.count >= 3 && $0.word.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0 == "-" } }
            .sorted { $0.word < $1.word }
        self.words = sorted.map(\.word)
        self.documentCounts = sorted.map { Int32(clamping: $0.documents) }
    }

    /// Folded, with runs of anything but letters and digits made one space: how titles and typed text
    /// are compared.
    public static func normalise(_ text: some StringProtocol) -> String {
        let folded = DutchAnalyzer.fold(text.prefix(maxQueryLength * 4))
        var result = ""
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingSpace && !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        return result
    }

    /// Titles containing `prefix` (normalised) at the start of a word: those starting with it first,
    /// then shorter titles, then in title order.
    public func titles(matching typed: String, limit: Int) -> [TitleMatch] {
        let prefix = Array(Self.normalise(typed).utf8)
        guard !prefix.isEmpty, limit > 0 else { return [] }
        var low = 0, high = wordStarts.count
        while low < high {
            let mid = (low + high) / 2
            if comparePrefix(at: Int(wordStarts[mid]), prefix) < 0 { low = mid + 1 } else { high = mid }
        }
        var seen = Set<Int>()
        var found: [(title: Int, atStart: Bool, length: Int)] = []
        var index = low
        while index < wordStarts.count && index - low < Self.scanLimit && comparePrefix(at: Int(wordStarts[index]), prefix) == 0 {
            let position = Int(wordStarts[index])
            let title = self.title(containing: position)
            if seen.insert(title).inserted {
                found.append((title, position == Int(titleStarts[title]), Int(titleStarts[title + 1] - titleStarts[title])))
            }
            index += 1
        }
        found.sort { a, b in
            if a.atStart != b.atStart { return a.atStart }
            if a.length != b.length { return a.length < b.length }
            return a.title < b.title
        }
        return found.prefix(limit).map { TitleMatch(key: keys[$0.title], atStart: $0.atStart) }
    }

    /// Index words that complete the last word of `typed` (at least two letters), the most widespread
    /// first; each with the earlier typed words before it ("sociale me" → "sociale media").
    public func words(completing typed: String, limit: Int) -> [String] {
        let normalised = Self.normalise(typed)
        guard let last = normalised.split(separator: " ").last, last.count >= 2, limit > 0 else { return [] }
        let lead = normalised.dropLast(last.count)
        let prefix = String(last)
        var low = 0, high = words.count
        while low < high {
            let mid = (low + high) / 2
            if words[mid] < prefix { low = mid + 1 } else { high = mid }
        }
        var candidates: [(word: String, count: Int32)] = []
        var index = low
        while index < words.count && index - low < Self.scanLimit && words[index].hasPrefix(prefix) {
            if words[index] != prefix { candidates.append((words[index], documentCounts[index])) }
            index += 1
        }
        candidates.sort { $0.count != $1.count ? $0.count > $1.count : $0.word < $1.word }
        return candidates.prefix(limit).map { lead + $0.word }
    }

    // MARK: - Bytes

    private func title(containing position: Int) -> Int {
        var low = 0, high = titleStarts.count - 1
        while low + 1 < high {
            let mid = (low + high) / 2
            if Int(titleStarts[mid]) <= position { low = mid } else { high = mid }
        }
        return low
    }

    /// Compares the title text from `position` with `prefix` over the prefix's length: 0 when it starts with it.
    private func comparePrefix(at position: Int, _ prefix: [UInt8]) -> Int {
        let end = Int(titleStarts[title(containing: position) + 1])
        for offset in 0..<prefix.count {
            guard position + offset < end else { return -1 }
            let byte = buffer[position + offset]
            if byte != prefix[offset] { return byte < prefix[offset] ? -1 : 1 }
        }
        return 0
    }

    private static func compare(_ a: [UInt8], _ aStart: Int, _ aEnd: Int, _ b: [UInt8], _ bStart: Int, _ bEnd: Int) -> Int {
        var i = aStart, j = bStart
        while i < aEnd && j < bEnd {
            if a[i] != b[j] { return a[i] < b[j] ? -1 : 1 }
            i += 1
            j += 1
        }
        return (aEnd - aStart) - (bEnd - bStart) < 0 ? -1 : ((aEnd - aStart) == (bEnd - bStart) ? 0 : 1)
    }

    private static func titleEnds(wordStarts: [UInt32], titleStarts: [UInt32]) -> [UInt32] {
        var ends: [UInt32] = []
        ends.reserveCapacity(wordStarts.count)
        var title = 0
        for start in wordStarts {
            while titleStarts[title + 1] <= start { title += 1 }
            ends.append(titleStarts[title + 1])
        }
        return ends
    }

    /// Letters and digits in UTF-8, including every byte of a multi-byte letter (after folding, the
    /// only non-ASCII bytes left are letters of other scripts).
    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A)
    }
}
