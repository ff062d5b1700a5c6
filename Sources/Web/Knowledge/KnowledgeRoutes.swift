import CatalogueService
import Catalogue
import Foundation
import Hummingbird
import Knowledge

/// The public pages of articles: functions of their URL and the published collection, so through
/// the page cache.
struct KnowledgeRoutes<Context: RequestContext> {
    let site: SiteServices

    var routes: [Route<Context>] {
        [
            Route(.get, KnowledgePaths.practice, .everyone) { request in
                cached(request.request) {
                    KnowledgePages.practice(site.articles.collection, filter: PracticeFilter(QueryString(raw: request.request.uri.query)), site: site)
                }
            },
            Route(.get, KnowledgePaths.magazine, .everyone) { request in
                cached(request.request) { KnowledgePages.magazine(site.articles.collection, site: site) }
            },
            Route(.get, KnowledgePaths.edition, .everyone) { request in
                let number = try request.parameter("nummer")
                return try cached(request.request) {
                    guard let n = Int(number), let edition = site.articles.collection.edition(n) else { throw HTTPError(.notFound) }
                    return KnowledgePages.edition(edition, site.articles.collection, site: site)
                }
            },
            Route(.get, KnowledgePaths.article, .everyone) { request in
                let id = try request.parameter("id")
                return try cached(request.request) {
                    guard let article = site.articles.collection.article(id) else { throw HTTPError(.notFound) }
                    return KnowledgePages.article(article, site.articles.collection, site: site)
                }
            },
        ]
    }

    func cached(_ request: Request, render: () throws -> String) rethrows -> Response {
        try site.pages.html(key: request.uri.description, generation: site.contentGeneration, render: render)
    }
}

/// What /praktijk is narrowed to: themes, provinces and years, each with counts over what the other
/// choices leave (disjunctive, as on /aanbod). Unknown values are dropped.
struct PracticeFilter {
    var themes: [String]
    var provinces: [String]
    var years: [String]

    init(_ query: QueryString) {
        themes = query.values("thema")
        provinces = query.values("provincie")
        years = query.values("jaar")
    }

    func admits(_ article: Knowledge.Article, province: String?, except: String? = nil) -> Bool {
        (except == "thema" || themes.isEmpty || !Set(themes).isDisjoint(with: article.themes))
            && (except == "provincie" || provinces.isEmpty || province.map(provinces.contains) == true)
            && (except == "jaar" || years.isEmpty || years.contains(String(article.published.year)))
    }
}
