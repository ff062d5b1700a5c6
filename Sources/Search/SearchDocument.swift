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

    public init(key: String, fields: [SearchField: String], facets: [String: [String]], date: Int, sortTitle: String) {
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

    public init(text: String = "", filters: [String: Set<String>] = [:], sort: Sort = .relevance, offset: Int = 0, limit: Int = 20) {
        self.text = text
        self.filters = filters
        self.sort = sort
        self.offset = offset
        self.limit = limit
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
}

/// The index's tuning, in one place so a later relevance issue can change it with evidence.
public struct RankingParameters: Sendable {
    public var fieldWeights: [SearchField: Double] = [.title: 3.0, .keywords: 2.0, .summary: 1.5, .body: 1.0]
    public var k1 = 1.2
    public var b = 0.75

    public init() {}
}
