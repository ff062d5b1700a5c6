import Foundation

/// Searching the index: query analysis, BM25F scoring, the tag boost, facet counts and ranking.
extension SearchIndex {
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
            var groupBest = [Float](repeating: 0, count: documentCount)
            var groupSum = [Float](repeating: 0, count: documentCount)
            var groupTouched: [Int32] = []
            var matchingGroups = 0
            for (groupIndex, group) in groups.enumerated() {
                var terms = group.terms
                // A word that is not in the index, itself or stemmed, may be misspelt: try the indexed
                // words one edit away (two from nine letters). A correction finds what the word itself
                // finds (its compounds, its parts, its thesaurus entries), a little below a word typed right.
                if !group.isCompoundPart, group.word.count >= 5, postings[group.primary] == nil, !group.word.allSatisfy(\.isNumber),
                    !analyzer.isKnownWord(group.word)
                {
                    let near = spelling.near(group.word, maxDistance: group.word.count >= 9 ? 2 : 1)
                    if let best = near.first?.distance {
                        let factor: Float = best == 1 ? 0.9 : 0.75
                        var added = 0
                        for candidate in near.prefix(while: { $0.distance == best }) where added < 4 {
                            guard wordTerm[candidate.term] != nil, let corrected = queryGroups(candidate.term).groups.first else { continue }
                            for weighted in corrected.terms where !terms.contains(where: { $0.term == weighted.term }) {
                                terms.append(WeightedTerm(term: weighted.term, weight: weighted.weight * factor))
                            }
                            added += 1
                        }
                        corrections[group.word] = near[0].term
                    }
                }
                // A word is satisfied once: a document's score for it is its best matching term (the word,
                // a part, a synonym) plus a fraction of the others (`tieBreaker`), not their sum, so a
                // handful of synonyms does not simply add up past the word itself (dismax).
                var groupMatched = false
                for weighted in terms {
                    guard let list = postings[weighted.term] else { continue }
                    groupMatched = true
                    matchedTerms.insert(weighted.term)
                    accumulate(list, weight: weighted.weight, bit: UInt32(1) << UInt32(groupIndex),
                               best: &groupBest, sum: &groupSum, masks: &masks, touched: &touched, inGroup: &groupTouched)
                }
                let tie = Float(parameters.tieBreaker)
                for doc in groupTouched {
                    let d = Int(doc)
                    scores[d] += groupBest[d] + tie * (groupSum[d] - groupBest[d])
                    groupBest[d] = 0
                    groupSum[d] = 0
                }
                groupTouched.removeAll(keepingCapacity: true)
                if groupMatched { matchingGroups += 1 } else if !unmatchedWords.contains(group.word) { unmatchedWords.append(group.word) }
            }
            // Words that match nothing are ignored rather than emptying the result. A two-word query
            // also finds what carries one of its words, ranked after everything that carries both
            // (coordination): an offering clearly about the subject may use only one of the two words.
            // Longer queries, often questions, need at least half of their words. When that finds
            // nothing, fewer will do: the best partial answers beat an empty page.
            var required = matchingGroups <= 1 ? matchingGroups : matchingGroups == 2 ? 1 : matchingGroups <= 4 ? (matchingGroups + 1) / 2 : max(2, matchingGroups / 3)
            while true {
                for doc in touched where alive[Int(doc)] && masks[Int(doc)].nonzeroBitCount >= required {
                    candidates.append(doc)
                }
                if !candidates.isEmpty || required <= 1 { break }
                required -= 1
            }
            if matchingGroups == 2 {
                // Both words first: lift every full match above the best partial one, keeping the order within each tier.
                let partialBest = candidates.lazy.filter { masks[Int($0)].nonzeroBitCount < 2 }.map { scores[Int($0)] }.max() ?? 0
                if partialBest > 0 {
                    for doc in candidates where masks[Int(doc)].nonzeroBitCount >= 2 { scores[Int(doc)] += partialBest }
                }
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
        /// One part of a query compound that no offering uses (the compound itself is `word`).
        var isCompoundPart = false

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
        let matches = thesaurus.matches(tokens.map(\.primary))
        let inThesaurus = Set(matches.flatMap(\.tokens))
        for (index, token) in tokens.enumerated() {
            if let existing = groupOfPrimary[token.primary] {
                groupOfToken.append(existing)
                continue
            }
            guard groups.count < 32 else {
                groupOfToken.append(-1)
                continue
            }
            let partTerms = token.terms.filter(DutchAnalyzer.isPartTerm)
            // (A compound the thesaurus knows is a concept of its own: it stays one word.)
            if partTerms.count >= 2, postings[token.primary] == nil, !inThesaurus.contains(index), groups.count + partTerms.count <= 32 {
                // A compound no offering uses: its parts are the words that were meant ("signalen van
                // radicalisering" for "radicaliseringssignalen"), each a word of the query, so what carries
                // all of them ranks first and what carries one still counts.
                groupOfPrimary[token.primary] = groups.count + partTerms.count - 1
                groupOfToken.append(groups.count + partTerms.count - 1)
                for part in partTerms {
                    let stem = String(part.dropFirst())
                    var group = QueryGroup(word: token.word, primary: stem, isCompoundPart: true)
                    group.add(stem, weights.queryPart)
                    group.add(part, weights.partOfBoth)
                    groups.append(group)
                }
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
        for match in matches {
            if let tag = match.tag, !tags.contains(tag) { tags.append(tag) }
            for token in match.tokens where groupOfToken[token] >= 0 {
                for term in match.expansion {
                    groups[groupOfToken[token]].add(term, DutchAnalyzer.isPartTerm(term) ? weights.partOfBoth : weights.synonym)
                }
            }
        }
        return (groups, tags)
    }

    private func accumulate(_ list: PostingList, weight: Float, bit: UInt32, best: inout [Float], sum: inout [Float], masks: inout [UInt32],
                            touched: inout [Int32], inGroup: inout [Int32]) {
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
            if masks[d] & bit == 0 { inGroup.append(doc) }
            masks[d] |= bit
            let score = weight * idf * weighted * (k1 + 1) / (k1 + weighted)
            sum[d] += score
            if score > best[d] { best[d] = score }
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
