import Catalogue
import CatalogueService
import HTTPTypes

/// What `GET /api/v1/offerings` computes, from the raw query string to the response document,
/// without HTTP around it: the route calls it, and so does the relevance evaluation, which must
/// measure exactly what the API answers.
public enum OfferingsEndpoint {
    static func list(rawQuery: String?, catalogue: LiveCatalogue) throws(ProblemError) -> APIModels.OfferingList {
        let raw = QueryString(raw: rawQuery)
        if raw.hadUndecodableParts {
            throw ProblemError(status: .badRequest, title: "Ongeldige parameters",
                               detail: "De querystring bevat een ongeldige procentcodering of geen geldige UTF-8.",
                               invalidParams: [.init(name: "query", reason: "niet te decoderen")])
        }
        let parser = QueryParser(taxonomy: catalogue.taxonomy, naming: .api)
        let (query, problems) = parser.parse(raw.pairs)
        guard problems.isEmpty else {
            throw ProblemError(
                status: .badRequest, title: "Ongeldige parameters",
                detail: problems.map(\.message).joined(separator: " "),
                invalidParams: problems.map { .init(name: $0.parameter, reason: $0.message, allowed: $0.allowed) })
        }
        let page = catalogue.search(query)
        var facets: [String: [APIModels.FacetValue]] = [:]
        for (facet, values) in page.facets {
            facets[facet.apiParameter] = values.map { .init(value: $0.value, label: $0.label, count: $0.count, selected: $0.selected) }
        }
        return APIModels.OfferingList(
            total: page.total, page: query.page, perPage: query.perPage,
            results: page.hits.map { APIModels.OfferingSummary($0.offering) }, facets: facets)
    }

    public struct Rejected: Error, CustomStringConvertible {
        public var description: String
    }

    /// The results' keys in the API's order for a raw query string such as `q=...&perPage=10`.
    public static func resultKeys(rawQuery: String, catalogue: LiveCatalogue) throws(Rejected) -> [OfferingKey] {
        do {
            return try list(rawQuery: rawQuery, catalogue: catalogue).results.map { OfferingKey(provider: $0.provider, id: $0.id) }
        } catch {
            throw Rejected(description: "\(error.title): \(error.detail)")
        }
    }
}
