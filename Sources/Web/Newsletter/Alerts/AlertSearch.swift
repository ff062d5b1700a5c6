import Catalogue
import CatalogueService
import Foundation
import Newsletter
import Search

/// A saved search: the catalogue page's query, made canonical, described in words, and run to the
/// set of offerings it matches now.
public struct AlertSearch: Sendable, Equatable {
    /// Without "?"; empty for the whole catalogue.
    public var query: String
    public var label: String

    /// The search of a catalogue page's parameters; sorting and paging are not part of it.
    public init(parameters: [(String, String)], taxonomy: Taxonomy) {
        var (parsed, _) = QueryParser(taxonomy: taxonomy, naming: .page).parse(parameters)
        parsed.page = 1
        parsed.sort = .relevance
        let url = FinderURL.make(parsed)
        query = url.hasPrefix("/aanbod?") ? String(url.dropFirst("/aanbod?".count)) : ""
        var parts: [String] = []
        if !parsed.text.isEmpty { parts.append("‘\(parsed.text)’") }
        for facet in Facet.allCases {
            for value in parsed.filters[facet] ?? [] {
                parts.append(facet.values(in: taxonomy).first { $0.slug == value }?.label ?? value)
            }
        }
        label = parts.isEmpty ? "al het aanbod" : parts.joined(separator: ", ")
    }

    public init(stored query: String, taxonomy: Taxonomy) {
        self.init(parameters: QueryString(raw: query).pairs, taxonomy: taxonomy)
    }

    /// Keys ("provider/id") of the published offerings the search matches now, newest first.
    public static func matches(_ query: String, catalogue: LiveCatalogue) -> [Offering] {
        var (parsed, _) = QueryParser(taxonomy: catalogue.taxonomy, naming: .page).parse(QueryString(raw: query).pairs)
        parsed.page = 1
        parsed.perPage = Alert.maxSeen
        parsed.sort = .newest
        return catalogue.search(parsed).hits.map(\.offering)
    }
}
