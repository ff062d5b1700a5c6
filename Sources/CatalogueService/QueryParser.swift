import Catalogue
import Search

/// Turns raw query parameters into a `CatalogueQuery`, collecting a `QueryProblem` for everything it had
/// to correct. The page and the API share this, so both accept exactly the same input; they differ only
/// in what they do with the problems (a notice versus a 400).
public struct QueryParser: Sendable {
    public enum Naming: Sendable { case page, api }

    public let taxonomy: Taxonomy
    public let naming: Naming

    public init(taxonomy: Taxonomy, naming: Naming) {
        self.taxonomy = taxonomy
        self.naming = naming
    }

    /// `parameters` are (name, value) pairs in order, already percent-decoded; names may repeat.
    public func parse(_ parameters: [(String, String)]) -> (CatalogueQuery, [QueryProblem]) {
        var query = CatalogueQuery()
        var problems: [QueryProblem] = []
        let textName = "q", sortName = naming == .page ? "sortering" : "sort", pageName = naming == .page ? "pagina" : "page"

        for (name, value) in parameters {
            // An empty value is a parameter not given (an empty select sends "thema="), not a wrong one.
            if name != textName, value.allSatisfy(\.isWhitespace) { continue }
            if name == textName {
                let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
                if trimmed.count > CatalogueQuery.maxTextLength {
                    problems.append(QueryProblem(parameter: name,
                        message: "De zoekvraag is langer dan \(CatalogueQuery.maxTextLength) tekens.",
                        correction: "Alleen het begin is gebruikt."))
                    query.text = String(trimmed.prefix(CatalogueQuery.maxTextLength))
                } else {
                    query.text = trimmed
                }
            } else if name == sortName {
                if let sort = sortValue(value) {
                    query.sort = sort
                } else {
                    problems.append(QueryProblem(parameter: name, message: "Onbekende sortering '\(value)'.",
                                                 correction: "De standaardvolgorde is gebruikt.", allowed: SearchQuery.Sort.allCases.map(sortName(of:))))
                }
            } else if name == pageName {
                if let page = Int(value), page >= 1, page <= 100_000 {
                    query.page = page
                } else {
                    problems.append(QueryProblem(parameter: name, message: "Paginanummer '\(value)' bestaat niet; een pagina is een geheel getal vanaf 1.",
                                                 correction: "U ziet pagina 1."))
                }
            } else if naming == .api && name == "perPage" {
                if let perPage = Int(value), perPage >= 1, perPage <= CatalogueQuery.maxPerPage {
                    query.perPage = perPage
                } else {
                    problems.append(QueryProblem(parameter: name, message: "perPage moet een geheel getal van 1 tot en met \(CatalogueQuery.maxPerPage) zijn.",
                                                 correction: "Er zijn \(CatalogueQuery.defaultPerPage) resultaten per pagina getoond."))
                }
            } else if let facet = Facet.allCases.first(where: { name == (naming == .page ? $0.pageParameter : $0.apiParameter) }) {
                let allowed = facet.values(in: taxonomy).map(\.slug)
                if allowed.contains(value) {
                    if !(query.filters[facet]?.contains(value) ?? false) { query.filters[facet, default: []].append(value) }
                } else {
                    problems.append(QueryProblem(parameter: name,
                        message: "Onbekende waarde '\(value)' voor \(facet.label.lowercased()).",
                        correction: "Dit filter is genegeerd.", allowed: allowed))
                }
            }
            // Unknown parameters (utm_source and the like) are ignored, as on any website.
        }
        return (query, problems)
    }

    public func sortName(of sort: SearchQuery.Sort) -> String {
        guard naming == .page else { return sort.rawValue }
        switch sort {
        case .relevance: return "relevantie"
        case .newest: return "nieuwste"
        case .title: return "titel"
        }
    }

    private func sortValue(_ value: String) -> SearchQuery.Sort? {
        SearchQuery.Sort.allCases.first { sortName(of: $0) == value }
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }
}

extension Set where Element == Character {
    fileprivate static let whitespacesAndNewlines: Set<Character> = [" ", "\t", "\n", "\r", "\u{00A0}"]
}
