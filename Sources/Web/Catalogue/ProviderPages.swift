import Markup
import Catalogue
import CatalogueService
import Plot

/// `/aanbieders` and `/aanbieders/{slug}`.
enum ProviderListPage {
    struct Model {
        var taxonomy: Taxonomy
        var counts: [String: Int]
    }

    static func render(_ model: Model, site: SiteServices) -> String {
        let meta = PageMeta(title: "Aanbieders", description: "De landelijke partners die aanbod op Weerbaar hebben.", path: CataloguePaths.providers(), section: .providers)
        let content: Node<HTML.BodyContext> = .group(
            .h1(.safeText("Aanbieders")),
            .p(.class("lead"), .safeText("Deze landelijke partners houden hun aanbod op Weerbaar actueel.")),
            .ul(.class("topic-list"), .forEach(model.taxonomy.providers) { provider in
                .li(.class("topic"),
                    .h2(.a(.href(esc(CataloguePaths.provider(provider.slug))), .safeText("\(provider.name) (\(provider.abbreviation))"))),
                    .p(.safeText(provider.description)),
                    .p(.class("topic__count"), .safeText(DutchFormat.count(model.counts[provider.slug] ?? 0, "resultaat", "resultaten"))))
            })
        )
        return Layout.render(meta, site: site, content: content)
    }
}

enum ProviderPage {
    struct Model {
        var provider: Provider
        var taxonomy: Taxonomy
        var offerings: [Offering]
    }

    static func render(_ model: Model, site: SiteServices) -> String {
        let p = model.provider
        let meta = PageMeta(title: p.name, description: p.description, path: CataloguePaths.provider(p.slug), section: .providers)
        let content: Node<HTML.BodyContext> = .group(
            .nav(.class("breadcrumbs"), .aria("label", "Kruimelpad"),
                 .ol(.li(.a(.href("/"), .safeText("Home"))), .li(.a(.href(CataloguePaths.providers()), .safeText("Aanbieders"))),
                     .li(.aria("current", "page"), .safeText(p.abbreviation)))),
            .if(p.hasLogo, .img(.class("provider-logo"), .src(esc(ProviderPaths.logo(p.slug))), .alt(esc("Logo van \(p.name)")))),
            .h1(.safeText(p.name)),
            .p(.class("lead"), .safeText(p.description)),
            .ul(.class("inline-links"),
                .li(.a(.href(esc(p.website)), .safeText("Website van \(p.abbreviation)"))),
                .unwrap(p.email) { .li(.a(.href(esc("mailto:\($0)")), .safeText($0))) },
                .li(.a(.href(esc(CataloguePaths.finder(query: QueryString.encode([("aanbieder", p.slug)])))), .safeText("Zoek en filter in dit aanbod")))),
            model.offerings.isEmpty
                ? .p(.safeText("Deze aanbieder heeft nog geen aanbod op Weerbaar."))
                : Components.groupedByKind(model.offerings, taxonomy: model.taxonomy)
        )
        return Layout.render(meta, site: site, content: content)
    }
}
