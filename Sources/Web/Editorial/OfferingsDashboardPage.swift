import Markup
import Accounts
import Catalogue
import CatalogueService
import Foundation
import Plot

/// `/beheer/aanbod`: the offer a user keeps — drafts first, then the published offer with the first to
/// review on top and "nog actueel" per offering; for the redactie, freshness per provider at a glance.
enum OfferingsDashboardPage {
    struct Model {
        /// The offerings listed: one provider's, or all.
        var offerings: [ManagedOffering]
        /// Everything, for the redactie's freshness per provider.
        var everything: [ManagedOffering]
        /// The provider chosen to list, if any.
        var provider: String?
        var page: Int
        var account: Account
        var today: Day
        var submitted: Int
        var csrf: String
        var message: String?
    }

    /// Rows per page: a catalogue of thousands must not become one page of megabytes.
    static let perPage = 100

    static func render(_ model: Model, site: SiteServices) -> String {
        let offerings = model.offerings, account = model.account, today = model.today, csrf = model.csrf, message = model.message
        let meta = PageMeta(title: "Aanbod beheren", description: "Het aanbod dat u bijhoudt.", path: EditorialPaths.offerings(), noIndex: true)
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
            : model.provider.map { "het aanbod van \(site.catalogue.taxonomy.provider($0)?.name ?? $0)" } ?? "al het aanbod"
        let pageCount = max(1, (sorted.count + perPage - 1) / perPage)
        let page = min(model.page, pageCount)
        let shown = sorted.dropFirst((page - 1) * perPage).prefix(perPage)
        func link(_ page: Int) -> String {
            EditorialPaths.offerings(query: QueryString.encode([("aanbieder", model.provider ?? ""), ("pagina", "\(page)")].filter { !$0.1.isEmpty }))
        }
        let canEdit = account.role != .administrator
        return Layout.render(meta, site: site, content: .group(
            .h1(.safeText("Aanbod beheren")),
            .unwrap(message) { .div(.class("notice notice--info"), .role("status"), .p(.safeText($0))) },
            .p(.safeText("U ziet \(whose): gepubliceerd aanbod (\(DutchFormat.number(published.count))), "
                + "waarvan \(overdue) verlopen en \(dueSoon) binnenkort te herzien. Klopt een aanbod nog? Met ‘Nog actueel’ is het weer twaalf maanden actueel.")),
            .ul(.class("inline-links"),
                .if(canEdit, .li(.a(.href(EditorialPaths.newOffering()), .safeText("Nieuw aanbod toevoegen")))),
                .if(canEdit, .li(.a(.href(EditorialPaths.upload()), .safeText("Aanbod uploaden (JSON, CSV of Excel)")))),
                .if(account.role == .editor, .li(.a(.href(EditorialPaths.reviewQueue()), .safeText("Ter beoordeling (\(model.submitted))"))))),
            .if(account.role != .partnerEditor, perProvider(model.everything.compactMap { $0.storedStatus == .published ? $0.stored : nil },
                                                            today: today, site: site)),
            .table(.class("portal-table"),
                   .caption(.safeText("Aanbod: concepten, dan eerst te herzien bovenaan"
                       + (pageCount > 1 ? " (pagina \(page) van \(pageCount))" : ""))),
                   .thead(.tr(.th(.safeText("Titel")), .th(.safeText("Aanbieder")), .th(.safeText("Status")), .th(.safeText("Laatst gecontroleerd")),
                              .th(.safeText("Herzien vóór")), .th(.safeText("Actualiteit")), .th(.span(.class("visually-hidden"), .safeText("Actie"))))),
                   .tbody(.forEach(Array(shown)) { managed in row(managed, canEdit: canEdit, today: today, csrf: csrf, site: site) })),
            .if(pageCount > 1, .nav(.class("pagination"), .aria("label", "Paginering"), .ul(
                .if(page > 1, .li(.a(.href(esc(link(page - 1))), .attr("rel", "prev"), .safeText("Vorige")))),
                .if(page < pageCount, .li(.a(.href(esc(link(page + 1))), .attr("rel", "next"), .safeText("Volgende"))))))),
            .p(.a(.href(PortalPaths.dashboard()), .safeText("Terug naar het beheer")))))
    }

    static func row(_ managed: ManagedOffering, canEdit: Bool, today: Day, csrf: String, site: SiteServices) -> Node<HTML.TableContext> {
        let key = managed.key
        let status = managed.status.label + (managed.stored != nil && managed.draft != nil
            ? " (nieuwe versie \(managed.draft!.status == .submitted ? "ter beoordeling" : "in concept"))" : "")
        let title: Node<HTML.BodyContext> = canEdit
            ? .a(.href(esc(EditorialPaths.offering(key.provider, key.id))), .safeText(managed.title))
            : managed.storedStatus == .published ? .a(.href(esc(CataloguePaths.offering(managed.stored!.slug))), .safeText(managed.title)) : .safeText(managed.title)
        guard let offering = managed.stored, managed.storedStatus == .published else {
            return .tr(.td(title), .td(.safeText(provider(key.provider, site))), .td(.safeText(status)), .td(), .td(), .td(), .td())
        }
        let state = Freshness.of(offering, today: today)
        return .tr(.td(title),
                   .td(.safeText(provider(key.provider, site))),
                   .td(.safeText(status)),
                   .td(.safeText(offering.lastChecked.map(DutchFormat.date) ?? "nog niet")),
                   .td(.safeText(DutchFormat.date(Freshness.reviewBy(offering)))),
                   .td(.span(.class("freshness freshness--\(state.rawValue)"), .safeText(state.label))),
                   .td(.form(.action(esc(EditorialPaths.confirm(key.provider, key.id))), .method(.post),
                             PortalFields.csrf(csrf),
                             .button(.type(.submit), .class("button button--secondary button--small"),
                                     .safeText("Nog actueel"), .span(.class("visually-hidden"), .safeText(": \(offering.title)"))))))
    }

    static func provider(_ slug: String, _ site: SiteServices) -> String {
        site.catalogue.taxonomy.provider(slug)?.abbreviation ?? slug
    }

    /// For the redactie: how current each provider's published offer is.
    static func perProvider(_ published: [Offering], today: Day, site: SiteServices) -> Node<HTML.BodyContext> {
        let byProvider = Dictionary(grouping: published, by: \.provider)
        let providers = site.catalogue.taxonomy.providers.filter { byProvider[$0.slug] != nil }
        return .table(.class("portal-table"),
                      .caption(.safeText("Actualiteit per aanbieder")),
                      .thead(.tr(.th(.attr("scope", "col"), .safeText("Aanbieder")), .th(.attr("scope", "col"), .safeText("Gepubliceerd")),
                                 .th(.attr("scope", "col"), .safeText("Verlopen")), .th(.attr("scope", "col"), .safeText("Binnenkort")),
                                 .th(.attr("scope", "col"), .safeText("Actueel")))),
                      .tbody(.forEach(providers) { provider in
                          let states = byProvider[provider.slug, default: []].map { Freshness.of($0, today: today) }
                          return .tr(.th(.attr("scope", "row"), .a(.href(esc(EditorialPaths.offerings(query: QueryString.encode([("aanbieder", provider.slug)])))), .safeText(provider.name))),
                                     .td(.safeText("\(states.count)")),
                                     .td(.safeText("\(states.filter { $0 == .overdue }.count)")),
                                     .td(.safeText("\(states.filter { $0 == .dueSoon }.count)")),
                                     .td(.safeText("\(states.filter { $0 == .current }.count)")))
                      }))
    }
}

/// The messages the list of offerings shows after a step.
enum OfferingsFlash: String, Flash {
    case bevestigd, geupload, ingediend
    var text: String {
        switch self {
        case .bevestigd: "Bevestigd: het aanbod is weer twaalf maanden actueel."
        case .geupload: "De upload is verwerkt en gepubliceerd."
        case .ingediend: "De upload is ingediend; de redactie beoordeelt het aanbod."
        }
    }
}
