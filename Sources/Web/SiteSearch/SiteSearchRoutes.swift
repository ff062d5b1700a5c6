import Catalogue
import CatalogueService
import Events
import Foundation
import Hummingbird
import Knowledge
import SearchLog

/// `/zoeken`: offerings, practice examples and the other articles with the same Dutch analysis,
/// grouped by kind, each group linking to its own page. A function of the URL and the content, so
/// through the page cache.
struct SiteSearchRoutes<Context: RequestContext> {
    let site: SiteServices

    var routes: [Route<Context>] {
        [
            Route(.get, SiteSearchPaths.search, .everyone) { request in
                let query = QueryString(raw: request.request.uri.query)
                let text = String((query.first("q") ?? "").prefix(500))
                let only = query.first("soort").flatMap { SiteSearchPage.Group(rawValue: $0) }
                // Logged like the catalogue's searches, from the cache too; HEAD requests are not searches.
                let (response, search) = site.pages.searchPage(key: request.request.uri.description, generation: site.contentGeneration) {
                    let (model, search) = model(text, only: only)
                    return (SiteSearchPage.render(model, site: site), search)
                }
                if let search, request.request.method == .get { site.searchLog.record(search) }
                return response
            },
        ]
    }

    func model(_ text: String, only: SiteSearchPage.Group?) -> (SiteSearchPage.Model, LoggedSearch?) {
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return (SiteSearchPage.Model(text: text, only: only, groups: []), nil) }
        let limit = only == nil ? 5 : 50
        let offerings = site.catalogue.search(CatalogueQuery(text: text, perPage: limit))
        let practice = site.articles.search(text, kinds: [.practice], limit: limit)
        let others = site.articles.search(text, kinds: Set(Article.Kind.allCases).subtracting([.practice]), limit: limit)
        var groups: [SiteSearchPage.Result] = [
            .init(group: .offerings, total: offerings.total, offerings: offerings.hits.map(\.offering), articles: []),
            .init(group: .practice, total: practice.total, offerings: [], articles: practice.articles),
            .init(group: .articles, total: others.total, offerings: [], articles: others.articles),
        ]
        if let events = site.events {
            let found = events.live.search(text, now: Date(), limit: limit)
            groups.append(.init(group: .events, total: found.total, offerings: [], articles: [], events: found.events))
        }
        let total = groups.reduce(0) { $0 + $1.total }
        if let only { groups = groups.filter { $0.group == only } }
        // The themes it is counted under for the white spots: as the offerings' page reads it.
        let search = LoggedSearch(source: .site, text: text, filters: only.map { [("soort", $0.rawValue)] } ?? [], results: total,
                                  themes: site.catalogue.themes(of: offerings))
        return (SiteSearchPage.Model(text: text, only: only, groups: groups), search)
    }
}
