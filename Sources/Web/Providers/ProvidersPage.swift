import Markup
import Catalogue
import CatalogueService
import Plot

/// `/beheer/aanbieders`: the partner organisations, and per provider whether its partner editors
/// publish without review.
enum ProvidersPage {
    static func render(trusted: Set<String>, csrf: String, message: String?, site: SiteServices) -> String {
        let meta = PageMeta(title: "Aanbieders", description: "De aanbieders van het aanbod.", path: ProviderPaths.list(), noIndex: true)
        let providers = site.catalogue.taxonomy.providers
        return Layout.render(meta, site: site, content: .group(
            .h1(.safeText("Aanbieders")),
            .unwrap(message) { .div(.class("notice notice--info"), .role("status"), .p(.safeText($0))) },
            .p(.safeText("De partner-redacteuren van een vertrouwde aanbieder publiceren zelf, zonder beoordeling door de redactie. "
                + "Elke publicatie staat in de geschiedenis en het logboek.")),
            .p(.a(.href(ProviderPaths.new()), .safeText("Nieuwe aanbieder toevoegen"))),
            .table(.class("portal-table"),
                   .caption(.safeText("Aanbieders (\(providers.count))")),
                   .thead(.tr(.th(.attr("scope", "col"), .safeText("Aanbieder")), .th(.attr("scope", "col"), .safeText("Publiceert")),
                              .th(.attr("scope", "col"), .span(.class("visually-hidden"), .safeText("Gegevens"))),
                              .th(.attr("scope", "col"), .span(.class("visually-hidden"), .safeText("Actie"))))),
                   .tbody(.forEach(providers) { provider in
                       let isTrusted = trusted.contains(provider.slug)
                       return .tr(.th(.attr("scope", "row"), .safeText(provider.name)),
                                  .td(.safeText(isTrusted ? "zelf (vertrouwd)" : "na beoordeling")),
                                  .td(.a(.href(esc(ProviderPaths.edit(provider.slug))), .safeText("Wijzigen"),
                                         .span(.class("visually-hidden"), .safeText(": \(provider.name)")))),
                                  .td(.form(.action(esc(ProviderPaths.trust(provider.slug))), .method(.post),
                                            PortalFields.csrf(csrf),
                                            .input(.type(.hidden), .name("vertrouwd"), .value(isTrusted ? "nee" : "ja")),
                                            .button(.type(.submit), .class("button button--secondary button--small"),
                                                    .safeText(isTrusted ? "Beoordeling weer vereisen" : "Vertrouwen"),
                                                    .span(.class("visually-hidden"), .safeText(": \(provider.name)"))))))
                   })),
            .p(.a(.href(PortalPaths.dashboard()), .safeText("Terug naar het beheer")))))
    }
}

/// The message the list of providers shows after a change.
enum ProvidersFlash: String, Flash {
    case gewijzigd
    var text: String { "De aanbieder is gewijzigd." }
}
