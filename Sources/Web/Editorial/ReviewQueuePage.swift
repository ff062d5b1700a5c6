import Markup
import Catalogue
import CatalogueService
import Foundation
import Plot

/// `/beheer/beoordelen`: what partner editors submitted, oldest first.
enum ReviewQueuePage {
    static func render(drafts: [OfferingDraft], site: SiteServices) -> String {
        let meta = PageMeta(title: "Ter beoordeling", description: "Ingediend aanbod.", path: EditorialPaths.reviewQueue(), noIndex: true)
        return Layout.render(meta, site: site, content: .group(
            .h1(.safeText("Ter beoordeling")),
            drafts.isEmpty
                ? .p(.safeText("Er wacht niets op beoordeling."))
                : .table(.class("portal-table"),
                         .caption(.safeText("Ingediend, oudste eerst (\(drafts.count))")),
                         .thead(.tr(.th(.safeText("Titel")), .th(.safeText("Aanbieder")), .th(.safeText("Ingediend door")), .th(.safeText("Op")))),
                         .tbody(.forEach(drafts) { draft in
                             .tr(.td(.a(.href(esc(EditorialPaths.offering(draft.key.provider, draft.key.id))), .safeText(draft.record.title))),
                                 .td(.safeText(site.catalogue.taxonomy.provider(draft.key.provider)?.abbreviation ?? draft.key.provider)),
                                 .td(.safeText(draft.author.name)),
                                 .td(.safeText(DutchFormat.dateTime(draft.updated))))
                         })),
            .p(.a(.href(PortalPaths.dashboard()), .safeText("Terug naar het beheer")))))
    }
}
