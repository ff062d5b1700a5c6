import Markup
import Audit
import Foundation
import Plot

/// `/beheer/logboek`: the audit log, newest first, for beheerders; with a CSV export.
enum AuditLogPage {
    static func render(events: [AuditEvent], page: Int, pageCount: Int, total: Int, site: SiteServices) -> String {
        let meta = PageMeta(title: "Logboek", description: "Het logboek van het beheer.", path: AuditPaths.log(), noIndex: true)
        return Layout.render(meta, site: site, content: .group(
            .h1(.safeText("Logboek")),
            .p(.safeText("Alles wat in het beheer gebeurt, nieuwste eerst. Het logboek kan niet worden gewijzigd. "),
               .a(.href(AuditPaths.csv()), .safeText("Download als CSV (\(total) regels)"))),
            .table(.class("portal-table"),
                   .caption(.safeText("Pagina \(page) van \(pageCount)")),
                   .thead(.tr(.th(.safeText("Tijdstip")), .th(.safeText("Door")), .th(.safeText("Actie")), .th(.safeText("Onderwerp")),
                              .th(.safeText("Details")))),
                   .tbody(.forEach(events) { event in
                       .tr(.td(.safeText(DutchFormat.dateTime(event.at))),
                           .td(.safeText(event.actorName.isEmpty ? event.actor : "\(event.actorName) (\(event.actor))")),
                           .td(.safeText(event.action.label)), .td(.safeText(event.subject)), .td(.safeText(event.details)))
                   })),
            .if(pageCount > 1, .nav(.class("pagination"), .aria("label", "Paginering"), .ul(
                .if(page > 1, .li(.a(.href(AuditPaths.log(query: "pagina=\(page - 1)")), .attr("rel", "prev"), .safeText("Nieuwer")))),
                .if(page < pageCount, .li(.a(.href(AuditPaths.log(query: "pagina=\(page + 1)")), .attr("rel", "next"), .safeText("Ouder"))))))),
            .p(.a(.href(PortalPaths.dashboard()), .safeText("Terug naar het beheer")))))
    }
}
