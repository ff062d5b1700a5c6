import Catalogue
import CatalogueService
import Hummingbird

/// JSON API v1: the catalogue for other systems. Bad input gets 400 with a problem document that
/// names the parameter and, for vocabularies, the allowed values.
struct APIRoutes<Context: RequestContext> {
    let site: SiteServices

    var routes: [Route<Context>] {
        typealias API = CataloguePaths.API
        return [
            Route(.get, API.offerings, .everyone) { request in try offerings(request.request) },
            Route(.get, API.offering, .everyone) { request in
                let key = OfferingKey(provider: try request.parameter("provider"), id: try request.parameter("id"))
                guard let offering = self.site.catalogue.offering(key) else {
                    throw ProblemError(status: .notFound, title: "Niet gevonden", detail: "Er is geen aanbod '\(key)'.")
                }
                return Responses.json(APIModels.OfferingDetail(offering, site: self.site))
            },
            Route(.get, API.suggest, .everyone) { request in
                Responses.json(try SuggestEndpoint.suggest(rawQuery: request.request.uri.query, catalogue: site.catalogue))
            },
            Route(.get, API.taxonomy, .everyone) { _ in Responses.json(APIModels.TaxonomyDocument(site.catalogue.taxonomy)) },
            Route(.get, API.providers, .everyone) { _ in
                let counts = self.site.catalogue.counts(.provider)
                let providers = self.site.catalogue.taxonomy.providers.map {
                    APIModels.ProviderItem(slug: $0.slug, name: $0.name, abbreviation: $0.abbreviation, description: $0.description,
                                           website: $0.website, email: $0.email, phone: $0.phone, offerings: counts[$0.slug] ?? 0)
                }
                return Responses.json(APIModels.ProviderList(providers: providers))
            },
            Route(.get, API.openAPI, .everyone) { _ in
                guard let spec = Assets.shared.files["openapi.json"] else { throw HTTPError(.notFound) }
                return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                                body: ResponseBody(byteBuffer: ByteBuffer(bytes: spec.body)))
            },
        ]
    }

    func offerings(_ request: Request) throws -> Response {
        Responses.json(try OfferingsEndpoint.list(rawQuery: request.uri.query, catalogue: site.catalogue))
    }
}
