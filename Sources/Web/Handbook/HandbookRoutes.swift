import Catalogue
import CatalogueService
import Handbook
import Hummingbird

/// The public handbook and learning routes: functions of their URL, the handbook and the catalogue,
/// so through the page cache.
struct HandbookRoutes<Context: RequestContext> {
    let site: SiteServices

    var routes: [Route<Context>] {
        typealias Paths = HandbookPaths
        return [
            Route(.get, Paths.handbook, .everyone) { request in cached(request.request) { HandbookPages.index(model(), site: site) } },
            Route(.get, Paths.phase, .everyone) { request in
                let slug = try request.parameter("fase")
                return try cached(request.request) { HandbookPages.phase(try phase(slug), model(), site: site, printView: false) }
            },
            Route(.get, Paths.printPhase, .everyone) { request in
                let slug = try request.parameter("fase")
                return try cached(request.request) { HandbookPages.phase(try phase(slug), model(), site: site, printView: true) }
            },
            Route(.get, Paths.entry, .everyone) { request in
                let id = try request.parameter("id")
                return try cached(request.request) {
                    let model = model()
                    guard let entry = model.handbook.entry(id) else { throw HTTPError(.notFound) }
                    return HandbookPages.entry(entry, model, site: site)
                }
            },
            Route(.get, Paths.glossary, .everyone) { request in cached(request.request) { HandbookPages.glossary(model(), site: site) } },
            Route(.get, Paths.cases, .everyone) { request in cached(request.request) { HandbookPages.cases(model(), site: site) } },
            Route(.get, Paths.routes, .everyone) { request in cached(request.request) { LearningRoutePages.list(model(), site: site) } },
            Route(.get, Paths.route, .everyone) { request in
                let slug = try request.parameter("slug")
                return try cached(request.request) {
                    let model = model()
                    guard let route = model.handbook.route(slug) else { throw HTTPError(.notFound) }
                    return LearningRoutePages.route(route, model, site: site)
                }
            },
        ]
    }

    func model() -> HandbookPages.Model {
        HandbookPages.Model(handbook: site.handbook.handbook, catalogue: site.catalogue)
    }

    func phase(_ slug: String) throws -> Term {
        guard let term = site.catalogue.taxonomy.term(.phase, slug), slug != "algemeen" else { throw HTTPError(.notFound) }
        return term
    }

    func cached(_ request: Request, render: () throws -> String) rethrows -> Response {
        try site.pages.html(key: request.uri.description, generation: site.contentGeneration, render: render)
    }
}
