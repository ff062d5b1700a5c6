import Accounts
import Catalogue
import CatalogueService
import Foundation
import Plot

/// `/beheer/aanbod`: the offer a user keeps — drafts first, then the published offer with the first to
/// review on top and "nog actueel" per offering; for the redactie, freshness per provider at a glance.
enum OfferingsDashboardPage {
    static func render(offerings: [ManagedOffering], account: Account, today: Day, submitted: Int, csrf: String, message: String?,
                       site: SiteContext) -> String {
        let meta = PageMeta(title: "Aanbod beheren", description: "Het aanbod dat u bijhoudt.", path: "/beheer/aanbod", noIndex: true)
        let sorted = offerings.sorted { a, b in
            // Never published first, then by the date the offering is due for review.
            let dueA = a.stored.map { Freshness.reviewBy($0).ordinal } ?? Int.min, dueB = b.stored.map { Freshness.reviewBy($0).ordinal } ?? Int.min
            return (dueA, a.title) < (dueB, b.title)
        }
        let published = offerings.compactMap { $0.storedStatus == .published ? $0.stored : nil }
        let states = published.map { Freshness.of($0, today: today) }
        let overdue = states.filter { $0 == .overdue }.count, dueSoon = states.filter { $0 == .dueSoon }.count
        let whose = account.role == .partnerEditor
            ? "het aanbod van \(account.provider.flatMap { site.catalogue.taxonomy.provider($0)?.name } ?? "uw organisatie")"
            : "al het aanbod"
        let canEdit = account.role != .administrator
        return Layout.render(meta, site: site, content: .group(
            .h1(.safeText("Aanbod beheren")),
            .unwrap(message) { .div(.class("notice notice--info"), .role("status"), .p(.safeText($0))) },
            .p(.safeText("U ziet \(whose): \(DutchFormat.count(published.count, "gepubliceerd aanbod", "gepubliceerde aanbiedingen")), "
                + "waarvan \(overdue) verlopen en \(dueSoon) binnenkort te herzien. Klopt een aanbod nog? Met ‘Nog actueel’ is het weer twaalf maanden actueel.")),
            .ul(.class("inline-links"),
                .if(canEdit, .li(.a(.href("/beheer/aanbod/nieuw"), .safeText("Nieuw aanbod toevoegen")))),
                .if(canEdit, .li(.a(.href("/beheer/aanbod/uploaden"), .safeText("Aanbod uploaden (JSON, CSV of Excel)")))),
                .if(account.role == .editor, .li(.a(.href("/beheer/beoordelen"), .safeText("Ter beoordeling (\(submitted))"))))),
            .if(account.role != .partnerEditor, perProvider(published, today: today, site: site)),
            .table(.class("portal-table"),
                   .caption(.safeText("Aanbod: concepten, dan eerst te herzien bovenaan")),
                   .thead(.tr(.th(.safeText("Titel")), .th(.safeText("Aanbieder")), .th(.safeText("Status")), .th(.safeText("Laatst gecontroleerd")),
                              .th(.safeText("Herzien vóór")), .th(.safeText("Actualiteit")), .th(.span(.class("visually-hidden"), .safeText("Actie"))))),
                   .tbody(.forEach(sorted) { managed in row(managed, canEdit: canEdit, today: today, csrf: csrf, site: site) })),
            .p(.a(.href("/beheer"), .safeText("Terug naar het beheer")))))
    }

    static func row(_ managed: ManagedOffering, canEdit: Bool, today: Day, csrf: String, site: SiteContext) -> Node<HTML.TableContext> {
        let key = managed.key
        let status = managed.status.label + (managed.stored != nil && managed.draft != nil
            ? " (nieuwe versie \(managed.draft!.status == .submitted ? "ter beoordeling" : "in concept"))" : "")
        let title: Node<HTML.BodyContext> = canEdit
            ? .a(.href(esc("/beheer/aanbod/\(key.provider)/\(key.id)")), .safeText(managed.title))
            : managed.storedStatus == .published ? .a(.href(esc("/aanbod/\(managed.stored!.slug)")), .safeText(managed.title)) : .safeText(managed.title)
        guard let offering = managed.stored, managed.storedStatus == .published else {
            return .tr(.td(title), .td(.safeText(provider(key.provider, site))), .td(.safeText(status)), .td(), .td(), .td(), .td())
        }
        let state = Freshness.of(offering, today: today)
        return .tr(.td(title),
                   .td(.safeText(provider(key.provider, site))),
                   .td(.safeText(status)),
                   .td(.safeText(DutchFormat.date(offering.lastChecked))),
                   .td(.safeText(DutchFormat.date(Freshness.reviewBy(offering)))),
                   .td(.span(.class("freshness freshness--\(state.rawValue)"), .safeText(state.label))),
                   .td(.form(.action(esc("/beheer/aanbod/\(key.provider)/\(key.id)/actueel")), .method(.post),
                             PortalFields.csrf(csrf),
                             .button(.type(.submit), .class("button button--secondary button--small"),
                                     .safeText("Nog actueel"), .span(.class("visually-hidden"), .safeText(": \(offering.title)"))))))
    }

    static func provider(_ slug: String, _ site: SiteContext) -> String {
        site.catalogue.taxonomy.provider(slug)?.abbreviation ?? slug
    }

    /// For the redactie: how current each provider's published offer is.
    static func perProvider(_ published: [Offering], today: Day, site: SiteContext) -> Node<HTML.BodyContext> {
        let byProvider = Dictionary(grouping: published, by: \.provider)
        let providers = site.catalogue.taxonomy.providers.filter { byProvider[$0.slug] != nil }
        return .table(.class("portal-table"),
                      .caption(.safeText("Actualiteit per aanbieder")),
                      .thead(.tr(.th(.attr("scope", "col"), .safeText("Aanbieder")), .th(.attr("scope", "col"), .safeText("Gepubliceerd")),
                                 .th(.attr("scope", "col"), .safeText("Verlopen")), .th(.attr("scope", "col"), .safeText("Binnenkort")),
                                 .th(.attr("scope", "col"), .safeText("Actueel")))),
                      .tbody(.forEach(providers) { provider in
                          let states = byProvider[provider.slug, default: []].map { Freshness.of($0, today: today) }
                          return .tr(.th(.attr("scope", "row"), .safeText(provider.name)),
                                     .td(.safeText("\(states.count)")),
                                     .td(.safeText("\(states.filter { $0 == .overdue }.count)")),
                                     .td(.safeText("\(states.filter { $0 == .dueSoon }.count)")),
                                     .td(.safeText("\(states.filter { $0 == .current }.count)")))
                      }))
    }
}
