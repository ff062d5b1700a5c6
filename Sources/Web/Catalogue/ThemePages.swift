import Markup
import Catalogue
import Knowledge
import CatalogueService
import Handbook
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
    /// "Wie weet hier meer van": the contact points to call about this theme, with who answers which
    /// question, how to reach them and how fast.
    static func experts(_ model: Model) -> Node<HTML.BodyContext> {
        guard !model.experts.isEmpty else { return .empty }
        return .section(.class("expert-card"), .aria("labelledby", "experts"),
            .h2(.id("experts"), .safeText("Wie u kunt vragen")),
            .ul(.class("expert-list"), .forEach(model.experts) { item in
                .li(.class("expert"),
                    .h3(.a(.href(esc(CataloguePaths.offering(item.offering.slug))), .safeText(item.offering.title))),
                    .p(.class("card__meta"), .safeText(model.taxonomy.provider(item.offering.provider)?.name ?? item.offering.provider)),
                    .dl(.class("facts"),
                        .dt(.safeText("Voor de vraag")), .dd(.safeText(item.contact.question)),
                        .dt(.safeText("Zo bereikt u hen")), .dd(.safeText(item.contact.reach),
                                                               .unwrap(item.offering.contact?.email) { .group(.safeText(" · "), .a(.href("mailto:\(esc($0))"), .safeText($0))) }),
                        .dt(.safeText("Antwoord")), .dd(.safeText(item.contact.speed))))
            }))
    }

    struct Model {
        var theme: Term
        var taxonomy: Taxonomy
        var offerings: [Offering]
        /// The contact points the editors chose for this theme, in their order, with their offering.
        var experts: [(contact: ExpertContact, offering: Offering)] = []
        var routes: [LearningRoute] = []
        /// The newest practice examples and other articles about this theme.
        var articles: [Knowledge.Article] = []
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
            experts(model),
            .if(!model.routes.isEmpty, .section(.aria("labelledby", "leerroutes"),
                .h2(.id("leerroutes"), .safeText("Leerroutes")),
                LearningRoutePages.routeList(model.routes, taxonomy: model.taxonomy))),
            model.offerings.isEmpty
                ? .p(.safeText("Er is nog geen aanbod bij dit thema."))
                : Components.groupedByKind(model.offerings, taxonomy: model.taxonomy),
            model.articles.isEmpty ? .empty : .section(.aria("labelledby", "uit-de-praktijk"),
                .h2(.id("uit-de-praktijk"), .safeText("Uit de praktijk")),
                .div(.class("card-list"), .forEach(model.articles) { KnowledgePages.card($0, taxonomy: model.taxonomy, headingLevel: 3) }),
                .p(.a(.href(KnowledgePaths.practice(query: "thema=\(PercentEncoding.formComponent(model.theme.slug))")),
                      .safeText("Alle praktijkvoorbeelden over \(model.theme.label.lowercased())"))))
        )
        return Layout.render(meta, site: site, content: content)
    }
}
