/// What the index needs of an item: its text per field, its facet values and its sort keys. The index
/// knows nothing of offerings; Discovery maps an offering to this.
public struct SearchDocument: Sendable, Equatable {
    public var key: String
    public var fields: [SearchField: String]
    /// Facet name → values, e.g. "theme" → ["polarisatie", "radicalisering"].
    public var facets: [String: [String]]
    /// Larger is newer (days since 1970).
    public var date: Int
    public var sortTitle: String
    /// Multiplies the relevance score: below 1 for a document its owner has let go stale.
    public var rankFactor: Float

    public init(key: String, fields: [SearchField: String], facets: [String: [String]], date: Int, sortTitle: String, rankFactor: Float = 1) {
        self.rankFactor = rankFactor
        self.key = key
        self.fields = fields
        self.facets = facets
        self.date = date
        self.sortTitle = sortTitle
    }
}

/// The text fields that are searched, each with its own BM25F weight.
public enum SearchField: Int, CaseIterable, Sendable, Hashable {
    case title, keywords, summary, body
}

public struct SearchQuery: Sendable, Equatable {
    public enum Sort: String, Sendable, CaseIterable {
        case relevance, newest, title
    }

    public var text: String
    /// Facet name → selected values. Values within a facet combine with OR, facets with AND.
    public var filters: [String: Set<String>]
    public var sort: Sort
    public var offset: Int
    public var limit: Int
    /// Values of the tag facet (themes) to boost instead of those the thesaurus reads in the text:
    /// the question guide lets the user correct how a question was read. Nil: as read.
    public var tags: [String]?

    public init(text: String = "", filters: [String: Set<String>] = [:], sort: Sort = .relevance, offset: Int = 0, limit: Int = 20,
                tags: [String]? = nil) {
        self.text = text
        self.filters = filters
        self.sort = sort
        self.offset = offset
        self.limit = limit
        self.tags = tags
    }
}

public struct SearchResults: Sendable {
    public struct Hit: Sendable, Equatable {
        public var key: String
        public var score: Double
    }

    public var total: Int
    public var hits: [Hit]
    /// Facet name → value → number of results if that value were (also) chosen: each facet's counts
    /// ignore that facet's own selection, so choosing another value never leads to zero surprises.
    public var facetCounts: [String: [String: Int]]
    /// The query's index terms that matched something, for highlighting.
    public var matchedTerms: Set<String>
    /// Query words that matched nothing at all.
    public var unmatchedWords: [String]
    /// Values of the tag facet (themes) the query was read as being about, through the thesaurus.
    public var inferredTags: [String] = []
    /// Query word (folded) → the word of the index it was taken to be a misspelling of.
    public var corrections: [String: String] = [:]
}

/// The index's tuning, in one place so a later relevance issue can change it with evidence.
public struct RankingParameters: Sendable {
    public var fieldWeights: [SearchField: Double] = [.title: 3.0, .keywords: 2.0, .summary: 1.5, .body: 1.0]
    public var k1 = 1.2
    public var b = 0.75
    /// How much more an offering of a theme the query is about scores (0.25 = a quarter more).
    public var inferredThemeBoost = 0.25
    /// Of the terms that satisfy one query word, the best counts whole and the others this fraction
    /// (0.2 and 0.5 scored alike on our held-out set; 0.5 kept the article set above its floor).
    public var tieBreaker = 0.5

    /// Weights of the terms a query word brings in besides itself (the word itself weighs 1).
    public struct ExpansionWeights: Sendable {
        /// The parts of a hyphenated query word ("rechts", "extremisme" of "rechts-extremisme").
        public var hyphenPart: Float = 0.8
        /// A part of a compound in the query, found as a word ("synagoge" for "synagogebewaking").
        public var queryPart: Float = 0.6
        /// The query word found as a part of a compound in an offering ("protest" in "klimaatprotest").
        public var documentPart: Float = 0.6
        /// A part of a query compound found as a part of an offering's compound.
        public var partOfBoth: Float = 0.4
        /// Another member of a thesaurus entry.
        public var synonym: Float = 0.5
    }
    public var expansionWeights = ExpansionWeights()

    public init() {}
}
