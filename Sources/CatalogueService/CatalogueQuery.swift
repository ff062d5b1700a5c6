import Catalogue
import Search

/// A question to the catalogue as pages and the API ask it: free text, facet selections, order and page.
public struct CatalogueQuery: Sendable, Equatable {
    public static let maxTextLength = 500
    public static let maxPerPage = 100
    public static let defaultPerPage = 20

    public var text: String
    public var filters: [Facet: [String]]
    public var sort: SearchQuery.Sort
    public var page: Int
    public var perPage: Int

    public init(text: String = "", filters: [Facet: [String]] = [:], sort: SearchQuery.Sort = .relevance, page: Int = 1, perPage: Int = defaultPerPage) {
        self.text = text
        self.filters = filters
        self.sort = sort
        self.page = page
        self.perPage = perPage
    }

    public var hasFilters: Bool { filters.values.contains { !$0.isEmpty } }

    public func isSelected(_ facet: Facet, _ value: String) -> Bool { filters[facet]?.contains(value) ?? false }
}

/// Something wrong with a query parameter. Pages show it as a notice and carry on with a sensible
/// query; the API answers 400 with it.
public struct QueryProblem: Sendable, Equatable {
    public var parameter: String
    public var message: String
    /// What a page did about it ("dit filter is genegeerd"); the API does nothing but refuse.
    public var correction: String
    /// For vocabulary parameters: what would have been accepted.
    public var allowed: [String]?

    public init(parameter: String, message: String, correction: String, allowed: [String]? = nil) {
        self.parameter = parameter
        self.message = message
        self.correction = correction
        self.allowed = allowed
    }

    /// The notice a page shows.
    public var notice: String { "\(message) \(correction)" }
}
