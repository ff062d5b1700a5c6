import Foundation

// The in-memory index behind catalogue search: an inverted index ranked with BM25F, plus compact facet
// values per document for disjunctive facet counts. It is a value type: a reader copies it (cheap,
// copy-on-write) and searches a consistent snapshot while a writer prepares the next one.

public struct SearchIndex: Sendable {
    public let facetNames: [String]
    public let parameters: RankingParameters
    let analyzer: DutchAnalyzer
    let thesaurus: Thesaurus
    /// The facet whose values the thesaurus's tags name ("theme"): results with an inferred value rank higher.
    let tagFacet: String?

    // Documents, by ordinal. A removed document leaves a tombstone until the next compaction.
    private(set) var keys: [String] = []
    private(set) var alive: [Bool] = []
    private(set) var dates: [Int32] = []
    private(set) var rankFactors: [Float] = []
    private(set) var sortTitles: [String] = []
    private(set) var fieldLengths: [UInt16] = []  // SearchField.allCases.count per document
    private(set) var lengthSums = [Double](repeating: 0, count: SearchField.allCases.count)
    private(set) var ordinalByKey: [String: Int32] = [:]
    public private(set) var count = 0

    // Terms.
    private(set) var postings: [String: PostingList] = [:]
    /// The indexed words as texts write them (folded), for typo candidates: a misspelling is near
    /// the word, not necessarily near its stem ("polarisatei" is one edit from "polarisatie", far
    /// from its stem "polariser").
    private(set) var spelling = SpellingCandidates()
    /// Each indexed word's primary term.
    private(set) var wordTerm: [String: String] = [:]

    // Facet values: every (facet, value) pair gets a small id; documents list their ids.
    private(set) var valueIDs: [[String: UInt16]]
    private(set) var valueFacet: [UInt8] = []
    private(set) var valueName: [String] = []
    private(set) var docValueStart: [Int32] = [0]
    private(set) var docValues: [UInt16] = []

    struct PostingList: Sendable {
        var docs: [Int32] = []
        /// Term frequency per field, `SearchField.allCases.count` per posting, capped at 255.
        var frequencies: [UInt8] = []

        mutating func append(_ doc: Int32, _ row: ArraySlice<UInt8>) {
            docs.append(doc)
            frequencies.append(contentsOf: row)
        }
    }

    public init(facetNames: [String], analyzer: DutchAnalyzer = DutchAnalyzer(), thesaurus: Thesaurus = .standard,
                tagFacet: String? = nil, parameters: RankingParameters = RankingParameters()) {
        precondition(facetNames.count <= 32, "facet masks are 32 bits wide")
        self.facetNames = facetNames
        self.analyzer = analyzer
        self.thesaurus = thesaurus
        self.tagFacet = tagFacet
        self.parameters = parameters
        self.valueIDs = Array(repeating: [:], count: facetNames.count)
    }

    public init(documents: [SearchDocument], facetNames: [String], analyzer: DutchAnalyzer = DutchAnalyzer(),
                thesaurus: Thesaurus = .standard, tagFacet: String? = nil, parameters: RankingParameters = RankingParameters()) {
        self.init(facetNames: facetNames, analyzer: analyzer, thesaurus: thesaurus, tagFacet: tagFacet, parameters: parameters)
        keys.reserveCapacity(documents.count)
        for document in documents { upsert(document) }
    }

    /// The analyzer the index was built with; queries must use the same one.
    public var textAnalyzer: DutchAnalyzer { analyzer }

    public func contains(key: String) -> Bool { ordinalByKey[key] != nil }

    /// Every indexed word as texts write it (folded), with the number of documents that have its term:
    /// what the suggester completes typed words with.
    public func vocabulary() -> [(word: String, documents: Int)] {
        wordTerm.compactMap { word, term in
            guard let list = postings[term] else { return nil }
            return (word, list.docs.count)
        }
    }

    // MARK: - Writing

    /// Adds a document, or replaces the one with the same key.
    public mutating func upsert(_ document: SearchDocument) {
        remove(key: document.key)
        let ordinal = Int32(keys.count)
        keys.append(document.key)
        alive.append(true)
        dates.append(Int32(clamping: document.date))
        rankFactors.append(document.rankFactor)
        sortTitles.append(DutchAnalyzer.fold(document.sortTitle))
        ordinalByKey[document.key] = ordinal
        count += 1

        // Term frequencies per field, in one flat buffer with a row per distinct term of the document:
        // a dictionary of small arrays would allocate for every term.
        let fieldCount = SearchField.allCases.count
        var rowOf: [String: Int] = [:]
        var distinct: [String] = []
        var frequencies: [UInt8] = []
        for field in SearchField.allCases {
            let tokens = analyzer.tokens(document.fields[field] ?? "")
            for token in tokens where wordTerm[token.word] == nil && !token.word.contains("-") {
                wordTerm[token.word] = token.primary
                spelling.insert(token.word)
            }
            let terms = tokens.flatMap(\.terms)
            // Part terms repeat what the words say; they do not make a field longer.
            let length = terms.count { !DutchAnalyzer.isPartTerm($0) }
            fieldLengths.append(UInt16(clamping: length))
            lengthSums[field.rawValue] += Double(length)
            for term in terms {
                let row: Int
                if let existing = rowOf[term] {
                    row = existing
                } else {
                    row = frequencies.count
                    rowOf[term] = row
                    distinct.append(term)
                    frequencies.append(contentsOf: repeatElement(0, count: fieldCount))
                }
                if frequencies[row + field.rawValue] < 255 { frequencies[row + field.rawValue] += 1 }
            }
        }
        for term in distinct {
            let row = rowOf[term]!
            postings[term, default: PostingList()].append(ordinal, frequencies[row..<(row + fieldCount)])
        }

        for (facet, name) in facetNames.enumerated() {
            for value in Set(document.facets[name] ?? []) {
                docValues.append(valueID(facet: facet, value: value))
            }
        }
        docValueStart.append(Int32(docValues.count))
    }

    public mutating func remove(key: String) {
        guard let ordinal = ordinalByKey.removeValue(forKey: key) else { return }
        let doc = Int(ordinal)
        alive[doc] = false
        count -= 1
        let fieldCount = SearchField.allCases.count
        for field in 0..<fieldCount { lengthSums[field] -= Double(fieldLengths[doc * fieldCount + field]) }
        // Rebuilding is simpler and faster than patching postings once tombstones dominate.
        if keys.count > 64 && count < keys.count / 2 { compact() }
    }

    private mutating func valueID(facet: Int, value: String) -> UInt16 {
        if let id = valueIDs[facet][value] { return id }
        let id = UInt16(valueName.count)
        valueIDs[facet][value] = id
        valueFacet.append(UInt8(facet))
        valueName.append(value)
        return id
    }

    /// Drops tombstones by re-adding the live documents' postings under new ordinals.
    private mutating func compact() {
        let fieldCount = SearchField.allCases.count
        var newOrdinal = [Int32](repeating: -1, count: keys.count)
        var next: Int32 = 0
        for doc in keys.indices where alive[doc] {
            newOrdinal[doc] = next
            next += 1
        }
        var compacted: [String: PostingList] = [:]
        for (term, list) in postings {
            var kept = PostingList()
            for (index, doc) in list.docs.enumerated() where newOrdinal[Int(doc)] >= 0 {
                kept.docs.append(newOrdinal[Int(doc)])
                kept.frequencies.append(contentsOf: list.frequencies[(index * fieldCount)..<((index + 1) * fieldCount)])
            }
            if !kept.docs.isEmpty { compacted[term] = kept }
        }
        postings = compacted
        spelling = SpellingCandidates()
        wordTerm = wordTerm.filter { postings[$0.value] != nil }
        for word in wordTerm.keys.sorted() { spelling.insert(word) }
        var newValues: [UInt16] = []
        var newStarts: [Int32] = [0]
        var newLengths: [UInt16] = []
        for doc in keys.indices where alive[doc] {
            newValues += docValues[Int(docValueStart[doc])..<Int(docValueStart[doc + 1])]
            newStarts.append(Int32(newValues.count))
            newLengths += fieldLengths[(doc * fieldCount)..<((doc + 1) * fieldCount)]
        }
        let liveDocs = keys.indices.filter { alive[$0] }
        keys = liveDocs.map { keys[$0] }
        dates = liveDocs.map { dates[$0] }
        rankFactors = liveDocs.map { rankFactors[$0] }
        sortTitles = liveDocs.map { sortTitles[$0] }
        alive = Array(repeating: true, count: liveDocs.count)
        docValues = newValues
        docValueStart = newStarts
        fieldLengths = newLengths
        ordinalByKey = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, Int32($0)) })
    }
}
