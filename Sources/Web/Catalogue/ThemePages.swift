import Markup
import Catalogue
import CatalogueService
import Plot

/// `/themas` and `/themas/{slug}`.
enum ThemeListPage {
    struct Model {
        var taxonomy: Taxonomy
        var counts: [String: Int]
    }

    static func render(_ model: Model, site: SiteServices) -> String {
        let meta = PageMeta(title: "Thema's", description: "Het aanbod geordend naar thema: van inclusie tot ondermijning.", path: CataloguePaths.themes(), section: .themes)
        let content: Node<HTML.BodyContext> = .group(
            .h1(.safeText("Thema's")),
            .p(.class("lead"), .safeText("Kies een thema om het aanbod te zien, geordend naar wat u wilt: lezen, leren of iemand spreken.")),
            .ul(.class("topic-list"), .forEach(model.taxonomy.terms(.theme)) { theme in
                .li(.class("topic"),
                    .h2(.a(.href(esc(CataloguePaths.theme(theme.slug))), .safeText(theme.label))),
                    .p(.safeText(theme.description)),
                    .p(.class("topic__count"), .safeText(DutchFormat.count(model.counts[theme.slug] ?? 0, "resultaat", "resultaten"))))
            })
        )
        return Layout.render(meta, site: site, content: content)
    }
}

enum ThemePage {
    struct Model {
        var theme: Term
        var taxonomy: Taxonomy
        var offerings: [Offering]
    }

    static func render(_ model: Model, site: SiteServices) -> String {
        let meta = PageMeta(title: model.theme.label, description: model.theme.description, path: CataloguePaths.theme(model.theme.slug), section: .themes)
        let content: Node<HTML.BodyContext> = .group(
            .nav(.class("breadcrumbs"), .aria("label", "Kruimelpad"),
                 .ol(.li(.a(.href("/"), .safeText("Home"))), .li(.a(.href(CataloguePaths.themes()), .safeText("Thema's"))),
                     .li(.aria("current", "page"), .safeText(model.theme.label)))),
            .h1(.safeText(model.theme.label)),
            .p(.class("lead"), .safeText(model.theme.description)),
            .p(.a(.href(esc(CataloguePaths.finder(query: QueryString.encode([("thema", model.theme.slug)])))), .safeText("Zoek en filter binnen dit thema (\(model.offerings.count))"))),
            model.offerings.isEmpty
                ? .p(.safeText("Er is nog geen aanbod bij dit thema."))
                : Components.groupedByKind(model.offerings, taxonomy: model.taxonomy)
        )
        return Layout.render(meta, site: site, content: content)
    }
}
