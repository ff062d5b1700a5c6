import Foundation

/// The domain thesaurus (Resources/thesaurus.txt): groups of words and phrases that mean the same
/// in this field, each optionally tagged with a theme. At query time a word or phrase of a group
/// brings in the other members' terms with a lower weight than the literal words, and its tag tells
/// which theme the question is about. Members are matched on their analyzed form, so
/// "Rechts-extremisme", "rechtsextremisme" and "rechts extremisme" all meet the same entry.
public struct Thesaurus: Sendable {
    struct Member: Sendable {
        /// Primary terms of the member's words, in order: what a query must contain.
        var sequence: [String]
        /// Every term of the member: what it adds to a query.
        var terms: [String]
        /// False for the narrower side of a one-way entry: it is found, but does not expand.
        var expands: Bool
    }

    struct Group: Sendable {
        var members: [Member]
        var tag: String?
    }

    /// One use of a group in a query: which tokens it covers and what it brings in.
    public struct Match: Sendable, Equatable {
        public var tokens: Range<Int>
        public var expansion: [String]
        public var tag: String?
    }

    let groups: [Group]
    /// First primary term of a member → (group, member) pairs starting with it.
    let byFirstTerm: [String: [(group: Int, member: Int)]]

    public static let empty = Thesaurus(groups: [])

    init(groups: [Group]) {
        self.groups = groups
        var index: [String: [(group: Int, member: Int)]] = [:]
        for (g, group) in groups.enumerated() {
            for (m, member) in group.members.enumerated() {
                if let first = member.sequence.first { index[first, default: []].append((g, m)) }
            }
        }
        self.byFirstTerm = index
    }

    /// Parses the thesaurus format (see the header of Resources/thesaurus.txt).
    public init(text: String, analyzer: DutchAnalyzer) {
        var groups: [Group] = []
        for rawLine in text.split(separator: "\n") {
            var line = rawLine.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            var tag: String? = nil
            if line.hasPrefix("["), let close = line.firstIndex(of: "]") {
                tag = String(line[line.index(after: line.startIndex)..<close]).trimmingCharacters(in: .whitespaces)
                line = String(line[line.index(after: close)...])
            }
            let sides = line.components(separatedBy: "=>")
            var members: [Member] = []
            for (side, text) in sides.prefix(2).enumerated() {
                for phrase in text.split(separator: ",") {
                    let tokens = analyzer.tokens(String(phrase))
                    guard !tokens.isEmpty else { continue }
                    members.append(Member(sequence: tokens.map(\.primary), terms: tokens.flatMap(\.terms),
                                          expands: sides.count == 1 || side == 0))
                }
            }
            if members.count >= 2 { groups.append(Group(members: members, tag: tag)) }
        }
        self.init(groups: groups)
    }

    /// The thesaurus shipped with the package.
    public static let standard: Thesaurus = {
        guard let url = Bundle.module.url(forResource: "thesaurus", withExtension: "txt", subdirectory: "Resources"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return .empty }
        return Thesaurus(text: text, analyzer: DutchAnalyzer())
    }()

    public var count: Int { groups.count }

    /// Every entry found in a query, given its tokens' primary terms. Longer members win where
    /// members overlap at the same start ("sociale media" over "media").
    public func matches(_ primaries: [String]) -> [Match] {
        var found: [Match] = []
        for start in primaries.indices {
            guard let candidates = byFirstTerm[primaries[start]] else { continue }
            var longest = 0
            var matchesHere: [(Int, Int)] = []
            for (g, m) in candidates {
                let sequence = groups[g].members[m].sequence
                guard start + sequence.count <= primaries.count,
                    primaries[start..<(start + sequence.count)].elementsEqual(sequence)
                else { continue }
                if sequence.count > longest {
                    longest = sequence.count
                    matchesHere = [(g, m)]
                } else if sequence.count == longest {
                    matchesHere.append((g, m))
                }
            }
            for (g, m) in matchesHere {
                let group = groups[g]
                var expansion: [String] = []
                if group.members[m].expands {
                    for (other, member) in group.members.enumerated() where other != m {
                        for term in member.terms where !expansion.contains(term) { expansion.append(term) }
                    }
                }
                found.append(Match(tokens: start..<(start + longest), expansion: expansion, tag: group.tag))
            }
        }
        return found
    }
}
