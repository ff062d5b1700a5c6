import CatalogueService
import Search

/// Links to states of the catalogue page. Every state is a shareable URL, so filter chips, pagination
/// and the empty state's suggestions are all plain links built here.
enum FinderURL {
    static func make(_ query: CatalogueQuery, page: Int? = nil) -> String {
        var pairs: [(String, String)] = []
        if !query.text.isEmpty { pairs.append(("q", query.text)) }
        pairs += filterPairs(query)
        if query.sort != .relevance { pairs.append(("sortering", sortName(query.sort))) }
        let page = page ?? query.page
        if page > 1 { pairs.append(("pagina", String(page))) }
        return pairs.isEmpty ? CataloguePaths.finder() : CataloguePaths.finder(query: QueryString.encode(pairs))
    }

    /// The selected filters as the page's parameters, in facet order.
    static func filterPairs(_ query: CatalogueQuery) -> [(name: String, value: String)] {
        Facet.allCases.flatMap { facet in (query.filters[facet] ?? []).map { (facet.pageParameter, $0) } }
    }

    static func without(_ query: CatalogueQuery, _ facet: Facet, _ value: String) -> CatalogueQuery {
        var copy = query
        copy.filters[facet]?.removeAll { $0 == value }
        copy.page = 1
        return copy
    }

    static func sortName(_ sort: SearchQuery.Sort) -> String {
        switch sort {
        case .relevance: "relevantie"
        case .newest: "nieuwste"
        case .title: "titel"
        }
    }

    static func sortLabel(_ sort: SearchQuery.Sort) -> String {
        switch sort {
        case .relevance: "Relevantie"
        case .newest: "Nieuwste eerst"
        case .title: "Titel (A-Z)"
        }
    }
}
