import Catalogue
import CatalogueService
import Handbook
import Markup
import Plot

/// `/leerroutes`: ordered paths through the offer of several partners, for one theme and audience,
/// from basis to expert level.
enum LearningRoutePages {
    static func list(_ model: HandbookPages.Model, site: SiteServices) -> String {
        let meta = PageMeta(title: "Leerroutes", description: "Leerroutes langs het aanbod van de landelijke partners, van basis tot expert.",
                            path: HandbookPaths.routes(), section: .handbook)
        let taxonomy = model.taxonomy
        return Layout.render(meta, site: site, content: .group(
            HandbookPages.breadcrumbs([("Leerroutes", nil)]),
            .h1(.safeText("Leerroutes")),
            .p(.class("lead"), .safeText("Een leerroute zet aanbod van verschillende partners op een rij: eerst lezen, dan leren, dan verdiepen, en wie u daarna kunt bellen.")),
            routeList(model.handbook.routes, taxonomy: taxonomy)))
    }

    static func routeList(_ routes: [LearningRoute], taxonomy: Taxonomy) -> Node<HTML.BodyContext> {
        .ul(.class("topic-list"), .forEach(routes) { route in
            .li(.class("topic"),
                .h2(.a(.href(esc(HandbookPaths.route(route.slug))), .safeText(route.title))),
                .p(.safeText(route.introduction)),
                .p(.class("topic__count"), .safeText("\(taxonomy.label(.theme, route.theme)) · \(taxonomy.label(.audience, route.audience)) · "
                    + DutchFormat.count(route.steps.count, "stap", "stappen"))))
        })
    }

    static func route(_ route: LearningRoute, _ model: HandbookPages.Model, site: SiteServices) -> String {
        let meta = PageMeta(title: route.title, description: route.introduction, path: HandbookPaths.route(route.slug), section: .handbook)
        let taxonomy = model.taxonomy
        let steps = route.steps.compactMap { step in step.offeringKey.flatMap { model.catalogue.offering($0) }.map { (step, $0) } }
        return Layout.render(meta, site: site, content: .group(
            HandbookPages.breadcrumbs([("Leerroutes", HandbookPaths.routes()), (route.title, nil)]),
            .h1(.safeText(route.title)),
            .p(.class("lead"), .safeText(route.introduction)),
            .p(.safeText("Voor \(taxonomy.label(.audience, route.audience).lowercased()), over "),
               .a(.href(esc(CataloguePaths.theme(route.theme))), .safeText(taxonomy.label(.theme, route.theme).lowercased())), .safeText(".")),
            .ol(.class("route-steps"), .forEach(steps.enumerated().map { $0 }) { index, pair in
                let (step, offering) = pair
                var facts: [String] = [taxonomy.label(.kind, offering.kind), taxonomy.provider(offering.provider)?.abbreviation ?? offering.provider]
                if let level = offering.level { facts.append("niveau \(taxonomy.label(.level, level).lowercased())") }
                if let duration = offering.duration { facts.append(duration) }
                if let price = offering.price { facts.append(DutchFormat.euros(price)) } else if let cost = offering.cost { facts.append(taxonomy.label(.cost, cost).lowercased()) }
                return .li(.class("route-step"),
                           .h2(.a(.href(esc(CataloguePaths.offering(offering.slug))), .safeText(offering.title))),
                           .p(.class("card__meta"), .safeText(facts.joined(separator: " · "))),
                           .p(.safeText(step.note)),
                           // Plot's .if builds its node eagerly: the next step is looked up only when there is one.
                           index + 1 < steps.count ? .p(.class("route-step__next"), .safeText("Daarna: \(steps[index + 1].1.title)")) : .empty)
            })))
    }
}
