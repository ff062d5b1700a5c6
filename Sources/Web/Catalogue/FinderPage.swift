import Markup
import Catalogue
import CatalogueService
import Plot
import Search

/// `/aanbod`: search, facets, results. The model is prepared by the route; the view only renders.
enum FinderPage {
    struct Model {
        var page: CataloguePage
        var taxonomy: Taxonomy
        var notices: [String]
        var highlighter: Highlighter
        /// For an empty result: what the count would be with one filter (or the text) dropped.
        var relaxations: [(label: String, url: String, count: Int)]
    }

    static func render(_ model: Model, site: SiteServices) -> String {
        let query = model.page.query
        let title = query.text.isEmpty ? "Aanbod" : "Zoeken naar ‘\(query.text)’"
        let meta = PageMeta(
            title: "\(title) (\(DutchFormat.count(model.page.total, "resultaat", "resultaten")))",
            description: "Publicaties, trainingen en contactpunten voor gemeenten over polarisatie, radicalisering, extremisme en maatschappelijke onrust.",
            path: FinderURL.make(query), noIndex: !query.text.isEmpty || query.page > 1, section: .offerings)
        return Layout.render(meta, site: site, content: view(model, alerts: site.newsletter?.alerts != nil))
    }

    static func view(_ model: Model, alerts: Bool = false) -> Node<HTML.BodyContext> {
        let page = model.page
        return .group(
            .h1(.safeText("Aanbod")),
            .if(!model.notices.isEmpty, notices(model.notices)),
            .div(.class("finder"), form(page), results(model, alerts: alerts))
        )
    }

    static func form(_ page: CataloguePage) -> Node<HTML.BodyContext> {
        let query = page.query
        let searchBox: Node<HTML.FormContext> = .div(
            .class("search"), .role("search"),
            .label(.for("q"), .class("search__label"), .safeText("Zoek in het aanbod")),
            .div(.class("search__row"),
                 .input(.type(.search), .id("q"), .name("q"), .value(esc(query.text)), .class("search__input"),
                        .attr("autocomplete", "off"), .attr("maxlength", String(CatalogueQuery.maxTextLength))),
                 .button(.type(.submit), .class("button"), .safeText("Zoeken"))))
        let options: [Node<HTML.SelectContext>] = SearchQuery.Sort.allCases.map { sort in
            .element(named: "option", nodes: [
                .attr("value", FinderURL.sortName(sort)),
                sort == query.sort ? .attribute(named: "selected") : .empty,
                .safeText(FinderURL.sortLabel(sort)),
            ])
        }
        let sort: Node<HTML.FormContext> = .div(
            .class("finder__sort"),
            .label(.for("sortering"), .safeText("Sorteer op")),
            .select(.id("sortering"), .attr("name", "sortering"), .group(options)))
        let facets: [Node<HTML.FormContext>] = page.facets.map { facetGroup($0.facet, $0.values) }
        // On a phone the results come first: the filters are a disclosure that says how many are chosen
        // (a <details>, so it works without JavaScript). On a wide screen the CSS shows them always.
        let chosen = page.facets.reduce(0) { $0 + $1.values.filter(\.selected).count }
        let filters: Node<HTML.FormContext> = .element(named: "details", nodes: [
            .class("finder__filters"),
            .element(named: "summary", nodes: [.class("finder__filters-toggle"), .safeText(filtersLabel(chosen: chosen))]),
            .div(.class("finder__filters-body"),
                 .h2(.class("finder__filters-title"), .safeText("Filters")),
                 .group(facets),
                 .button(.type(.submit), .class("button button--secondary"), .safeText("Filters toepassen"))),
        ])
        return .form(.class("finder__form"), .id("filters"), .action(CataloguePaths.finder()), .method(.get), searchBox, sort, filters)
    }

    static func filtersLabel(chosen: Int) -> String {
        chosen == 0 ? "Filters" : "Filters (\(chosen) gekozen)"
    }

    static func results(_ model: Model, alerts: Bool) -> Node<HTML.BodyContext> {
        let page = model.page
        let query = page.query
        let list: Node<HTML.BodyContext> = page.hits.isEmpty
            ? emptyState(model)
            : .ol(.class("results"), .attr("start", String((query.page - 1) * query.perPage + 1)),
                  .forEach(page.hits) { hit in
                      .li(Components.offeringCard(hit.offering, taxonomy: model.taxonomy, highlighter: model.highlighter, terms: page.matchedTerms))
                  })
        return .section(
            .class("finder__results"), .aria("labelledby", "resultaten-titel"),
            .h2(.id("resultaten-titel"), .class("visually-hidden"), .safeText("Resultaten")),
            .p(.id("resultaten-aantal"), .class("result-count"), .role("status"), .aria("live", "polite"), .safeText(countText(page))),
            didYouMean(page),
            activeFilters(query, page: page),
            list,
            pagination(page),
            .if(alerts, alertLink(query)))
    }

    /// "Houd mij op de hoogte": an e-mail when new offerings match this search.
    static func alertLink(_ query: CatalogueQuery) -> Node<HTML.BodyContext> {
        var search = query
        search.page = 1
        search.sort = .relevance
        let url = FinderURL.make(search)
        let parameters = url.hasPrefix("/aanbod?") ? "?" + url.dropFirst("/aanbod?".count) : ""
        return .p(.class("alert-link"), .a(.href(esc(NewsletterPaths.alertSignUp() + parameters)), .safeText("Houd mij op de hoogte")),
                  .safeText(" van nieuw aanbod bij deze zoekopdracht"))
    }

    /// "Bedoelde u: …?" with a link to the corrected search, when a word was taken as a misspelling.
    static func didYouMean(_ page: CataloguePage) -> Node<HTML.BodyContext> {
        guard let corrected = page.correctedText else { return .empty }
        var query = page.query
        query.text = corrected
        query.page = 1
        return .p(.class("did-you-mean"), .safeText("Bedoelde u: "),
                  .a(.href(esc(FinderURL.make(query))), .em(.safeText(corrected))), .safeText("?"),
                  .safeText(" De resultaten hieronder bevatten ook deze schrijfwijze."))
    }

    static func countText(_ page: CataloguePage) -> String {
        let count = DutchFormat.count(page.total, "resultaat", "resultaten")
        return page.query.text.isEmpty ? "\(count) gevonden" : "\(count) voor ‘\(page.query.text)’"
    }

    static func notices(_ notices: [String]) -> Node<HTML.BodyContext> {
        .div(.class("notice"), .role("alert"),
             .h2(.class("notice__title"), .safeText("Let op")),
             .ul(.forEach(notices) { .li(.safeText($0)) }))
    }

    static func facetGroup<C: HTML.BodyContext>(_ facet: Facet, _ values: [CataloguePage.FacetValue]) -> Node<C> {
        let shown = values.filter { $0.count > 0 || $0.selected }
        let hasSelection = values.contains { $0.selected }
        return .if(!shown.isEmpty, .element(named: "details", nodes: [
            .class("facet"),
            .if(hasSelection || facet == .theme || facet == .kind, .attribute(named: "open")),
            .element(named: "summary", nodes: [.safeText(facet.label)]),
            .fieldset(
                .legend(.class("visually-hidden"), .safeText(facet.label)),
                .ul(.class("facet__values"),
                    .forEach(shown) { value in
                        let id = "f-\(facet.pageParameter)-\(value.value)"
                        return .li(.class("checkbox"),
                            .input(.type(.checkbox), .id(esc(id)), .name(facet.pageParameter), .value(esc(value.value)),
                                   .checked(value.selected)),
                            .label(.for(esc(id)), .safeText(value.label + " "),
                                   .span(.class("facet__count"), .safeText("(\(value.count))"))))
                    })
            ),
        ]))
    }

    static func activeFilters(_ query: CatalogueQuery, page: CataloguePage) -> Node<HTML.BodyContext> {
        let chips: [(label: String, url: String)] = Facet.allCases.flatMap { facet in
            page.values(of: facet).filter(\.selected).map { value in
                (label: "\(facet.label): \(value.label)", url: FinderURL.make(FinderURL.without(query, facet, value.value)))
            }
        }
        var cleared = CatalogueQuery(text: query.text, sort: query.sort)
        cleared.page = 1
        return .if(!chips.isEmpty, .div(
            .class("chips"),
            .h3(.class("visually-hidden"), .safeText("Actieve filters")),
            .ul(.class("chips__list"),
                .forEach(chips) { chip in
                    .li(.a(.class("chip"), .href(esc(chip.url)),
                           .span(.class("visually-hidden"), .safeText("Verwijder filter ")),
                           .safeText(chip.label),
                           .span(.class("chip__x"), .aria("hidden", "true"), .safeText(" ×"))))
                }),
            .a(.class("chips__clear"), .href(esc(FinderURL.make(cleared))), .safeText("Alle filters wissen"))
        ))
    }

    static func emptyState(_ model: Model) -> Node<HTML.BodyContext> {
        .div(
            .class("empty-state"),
            .h3(.safeText("Geen aanbod gevonden")),
            .if(!model.page.unmatchedWords.isEmpty,
                .p(.safeText("Deze woorden komen nergens in het aanbod voor: " + model.page.unmatchedWords.map { "‘\($0)’" }.joined(separator: ", ") + ". Controleer de spelling of probeer een ander woord."))),
            .if(!model.relaxations.isEmpty, .group(
                .p(.safeText("Met minder filters vindt u wel iets:")),
                .ul(.forEach(model.relaxations) { item in
                    .li(.a(.href(esc(item.url)), .safeText(item.label)), .safeText(" (\(DutchFormat.count(item.count, "resultaat", "resultaten")))"))
                })
            )),
            .p(.a(.href(CataloguePaths.themes()), .safeText("Bekijk het aanbod per thema")))
        )
    }

    static func pagination(_ page: CataloguePage) -> Node<HTML.BodyContext> {
        let current = page.query.page, last = page.pageCount
        guard last > 1 else { return .empty }
        let window = Array(Set([1, last] + Array(max(1, current - 2)...min(last, current + 2)))).sorted()
        var items: [Node<HTML.ListContext>] = []
        if current > 1 {
            items.append(.li(.a(.class("pagination__prev"), .href(esc(FinderURL.make(page.query, page: current - 1))), .attr("rel", "prev"), .safeText("Vorige"))))
        }
        var previous = 0
        for number in window where number <= last {
            if number > previous + 1 { items.append(.li(.class("pagination__gap"), .aria("hidden", "true"), .safeText("…"))) }
            items.append(.li(.a(.href(esc(FinderURL.make(page.query, page: number))),
                               .if(number == current, .aria("current", "page")),
                               .aria("label", "Pagina \(number)"), .safeText(String(number)))))
            previous = number
        }
        if current < last {
            items.append(.li(.a(.class("pagination__next"), .href(esc(FinderURL.make(page.query, page: current + 1))), .attr("rel", "next"), .safeText("Volgende"))))
        }
        return .nav(.class("pagination"), .aria("label", "Paginering"), .ul(.group(items)))
    }
}
