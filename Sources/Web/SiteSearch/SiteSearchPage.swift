import Catalogue
import CatalogueService
import Events
import Foundation
import Knowledge
import Markup
import Plot

/// The results of one search over all content, grouped by kind with counts.
enum SiteSearchPage {
    enum Group: String, CaseIterable {
        case offerings = "aanbod", practice = "praktijk", articles = "artikelen", events = "agenda"

        var label: String {
            switch self {
            case .offerings: "Aanbod"
            case .practice: "Praktijkvoorbeelden"
            case .articles: "Magazine, infobladen en achtergrond"
            case .events: "Agenda"
            }
        }
    }

    struct Result {
        var group: Group
        var total: Int
        var offerings: [Offering]
        var articles: [Knowledge.Article]
        var events: [Event] = []
    }

    struct Model {
        var text: String
        var only: Group?
        var groups: [Result]
    }

    static func render(_ model: Model, site: SiteServices) -> String {
        let taxonomy = site.catalogue.taxonomy
        let meta = PageMeta(title: model.text.isEmpty ? "Zoeken" : "Zoeken: \(model.text)", description: "Zoek in het aanbod, de praktijkvoorbeelden en het magazine.",
                            path: SiteSearchPaths.search(), noIndex: !model.text.isEmpty)
        let encoded = PercentEncoding.formComponent(model.text)
        let total = model.groups.reduce(0) { $0 + $1.total }
        return Layout.render(meta, site: site, content: .group(
            .h1(.safeText("Zoeken in alles")),
            .form(.class("search"), .action(SiteSearchPaths.search()), .method(.get), .role("search"),
                  .label(.for("zoeken-alles"), .class("search__label"), .safeText("Zoek in het aanbod, de praktijkvoorbeelden en het magazine")),
                  .div(.class("search__row"),
                       .input(.type(.search), .id("zoeken-alles"), .name("q"), .value(esc(model.text)), .class("search__input"), .attr("maxlength", "500")),
                       .button(.type(.submit), .class("button"), .safeText("Zoeken")))),
            model.text.isEmpty ? .p(.safeText("Typ een of meer woorden, of een vraag."))
                : .group(
                    .p(.role("status"), .safeText(total == 0 ? "Niets gevonden voor ‘\(model.text)’. Probeer andere of minder woorden, of de vraagwijzer."
                        : "\(total) resultaten voor ‘\(model.text)’.")),
                    model.only == nil ? .empty : .p(.a(.href(SiteSearchPaths.search(query: "q=\(encoded)")), .safeText("Terug naar alle soorten"))),
                    .forEach(model.groups) { result in
                        let id = "groep-\(result.group.rawValue)"
                        return .section(.aria("labelledby", id),
                            .h2(.id(id), .safeText("\(result.group.label) (\(result.total))")),
                            result.total == 0 ? .p(.safeText("Geen resultaten."))
                                : .div(.class("card-list"),
                                       .forEach(result.offerings) { Components.offeringCard($0, taxonomy: taxonomy) },
                                       .forEach(result.articles) { KnowledgePages.card($0, taxonomy: taxonomy, headingLevel: 3) },
                                       .forEach(result.events) { EventPages.card($0, taxonomy: taxonomy) }),
                            model.only != nil || result.total <= (result.offerings.count + result.articles.count + result.events.count) ? .empty
                                : .p(result.group == .offerings
                                     ? .a(.href(CataloguePaths.finder(query: "q=\(encoded)")), .safeText("Alle \(result.total) resultaten in het aanbod, met filters"))
                                     : .a(.href(SiteSearchPaths.search(query: "q=\(encoded)&soort=\(result.group.rawValue)")),
                                          .safeText("Alle \(result.total) \(result.group.label.lowercased())"))))
                    })))
    }
}
