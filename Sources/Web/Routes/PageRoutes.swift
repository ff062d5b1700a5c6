import Catalogue
import CatalogueService
import Hummingbird
import Search

/// The public HTML pages. Each route gathers its page's model from the live catalogue and renders the view.
struct PageRoutes<Context: RequestContext> {
    let site: SiteContext

    func add(to router: Router<Context>) {
        router.get("/") { _, _ in self.home() }
        router.get("aanbod") { request, _ in self.finder(request) }
        router.get("aanbod/{slug}") { _, context in try self.offering(try context.parameters.require("slug")) }
        router.get("themas") { _, _ in
            let model = ThemeListPage.Model(taxonomy: self.site.catalogue.taxonomy, counts: self.site.catalogue.counts(.theme))
            return Responses.html(ThemeListPage.render(model, site: self.site))
        }
        router.get("themas/{slug}") { _, context in
            let slug = try context.parameters.require("slug")
            let catalogue = self.site.catalogue
            guard let theme = catalogue.taxonomy.term(.theme, slug) else { throw HTTPError(.notFound) }
            let model = ThemePage.Model(theme: theme, taxonomy: catalogue.taxonomy, offerings: catalogue.offerings { $0.themes.contains(slug) })
            return Responses.html(ThemePage.render(model, site: self.site))
        }
        router.get("aanbieders") { _, _ in
            let model = ProviderListPage.Model(taxonomy: self.site.catalogue.taxonomy, counts: self.site.catalogue.counts(.provider))
            return Responses.html(ProviderListPage.render(model, site: self.site))
        }
        router.get("aanbieders/{slug}") { _, context in
            let slug = try context.parameters.require("slug")
            let catalogue = self.site.catalogue
            guard let provider = catalogue.taxonomy.provider(slug) else { throw HTTPError(.notFound) }
            let model = ProviderPage.Model(provider: provider, taxonomy: catalogue.taxonomy, offerings: catalogue.offerings { $0.provider == slug })
            return Responses.html(ProviderPage.render(model, site: self.site))
        }
    }

    func home() -> Response {
        let catalogue = site.catalogue
        let model = HomePage.Model(taxonomy: catalogue.taxonomy, themeCounts: catalogue.counts(.theme), total: catalogue.count,
                                   newest: catalogue.newest(6))
        return Responses.html(HomePage.render(model, site: site))
    }

    func finder(_ request: Request) -> Response {
        let catalogue = site.catalogue
        let raw = QueryString(raw: request.uri.query)
        let parser = QueryParser(taxonomy: catalogue.taxonomy, naming: .page)
        var (query, problems) = parser.parse(raw.pairs)
        var notices = problems.map(\.notice)
        if raw.hadUndecodableParts {
            notices.append("Een deel van het adres kon niet worden gelezen (ongeldige tekens) en is genegeerd.")
        }
        var page = catalogue.search(query)
        if page.hits.isEmpty && query.page > page.pageCount {
            notices.append("Pagina \(query.page) bestaat niet; u ziet de laatste pagina.")
            query.page = page.pageCount
            page = catalogue.search(query)
        }
        let model = FinderPage.Model(page: page, taxonomy: catalogue.taxonomy, notices: notices,
                                     highlighter: Highlighter(analyzer: catalogue.analyzer),
                                     relaxations: page.total == 0 ? relaxations(of: query) : [])
        return Responses.html(FinderPage.render(model, site: site))
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

    func offering(_ slug: String) throws -> Response {
        let catalogue = site.catalogue
        guard let offering = catalogue.offering(slug: slug) else { throw HTTPError(.notFound) }
        let model = OfferingPage.Model(offering: offering, provider: catalogue.taxonomy.provider(offering.provider),
                                       taxonomy: catalogue.taxonomy, related: catalogue.related(to: offering))
        return Responses.html(OfferingPage.render(model, site: site))
    }
}
