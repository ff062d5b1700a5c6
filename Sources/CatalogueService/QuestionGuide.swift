import Catalogue
import Search

/// A situation described in the user's own words, as the question guide (`/vraagwijzer`) receives it.
public struct GuideQuestion: Sendable, Equatable {
    public var text: String
    /// The themes the user settled on; nil means "as the text reads". An empty list is a real choice:
    /// every theme switched off.
    public var themes: [String]?

    public init(text: String, themes: [String]? = nil) {
        self.text = text
        self.themes = themes
    }
}

/// How the guide read a question and what it answers: the best few offerings of each kind.
public struct GuideAnswer: Sendable {
    public struct Section: Sendable {
        /// A value of the kind vocabulary: publicatie, training, contactpunt.
        public var kind: String
        public var offerings: [Offering]
        /// How many offerings of this kind the full catalogue view shows for the question.
        public var total: Int
        /// That view, for "bekijk alle …".
        public var catalogueQuery: CatalogueQuery
    }

    public var question: GuideQuestion
    /// The content words the question was reduced to, as the user wrote them.
    public var words: [String]
    /// Themes the thesaurus recognised in the text.
    public var readThemes: [String]
    /// Themes in use: the user's choice, or else those read.
    public var themes: [String]
    /// The phase of unrest the question speaks of (`PhaseReading`), whose offerings come first.
    public var phase: String?
    public var sections: [Section]
    /// The whole catalogue view that fits the question (text and themes), and its size.
    public var catalogueQuery: CatalogueQuery
    public var total: Int
    /// Index terms that matched, for highlighting.
    public var matchedTerms: Set<String>
}

extension LiveCatalogue {
    /// Answers a question with up to `perKind` offerings of each kind. Within a kind, offerings that
    /// match the words and lie in the chosen themes come first; then those that match the words in
    /// other themes; then the newest of the chosen themes, so a question whose words find little still
    /// gets an answer from the themes it was read as being about.
    public func answer(_ question: GuideQuestion, perKind: Int = 3) -> GuideAnswer {
        let current = snapshot
        let taxonomy = current.taxonomy
        let text = question.text
        let readThemes = current.index.inferredTags(text).filter { taxonomy.term(.theme, $0) != nil }
        var themes = (question.themes ?? readThemes).filter { taxonomy.term(.theme, $0) != nil }
        themes = themes.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
        let phase = PhaseReading.phase(of: text).flatMap { taxonomy.term(.phase, $0) != nil ? $0 : nil }

        var words: [String] = []
        var seen = Set<String>()
        for token in analyzer.tokens(text) where seen.insert(token.primary).inserted {
            words.append(String(text[token.range]))
        }

        var matchedTerms = Set<String>()
        // Totals do not depend on order or page size: a kind's catalogue view often asks again for a
        // total an earlier search already counted.
        var totals: [String: Int] = [:]
        func key(_ text: String, _ filters: [String: Set<String>]) -> String {
            text + "\u{1}" + filters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.sorted())" }.joined(separator: "&")
        }
        func facetFilters(_ filters: [Facet: [String]]) -> [String: Set<String>] {
            var result: [String: Set<String>] = [:]
            for (facet, values) in filters where !values.isEmpty { result[facet.rawValue] = Set(values) }
            return result
        }
        func run(_ text: String, _ filters: [Facet: [String]], limit: Int, sort: SearchQuery.Sort = .relevance) -> SearchResults {
            let filters = facetFilters(filters)
            let results = current.index.search(SearchQuery(text: text, filters: filters, sort: sort, limit: limit, tags: themes))
            matchedTerms.formUnion(results.matchedTerms)
            totals[key(text, filters)] = results.total
            return results
        }
        func counted(_ text: String, _ filters: [Facet: [String]]) -> Int {
            totals[key(text, facetFilters(filters))] ?? run(text, filters, limit: 0).total
        }

        // The catalogue view: text within the themes, or the text alone when the themes would leave nothing.
        var catalogueQuery = CatalogueQuery(text: text, filters: themes.isEmpty ? [:] : [.theme: themes])
        var total = run(text, catalogueQuery.filters, limit: 0).total
        if total == 0 && !themes.isEmpty && !text.isEmpty {
            catalogueQuery.filters = [:]
            total = run(text, [:], limit: 0).total
        }

        let sections = taxonomy.terms(.kind).map { kind -> GuideAnswer.Section in
            var picked: [String] = []
            var offerings: [Offering] = []
            func take(_ results: SearchResults) {
                for hit in results.hits where offerings.count < perKind && !picked.contains(hit.key) {
                    guard let offering = current.offerings[OfferingDocument.key(from: hit.key)] else { continue }
                    picked.append(hit.key)
                    offerings.append(offering)
                }
            }
            let kindFilter: [Facet: [String]] = [.kind: [kind.slug]]
            let inThemes = kindFilter.merging(themes.isEmpty ? [:] : [.theme: themes]) { a, _ in a }
            // A question that speaks of a phase gets that phase's offerings first: those its words find,
            // or else the phase's offerings in its themes.
            if let phase {
                let inPhase = inThemes.merging([.phase: [phase]]) { a, _ in a }
                if !text.isEmpty { take(run(text, inPhase, limit: perKind)) }
                if offerings.isEmpty && !themes.isEmpty { take(run("", inPhase, limit: 1, sort: .newest)) }
            }
            if !text.isEmpty { take(run(text, inThemes, limit: perKind)) }
            if offerings.count < perKind && !text.isEmpty && !themes.isEmpty { take(run(text, kindFilter, limit: perKind * 2)) }
            if offerings.count < perKind && !themes.isEmpty { take(run("", inThemes, limit: perKind * 2, sort: .newest)) }

            var view = catalogueQuery
            view.filters[.kind] = [kind.slug]
            return GuideAnswer.Section(kind: kind.slug, offerings: offerings, total: counted(view.text, view.filters),
                                       catalogueQuery: view)
        }
        return GuideAnswer(question: question, words: words, readThemes: readThemes, themes: themes, phase: phase, sections: sections,
                           catalogueQuery: catalogueQuery, total: total, matchedTerms: matchedTerms)
    }
}
