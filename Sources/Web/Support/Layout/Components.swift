import Markup
import Catalogue
import Foundation
import CatalogueService
import Plot
import Search

/// Pieces more than one page uses.
enum Components {
    /// One offering in a list: title as link, what it is and who offers it, the summary with the
    /// query's words highlighted, and its themes.
    static func offeringCard(
        _ offering: Offering, taxonomy: Taxonomy, highlighter: Highlighter? = nil, terms: Set<String> = [],
        headingLevel: Int = 3
    ) -> Node<HTML.BodyContext> {
        let provider = taxonomy.provider(offering.provider)
        let title: Node<HTML.BodyContext> = .a(.href(esc(CataloguePaths.offering(offering.slug))), highlighted(offering.title, highlighter, terms))
        return .article(
            .class("card card--\(offering.kind)"),
            headingLevel == 2 ? .h2(.class("card__title"), title) : .h3(.class("card__title"), title),
            .p(.class("card__meta"),
               .span(.class("badge badge--\(offering.kind)"), .safeText(taxonomy.label(.kind, offering.kind))),
               .safeText(" " + taxonomy.label(.form, offering.form)),
               .safeText(" · " + (provider?.abbreviation ?? offering.provider))),
            .p(.class("card__summary"), highlighted(offering.summary, highlighter, terms)),
            .if(offering.level != nil || offering.evidence != nil,
                .p(.class("card__quality"),
                   .unwrap(offering.level) { .span(.class("level"), .safeText("Niveau: " + taxonomy.label(.level, $0))) },
                   .if(offering.level != nil && offering.evidence != nil, .safeText(" ")),
                   .unwrap(offering.evidence) { _ in evidence(offering.evidence, taxonomy: taxonomy, long: false) })),
            .if(Freshness.of(offering, today: Day(Date())) == .overdue,
                .p(.class("card__stale"), .safeText(offering.lastChecked.map { "Laatst gecontroleerd op \(DutchFormat.date($0))" }
                    ?? "Te herzien vóór \(DutchFormat.date(Freshness.reviewBy(offering))), nog niet gebeurd"))),
            .ul(.class("tags"), .aria("label", "Thema's"),
                .forEach(offering.themes) { .li(.class("tag"), .safeText(taxonomy.label(.theme, $0))) })
        )
    }

    /// The recognition label: "Goed onderbouwd", or the honest default "Niet beoordeeld"; on the detail
    /// page with by whom and when.
    static func evidence(_ evidence: Evidence?, taxonomy: Taxonomy, long: Bool) -> Node<HTML.BodyContext> {
        let level = evidence?.level ?? Evidence.notAssessed
        var text = taxonomy.label(.evidence, level)
        if long, let evidence, level != Evidence.notAssessed {
            if let by = evidence.by { text += " (\(by)" + (evidence.date.map { ", \(DutchFormat.date($0))" } ?? "") + ")" }
            else if let date = evidence.date { text += " (\(DutchFormat.date(date)))" }
        }
        return .span(.class("evidence evidence--\(level == Evidence.notAssessed ? "none" : "assessed")"),
                     .safeText(long ? text : "Erkenning: \(text)"))
    }

    static func highlighted<Context: HTML.BodyContext>(_ text: String, _ highlighter: Highlighter?, _ terms: Set<String>) -> Node<Context> {
        guard let highlighter, !terms.isEmpty else { return .safeText(text) }
        return .group(highlighter.highlight(text, terms: terms).map { segment in
            segment.isMatch ? .element(named: "mark", nodes: [Node<Context>.safeText(segment.text)]) : .safeText(segment.text)
        })
    }

    /// The site's search box, a GET form to /aanbod.
    static func searchForm(query: String = "", id: String = "zoeken", label: String = "Zoek in het aanbod") -> Node<HTML.BodyContext> {
        .form(
            .class("search"), .action(CataloguePaths.finder()), .method(.get), .role("search"),
            .label(.for(id), .class("search__label"), .safeText(label)),
            .div(.class("search__row"),
                 .input(.type(.search), .id(id), .name("q"), .value(esc(query)), .class("search__input"),
                        .attribute(named: "autocomplete", value: "off"),
                        .attribute(named: "maxlength", value: String(CatalogueQuery.maxTextLength)),
                        .placeholder("Bijvoorbeeld: polarisatie op school")),
                 .button(.type(.submit), .class("button"), .safeText("Zoeken")))
        )
    }

    /// Offerings grouped the way a reader asks: something to read, to learn, or someone to contact.
    static func groupedByKind(_ offerings: [Offering], taxonomy: Taxonomy) -> Node<HTML.BodyContext> {
        let groups: [(kind: String, heading: String)] = [
            ("publicatie", "Lezen"), ("training", "Leren"), ("contactpunt", "Contact opnemen"),
        ]
        return .group(groups.map { group in
            let items = offerings.filter { $0.kind == group.kind }
            return .if(!items.isEmpty, .section(
                .class("kind-group"),
                .h2(.safeText("\(group.heading) "), .span(.class("count"), .safeText("(\(items.count))"))),
                .div(.class("card-list"), .forEach(items) { offeringCard($0, taxonomy: taxonomy) })
            ))
        })
    }
}
