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
    private var keys: [String] = []
    private var alive: [Bool] = []
    private var dates: [Int32] = []
    private var rankFactors: [Float] = []
    private var sortTitles: [String] = []
    private var fieldLengths: [UInt16] = []  // SearchField.allCases.count per document
    private var lengthSums = [Double](repeating: 0, count: SearchField.allCases.count)
    private var ordinalByKey: [String: Int32] = [:]
    public private(set) var count = 0

    // Terms.
    private var postings: [String: PostingList] = [:]
    /// The indexed words as texts write them (folded), for typo candidates: a misspelling is near
    /// the word, not necessarily near its stem ("polarisatei" is one edit from "polarisatie", far
    /// from its stem "polariser").
    private var spelling = SpellingCandidates()
    /// Each indexed word's primary term.
    private var wordTerm: [String: String] = [:]

    // Facet values: every (facet, value) pair gets a small id; documents list their ids.
    private var valueIDs: [[String: UInt16]]
    private var valueFacet: [UInt8] = []
    private var valueName: [String] = []
    private var docValueStart: [Int32] = [0]
    private var docValues: [UInt16] = []

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

    // MARK: - Searching

    /// The values of the tag facet (themes) the thesaurus reads in a text, without searching.
    public func inferredTags(_ text: String) -> [String] { queryGroups(text).tags }

    public func search(_ query: SearchQuery) -> SearchResults {
        let documentCount = keys.count
        let (groups, tags) = queryGroups(query.text)

        var scores: [Float]
        var candidates: [Int32] = []
        var matchedTerms = Set<String>()
        var unmatchedWords: [String] = []
        var corrections: [String: String] = [:]

        if groups.isEmpty {
            scores = []
            candidates.reserveCapacity(count)
            for doc in 0..<documentCount where alive[doc] { candidates.append(Int32(doc)) }
        } else {
            scores = [Float](repeating: 0, count: documentCount)
            var masks = [UInt32](repeating: 0, count: documentCount)
            var touched: [Int32] = []
            var matchingGroups = 0
            for (groupIndex, group) in groups.enumerated() {
                var terms = group.terms
                // A word that is not in the index, itself or stemmed, may be misspelt: try the indexed
                // words one edit away (two from nine letters) and take their terms, with a lower weight.
                if group.word.count >= 5, postings[group.primary] == nil, !group.word.allSatisfy(\.isNumber),
                    !analyzer.isKnownWord(group.word)
                {
                    let near = spelling.near(group.word, maxDistance: group.word.count >= 9 ? 2 : 1)
                    if let best = near.first?.distance {
                        var added = 0
                        for candidate in near.prefix(while: { $0.distance == best }) where added < 4 {
                            guard let term = wordTerm[candidate.term], !terms.contains(where: { $0.term == term }) else { continue }
                            terms.append(WeightedTerm(term: term, weight: best == 1 ? 0.6 : 0.45))
                            added += 1
                        }
                        corrections[group.word] = near[0].term
                    }
                }
                var groupMatched = false
                for weighted in terms {
                    guard let list = postings[weighted.term] else { continue }
                    groupMatched = true
                    matchedTerms.insert(weighted.term)
                    accumulate(list, weight: weighted.weight, bit: UInt32(1) << UInt32(groupIndex),
                               scores: &scores, masks: &masks, touched: &touched)
                }
                if groupMatched { matchingGroups += 1 } else { unmatchedWords.append(group.word) }
            }
            // Words that match nothing are ignored rather than emptying the result. Of the rest, one or
            // two words must all match; longer queries, often questions, at least half of them. When
            // that finds nothing, fewer will do: the best partial answers beat an empty page.
            var required = matchingGroups <= 2 ? matchingGroups : matchingGroups <= 4 ? (matchingGroups + 1) / 2 : max(2, matchingGroups / 3)
            while true {
                for doc in touched where alive[Int(doc)] && masks[Int(doc)].nonzeroBitCount >= required {
                    candidates.append(doc)
                }
                if !candidates.isEmpty || required <= 1 { break }
                required -= 1
            }
            boost(candidates, tags: query.tags ?? tags, scores: &scores)
            for doc in candidates where rankFactors[Int(doc)] != 1 { scores[Int(doc)] *= rankFactors[Int(doc)] }
        }

        let (results, facetCounts) = applyFacets(to: candidates, filters: query.filters)
        let page = rank(results, scores: scores, sort: groups.isEmpty && query.sort == .relevance ? .newest : query.sort,
                        offset: query.offset, limit: query.limit)
        return SearchResults(
            total: results.count,
            hits: page.map { SearchResults.Hit(key: keys[Int($0)], score: scores.isEmpty ? 0 : Double(scores[Int($0)])) },
            facetCounts: facetCounts, matchedTerms: matchedTerms, unmatchedWords: unmatchedWords,
            inferredTags: tags, corrections: corrections)
    }

    /// Results carrying a value of the tag facet that the query was read as being about rank higher.
    private func boost(_ candidates: [Int32], tags: [String], scores: inout [Float]) {
        guard let tagFacet, let facet = facetNames.firstIndex(of: tagFacet), !tags.isEmpty else { return }
        var boosted = [Bool](repeating: false, count: valueName.count)
        for tag in tags { if let id = valueIDs[facet][tag] { boosted[Int(id)] = true } }
        for doc in candidates {
            let start = Int(docValueStart[Int(doc)]), end = Int(docValueStart[Int(doc) + 1])
            if (start..<end).contains(where: { boosted[Int(docValues[$0])] }) {
                scores[Int(doc)] *= Float(1 + parameters.inferredThemeBoost)
            }
        }
    }

    struct WeightedTerm: Equatable {
        var term: String
        var weight: Float
    }

    /// A query word and the terms any of which satisfies it, each with the weight of such a match.
    struct QueryGroup {
        var word: String
        var primary: String
        var terms: [WeightedTerm] = []

        mutating func add(_ term: String, _ weight: Float) {
            if let index = terms.firstIndex(where: { $0.term == term }) {
                terms[index].weight = max(terms[index].weight, weight)
            } else {
                terms.append(WeightedTerm(term: term, weight: weight))
            }
        }
    }

    /// The query's words as groups of weighted terms: the word itself (its stem) at full weight,
    /// the parts of a hyphenated word a little lower, compound parts and thesaurus expansions lower
    /// still. Also the tags (themes) of the thesaurus entries the query used.
    func queryGroups(_ text: String) -> (groups: [QueryGroup], tags: [String]) {
        let weights = parameters.expansionWeights
        let tokens = analyzer.tokens(text)
        var groups: [QueryGroup] = []
        var groupOfToken: [Int] = []
        var groupOfPrimary: [String: Int] = [:]
        for token in tokens {
            if let existing = groupOfPrimary[token.primary] {
                groupOfToken.append(existing)
                continue
            }
            guard groups.count < 32 else {
                groupOfToken.append(-1)
                continue
            }
            var group = QueryGroup(word: token.word, primary: token.primary)
            for term in token.terms {
                if DutchAnalyzer.isPartTerm(term) {
                    // A compound in the query: its parts as words, and as parts of other compounds.
                    group.add(String(term.dropFirst()), weights.queryPart)
                    group.add(term, weights.partOfBoth)
                } else if term == token.primary {
                    group.add(term, 1)
                    // The word as part of a compound in an offering.
                    group.add(DutchAnalyzer.partTerm(term), weights.documentPart)
                } else {
                    group.add(term, weights.hyphenPart)
                }
            }
            groupOfPrimary[token.primary] = groups.count
            groupOfToken.append(groups.count)
            groups.append(group)
        }
        var tags: [String] = []
        for match in thesaurus.matches(tokens.map(\.primary)) {
            if let tag = match.tag, !tags.contains(tag) { tags.append(tag) }
            for token in match.tokens where groupOfToken[token] >= 0 {
                for term in match.expansion {
                    groups[groupOfToken[token]].add(term, DutchAnalyzer.isPartTerm(term) ? weights.partOfBoth : weights.synonym)
                }
            }
        }
        return (groups, tags)
    }

    private func accumulate(_ list: PostingList, weight: Float, bit: UInt32, scores: inout [Float], masks: inout [UInt32], touched: inout [Int32]) {
        let fieldCount = SearchField.allCases.count
        let live = Double(max(count, 1))
        let df = Double(list.docs.count)
        let idf = Float(log(1 + (live - df + 0.5) / (df + 0.5)))
        let k1 = Float(parameters.k1), b = Float(parameters.b)
        var weights = [Float](repeating: 0, count: fieldCount)
        var averages = [Float](repeating: 1, count: fieldCount)
        for field in SearchField.allCases {
            weights[field.rawValue] = Float(parameters.fieldWeights[field] ?? 0)
            averages[field.rawValue] = Float(max(lengthSums[field.rawValue] / live, 1))
        }
        for (index, doc) in list.docs.enumerated() {
            let d = Int(doc)
            var weighted: Float = 0
            for field in 0..<fieldCount {
                let tf = Float(list.frequencies[index * fieldCount + field])
                if tf == 0 { continue }
                let length = Float(fieldLengths[d * fieldCount + field])
                weighted += weights[field] * tf / (1 - b + b * length / averages[field])
            }
            if masks[d] == 0 { touched.append(doc) }
            masks[d] |= bit
            scores[d] += weight * idf * weighted * (k1 + 1) / (k1 + weighted)
        }
    }

    /// Filters candidates by the selected facet values and counts facet values with disjunctive
    /// semantics: a document that fails only facet F still counts towards F's values.
    private func applyFacets(to candidates: [Int32], filters: [String: Set<String>]) -> ([Int32], [String: [String: Int]]) {
        var selected = [Bool](repeating: false, count: valueName.count)
        var selectedFacets: UInt32 = 0
        for (facet, name) in facetNames.enumerated() {
            guard let values = filters[name], !values.isEmpty else { continue }
            selectedFacets |= 1 << UInt32(facet)
            // A value no document has selects nothing; with only such values the facet matches nothing.
            for value in values {
                if let id = valueIDs[facet][value] { selected[Int(id)] = true }
            }
        }

        var counts = [Int](repeating: 0, count: valueName.count)
        var results: [Int32] = []
        results.reserveCapacity(candidates.count)
        for doc in candidates {
            let start = Int(docValueStart[Int(doc)]), end = Int(docValueStart[Int(doc) + 1])
            var matched: UInt32 = 0
            for i in start..<end where selected[Int(docValues[i])] {
                matched |= 1 << UInt32(valueFacet[Int(docValues[i])])
            }
            let failed = selectedFacets & ~matched
            if failed == 0 {
                results.append(doc)
                for i in start..<end { counts[Int(docValues[i])] += 1 }
            } else if failed.nonzeroBitCount == 1 {
                let onlyFacet = UInt8(failed.trailingZeroBitCount)
                for i in start..<end where valueFacet[Int(docValues[i])] == onlyFacet { counts[Int(docValues[i])] += 1 }
            }
        }
        var facetCounts: [String: [String: Int]] = [:]
        for name in facetNames { facetCounts[name] = [:] }
        for id in counts.indices where counts[id] > 0 {
            facetCounts[facetNames[Int(valueFacet[id])], default: [:]][valueName[id]] = counts[id]
        }
        return (results, facetCounts)
    }

    /// The requested page of results in order, selecting only the top `offset + limit` when that is
    /// much smaller than the result set.
    private func rank(_ results: [Int32], scores: [Float], sort: SearchQuery.Sort, offset: Int, limit: Int) -> [Int32] {
        guard offset < results.count, limit > 0 else { return [] }
        let inOrder: (Int32, Int32) -> Bool
        switch sort {
        case .relevance:
            inOrder = { a, b in
                let sa = scores[Int(a)], sb = scores[Int(b)]
                if sa != sb { return sa > sb }
                if dates[Int(a)] != dates[Int(b)] { return dates[Int(a)] > dates[Int(b)] }
                return keys[Int(a)] < keys[Int(b)]
            }
        case .newest:
            inOrder = { a, b in
                if dates[Int(a)] != dates[Int(b)] { return dates[Int(a)] > dates[Int(b)] }
                return keys[Int(a)] < keys[Int(b)]
            }
        case .title:
            inOrder = { a, b in
                if sortTitles[Int(a)] != sortTitles[Int(b)] { return sortTitles[Int(a)] < sortTitles[Int(b)] }
                return keys[Int(a)] < keys[Int(b)]
            }
        }
        let needed = min(results.count, offset + limit)
        let top = TopK.select(results, count: needed, by: inOrder)
        return Array(top[offset..<needed])
    }
}
