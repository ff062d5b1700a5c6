import Catalogue
import CatalogueService
import Hummingbird

/// JSON API v1: the catalogue for other systems. Bad input gets 400 with a problem document that
/// names the parameter and, for vocabularies, the allowed values.
struct APIRoutes<Context: RequestContext> {
    let site: SiteContext

    func add(to router: Router<Context>) {
        let api = router.group("api/v1")
        api.get("offerings") { request, _ in try self.offerings(request) }
        api.get("offerings/{provider}/{id}") { _, context in
            let key = OfferingKey(provider: try context.parameters.require("provider"), id: try context.parameters.require("id"))
            guard let offering = self.site.catalogue.offering(key) else {
                throw ProblemError(status: .notFound, title: "Niet gevonden", detail: "Er is geen aanbod '\(key)'.")
            }
            return Responses.json(APIModels.OfferingDetail(offering, site: self.site))
        }
        api.get("suggest") { request, _ in
            Responses.json(try SuggestEndpoint.suggest(rawQuery: request.uri.query, catalogue: self.site.catalogue))
        }
        api.get("taxonomy") { _, _ in Responses.json(APIModels.TaxonomyDocument(self.site.catalogue.taxonomy)) }
        api.get("providers") { _, _ in
            let counts = self.site.catalogue.counts(.provider)
            let providers = self.site.catalogue.taxonomy.providers.map {
                APIModels.ProviderItem(slug: $0.slug, name: $0.name, abbreviation: $0.abbreviation, description: $0.description,
                                       website: $0.website, email: $0.email, phone: $0.phone, offerings: counts[$0.slug] ?? 0)
            }
            return Responses.json(APIModels.ProviderList(providers: providers))
        }
        api.get("openapi.json") { _, _ in
            guard let spec = Assets.shared.files["openapi.json"] else { throw HTTPError(.notFound) }
            return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: spec.body)))
        }
    }

    func offerings(_ request: Request) throws -> Response {
        Responses.json(try OfferingsEndpoint.list(rawQuery: request.uri.query, catalogue: site.catalogue))
    }
}
