import Accounts
import Catalogue
import CatalogueService
import Foundation
import Plot

/// `/beheer/aanbod`: the offer a user keeps, the first to review first, with "nog actueel" per offering.
enum OfferingsDashboardPage {
    static func render(offerings: [Offering], account: Account, today: Day, csrf: String, message: String?, site: SiteContext) -> String {
        let meta = PageMeta(title: "Aanbod beheren", description: "Het aanbod dat u bijhoudt.", path: "/beheer/aanbod", noIndex: true)
        let states = offerings.map { Freshness.of($0, today: today) }
        let overdue = states.filter { $0 == .overdue }.count, dueSoon = states.filter { $0 == .dueSoon }.count
        let whose = account.role == .partnerEditor
            ? "het aanbod van \(account.provider.flatMap { site.catalogue.taxonomy.provider($0)?.name } ?? "uw organisatie")"
            : "al het aanbod"
        return Layout.render(meta, site: site, content: .group(
            .h1(.safeText("Aanbod beheren")),
            .unwrap(message) { .div(.class("notice notice--info"), .role("status"), .p(.safeText($0))) },
            .p(.safeText("U ziet \(whose): \(DutchFormat.count(offerings.count, "aanbod", "aanbod")), waarvan \(overdue) verlopen en \(dueSoon) binnenkort te herzien. "
                + "Klopt een aanbod nog? Met ‘Nog actueel’ is het weer twaalf maanden actueel.")),
            .table(.class("portal-table"),
                   .caption(.safeText("Aanbod, eerst te herzien bovenaan")),
                   .thead(.tr(.th(.safeText("Titel")), .th(.safeText("Aanbieder")), .th(.safeText("Laatst gecontroleerd")),
                              .th(.safeText("Herzien vóór")), .th(.safeText("Status")), .th(.span(.class("visually-hidden"), .safeText("Actie"))))),
                   .tbody(.forEach(Array(zip(offerings, states))) { offering, state in
                       .tr(.td(.a(.href(esc("/aanbod/\(offering.slug)")), .safeText(offering.title))),
                           .td(.safeText(site.catalogue.taxonomy.provider(offering.provider)?.abbreviation ?? offering.provider)),
                           .td(.safeText(DutchFormat.date(offering.lastChecked))),
                           .td(.safeText(DutchFormat.date(Freshness.reviewBy(offering)))),
                           .td(.span(.class("freshness freshness--\(state.rawValue)"), .safeText(state.label))),
                           .td(.form(.action(esc("/beheer/aanbod/\(offering.provider)/\(offering.id)/actueel")), .method(.post),
                                     PortalFields.csrf(csrf),
                                     .button(.type(.submit), .class("button button--secondary button--small"),
                                             .safeText("Nog actueel"), .span(.class("visually-hidden"), .safeText(": \(offering.title)"))))))
                   })),
            .p(.a(.href("/beheer"), .safeText("Terug naar het beheer")))))
    }
}
