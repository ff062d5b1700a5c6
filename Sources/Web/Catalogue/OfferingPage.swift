import Events
import Markup
import Catalogue
import CatalogueService
import Foundation
import Plot

/// `/aanbod/{slug}`: everything about one offering, and how to take part or make contact.
enum OfferingPage {
    struct Model {
        var offering: Offering
        var provider: Provider?
        var taxonomy: Taxonomy
        var related: [Offering]
        /// Upcoming dates of this offering on the agenda.
        var dates: [Event] = []
    }

    static func render(_ model: Model, site: SiteServices) -> String {
        let offering = model.offering
        let meta = PageMeta(
            title: offering.title, description: offering.summary, path: CataloguePaths.offering(offering.slug),
            ogType: "article", jsonLD: StructuredData.offering(offering, provider: model.provider, taxonomy: model.taxonomy, site: site),
            section: .offerings)
        // "Was this useful?" under the public page, not in the portal's preview.
        return Layout.render(meta, site: site, content: .group(view(model),
                                                               site.insight == nil ? .empty : FeedbackPages.form(.offering(offering), taxonomy: model.taxonomy)))
    }

    /// The page's content. `headingLevel` 2 is the portal's preview: inside another page, without
    /// breadcrumbs, its title one level down.
    static func view(_ model: Model, headingLevel: Int = 1) -> Node<HTML.BodyContext> {
        let o = model.offering
        let t = model.taxonomy
        let isPreview = headingLevel > 1
        return .group(
            .if(!isPreview, .nav(.class("breadcrumbs"), .aria("label", "Kruimelpad"),
                 .ol(.li(.a(.href("/"), .safeText("Home"))),
                     .li(.a(.href(CataloguePaths.finder()), .safeText("Aanbod"))),
                     .li(.aria("current", "page"), .safeText(o.title))))),
            .article(
                .class("offering"),
                .p(.class("offering__kind"), .span(.class("badge badge--\(o.kind)"), .safeText(t.label(.kind, o.kind))),
                   .safeText(" " + t.label(.form, o.form))),
                isPreview ? .element(named: "h\(headingLevel)", nodes: [.class("offering__title"), .safeText(o.title)]) : .h1(.safeText(o.title)),
                .p(.class("lead"), .safeText(o.summary)),
                staleNotice(o, today: Day(Date())),
                .div(.class("offering__layout"),
                     .div(.class("offering__body"),
                          SafeMarkdown.render(o.description),
                          dates(model.dates),
                          .unwrap(o.url) { url in
                              .p(.a(.class("button"), .href(esc(url)), .safeText(callToAction(o.kind)),
                                    .span(.class("visually-hidden"), .safeText(" (externe website van de aanbieder)"))))
                          }),
                     .aside(.class("offering__facts"), .aria("label", "Gegevens"), facts(model), contact(model)))
            ),
            .if(!model.related.isEmpty, .section(
                .class("related"), .aria("labelledby", "verwant"),
                .h2(.id("verwant"), .safeText("Verwant aanbod")),
                .div(.class("card-list"), .forEach(model.related) { Components.offeringCard($0, taxonomy: t) })
            ))
        )
    }

    /// The offering's next dates on the agenda, where one registers on Weerbaar itself.
    static func dates(_ events: [Event]) -> Node<HTML.BodyContext> {
        guard !events.isEmpty else { return .empty }
        return .section(.class("offering__dates"), .aria("labelledby", "data"),
            .h2(.id("data"), .safeText("Data en aanmelden")),
            .ul(.forEach(events) { event in
                .li(.a(.href(esc(EventPaths.event(event.slug))), .safeText(event.title)),
                    .safeText(" · \(EventPages.when(event)) · \(EventPages.place(event))"))
            }))
    }

    /// An offering past its review date says so: the visitor weighs it knowing when it was last checked.
    static func staleNotice(_ offering: Offering, today: Day) -> Node<HTML.BodyContext> {
        guard Freshness.of(offering, today: today) == .overdue else { return .empty }
        return .div(.class("notice notice--stale"), .role("note"),
                    .p(.strong(.safeText(offering.lastChecked.map { "Laatst gecontroleerd op \(DutchFormat.date($0))." }
                                         ?? "Niet meer gecontroleerd sinds het in de catalogus kwam.")),
                       .safeText(" De aanbieder wilde dit aanbod vóór \(DutchFormat.date(Freshness.reviewBy(offering))) opnieuw bekijken en heeft dat nog niet gedaan. "
                           + "Controleer de actuele gegevens bij de aanbieder.")))
    }

    static func callToAction(_ kind: String) -> String {
        switch kind {
        case "publicatie": "Lees de publicatie"
        case "training": "Bekijk de training en meld u aan"
        default: "Neem contact op via de website"
        }
    }

    static func facts(_ model: Model) -> Node<HTML.BodyContext> {
        let o = model.offering
        let t = model.taxonomy
        var rows: [(String, Node<HTML.BodyContext>)] = [
            ("Aanbieder", .a(.href(esc(CataloguePaths.provider(o.provider))), .safeText(model.provider?.name ?? o.provider))),
            ("Thema's", .group(o.themes.enumerated().map { i, slug in
                .group(.if(i > 0, .safeText(", ")), .a(.href(esc(CataloguePaths.theme(slug))), .safeText(t.label(.theme, slug))))
            })),
        ]
        if !o.audiences.isEmpty { rows.append(("Doelgroep", .safeText(o.audiences.map { t.label(.audience, $0) }.joined(separator: ", ")))) }
        if let cost = o.cost { rows.append(("Kosten", .safeText(t.label(.cost, cost)))) }
        if let delivery = o.delivery { rows.append(("Werkvorm", .safeText(t.label(.delivery, delivery)))) }
        if let duration = o.duration { rows.append(("Duur", .safeText(duration))) }
        if let price = o.price { rows.append(("Prijs", .safeText(DutchFormat.euros(price)))) }
        if let schedule = o.schedule { rows.append(("Wanneer en waar", .safeText(schedule))) }
        if let level = o.level { rows.append(("Niveau", .safeText(t.label(.level, level)))) }
        if !o.phases.isEmpty { rows.append(("Fase van onrust", .safeText(o.phases.map { t.label(.phase, $0) }.joined(separator: ", ")))) }
        if let language = o.language { rows.append(("Taal", .safeText(language))) }
        if let accreditation = o.accreditation { rows.append(("Accreditatie", .safeText(accreditation))) }
        rows.append(("Erkenning", Components.evidence(o.evidence, taxonomy: t, long: true)))
        if let published = o.published { rows.append(("Verschenen", .time(.datetime(esc(published.description)), .safeText(DutchFormat.date(published))))) }
        if let checked = o.lastChecked {
            rows.append(("Laatst gecontroleerd", .time(.datetime(checked.description), .safeText(DutchFormat.date(checked)))))
        }
        if !o.keywords.isEmpty { rows.append(("Trefwoorden", .safeText(o.keywords.joined(separator: ", ")))) }
        return .dl(.class("facts"), .group(rows.map { label, value in
            .group(.dt(.safeText(label)), .dd(value))
        }))
    }

    static func contact(_ model: Model) -> Node<HTML.BodyContext> {
        let contact = model.offering.contact
        let provider = model.provider
        let email = contact?.email ?? provider?.email
        let phone = contact?.phone ?? provider?.phone
        return .div(
            .class("contact-box"),
            .h2(.safeText("Contact")),
            .unwrap(contact?.name) { .p(.safeText($0)) },
            .p(.safeText(provider?.name ?? model.offering.provider)),
            .unwrap(email) { .p(.a(.href(esc("mailto:\($0)")), .safeText($0))) },
            .unwrap(phone) { phone in .p(.a(.href(esc("tel:\(phone.filter { $0.isNumber || $0 == "+" })")), .safeText(phone))) },
            .unwrap(provider?.website) { .p(.a(.href(esc($0)), .safeText("Website van de aanbieder"))) }
        )
    }
}
