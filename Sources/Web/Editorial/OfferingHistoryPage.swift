import Markup
import Catalogue
import CatalogueService
import Foundation
import Plot

/// `/beheer/aanbod/{provider}/{id}/geschiedenis`: every revision, who and when; one revision with its
/// field-level difference to the one before, and the way back to it.
enum OfferingHistoryPage {
    static func list(_ managed: ManagedOffering, revisions: [OfferingRevision], csrf: String, site: SiteServices) -> String {
        let key = managed.key
        let meta = PageMeta(title: "Geschiedenis: \(managed.title)", description: "De versies van een aanbod.", path: EditorialPaths.offerings(), noIndex: true)
        return Layout.render(meta, site: site, content: .group(
            breadcrumbs(managed, current: "Geschiedenis"),
            .h1(.safeText("Geschiedenis: \(managed.title)")),
            .p(.safeText("Elke wijziging is een versie. Bekijk wat er per versie veranderde, of zet een eerdere versie terug als concept.")),
            .table(.class("portal-table"),
                   .caption(.safeText("Versies, nieuwste eerst (\(revisions.count))")),
                   .thead(.tr(.th(.safeText("Versie")), .th(.safeText("Wanneer")), .th(.safeText("Door")), .th(.safeText("Wat")),
                              .th(.safeText("Status daarna")))),
                   .tbody(.forEach(revisions) { revision in
                       .tr(.td(.a(.href(esc(EditorialPaths.revision(key.provider, key.id, "\(revision.number)"))), .safeText("Versie \(revision.number)"))),
                           .td(.safeText(DutchFormat.dateTime(revision.at))),
                           .td(.safeText(revision.editor.name)),
                           .td(.safeText(revision.action.label + (revision.comment.map { ": \($0)" } ?? ""))),
                           .td(.safeText(revision.status.label)))
                   })),
            .p(.a(.href(esc(EditorialPaths.offering(key.provider, key.id))), .safeText("Terug naar het aanbod")))))
    }

    static func revision(_ managed: ManagedOffering, _ revision: OfferingRevision, previous: OfferingRevision?, csrf: String,
                         site: SiteServices) -> String {
        let key = managed.key
        let meta = PageMeta(title: "Versie \(revision.number): \(managed.title)", description: "Een versie van een aanbod.", path: EditorialPaths.offerings(),
                            noIndex: true)
        let changes = RecordDiff.changes(from: previous?.record, to: revision.record, taxonomy: site.catalogue.taxonomy)
        return Layout.render(meta, site: site, content: .group(
            breadcrumbs(managed, current: "Versie \(revision.number)"),
            .h1(.safeText("Versie \(revision.number): \(revision.record.title)")),
            .p(.safeText("\(revision.action.label) door \(revision.editor.name) (\(revision.editor.email)) op \(DutchFormat.dateTime(revision.at))."
                + (revision.comment.map { " Opmerking: \($0)" } ?? ""))),
            previous == nil
                ? .p(.safeText("Dit is de eerste versie; hieronder staat alles wat er toen in stond."))
                : .p(.safeText(changes.isEmpty ? "Geen inhoudelijke wijziging ten opzichte van versie \(previous!.number)."
                                               : "Gewijzigd ten opzichte van versie \(previous!.number):")),
            diffTable(changes, caption: "Wijzigingen in versie \(revision.number)"),
            .form(.action(esc(EditorialPaths.restore(key.provider, key.id, "\(revision.number)"))), .method(.post), PortalFields.csrf(csrf),
                  .button(.type(.submit), .class("button button--secondary"), .safeText("Deze versie terugzetten als concept"))),
            .p(.a(.href(esc(EditorialPaths.history(key.provider, key.id))), .safeText("Alle versies")))))
    }

    static func breadcrumbs(_ managed: ManagedOffering, current: String) -> Node<HTML.BodyContext> {
        .nav(.class("breadcrumbs"), .aria("label", "Kruimelpad"),
             .ol(.li(.a(.href(EditorialPaths.offerings()), .safeText("Aanbod beheren"))),
                 .li(.a(.href(esc(EditorialPaths.offering(managed.key.provider, managed.key.id))), .safeText(managed.title))),
                 .li(.aria("current", "page"), .safeText(current))))
    }

    /// Field, before, after; texts shown whole, so a long description's change can be read.
    static func diffTable(_ changes: [FieldChange], caption: String) -> Node<HTML.BodyContext> {
        guard !changes.isEmpty else { return .empty }
        return .table(.class("portal-table diff"),
                      .caption(.safeText(caption)),
                      .thead(.tr(.th(.attr("scope", "col"), .safeText("Veld")), .th(.attr("scope", "col"), .safeText("Was")),
                                 .th(.attr("scope", "col"), .safeText("Wordt")))),
                      .tbody(.forEach(changes) { change in
                          .tr(.th(.attr("scope", "row"), .safeText(change.label)),
                              .td(.class("diff__old"), change.before.isEmpty ? .em(.safeText("leeg")) : .safeText(change.before)),
                              .td(.class("diff__new"), change.after.isEmpty ? .em(.safeText("leeg")) : .safeText(change.after)))
                      }))
    }
}
