import Foundation

/// Splits Dutch compounds into known parts, so "klimaatprotesten" also finds "protest" and
/// "moskeebestuur" finds "moskee". Parts come from a lexicon (the OpenTaal word list and the demo
/// catalogue; see Resources/LEXICON-NOTICE); between parts a linking sound may stand: -s-
/// ("veiligheidsregio"), -en- ("jongerenwerk"), -e- ("burgemeester", only for words the lexicon does
/// not already know as a whole, because -e- splits too eagerly otherwise).
///
/// Conservative by design: parts are at least four letters, a word must be at least eight, a few
/// suffix-like words never end a split ("weerbaarheid" is not "weerbaar" + "heid") and a few
/// particles never start one ("onderwijs" is not "onder" + "wijs"). Of all splits the one with the
/// fewest parts wins, then the one with more parts that the catalogue itself uses ("kennis" +
/// "netwerk", not "kennisnet" + "werk"), then the one with the longest first part ("gemeente" + "huis", not "gemeen" +
/// "tehuis"), then one with a linking sound ("raad" + s + "leden", not "raad" + "sleden"), then the
/// one whose shortest part is longest.
public struct Decompounder: Sendable {
    /// Known words; those the catalogue itself uses are flagged: a split into them is the likelier one.
    let lexicon: WordList

    static let minimumPart = 4
    static let minimumWord = 8
    static let maximumParts = 4
    static let linkingSounds: [[UInt8]] = [[], Array("s".utf8), Array("en".utf8), Array("e".utf8)]
    /// Words that are in the lexicon but, at the end of a word, are a suffix rather than a part.
    static let neverTail: Set<String> = [
        "heid", "heden", "baar", "bare", "loos", "loze", "ling", "lingen", "schap", "lijk", "lijke",
        "isme", "zaam", "zame", "tjes", "erij", "ster", "sters", "ties", "ting", "tingen", "nis", "nissen",
    ]
    /// Particles that are in the lexicon but, at the start of a word, are a prefix rather than a part.
    static let neverHead: Set<String> = ["over", "onder", "voor", "door", "mede", "achter", "tussen", "rond", "toe"]

    public init(lexicon: WordList) {
        self.lexicon = lexicon
    }

    /// The lexicon shipped with the package, loaded once.
    public static let standard: Decompounder = {
        guard let url = Bundle.module.url(forResource: "lexicon", withExtension: "txt", subdirectory: "Resources"),
            let data = try? Data(contentsOf: url)
        else { return Decompounder(lexicon: WordList(words: [])) }
        return Decompounder(lexicon: WordList(sortedLines: data))
    }()

    /// The parts of a folded word, or an empty array when it is not a compound we can split.
    public func parts(of word: String) -> [String] {
        let bytes = Array(word.utf8)
        guard bytes.count >= Self.minimumWord, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return [] }
        var memo = [Split??](repeating: nil, count: bytes.count + 1)
        let wholeIsKnown = lexicon.contains(bytes[...])
        guard let best = split(bytes, from: 0, wholeIsKnown: wholeIsKnown, memo: &memo), best.parts.count >= 2 else { return [] }
        return best.parts
    }

    struct Split {
        var parts: [String]
        var links = 0
        var preferredParts = 0

        func isBetter(than other: Split) -> Bool {
            if parts.count != other.parts.count { return parts.count < other.parts.count }
            if preferredParts != other.preferredParts { return preferredParts > other.preferredParts }
            let head = parts[0].utf8.count, otherHead = other.parts[0].utf8.count
            if head != otherHead { return head > otherHead }
            if (links > 0) != (other.links > 0) { return links > 0 }
            return (parts.map(\.utf8.count).min() ?? 0) > (other.parts.map(\.utf8.count).min() ?? 0)
        }
    }

    private func split(_ w: [UInt8], from start: Int, wholeIsKnown: Bool, memo: inout [Split??]) -> Split? {
        if let known = memo[start] { return known }
        let n = w.count
        var best: Split? = nil
        if start > 0, n - start >= Self.minimumPart, lexicon.contains(w[start...]) {
            let rest = String(decoding: w[start...], as: UTF8.self)
            if !Self.neverTail.contains(rest) {
                best = Split(parts: [rest], preferredParts: lexicon.isFlagged(w[start...]) ? 1 : 0)
            }
        }
        if n - start >= 2 * Self.minimumPart {
            for end in (start + Self.minimumPart)...(n - Self.minimumPart) {
                guard lexicon.contains(w[start..<end]) else { continue }
                let head = String(decoding: w[start..<end], as: UTF8.self)
                guard !(start == 0 && Self.neverHead.contains(head)) else { continue }
                for link in Self.linkingSounds {
                    if link == Self.linkingSounds[3] && wholeIsKnown { continue }
                    let next = end + link.count
                    guard n - next >= Self.minimumPart, w[end..<next].elementsEqual(link) else { continue }
                    guard let tail = split(w, from: next, wholeIsKnown: wholeIsKnown, memo: &memo),
                        tail.parts.count < Self.maximumParts
                    else { continue }
                    let candidate = Split(parts: [head] + tail.parts, links: tail.links + (link.isEmpty ? 0 : 1),
                                          preferredParts: tail.preferredParts + (lexicon.isFlagged(w[start..<end]) ? 1 : 0))
                    if best.map({ candidate.isBetter(than: $0) }) ?? true { best = candidate }
                }
            }
        }
        memo[start] = .some(best)
        return best
    }
}
