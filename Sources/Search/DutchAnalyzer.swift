import Foundation
import Synchronization

/// Turns Dutch text into index terms, the same way for documents and for queries: fold case and
/// diacritics ("Financiële" → "financiele"), split into words, drop possessive/plural apostrophes
/// ("azc's" → "azc"), index hyphenated words split and joined ("rechts-extremisme" → rechts,
/// extremisme, rechtsextremisme), drop stopwords and stem; and add the parts of compounds as
/// separate *part terms*, marked with a leading `~` ("moskeebestuur" → moskeebestur, ~moskee,
/// ~bestur), so the index can weigh a match on a part below a match on the word itself.
///
/// The analyzer caches each word's terms: a catalogue's vocabulary is small compared with its text.
public final class DutchAnalyzer: Sendable {
    private let cache = TermCache()
    let decompounder: Decompounder?

    /// The prefix that marks a part term.
    public static let partMarker: Character = "~"

    public init(decompounder: Decompounder? = .standard) {
        self.decompounder = decompounder
    }

    /// A word as the text has it, with its place, and the terms it contributes.
    public struct Token: Sendable, Equatable {
        public var range: Range<String.Index>
        /// The folded word ("financiele"), before stemming.
        public var word: String
        /// The term that stands for the whole word: its stem, or for a hyphenated word the stem of the
        /// joined form.
        public var primary: String
        /// Every index term: the primary term, the parts of a hyphenated word, and part terms (`~…`).
        public var terms: [String]
    }

    /// Index terms of a text, stopwords removed, in order (repeats kept, for term frequencies).
    public func terms(_ text: String) -> [String] {
        var out: [String] = []
        for token in tokens(text) { out += token.terms }
        return out
    }

    /// Tokens of a text with their positions, stopwords removed.
    public func tokens(_ text: String) -> [Token] {
        var result: [Token] = []
        for (range, raw) in Self.words(in: text) {
            let folded = Self.fold(raw)
            guard let (primary, terms) = analyze(folded) else { continue }
            result.append(Token(range: range, word: folded, primary: primary, terms: terms))
        }
        return result
    }

    /// The primary term and all terms of one folded word; nil for a stopword.
    func analyze(_ folded: String) -> (String, [String])? {
        if let cached = cache.get(folded) { return cached.terms.isEmpty ? nil : (cached.primary, cached.terms) }
        let parts = folded.split(separator: "-").map(String.init).filter { !$0.isEmpty }
        var primary = ""
        var terms: [String] = []
        if parts.count == 1 {
            if !Stopwords.dutch.contains(parts[0]) {
                primary = stem(parts[0])
                terms.append(primary)
                let split = decompounder?.parts(of: parts[0]) ?? []
                for part in split.isEmpty ? prefixed(parts[0]) : split {
                    let term = Self.partTerm(stem(part))
                    if !terms.contains(term) { terms.append(term) }
                }
            }
        } else if parts.count > 1 {
            primary = stem(parts.joined())
            terms.append(primary)
            for part in parts where !Stopwords.dutch.contains(part) {
                let term = stem(part)
                if !terms.contains(term) { terms.append(term) }
            }
        }
        cache.set(folded, CachedTerms(primary: primary, terms: terms))
        return terms.isEmpty ? nil : (primary, terms)
    }

    /// Prefixes that turn a word into its undoing or its repetition: "deradicalisering" is about
    /// "radicalisering", "herintegratie" about "integratie".
    static let derivingPrefixes = ["de", "her"]

    /// A word of a deriving prefix and a known word of at least eight letters: that word, as a part.
    /// The remainder must be a whole word of the lexicon, so "democratie" and "herkenning" stay whole.
    func prefixed(_ word: String) -> [String] {
        guard let decompounder else { return [] }
        for prefix in Self.derivingPrefixes where word.hasPrefix(prefix) {
            let rest = String(word.dropFirst(prefix.count))
            if rest.utf8.count >= 8, decompounder.lexicon.contains(rest) { return [rest] }
        }
        return []
    }

    /// The Snowball stem, with the word families the classic algorithm leaves apart joined (`StemConflation`).
    public func stem(_ word: String) -> String { StemConflation.apply(DutchStemmer.stem(word)) }

    /// Whether a folded word is a correctly spelt Dutch word as far as the lexicon knows: such a word
    /// is never "corrected" into another one, even when the index does not have it.
    public func isKnownWord(_ folded: String) -> Bool { decompounder?.lexicon.contains(folded) ?? false }

    public static func isPartTerm(_ term: String) -> Bool { term.first == partMarker }

    /// The part term for a stem: how a compound's part is indexed and looked up.
    public static func partTerm(_ stem: String) -> String { String(partMarker) + stem }

    /// Lower case without diacritics; "ĳ" becomes "ij". Pure ASCII words take a fast path.
    public static func fold(_ word: some StringProtocol) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return word.lowercased() }
        return word.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
            .replacingOccurrences(of: "ĳ", with: "ij")
    }

    /// Words: runs of letters and digits, joined by inner hyphens; an apostrophe ends the word and
    /// drops what follows it ("azc's", "cafe’s") so possessives and plurals meet their base form.
    /// It walks Unicode scalars rather than Characters: grapheme breaking is the slowest part of
    /// indexing, and combining marks are simply taken as part of the word.
    static func words(in text: String) -> [(Range<String.Index>, Substring)] {
        let scalars = text.unicodeScalars
        var words: [(Range<String.Index>, Substring)] = []
        var index = scalars.startIndex
        while index < scalars.endIndex {
            guard isWordScalar(scalars[index]) else {
                index = scalars.index(after: index)
                continue
            }
            let start = index
            var end = index
            while index < scalars.endIndex {
                let c = scalars[index]
                if isWordScalar(c) {
                    index = scalars.index(after: index)
                    end = index
                } else if c == "-", case let next = scalars.index(after: index), next < scalars.endIndex, isWordScalar(scalars[next]) {
                    index = next
                } else {
                    break
                }
            }
            words.append((start..<end, text[start..<end]))
            // Skip an apostrophe suffix: "azc's" → "azc", but "'s-Hertogenbosch" keeps its word.
            if index < scalars.endIndex, scalars[index] == "'" || scalars[index] == "’" {
                var after = scalars.index(after: index)
                var length = 1
                while after < scalars.endIndex, isWordScalar(scalars[after]), length <= 2 {
                    after = scalars.index(after: after)
                    length += 1
                }
                if length <= 3 && (after == scalars.endIndex || !isWordScalar(scalars[after])) {
                    index = after
                }
            }
        }
        return words
    }

    static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII {
            let v = c.value
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
        }
        let properties = c.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return properties.isAlphabetic || properties.numericType != nil
        }
    }
}

struct CachedTerms: Sendable {
    var primary: String
    var terms: [String]
}

/// A small lock-protected dictionary; the analyzer is shared by every request.
private final class TermCache: Sendable {
    private let storage = Mutex<[String: CachedTerms]>([:])

    func get(_ word: String) -> CachedTerms? { storage.withLock { $0[word] } }

    func set(_ word: String, _ terms: CachedTerms) {
        storage.withLock { cache in
            if cache.count > 200_000 { cache.removeAll(keepingCapacity: true) }
            cache[word] = terms
        }
    }
}
