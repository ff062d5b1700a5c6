import Catalogue
import Search

/// The answer to a `CatalogueQuery`: one page of offerings, the total, and every facet's values with
/// their disjunctive counts, in the taxonomy's order.
public struct CataloguePage: Sendable {
    public struct Hit: Sendable {
        public var offering: Offering
        public var score: Double
    }

    public struct FacetValue: Sendable, Equatable {
        public var value: String
        public var label: String
        public var count: Int
        public var selected: Bool
    }

    public var query: CatalogueQuery
    public var total: Int
    public var hits: [Hit]
    public var facets: [(facet: Facet, values: [FacetValue])]
    /// Query terms that matched, for highlighting.
    public var matchedTerms: Set<String>
    public var unmatchedWords: [String]
    /// The query with misspelt words corrected ("polarisatei" → "polarisatie"), when any were; the
    /// results already include what the corrected words find.
    public var correctedText: String? = nil

    public var pageCount: Int { max(1, (total + query.perPage - 1) / query.perPage) }

    public func values(of facet: Facet) -> [FacetValue] {
        facets.first { $0.facet == facet }?.values ?? []
    }
}
