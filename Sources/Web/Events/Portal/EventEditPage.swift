import Accounts
import Catalogue
import CatalogueService
import Events
import Foundation
import Markup
import Plot

/// The organiser's form for an event: its details, then the programme as rows (sessions, rounds in
/// a session, workshops in a round), then materials. Works without JavaScript: each save shows
/// empty rows to add more.
enum EventEditPage {
    struct Model {
        var account: Account
        var csrf: String
        var form: EventForm
        /// Nil for a new event.
        var stored: StoredEvent?
        var errors = FormErrors()
        var message: String?
    }

    static func render(_ model: Model, site: SiteServices) -> String {
        let isNew = model.stored == nil
        let action = isNew ? EventPaths.Portal.newEvent() : EventPaths.Portal.edit(model.form.slug)
        let title = isNew ? "Nieuwe bijeenkomst" : "Bijeenkomst bewerken"
        let meta = PageMeta(title: title, description: "Een bijeenkomst op de agenda van Weerbaar.", path: action, noIndex: true)
        return Layout.render(meta, site: site, content: .group(
            .nav(.class("breadcrumbs"), .aria("label", "Kruimelpad"),
                 .ol(.li(.a(.href(PortalPaths.dashboard()), .safeText("Beheer"))), .li(.a(.href(EventPaths.Portal.events()), .safeText("Agenda"))),
                     .li(.aria("current", "page"), .safeText(isNew ? "Nieuw" : model.form.title)))),
            .h1(.safeText(title)),
            .unwrap(model.message) { .div(.class("notice notice--info"), .role("status"), .p(.safeText($0))) },
            FormControls.errorSummary(model.errors) { EventForm.label($0) },
            .form(.class("portal-form portal-form--wide"), .action(esc(action)), .method(.post), .attr("novalidate", "novalidate"),
                  PortalFields.csrf(model.csrf),
                  .input(.type(.hidden), .name("revisie"), .value(String(model.stored?.revision ?? 0))),
                  details(model, site: site),
                  sessions(model),
                  rounds(model),
                  workshops(model, taxonomy: site.catalogue.taxonomy),
                  materials(model),
                  .fieldset(.legend(.safeText("Publiceren")),
                      checkbox("concept", "Concept: nog niet op de agenda en niet open voor aanmelding", model.form.draft),
                      .if(!isNew, checkbox("bericht-bij-wijziging", "Deelnemers een bericht sturen als tijd, plaats of programma verandert",
                                           model.form.notify))),
                  .div(.class("portal-actions"), .button(.type(.submit), .class("button"), .safeText("Opslaan"))))))
    }

    static func checkbox(_ name: String, _ label: String, _ checked: Bool) -> Node<HTML.FormContext> {
        .div(.class("checkbox"),
             .input(.type(.checkbox), .id(name), .name(name), .value("ja"), .checked(checked)),
             .label(.for(name), .safeText(label)))
    }

    static func details(_ model: Model, site: SiteServices) -> Node<HTML.FormContext> {
        let form = model.form, errors = model.errors, taxonomy = site.catalogue.taxonomy
        let providers = taxonomy.providers.map { ($0.slug, $0.name) }
        let provinces = MunicipalityList.cbs.provinces.map { ($0, $0) }
        return .group(
            .if(model.stored == nil, FormControls.input("kenmerk", "Kenmerk", value: form.slug, error: errors["kenmerk"],
                                                        hint: "Kleine letters en koppeltekens; het wordt het adres van de bijeenkomst en blijft vast.")),
            FormControls.select("soort", "Soort", value: form.kind, error: errors["soort"],
                                options: Event.Kind.allCases.map { ($0.rawValue, $0.label) }, empty: "Kies een soort"),
            FormControls.input("titel", "Titel", value: form.title, error: errors["titel"]),
            FormControls.textarea("beschrijving", "Beschrijving", value: form.description, error: errors["beschrijving"],
                                  hint: "Voor wie, wat u meeneemt. Kopjes met ##, lijstjes met -, vet met **.", rows: 6),
            model.account.role == .editor
                ? FormControls.select("aanbieder", "Organisator", value: form.provider, error: errors["aanbieder"], options: providers,
                                      empty: "Kies de organisator")
                : .p(.safeText("Organisator: \(taxonomy.provider(model.account.provider ?? "")?.name ?? "")")),
            FormControls.input("aanbod", "Aanbod in de catalogus", value: form.offering, error: errors["aanbod"],
                               hint: "Het kenmerk van het aanbod waar deze bijeenkomst een datum van is, zoals het adres na /aanbod/ laat zien: aanbieder/kenmerk. Mag leeg."),
            FormControls.checkboxes("themas", "Thema’s", selected: form.themes, terms: taxonomy.terms(.theme), error: errors["themas"]),
            FormControls.checkboxes("doelgroepen", "Doelgroepen", selected: form.audiences, terms: taxonomy.terms(.audience), error: errors["doelgroepen"]),
            checkbox("online", "Online", form.online),
            FormControls.input("locatie", "Locatie", value: form.venue, error: errors["locatie"], hint: "Naam en adres; leeg bij een online bijeenkomst."),
            FormControls.select("provincie", "Provincie", value: form.province, error: errors["provincie"], options: provinces, empty: "Geen provincie"),
            FormControls.input("aanmelding-open", "Aanmelden vanaf", value: form.opens, error: errors["aanmelding-open"], type: "date"),
            FormControls.input("aanmelding-sluit", "Aanmelden tot (datum)", value: form.closesDate, error: errors["aanmelding-sluit"], type: "date"),
            FormControls.input("aanmelding-sluit-tijd", "Aanmelden tot (tijd)", value: form.closesTime, error: nil, type: "time"),
            FormControls.input("capaciteit", "Aantal plaatsen", value: form.capacity, error: errors["capaciteit"], type: "number"),
            checkbox("goedkeuring", "Aanmeldingen wachten op mijn goedkeuring", form.needsApproval),
            FormControls.select("verdeling", "Verdeling van workshops", value: form.allocation, error: errors["verdeling"],
                                options: [(Event.Allocation.firstCome.rawValue, "Wie eerst komt (met wachtlijsten)"),
                                          (Event.Allocation.rankedChoice.rawValue, "Voorkeuren, verdeeld als de aanmelding sluit")],
                                empty: "Kies een verdeling"),
            FormControls.input("bedenktijd", "Bedenktijd voor een vrijgekomen plaats (uren)", value: form.offerHours, error: errors["bedenktijd"],
                               type: "number"),
            FormControls.textarea("privacy", "Privacyverklaring", value: form.privacy, error: errors["privacy"],
                                  hint: "Deelnemers lezen dit bij het aanmelden.", rows: 3))
    }

    /// One row of a table-like fieldset: a caption, then its controls.
    static func rowSet(_ legend: String, _ controls: [Node<HTML.FormContext>]) -> Node<HTML.FormContext> {
        .fieldset(.class("form-row"), .legend(.safeText(legend)), .group(controls))
    }

    static func field(_ name: String, _ label: String, _ value: String, _ errors: FormErrors, type: String = "text") -> Node<HTML.FormContext> {
        FormControls.input(name, label, value: value, error: errors[name], type: type)
    }

    static func removeBox(_ name: String, _ checked: Bool, exists: Bool) -> Node<HTML.FormContext> {
        exists ? checkbox(name, "Verwijderen", checked) : .empty
    }

    static func sessions(_ model: Model) -> Node<HTML.FormContext> {
        let rows = model.form.sessions + Array(repeating: EventForm.SessionRow(), count: EventForm.spare.sessions)
        return .fieldset(.legend(.safeText("Sessies")),
            .p(.class("field__hint"), .safeText("Elke dag of elk dagdeel waarop de groep bijeenkomt. Een leernetwerk heeft er meerdere.")),
            .unwrap(model.errors["programma"]) { .p(.class("field__error"), .id("programma-fout"), .safeText($0)) },
            .forEach(Array(rows.enumerated())) { i, row in
                rowSet("Sessie \(i + 1)", [
                    .input(.type(.hidden), .name("sessie-\(i)-id"), .value(row.id)),
                    field("sessie-\(i)-titel", "Titel", row.title, model.errors),
                    field("sessie-\(i)-datum", "Datum", row.date, model.errors, type: "date"),
                    field("sessie-\(i)-begin", "Begin", row.starts, model.errors, type: "time"),
                    field("sessie-\(i)-einde", "Einde", row.ends, model.errors, type: "time"),
                    removeBox("sessie-\(i)-weg", row.remove, exists: !row.id.isEmpty),
                ])
            })
    }

    static func rounds(_ model: Model) -> Node<HTML.FormContext> {
        let saved = model.stored?.event.sessions ?? []
        guard !saved.isEmpty else {
            return .p(.class("field__hint"), .safeText("Rondes met workshops voegt u toe zodra een sessie is opgeslagen."))
        }
        let rows = model.form.rounds + Array(repeating: EventForm.RoundRow(), count: EventForm.spare.rounds)
        let options = saved.map { ($0.id, $0.title) }
        return .fieldset(.legend(.safeText("Rondes met workshops (mag leeg)")),
            .p(.class("field__hint"), .safeText("Een ronde is een tijdvak met workshops naast elkaar; deelnemers kiezen er per ronde één.")),
            .forEach(Array(rows.enumerated())) { i, row in
                rowSet("Ronde \(i + 1)", [
                    .input(.type(.hidden), .name("ronde-\(i)-id"), .value(row.id)),
                    FormControls.select("ronde-\(i)-sessie", "Sessie", value: row.session.isEmpty ? (saved.count == 1 ? saved[0].id : "") : row.session,
                                        error: model.errors["ronde-\(i)-sessie"], options: options, empty: "Kies een sessie"),
                    field("ronde-\(i)-titel", "Titel", row.title, model.errors),
                    field("ronde-\(i)-begin", "Begin", row.starts, model.errors, type: "time"),
                    field("ronde-\(i)-einde", "Einde", row.ends, model.errors, type: "time"),
                    removeBox("ronde-\(i)-weg", row.remove, exists: !row.id.isEmpty),
                ])
            })
    }

    static func workshops(_ model: Model, taxonomy: Taxonomy) -> Node<HTML.FormContext> {
        let saved = model.stored?.event.rounds ?? []
        guard !saved.isEmpty else { return .empty }
        let rows = model.form.workshops + Array(repeating: EventForm.WorkshopRow(), count: EventForm.spare.workshops)
        let options = saved.map { ($0.id, $0.title) }
        let themes = taxonomy.terms(.theme).map { ($0.slug, $0.label) }
        return .fieldset(.legend(.safeText("Workshops")),
            .forEach(Array(rows.enumerated())) { i, row in
                rowSet("Workshop \(i + 1)", [
                    .input(.type(.hidden), .name("workshop-\(i)-id"), .value(row.id)),
                    FormControls.select("workshop-\(i)-ronde", "Ronde", value: row.round, error: model.errors["workshop-\(i)-ronde"], options: options,
                                        empty: "Kies een ronde"),
                    field("workshop-\(i)-titel", "Titel", row.title, model.errors),
                    field("workshop-\(i)-host", "Door", row.host, model.errors),
                    field("workshop-\(i)-zaal", "Zaal", row.room, model.errors),
                    FormControls.select("workshop-\(i)-thema", "Thema", value: row.theme, error: model.errors["workshop-\(i)-thema"], options: themes,
                                        empty: "Geen thema"),
                    field("workshop-\(i)-plaatsen", "Plaatsen", row.capacity, model.errors, type: "number"),
                    removeBox("workshop-\(i)-weg", row.remove, exists: !row.id.isEmpty),
                ])
            })
    }

    static func materials(_ model: Model) -> Node<HTML.FormContext> {
        let rows = model.form.materials + Array(repeating: EventForm.MaterialRow(), count: EventForm.spare.materials)
        return .fieldset(.legend(.safeText("Materiaal na afloop (mag leeg)")),
            .p(.class("field__hint"), .safeText("Dia’s, een verslag of het infoblad: een adres op deze site (/artikelen/…) of een https-adres.")),
            .forEach(Array(rows.enumerated())) { i, row in
                rowSet("Materiaal \(i + 1)", [
                    field("materiaal-\(i)-titel", "Titel", row.title, model.errors),
                    field("materiaal-\(i)-adres", "Adres", row.url, model.errors),
                    removeBox("materiaal-\(i)-weg", row.remove, exists: !row.title.isEmpty || !row.url.isEmpty),
                ])
            })
    }
}
