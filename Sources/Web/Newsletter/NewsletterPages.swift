import Markup
import Catalogue
import CatalogueService
import Newsletter
import Plot

/// The public pages of WeerbaarNL: sign up, confirm, preferences, leave. No page says whether an
/// address is subscribed; each answer is in Dutch and leaves the data consistent.
enum NewsletterPages {
    struct SignUp {
        var email = "", name = "", organisation = ""
        var interests: [String] = []
        var errors = FormErrors()
        var csrf: String
    }

    static func meta(_ title: String, _ path: String) -> PageMeta {
        PageMeta(title: title, description: "WeerbaarNL, de nieuwsbrief van Weerbaar.", path: path, noIndex: path != NewsletterPaths.signUp())
    }

    static func signUp(_ model: SignUp, site: SiteServices) -> String {
        Layout.render(meta("Nieuwsbrief WeerbaarNL", NewsletterPaths.signUp()), site: site, content: .group(
            .h1(.safeText("Nieuwsbrief WeerbaarNL")),
            .p(.class("lead"), .safeText("Nieuw aanbod, trainingen, publicaties en goede voorbeelden uit de praktijk, ongeveer één keer per maand.")),
            .p(.a(.href(NewsletterPaths.archive()), .safeText("Lees eerdere nieuwsbrieven in het archief"))),
            FormControls.errorSummary(model.errors, label: { ["email": "E-mailadres", "themas": "Thema’s"][$0] ?? $0 }),
            .form(.class("portal-form portal-form--wide"), .action(NewsletterPaths.signUp()), .method(.post), .attr("novalidate", "novalidate"),
                  PortalFields.csrf(model.csrf),
                  .input(.type(.hidden), .name("bron"), .value(NewsletterPaths.signUp())),
                  ProviderFormPage.field("email", "E-mailadres", model.email, error: model.errors["email"], type: "email",
                                         hint: "U krijgt eerst een e-mail om uw aanmelding te bevestigen."),
                  ProviderFormPage.field("naam", "Naam (niet verplicht)", model.name, error: model.errors["naam"]),
                  ProviderFormPage.field("organisatie", "Organisatie (niet verplicht)", model.organisation, error: model.errors["organisatie"]),
                  FormControls.checkboxes("themas", "Thema’s die u interesseren (niet verplicht; zonder keuze krijgt u alles)",
                                              selected: model.interests, terms: site.catalogue.taxonomy.terms(.theme), error: model.errors["themas"]),
                  honeypot(),
                  .button(.type(.submit), .class("button"), .safeText("Aanmelden"))),
            privacy()))
    }

    /// A field people never see or reach; a script that fills every field fills this one too.
    /// `id`: unique on the page (the footer's form has one too).
    static func honeypot(id: String = "website") -> Node<HTML.FormContext> {
        .div(.class("hp"), .aria("hidden", "true"),
             .label(.for(id), .safeText("Laat dit veld leeg")),
             .input(.type(.text), .id(id), .name("website"), .attr("tabindex", "-1"), .attr("autocomplete", "off")))
    }

    static func privacy() -> Node<HTML.BodyContext> {
        .section(.aria("labelledby", "privacy"),
            .h2(.id("privacy"), .safeText("Wat we bewaren")),
            .p(.safeText("Uw e-mailadres, naam en organisatie als u die invult, uw thema’s, en wanneer en waar u zich aanmeldde en bevestigde. "
                + "Niets anders, en we delen het met niemand. Bevestigt u niet binnen zeven dagen, dan wissen we uw aanmelding. "
                + "In elke nieuwsbrief staat een link naar uw voorkeuren: daar wijzigt, pauzeert of downloadt u uw gegevens, "
                + "en met één klik meldt u zich af; dan wissen we uw gegevens.")))
    }

    static func message(_ title: String, _ paragraphs: [String], path: String, site: SiteServices, link: (String, String)? = nil) -> String {
        MessagePage.render(title, paragraphs, path: path, description: "WeerbaarNL, de nieuwsbrief van Weerbaar.", site: site, link: link)
    }

    static func checkInbox(site: SiteServices) -> String {
        message("Kijk in uw mailbox", [
            "Als dit adres nog niet is aangemeld, sturen we een e-mail met een link om uw aanmelding te bevestigen. De link is zeven dagen geldig.",
            "Geen e-mail ontvangen? Kijk ook bij ongewenste e-mail.",
        ], path: NewsletterPaths.signUp(), site: site)
    }

    /// A page with one button that posts back to the link's own address.
    static func confirmStep(title: String, text: String, button: String, action: String, csrf: String, site: SiteServices) -> String {
        Layout.render(meta(title, NewsletterPaths.signUp()), site: site, content: .group(
            .h1(.safeText(title)),
            .p(.safeText(text)),
            .form(.action(esc(action)), .method(.post), PortalFields.csrf(csrf),
                  .button(.type(.submit), .class("button"), .safeText(button)))))
    }

    struct Preferences {
        var subscriber: Subscriber
        var token: String
        var unsubscribeToken: String
        var csrf: String
        var message: String?
        var errors = FormErrors()
        /// Alerts on saved searches, each with its stop link's token.
        var alerts: [(alert: Alert, stopToken: String)] = []
    }

    static func preferences(_ model: Preferences, site: SiteServices) -> String {
        let s = model.subscriber
        let base = NewsletterPaths.preferences(model.token)
        return Layout.render(meta("Uw voorkeuren", NewsletterPaths.signUp()), site: site, content: .group(
            .h1(.safeText("Uw voorkeuren voor WeerbaarNL")),
            .unwrap(model.message) { .div(.class("notice notice--info"), .role("status"), .p(.safeText($0))) },
            FormControls.errorSummary(model.errors, label: { ["naam": "Naam", "organisatie": "Organisatie", "themas": "Thema’s"][$0] ?? $0 }),
            .p(.safeText("Aangemeld als \(s.email)" + (s.paused ? "; de nieuwsbrief staat op pauze." : "."))),
            .form(.class("portal-form portal-form--wide"), .action(esc(base)), .method(.post), PortalFields.csrf(model.csrf),
                  ProviderFormPage.field("naam", "Naam (niet verplicht)", s.name ?? "", error: model.errors["naam"]),
                  ProviderFormPage.field("organisatie", "Organisatie (niet verplicht)", s.organisation ?? "", error: model.errors["organisatie"]),
                  FormControls.checkboxes("themas", "Thema’s (zonder keuze krijgt u alles)", selected: s.interests,
                                              terms: site.catalogue.taxonomy.terms(.theme), error: model.errors["themas"]),
                  .div(.class("checkbox"),
                       .input(.type(.checkbox), .id("nieuwsbrief"), .name("nieuwsbrief"), .value("ja"), .checked(s.newsletter)),
                       .label(.for("nieuwsbrief"), .safeText("De nieuwsbrief WeerbaarNL ontvangen"))),
                  .div(.class("checkbox"),
                       .input(.type(.checkbox), .id("pauze"), .name("pauze"), .value("ja"), .checked(s.paused)),
                       .label(.for("pauze"), .safeText("Even niets ontvangen (pauze), ook geen attenderingen"))),
                  .button(.type(.submit), .class("button"), .safeText("Opslaan"))),
            .h2(.safeText("Uw attenderingen")),
            model.alerts.isEmpty
                ? .p(.safeText("U heeft geen attenderingen. Bij elk zoekresultaat op Weerbaar kiest u ‘Houd mij op de hoogte’."))
                : .ul(.forEach(model.alerts) { item in
                    .li(.safeText("\(item.alert.label) — \(item.alert.frequency.label)" + (item.alert.confirmedAt == nil ? " (nog niet bevestigd)" : "") + " · "),
                        .a(.href(esc(CataloguePaths.finder() + (item.alert.query.isEmpty ? "" : "?" + item.alert.query))), .safeText("Bekijk de resultaten")),
                        .safeText(" · "),
                        .a(.href(esc(NewsletterPaths.stopAlert(item.stopToken))), .safeText("Stoppen"),
                           .span(.class("visually-hidden"), .safeText(": \(item.alert.label)"))))
                }),
            .h2(.safeText("Uw gegevens")),
            .p(.a(.href(esc(base + "/gegevens.json")), .safeText("Download alles wat we van u bewaren (JSON)"))),
            .p(.a(.href(esc(NewsletterPaths.unsubscribe(model.unsubscribeToken))), .safeText("Afmelden en mijn gegevens wissen")))))
    }
}
