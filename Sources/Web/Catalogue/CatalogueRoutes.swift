import Events
import Foundation
import Catalogue
import CatalogueService
import Handbook
import Hummingbird
import Knowledge
import Search
import SearchLog

/// The public HTML pages. Each route gathers its page's model from the live catalogue and renders the view.
struct CatalogueRoutes<Context: RequestContext> {
    let site: SiteServices

    var routes: [Route<Context>] {
        typealias Paths = CataloguePaths
        return [
            Route(.get, Paths.home, .everyone) { request in cached(request.request) { home() } },
            Route(.get, Paths.finder, .everyone) { request in logged(request.request) { finder(request.request) } },
            Route(.get, Paths.guide, .everyone) { request in logged(request.request) { guide(request.request) } },
            Route(.get, Paths.offering, .everyone) { request in
                let slug = try request.parameter("slug")
                return try cached(request.request) { try offering(slug) }
            },
            Route(.get, Paths.themes, .everyone) { request in
                cached(request.request) {
                    let model = ThemeListPage.Model(taxonomy: site.catalogue.taxonomy, counts: site.catalogue.counts(.theme))
                    return ThemeListPage.render(model, site: site)
                }
            },
            Route(.get, Paths.theme, .everyone) { request in
                let slug = try request.parameter("slug")
                return try cached(request.request) {
                    let catalogue = site.catalogue
                    guard let theme = catalogue.taxonomy.term(.theme, slug) else { throw HTTPError(.notFound) }
                    let handbook = site.handbook.handbook
                    let experts = handbook.experts(forTheme: slug).compactMap { contact in contact.offeringKey.flatMap { catalogue.offering($0) }.map { (contact, $0) } }
                    let model = ThemePage.Model(theme: theme, taxonomy: catalogue.taxonomy, offerings: catalogue.offerings { $0.themes.contains(slug) },
                                                experts: experts, routes: handbook.routes.filter { $0.theme == slug },
                                                articles: Array(site.articles.collection.articles.filter { $0.themes.contains(slug) }.prefix(3)))
                    return ThemePage.render(model, site: site)
                }
            },
            Route(.get, Paths.providers, .everyone) { request in
                cached(request.request) {
                    let model = ProviderListPage.Model(taxonomy: site.catalogue.taxonomy, counts: site.catalogue.counts(.provider))
                    return ProviderListPage.render(model, site: site)
                }
            },
            Route(.get, Paths.provider, .everyone) { request in
                let slug = try request.parameter("slug")
                return try cached(request.request) {
                    let catalogue = site.catalogue
                    guard let provider = catalogue.taxonomy.provider(slug) else { throw HTTPError(.notFound) }
                    let model = ProviderPage.Model(provider: provider, taxonomy: catalogue.taxonomy, offerings: catalogue.offerings { $0.provider == slug })
                    return ProviderPage.render(model, site: site)
                }
            },
        ]
    }

    /// Every public page is a function of its URL and the catalogue, so it goes through the page cache.
    /// The generation is read before rendering: a page rendered while the catalogue changes is stored
    /// under the older generation and simply never served.
    func cached(_ request: Request, render: () throws -> String) rethrows -> Response {
        try site.pages.html(key: request.uri.description, generation: site.contentGeneration, render: render)
    }

    /// A search page through the page cache, its search logged whether the page was rendered or cached.
    /// HEAD requests are not searches anyone made.
    func logged(_ request: Request, render: () -> (html: String, search: LoggedSearch?)) -> Response {
        let (response, search) = site.pages.searchPage(key: request.uri.description, generation: site.contentGeneration,
                                                       render: render)
        if let search, request.method == .get { site.searchLog.record(search) }
        return response
    }

    func home() -> String {
        let catalogue = site.catalogue
        let model = HomePage.Model(taxonomy: catalogue.taxonomy, themeCounts: catalogue.counts(.theme), total: catalogue.count,
                                   newest: catalogue.newest(6))
        return HomePage.render(model, site: site)
    }

    func finder(_ request: Request) -> (html: String, search: LoggedSearch?) {
        let catalogue = site.catalogue
        let raw = QueryString(raw: request.uri.query)
        let parser = QueryParser(taxonomy: catalogue.taxonomy, naming: .page)
        var (query, problems) = parser.parse(raw.pairs)
        var notices = problems.map(\.notice)
        if raw.hadUndecodableParts {
            notices.append("Een deel van het adres kon niet worden gelezen (ongeldige tekens) en is genegeerd.")
        }
        let requestedPage = query.page
        var page = catalogue.search(query)
        if page.hits.isEmpty && query.page > page.pageCount {
            notices.append("Pagina \(query.page) bestaat niet; u ziet de laatste pagina.")
            query.page = page.pageCount
            page = catalogue.search(query)
        }
        let model = FinderPage.Model(page: page, taxonomy: catalogue.taxonomy, notices: notices,
                                     highlighter: Highlighter(analyzer: catalogue.analyzer),
                                     relaxations: page.total == 0 ? relaxations(of: query) : [])
        // A search is the first page of a text or a selection; paging through it is not another search.
        let search = (query.text.isEmpty && !query.hasFilters) || requestedPage > 1 ? nil
            : LoggedSearch(source: .catalogue, text: query.text, filters: FinderURL.filterPairs(query), results: page.total,
                           themes: catalogue.themes(of: page))
        return (FinderPage.render(model, site: site), search)
    }

    func guide(_ request: Request) -> (html: String, search: LoggedSearch?) {
        let catalogue = site.catalogue
        let raw = QueryString(raw: request.uri.query)
        var (question, notices) = QuestionGuidePage.question(from: raw.pairs, taxonomy: catalogue.taxonomy)
        if raw.hadUndecodableParts {
            notices.append("Een deel van het adres kon niet worden gelezen (ongeldige tekens) en is genegeerd.")
        }
        let answer = question.map { catalogue.answer($0) }
        let routes = answer.map { answer in site.handbook.handbook.routes.filter { answer.themes.contains($0.theme) } } ?? []
        let model = QuestionGuidePage.Model(taxonomy: catalogue.taxonomy, answer: answer, notices: notices,
                                            highlighter: Highlighter(analyzer: catalogue.analyzer), routes: Array(routes.prefix(3)),
                                            practice: answer.map(practiceExamples) ?? [])
        let search = answer.map { answer in
            LoggedSearch(source: .guide, text: answer.question.text,
                         filters: answer.themes.map { (Facet.theme.pageParameter, $0) }, results: answer.total, themes: answer.themes)
        }
        return (QuestionGuidePage.render(model, site: site), search)
    }

    /// Practice examples for a question: those its words find (the same analysis as the offer), or
    /// else the newest about the themes it was read as.
    func practiceExamples(_ answer: GuideAnswer) -> [Knowledge.Article] {
        let found = site.articles.search(answer.question.text, kinds: [.practice], limit: 3).articles
        guard found.isEmpty else { return found }
        let themes = Set(answer.themes)
        return Array(site.articles.collection.articles.filter { $0.kind == .practice && !themes.isDisjoint(with: $0.themes) }.prefix(3))
    }

    /// For an empty result: the same search with one selected value, or the search words, left out.
    func relaxations(of query: CatalogueQuery) -> [(label: String, url: String, count: Int)] {
        let catalogue = site.catalogue
        var options: [(label: String, url: String, count: Int)] = []
        for facet in Facet.allCases {
            for value in query.filters[facet] ?? [] {
                let relaxed = FinderURL.without(query, facet, value)
                let count = catalogue.search(relaxed).total
                let label = facet.values(in: catalogue.taxonomy).first { $0.slug == value }?.label ?? value
                if count > 0 { options.append(("Zonder \(facet.label.lowercased()) ‘\(label)’", FinderURL.make(relaxed), count)) }
            }
        }
        if !query.text.isEmpty {
            var relaxed = query
            relaxed.text = ""
            relaxed.page = 1
            let count = catalogue.search(relaxed).total
            if count > 0 { options.append(("Zonder de zoekwoorden ‘\(query.text)’", FinderURL.make(relaxed), count)) }
        }
        return options.sorted { $0.count > $1.count }
    }

    func offering(_ slug: String) throws -> String {
        let catalogue = site.catalogue
        guard let offering = catalogue.offering(slug: slug) else { throw HTTPError(.notFound) }
        let model = OfferingPage.Model(offering: offering, provider: catalogue.taxonomy.provider(offering.provider),
                                       taxonomy: catalogue.taxonomy, related: catalogue.related(to: offering),
                                       dates: site.events?.live.upcoming(offering: offering.key.description, at: Date()) ?? [])
        return OfferingPage.render(model, site: site)
    }
}
