import Markup
import Catalogue
import CatalogueService
import Plot

/// `/`: what the platform is, the search box, the themes with counts, example situations, newest offer.
enum HomePage {
    struct Model {
        var taxonomy: Taxonomy
        var themeCounts: [String: Int]
        var total: Int
        var newest: [Offering]
    }


    static func render(_ model: Model, site: SiteServices) -> String {
        let meta = PageMeta(
            title: "Weerbaar",
            description: "Het landelijke aanbod voor gemeenten over polarisatie, radicalisering, extremisme, maatschappelijke onrust en vertrouwen, op één plek.",
            path: "/", section: .home)
        return Layout.render(meta, site: site, content: view(model))
    }

    static func view(_ model: Model) -> Node<HTML.BodyContext> {
        .group(
            .section(
                .class("hero"),
                .h1(.safeText("Het landelijke aanbod voor een weerbare gemeente")),
                .p(.class("lead"), .safeText("Publicaties, trainingen en contactpunten van \(model.taxonomy.providers.count) landelijke partners over polarisatie, radicalisering, extremisme, maatschappelijke onrust en vertrouwen. Vind in een minuut wat past bij de vraag op uw bureau.")),
                Components.searchForm(id: "zoeken-home", label: "Waar zoekt u naar?")
            ),
            .section(
                .aria("labelledby", "situaties"),
                .h2(.id("situaties"), .safeText("Waar heeft u mee te maken?")),
                .p(.safeText("Kies een situatie, of beschrijf uw eigen situatie in de "),
                   .a(.href(QuestionGuidePage.path), .safeText("vraagwijzer")), .safeText(".")),
                .ul(.class("situations"), .forEach(QuestionGuidePage.examples) { example in
                    .li(.a(.class("situation"), .href(esc(QuestionGuidePage.url(text: example))), .safeText(example)))
                })
            ),
            .section(
                .aria("labelledby", "themas"),
                .h2(.id("themas"), .safeText("Thema's")),
                .ul(.class("theme-grid"), .forEach(model.taxonomy.terms(.theme)) { theme in
                    .li(.a(.class("theme-tile"), .href(esc(CataloguePaths.theme(theme.slug))),
                           .span(.class("theme-tile__name"), .safeText(theme.label)),
                           .span(.class("theme-tile__count"), .safeText(DutchFormat.count(model.themeCounts[theme.slug] ?? 0, "resultaat", "resultaten")))))
                })
            ),
            .section(
                .aria("labelledby", "nieuw"),
                .h2(.id("nieuw"), .safeText("Nieuw aanbod")),
                .div(.class("card-list"), .forEach(model.newest) { Components.offeringCard($0, taxonomy: model.taxonomy) }),
                .p(.a(.href(CataloguePaths.finder(query: "sortering=nieuwste")), .safeText("Bekijk al het aanbod (\(model.total))")))
            )
        )
    }
}
