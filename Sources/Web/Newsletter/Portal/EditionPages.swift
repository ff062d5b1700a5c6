import Markup
import Catalogue
import CatalogueService
import Foundation
import Newsletter
import Plot

/// `/beheer/nieuwsbrief`: the redactie's editions of WeerbaarNL — the list, the editor, and the
/// progress of a sent edition.
enum EditionPages {
    static func meta(_ title: String, _ path: String) -> PageMeta {
        PageMeta(title: title, description: "WeerbaarNL samenstellen en versturen.", path: path, noIndex: true)
    }

    struct Row {
        var edition: Edition
        var progress: OutboxProgress
    }

    static func list(_ rows: [Row], subscribers: Int, erasures: Int, csrf: String, message: String?, site: SiteServices) -> String {
        Layout.render(meta("Nieuwsbrief", NewsletterPaths.Portal.editions()), site: site, content: .group(
            .h1(.safeText("Nieuwsbrief WeerbaarNL")),
            .unwrap(message) { .div(.class("notice notice--info"), .role("status"), .p(.safeText($0))) },
            .p(.safeText("\(DutchFormat.count(subscribers, "abonnee", "abonnees")) met een bevestigde aanmelding. "
                + "\(DutchFormat.count(erasures, "afmelding", "afmeldingen")) sinds de start (alleen geteld, zonder adres).")),
            .form(.action(NewsletterPaths.Portal.new()), .method(.post), PortalFields.csrf(csrf),
                  .button(.type(.submit), .class("button"), .safeText("Nieuwe editie"))),
            rows.isEmpty ? .p(.safeText("Er zijn nog geen edities.")) : .table(
                .class("portal-table"),
                .caption(.safeText("Edities (\(rows.count))")),
                .thead(.tr(.th(.attr("scope", "col"), .safeText("Onderwerp")), .th(.attr("scope", "col"), .safeText("Status")),
                           .th(.attr("scope", "col"), .safeText("Verstuurd")), .th(.attr("scope", "col"), .safeText("Mislukt of gebounced")))),
                .tbody(.forEach(rows) { row in
                    .tr(.th(.attr("scope", "row"), .a(.href(esc(NewsletterPaths.Portal.edition(row.edition.id.uuidString.lowercased()))),
                                                      .safeText(row.edition.subject))),
                        .td(.safeText(status(row.edition, row.progress))),
                        .td(.safeText(row.edition.status == .sending ? "\(DutchFormat.number(row.progress[.sent])) van \(DutchFormat.number(row.progress.total))" : "–")),
                        .td(.safeText(row.edition.status == .sending ? DutchFormat.number(row.progress[.failed] + row.progress[.bounced]) : "–")))
                })),
            .p(.a(.href(NewsletterPaths.archive()), .safeText("Het openbare archief"))),
            .p(.a(.href(PortalPaths.dashboard()), .safeText("Terug naar het beheer")))))
    }

    static func status(_ edition: Edition, _ progress: OutboxProgress) -> String {
        switch edition.status {
        case .concept: return "Concept"
        case .scheduled: return "Gepland voor " + (edition.scheduledAt.map(DutchFormat.dateTime) ?? "?")
        case .sending: return progress.isFinished || progress.total == 0 ? "Verstuurd" : "Wordt verstuurd"
        }
    }

    // MARK: - The editor

    struct Editor {
        var edition: Edition
        var form: EditionForm
        var csrf: String
        var subscribers: Int
        var message: String?
        var sendErrors = FormErrors()
    }

    static func editor(_ model: Editor, site: SiteServices) -> String {
        let edition = model.edition
        let id = edition.id.uuidString.lowercased(), base = NewsletterPaths.Portal.edition(id)
        let form = model.form
        let themes = site.catalogue.taxonomy.terms(.theme)
        return Layout.render(meta("Editie bewerken: \(edition.subject)", base), site: site, content: .group(
            .h1(.safeText("Editie bewerken")),
            .p(.class("portal-status"), .safeText("\(status(edition, OutboxProgress())) · versie \(edition.version) · laatst opgeslagen "
                + "\(DutchFormat.dateTime(edition.updatedAt)) door \(edition.updatedBy).")),
            .unwrap(model.message) { .div(.class("notice notice--info"), .role("status"), .p(.safeText($0))) },
            FormControls.errorSummary(form.errors, label: label),
            .form(
                .class("portal-form portal-form--wide"), .action(esc(base)), .method(.post), .attr("novalidate", "novalidate"),
                PortalFields.csrf(model.csrf),
                // Enter in a field submits with the form's first button. Without this one that would be
                // "Omlaag" or "Blok verwijderen" of the first block; this makes Enter save. It is out of
                // sight and out of the tab order: the visible "Opslaan" below is the one to use.
                .button(.type(.submit), .class("visually-hidden"), .name("actie"), .value("opslaan"), .attr("tabindex", "-1"),
                        .aria("hidden", "true"), .safeText("Opslaan")),
                .input(.type(.hidden), .name("versie"), .value("\(edition.version)")),
                .input(.type(.hidden), .name("secties"), .value("\(form.sections.count)")),
                input("onderwerp", "Onderwerp", form, hint: "De onderwerpregel van de e-mail en de titel in het archief."),
                input("adres", "Adres in het archief", form, hint: "Wordt /nieuwsbrief/archief/… . Kleine letters, cijfers en koppeltekens."),
                area("intro", "Inleiding", form, rows: 5, hint: "Markdown: **vet**, *cursief*, [link](https://…), lijstjes met -."),
                .div(.id("secties"), .group(form.sections.enumerated().map { s, shape in section(s, shape, form: form, themes: themes, site: site) })),
                .unwrap(form.errors["secties"]) { .p(.class("field__error"), .safeText($0)) },
                .div(.class("portal-actions"),
                     .button(.type(.submit), .class("button button--secondary"), .name("actie"), .value("sectie-toevoegen"), .safeText("Sectie toevoegen")),
                     .button(.type(.submit), .class("button"), .name("actie"), .value("opslaan"), .safeText("Opslaan")))),
            .section(.aria("labelledby", "controleren"),
                .h2(.id("controleren"), .safeText("Controleren")),
                .p(.safeText("Het voorbeeld toont de e-mail zoals die nu verstuurd zou worden, met het aanbod van vandaag. Sla eerst op.")),
                .form(.class("portal-form"), .action(esc(NewsletterPaths.Portal.preview(id))), .method(.get),
                      FormControls.select("thema", "Voorbeeld voor een abonnee met interesse in", value: "", error: nil,
                                              options: themes.map { ($0.slug, $0.label) }, empty: "geen keuze (alles)"),
                      .button(.type(.submit), .class("button button--secondary"), .safeText("Voorbeeld bekijken"))),
                .form(.action(esc(NewsletterPaths.Portal.testMail(id))), .method(.post), PortalFields.csrf(model.csrf),
                      .button(.type(.submit), .class("button button--secondary"), .safeText("Testmail naar mijzelf sturen")))),
            .section(.aria("labelledby", "versturen"),
                .h2(.id("versturen"), .safeText("Versturen")),
                FormControls.errorSummary(model.sendErrors, label: { ["tijdstip": "Tijdstip", "bevestiging": "Bevestiging"][$0] ?? $0 }),
                .form(.class("portal-form"), .action(esc(NewsletterPaths.Portal.schedule(id))), .method(.post), PortalFields.csrf(model.csrf),
                      .input(.type(.hidden), .name("versie"), .value("\(edition.version)")),
                      ProviderFormPage.field("tijdstip", "Versturen op (Nederlandse tijd)", edition.scheduledAt.map(localInput) ?? "",
                                             error: model.sendErrors["tijdstip"], type: "datetime-local",
                                             hint: "Tot dat moment kunt u de editie nog wijzigen."),
                      .button(.type(.submit), .class("button button--secondary"), .safeText(edition.status == .scheduled ? "Ander tijdstip" : "Inplannen"))),
                .if(edition.status == .scheduled, .form(.action(esc(NewsletterPaths.Portal.schedule(id))), .method(.post), PortalFields.csrf(model.csrf),
                      .input(.type(.hidden), .name("versie"), .value("\(edition.version)")),
                      .input(.type(.hidden), .name("tijdstip"), .value("")),
                      .button(.type(.submit), .class("button button--secondary"), .safeText("Planning intrekken")))),
                .form(.class("portal-form"), .action(esc(NewsletterPaths.Portal.send(id))), .method(.post), PortalFields.csrf(model.csrf),
                      .input(.type(.hidden), .name("versie"), .value("\(edition.version)")),
                      .div(.class(model.sendErrors["bevestiging"] == nil ? "field checkbox" : "field checkbox field--error"), .id("bevestiging"),
                           .unwrap(model.sendErrors["bevestiging"]) { .p(.id("bevestiging-fout"), .class("field__error"), .safeText($0)) },
                           .input(.type(.checkbox), .id("bevestiging-ja"), .name("bevestiging"), .value("ja")),
                           .label(.for("bevestiging-ja"), .safeText("Ja, verstuur deze editie nu naar \(DutchFormat.count(model.subscribers, "abonnee", "abonnees"))."))),
                      .button(.type(.submit), .class("button"), .safeText("Nu versturen")))),
            .form(.action(esc(NewsletterPaths.Portal.delete(id))), .method(.post), PortalFields.csrf(model.csrf),
                  .button(.type(.submit), .class("button button--secondary"), .safeText("Deze editie verwijderen"))),
            .p(.a(.href(NewsletterPaths.Portal.editions()), .safeText("Terug naar de edities")))))
    }

    static func section(_ s: Int, _ shape: EditionForm.SectionShape, form: EditionForm, themes: [Term], site: SiteServices) -> Node<HTML.FormContext> {
        .fieldset(.class("edition-section"), .id("sectie-\(s)"),
            .legend(.safeText("Sectie \(s + 1)")),
            .input(.type(.hidden), .name("s\(s)-blokken"), .value("\(shape.blocks.count)")),
            input("s\(s)-titel", "Titel van sectie \(s + 1)", form),
            FormControls.checkboxes("s\(s)-themas", "Alleen voor abonnees met interesse in (geen keuze: voor iedereen)",
                                        selected: form.themes[s] ?? [], terms: themes, error: nil),
            .group(shape.blocks.enumerated().map { b, kind in block(s, b, kind, form: form, site: site) }),
            .div(.class("portal-actions"),
                 .group(EditionForm.BlockKind.allCases.map { kind in
                     .button(.type(.submit), .class("button button--secondary button--small"), .name("actie"), .value("blok-\(s)-\(kind.rawValue)"),
                             .safeText("+ \(kind.label)"), .span(.class("visually-hidden"), .safeText(" in sectie \(s + 1)")))
                 }),
                 .if(s > 0, move("sectie-omhoog-\(s)", "Sectie \(s + 1) omhoog", context: "")),
                 .if(s < form.sections.count - 1, move("sectie-omlaag-\(s)", "Sectie \(s + 1) omlaag", context: "")),
                 .button(.type(.submit), .class("button button--secondary button--small"), .name("actie"), .value("sectie-weg-\(s)"),
                         .safeText("Sectie \(s + 1) verwijderen"))))
    }

    /// A button that moves a block or section one place; `context` (hidden from sight) names what moves.
    static func move(_ action: String, _ label: String, context: String) -> Node<HTML.FormContext> {
        .button(.type(.submit), .class("button button--secondary button--small"), .name("actie"), .value(action),
                .safeText(label), .if(!context.isEmpty, .span(.class("visually-hidden"), .safeText(context))))
    }

    static func block(_ s: Int, _ b: Int, _ kind: EditionForm.BlockKind, form: EditionForm, site: SiteServices) -> Node<HTML.FormContext> {
        let prefix = "s\(s)b\(b)-"
        let name = "blok \(b + 1) van sectie \(s + 1)"
        let fields: Node<HTML.FormContext>
        switch kind {
        case .article:
            fields = .group(
                input(prefix + "titel", "Kop (niet verplicht)", form),
                area(prefix + "tekst", "Tekst", form, rows: 6, hint: "Markdown: **vet**, *cursief*, [link](https://…), lijstjes met -."),
                input(prefix + "afbeelding", "Afbeelding (niet verplicht)", form, hint: "Het adres van een afbeelding, beginnend met https://."),
                input(prefix + "alt", "Beschrijving van de afbeelding", form, hint: "Voor wie de afbeelding niet ziet. Verplicht bij een afbeelding."))
        case .offering:
            fields = input(prefix + "aanbod", "Aanbod", form, hint: "Het adres van het aanbod op Weerbaar, zoals /aanbod/handreiking-polarisatie.")
        case .newOfferings:
            fields = .group(
                .p(.class("hint"), .safeText("Aanbod dat sinds de vorige editie nieuw of bijgewerkt is, het nieuwste eerst.")),
                FormControls.select(prefix + "thema", "Thema", value: form[prefix + "thema"], error: form.errors[prefix + "thema"],
                                        options: site.catalogue.taxonomy.terms(.theme).map { ($0.slug, $0.label) }, empty: "Alle thema’s"),
                input(prefix + "aantal", "Hoogstens zoveel", form, type: "number"))
        case .knowledge:
            fields = input(prefix + "kennisartikel", "Artikel", form,
                           hint: "Het adres van een gepubliceerd artikel of praktijkvoorbeeld op Weerbaar, zoals /artikelen/buurtgesprekken-na-de-brand.")
        case .agenda:
            fields = area(prefix + "agenda", "Agenda", form, rows: 4, hint: "Eén activiteit per regel: datum | titel | link (link niet verplicht).")
        }
        return .div(.class("edition-block"), .id("blok-\(s)-\(b)"),
            .h3(.safeText("\(kind.label) (\(name))")),
            .input(.type(.hidden), .name(prefix + "soort"), .value(kind.rawValue)),
            fields,
            .div(.class("portal-actions"),
                 .if(b > 0, move("omhoog-\(s)-\(b)", "Omhoog", context: ": \(name)")),
                 .if(b < form.sections[s].blocks.count - 1, move("omlaag-\(s)-\(b)", "Omlaag", context: ": \(name)")),
                 .button(.type(.submit), .class("button button--secondary button--small"), .name("actie"), .value("weg-\(s)-\(b)"),
                         .safeText("Blok verwijderen"), .span(.class("visually-hidden"), .safeText(": \(name)")))))
    }

    static func input(_ name: String, _ label: String, _ form: EditionForm, type: String = "text", hint: String? = nil) -> Node<HTML.FormContext> {
        ProviderFormPage.field(name, label, form[name], error: form.errors[name], type: type, hint: hint)
    }

    static func area(_ name: String, _ label: String, _ form: EditionForm, rows: Int, hint: String?) -> Node<HTML.FormContext> {
        let error = form.errors[name]
        return FormControls.wrapper(name, label, hint: hint, error: error,
            .element(named: "textarea", nodes: [.attr("id", name), .attr("name", name), .attr("rows", "\(rows)"),
                                                FormControls.describedBy(name, hint: hint, error: error),
                                                .raw("\n"), .safeText(form[name])]))
    }

    static func label(_ name: String) -> String {
        if name == "onderwerp" { return "Onderwerp" }
        if name == "adres" { return "Adres in het archief" }
        if name == "intro" { return "Inleiding" }
        if name == "secties" { return "Secties" }
        let digits = name.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        let field = name.split(separator: "-").last.map(String.init) ?? name
        let fieldLabel = ["titel": "titel", "tekst": "tekst", "afbeelding": "afbeelding", "alt": "beschrijving van de afbeelding",
                          "aanbod": "aanbod", "thema": "thema", "aantal": "aantal", "agenda": "agenda"][field] ?? field
        if digits.count == 2 { return "Sectie \(digits[0] + 1), blok \(digits[1] + 1): \(fieldLabel)" }
        if digits.count == 1 { return "Sectie \(digits[0] + 1): \(fieldLabel)" }
        return name
    }

    // MARK: - A sent edition

    struct Sent {
        var edition: Edition
        var progress: OutboxProgress
        var perMinute: Int
        var reasons: [(reason: String, count: Int)]
        /// Counted links, most clicked first; empty when click counting was off for this edition.
        var links: [EditionLink]
    }

    static func sent(_ model: Sent, site: SiteServices) -> String {
        let edition = model.edition
        let progress = model.progress
        let id = edition.id.uuidString.lowercased(), base = NewsletterPaths.Portal.edition(id)
        let rows: [(String, Int)] = [("Verstuurd", progress[.sent]), ("Nog te versturen", progress[.queued]), ("Nu onderweg", progress[.sending]),
                                     ("Mislukt", progress[.failed]), ("Gebounced (adres geweigerd)", progress[.bounced]),
                                     ("Geannuleerd (afgemeld voor verzending)", progress[.cancelled])]
        return Layout.render(meta("Editie: \(edition.subject)", base), site: site, content: .group(
            .h1(.safeText(edition.subject)),
            .p(.class("portal-status"), .safeText("\(status(edition, progress)). Begonnen op \(edition.sendStartedAt.map(DutchFormat.dateTime) ?? "–").")),
            .table(.class("portal-table"),
                   .caption(.safeText("Voortgang (\(DutchFormat.count(progress.total, "bericht", "berichten")))")),
                   .tbody(.forEach(rows) { row in .tr(.th(.attr("scope", "row"), .safeText(row.0)), .td(.safeText(DutchFormat.number(row.1)))) })),
            .p(.safeText(progress.remaining > 0
                ? "Tempo: \(DutchFormat.number(model.perMinute)) berichten in de laatste minuut."
                : "Alle berichten zijn afgehandeld.")),
            .p(.a(.href(esc(base)), .safeText("Vernieuwen"))),
            .if(!model.reasons.isEmpty, .group(
                .h2(.safeText("Redenen van mislukken")),
                .ul(.forEach(model.reasons) { .li(.safeText("\($0.reason) (\(DutchFormat.number($0.count)))")) }))),
            clicks(model.links),
            .p(.a(.href(esc(NewsletterPaths.archivedEdition(edition.slug))), .safeText("Deze editie in het archief"))),
            .p(.a(.href(NewsletterPaths.Portal.editions()), .safeText("Terug naar de edities")))))
    }

    static func clicks(_ links: [EditionLink]) -> Node<HTML.BodyContext> {
        guard !links.isEmpty else { return .p(.safeText("Kliks op links worden voor deze editie niet geteld.")) }
        return .group(
            .table(.class("portal-table"),
                   .caption(.safeText("Kliks per link")),
                   .thead(.tr(.th(.attr("scope", "col"), .safeText("Link")), .th(.attr("scope", "col"), .safeText("Kliks")))),
                   .tbody(.forEach(links) { link in
                       .tr(.td(.a(.href(esc(link.url)), .safeText(link.url))), .td(.safeText(DutchFormat.number(link.clicks))))
                   })),
            .p(.safeText("Geteld per link, niet per lezer: niemand is te herleiden. Mailprogramma’s die links vooraf controleren, tellen mee.")))
    }

    /// A date for a datetime-local input, in Dutch time.
    static func localInput(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Europe/Amsterdam")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm"
        return formatter.string(from: date)
    }

    static func parseLocalInput(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Europe/Amsterdam")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm"
        return formatter.date(from: text)
    }
}
