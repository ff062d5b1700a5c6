import Catalogue
import CatalogueService
import Events
import Foundation
import Markup
import Plot

/// The agenda, an event with its programme and registration form, and a registration's status.
enum EventPages {
    /// The agenda's filters from its query: theme, kind, province, online only.
    struct Filter: Sendable, Equatable {
        var themes: [String]
        var kinds: [String]
        var provinces: [String]
        var onlineOnly: Bool

        init(_ query: QueryString) {
            themes = query.values("thema")
            kinds = query.values("soort")
            provinces = query.values("provincie")
            onlineOnly = query.first("online") == "ja"
        }

        func admits(_ event: Event) -> Bool {
            (themes.isEmpty || !Set(themes).isDisjoint(with: event.themes))
                && (kinds.isEmpty || kinds.contains(event.kind.rawValue))
                && (provinces.isEmpty || event.province.map(provinces.contains) == true)
                && (!onlineOnly || event.online)
        }
    }

    static func when(_ event: Event) -> String {
        guard let first = event.sessions.first else { return "" }
        let more = event.sessions.count > 1 ? " (en nog \(event.sessions.count - 1) \(event.sessions.count == 2 ? "bijeenkomst" : "bijeenkomsten"))" : ""
        return "\(DutchFormat.dateTime(first.starts))–\(DutchFormat.time(first.ends))\(more)"
    }

    static func place(_ event: Event) -> String { event.online ? "Online" : (event.venue ?? "") }

    static func card(_ event: Event, taxonomy: Taxonomy) -> Node<HTML.BodyContext> {
        .article(.class("card card--event"),
                 .h3(.class("card__title"), .a(.href(esc(EventPaths.event(event.slug))), .safeText(event.title))),
                 .p(.class("card__meta"), .safeText("\(event.kind.label) · \(when(event)) · \(place(event))")),
                 .p(.class("card__quality"), .safeText(event.themes.map { taxonomy.label(.theme, $0) }.joined(separator: " · "))))
    }

    static func agenda(upcoming: [Event], past: [Event], filter: Filter, site: SiteServices) -> String {
        let taxonomy = site.catalogue.taxonomy
        let meta = PageMeta(title: "Agenda", description: "Themadagen, leernetwerken, webinars en trainingen van de partners.", path: EventPaths.agenda(),
                            section: .agenda)
        let provinces = Array(Set((upcoming + past).compactMap(\.province))).sorted()
        func box(_ name: String, _ value: String, _ label: String, _ checked: Bool) -> Node<HTML.FormContext> {
            .div(.class("checkbox"), .input(.type(.checkbox), .id(esc("\(name)-\(value)")), .name(name), .value(esc(value)), .checked(checked)),
                 .label(.for(esc("\(name)-\(value)")), .safeText(label)))
        }
        let shown = upcoming.filter(filter.admits), shownPast = past.filter(filter.admits)
        return Layout.render(meta, site: site, content: .group(
            .h1(.safeText("Agenda")),
            .p(.class("lead"), .safeText("Bijeenkomsten van de partners: themadagen met workshops, regionale bijeenkomsten, leernetwerken, webinars en trainingen. "
                + "Aanmelden kan hier, zonder account.")),
            .p(.a(.href(EventPaths.feed()), .safeText("Alle bijeenkomsten in uw agenda (iCal)"))),
            .div(.class("finder"),
                 .element(named: "details", nodes: [.class("finder__filters"), .attribute(named: "open"),
                    .element(named: "summary", nodes: [.safeText("Filters")]),
                    .form(.action(EventPaths.agenda()), .method(.get),
                        .fieldset(.class("field choices"), .legend(.safeText("Soort")),
                                  .forEach(Event.Kind.allCases) { box("soort", $0.rawValue, $0.label, filter.kinds.contains($0.rawValue)) }),
                        .fieldset(.class("field choices"), .legend(.safeText("Thema")),
                                  .forEach(taxonomy.terms(.theme)) { box("thema", $0.slug, $0.label, filter.themes.contains($0.slug)) }),
                        .fieldset(.class("field choices"), .legend(.safeText("Regio")),
                                  .forEach(provinces) { box("provincie", $0, $0, filter.provinces.contains($0)) },
                                  box("online", "ja", "Alleen online", filter.onlineOnly)),
                        .button(.type(.submit), .class("button"), .safeText("Toon")))]),
                 .div(.class("finder__results"),
                      .h2(.safeText("Binnenkort")),
                      .p(.role("status"), .safeText(shown.count == 1 ? "1 bijeenkomst" : "\(shown.count) bijeenkomsten")),
                      shown.isEmpty ? .p(.safeText("Geen bijeenkomsten met deze keuzes. Haal een filter weg."))
                          : .div(.class("card-list"), .forEach(shown) { card($0, taxonomy: taxonomy) }),
                      .if(!shownPast.isEmpty, .group(
                          .h2(.safeText("Eerder, met materiaal")),
                          .div(.class("card-list"), .forEach(shownPast) { card($0, taxonomy: taxonomy) })))))))
    }

    struct EventModel {
        var event: Event
        var seats: SeatCounts
        var now: Date
        var csrf: String
        var form = RegistrationForm()
        var errors = FormErrors()
    }

    static func event(_ model: EventModel, site: SiteServices) -> String {
        let event = model.event, taxonomy = site.catalogue.taxonomy
        let meta = PageMeta(title: event.title, description: "\(event.kind.label) · \(when(event))", path: EventPaths.event(event.slug), section: .agenda)
        let provider = taxonomy.provider(event.provider)?.name ?? event.provider
        let full = model.seats.left(event) == 0 || model.seats.waiting > 0
        return Layout.render(meta, site: site, content: .group(
            .nav(.class("breadcrumbs"), .aria("label", "Kruimelpad"),
                 .ol(.li(.a(.href(EventPaths.agenda()), .safeText("Agenda"))), .li(.aria("current", "page"), .safeText(event.title)))),
            .p(.class("card__meta"), .safeText("\(event.kind.label) · georganiseerd door \(provider)")),
            .h1(.safeText(event.title)),
            .dl(.class("facts"),
                .dt(.safeText(event.sessions.count > 1 ? "Bijeenkomsten" : "Wanneer")),
                .dd(.ul(.forEach(event.sessions) { session in
                    .li(.safeText("\(event.sessions.count > 1 ? session.title + ": " : "")\(DutchFormat.dateTime(session.starts))–\(DutchFormat.time(session.ends))"))
                })),
                .dt(.safeText("Waar")), .dd(.safeText(place(event))),
                .unwrap(event.offering.flatMap(OfferingKey.init(parsing:)).flatMap(site.catalogue.offering)) { offering in
                    .group(.dt(.safeText("Hoort bij")), .dd(.a(.href(esc(CataloguePaths.offering(offering.slug))), .safeText(offering.title))))
                },
                .dt(.safeText("Plaatsen")),
                .dd(.safeText(event.isPast(at: model.now) ? "Afgelopen" : full ? "Vol — u kunt op de wachtlijst" : "Nog \(model.seats.left(event)) van \(event.capacity)")),
                .dt(.safeText("Aanmelden")),
                .dd(.safeText(event.isOpen(at: model.now) ? "Kan tot \(DutchFormat.dateTime(event.registrationCloses))"
                    : model.now < event.registrationOpens ? "Kan vanaf \(DutchFormat.dateTime(event.registrationOpens))" : "Gesloten"))),
            .div(.class("prose"), SafeMarkdown.render(event.description)),
            .p(.a(.href(esc(EventPaths.eventFeed(event.slug))), .safeText("In uw agenda zetten (iCal)"))),
            programme(model, taxonomy: taxonomy),
            .if(!event.materials.isEmpty, .section(.aria("labelledby", "materiaal"),
                .h2(.id("materiaal"), .safeText("Materiaal")),
                .ul(.forEach(event.materials) { .li(.a(.href(esc($0.url)), .safeText($0.title))) }))),
            event.isOpen(at: model.now) ? registration(model, site: site) : .empty))
    }

    /// The programme: per round a table of its parallel workshops with seats left.
    static func programme(_ model: EventModel, taxonomy: Taxonomy) -> Node<HTML.BodyContext> {
        let event = model.event
        guard !event.rounds.isEmpty else { return .empty }
        return .section(.aria("labelledby", "programma"),
            .h2(.id("programma"), .safeText("Programma")),
            .p(.safeText(event.allocation.explanation)),
            .forEach(event.rounds) { round in
                .table(.class("portal-table programme"),
                       .caption(.safeText("\(round.title), \(DutchFormat.time(round.starts))–\(DutchFormat.time(round.ends))")),
                       .thead(.tr(.th(.attr("scope", "col"), .safeText("Workshop")), .th(.attr("scope", "col"), .safeText("Door")),
                                  .th(.attr("scope", "col"), .safeText("Zaal")), .th(.attr("scope", "col"), .safeText("Thema")),
                                  .th(.attr("scope", "col"), .safeText("Plaatsen")))),
                       .tbody(.forEach(round.workshops) { workshop in
                           let left = model.seats.left(workshop)
                           return .tr(.th(.attr("scope", "row"), .safeText(workshop.title)), .td(.safeText(workshop.host)), .td(.safeText(workshop.room)),
                                      .td(.safeText(taxonomy.label(.theme, workshop.theme))),
                                      .td(.safeText(left == 0 ? "vol — wachtlijst" : "\(left) van \(workshop.capacity)")))
                       }))
            })
    }

    static func registration(_ model: EventModel, site: SiteServices) -> Node<HTML.BodyContext> {
        let event = model.event, form = model.form, errors = model.errors
        let gemeenten = MunicipalityList.cbs.all.sorted { $0.name < $1.name }.map { ($0.code, $0.name) }
        var labels = RegistrationForm.labels
        for round in event.rounds { labels["ronde-\(round.id)"] = round.title }
        return .section(.aria("labelledby", "aanmelden"),
            .h2(.id("aanmelden"), .safeText("Aanmelden")),
            FormControls.errorSummary(errors) { labels[$0] ?? $0 },
            .form(.class("portal-form portal-form--wide"), .action(esc(EventPaths.register(event.slug))), .method(.post), .attr("novalidate", "novalidate"),
                PortalFields.csrf(model.csrf),
                FormControls.input("naam", "Naam", value: form.name, error: errors["naam"]),
                FormControls.input("email", "E-mailadres", value: form.email, error: errors["email"], type: "email",
                                   hint: "Hier komen de bevestiging en uw persoonlijke link."),
                FormControls.input("organisatie", "Organisatie (niet verplicht)", value: form.organisation, error: errors["organisatie"]),
                FormControls.select("gemeente", "Gemeente (niet verplicht)", value: form.gemeente, error: errors["gemeente"], options: gemeenten,
                                    empty: "Geen gemeente"),
                FormControls.select("rol", "Uw rol (niet verplicht)", value: form.role, error: errors["rol"],
                                    options: site.catalogue.taxonomy.terms(.audience).map { ($0.slug, $0.label) }, empty: "Zeg ik liever niet"),
                .forEach(event.rounds) { round in roundChoice(round, model: model) },
                FormControls.textarea("toegankelijkheid", "Heeft u iets nodig om mee te kunnen doen? (niet verplicht)", value: form.accessibility,
                                      error: errors["toegankelijkheid"], hint: "Bijvoorbeeld een rolstoelplek of een tolk. We wissen dit de dag na de bijeenkomst.", rows: 2),
                .div(.class("checkbox"),
                     .input(.type(.checkbox), .id("toestemming-toegankelijkheid"), .name("toestemming-toegankelijkheid"), .value("ja"),
                            .checked(form.accessibilityConsent)),
                     .label(.for("toestemming-toegankelijkheid"), .safeText("Ik geef toestemming dit te bewaren tot de dag na de bijeenkomst"))),
                NewsletterPages.honeypot(id: "aanmelding-website"),
                .button(.type(.submit), .class("button"), .safeText(model.seats.left(event) == 0 || model.seats.waiting > 0 ? "Op de wachtlijst" : "Aanmelden"))),
            .h3(.safeText("Privacy")),
            .p(.safeText(event.privacyNotice)))
    }

    /// One round: radio buttons (first come) or three choices in order (ranked), as one fieldset.
    static func roundChoice(_ round: Event.Round, model: EventModel) -> Node<HTML.FormContext> {
        let name = "ronde-\(round.id)"
        let error = model.errors[name]
        let chosen = model.form.choices[round.id] ?? []
        let legend = "\(round.title) (\(DutchFormat.time(round.starts))–\(DutchFormat.time(round.ends)))"
        switch model.event.allocation {
        case .firstCome:
            return .fieldset(.class(error == nil ? "field choices" : "field choices field--error"), .id(name),
                .legend(.safeText(legend)),
                .unwrap(error) { .p(.id("\(name)-fout"), .class("field__error"), .safeText($0)) },
                .forEach(round.workshops) { workshop in
                    let id = "\(name)-\(workshop.id)"
                    return .div(.class("radio"),
                        .input(.type(.radio), .id(esc(id)), .name(name), .value(esc(workshop.id)), .checked(chosen.first == workshop.id)),
                        .label(.for(esc(id)), .safeText(workshop.title + (model.seats.left(workshop) == 0 ? " (vol — wachtlijst)" : ""))))
                })
        case .rankedChoice:
            let options = round.workshops.map { ($0.id, $0.title) }
            return .fieldset(.class(error == nil ? "field" : "field field--error"), .id(name),
                .legend(.safeText(legend)),
                .unwrap(error) { .p(.id("\(name)-fout"), .class("field__error"), .safeText($0)) },
                .forEach(1...3) { rank in
                    FormControls.select("\(name)-keuze-\(rank)", ["Eerste", "Tweede", "Derde"][rank - 1] + " keuze", value: chosen.count >= rank ? chosen[rank - 1] : "",
                                        error: nil, options: options, empty: rank == 1 ? "Kies een workshop" : "Geen")
                })
        }
    }

    /// First come, with a seat, before the event: a participant may move to another workshop.
    static func canChange(_ registration: Registration, _ event: Event, now: Date) -> Bool {
        event.allocation == .firstCome && !event.rounds.isEmpty && [.confirmed, .pending].contains(registration.state) && now < event.starts
    }

    static func change(_ registration: Registration, _ event: Event, token: String, csrf: String, seats: SeatCounts, errors: FormErrors,
                       site: SiteServices) -> String {
        let meta = PageMeta(title: "Workshops wijzigen", description: event.title, path: EventPaths.change(token), noIndex: true)
        var labels: [String: String] = [:]
        for round in event.rounds { labels["ronde-\(round.id)"] = round.title }
        return Layout.render(meta, site: site, content: .group(
            .h1(.safeText("Workshops wijzigen: \(event.title)")),
            .p(.safeText("Kies per ronde een workshop. U kunt alleen naar een workshop met een vrije plaats; uw huidige plaats gaat dan naar wie erop wachtte.")),
            FormControls.errorSummary(errors) { labels[$0] ?? $0 },
            .form(.class("portal-form portal-form--wide"), .action(esc(EventPaths.change(token))), .method(.post), .attr("novalidate", "novalidate"),
                  PortalFields.csrf(csrf),
                  .forEach(event.rounds) { round in
                      let name = "ronde-\(round.id)", error = errors[name]
                      let current = registration.places.first { $0.round == round.id }?.workshop
                      return .fieldset(.class(error == nil ? "field choices" : "field choices field--error"), .id(name),
                          .legend(.safeText("\(round.title) (\(DutchFormat.time(round.starts))–\(DutchFormat.time(round.ends)))")),
                          .unwrap(error) { .p(.id("\(name)-fout"), .class("field__error"), .safeText($0)) },
                          .forEach(round.workshops) { workshop in
                              let id = "\(name)-\(workshop.id)"
                              let full = workshop.id != current && seats.left(workshop) == 0
                              return .div(.class("radio"),
                                  .input(.type(.radio), .id(esc(id)), .name(name), .value(esc(workshop.id)), .checked(workshop.id == current),
                                         full ? .attribute(named: "disabled", value: "disabled") : .empty),
                                  .label(.for(esc(id)), .safeText(workshop.title + (workshop.id == current ? " (uw plaats)" : full ? " (vol)" : ""))))
                          })
                  },
                  .button(.type(.submit), .class("button"), .safeText("Wijzigingen opslaan"))),
            .p(.a(.href(esc(EventPaths.registration(token))), .safeText("Terug naar uw aanmelding")))))
    }

    struct StatusModel {
        var registration: Registration
        var event: Event
        var token: String
        var csrf: String
        var now: Date
        var message: String?
    }

    static func status(_ model: StatusModel, site: SiteServices) -> String {
        let registration = model.registration, event = model.event
        let meta = PageMeta(title: "Uw aanmelding", description: event.title, path: EventPaths.registration(model.token), noIndex: true)
        let canClaim = (registration.state == .offered && (registration.offeredUntil ?? .distantPast) > model.now)
            || registration.places.contains { $0.state == .offered && ($0.offeredUntil ?? .distantPast) > model.now }
        let waits = [.offered, .waitlisted].contains(registration.state) || registration.places.contains { [.offered, .waitlisted].contains($0.state) }
        let active = ![.cancelled, .attended, .noShow].contains(registration.state) && !event.isPast(at: model.now)
        return Layout.render(meta, site: site, content: .group(
            .h1(.safeText("Uw aanmelding: \(event.title)")),
            .unwrap(model.message) { .div(.class("notice notice--info"), .role("status"), .p(.safeText($0))) },
            .p(.class("lead"), .safeText("Status: \(registration.state.label).")),
            .unwrap(registration.state == .offered ? registration.offeredUntil : nil) { until in
                .p(.safeText("Neem uw plaats vóór \(DutchFormat.dateTime(until)); daarna gaat zij naar de volgende op de wachtlijst."))
            },
            .ul(.forEach(registration.places) { place in
                let round = event.rounds.first { $0.id == place.round }
                let workshop = place.workshop.flatMap { id in round?.workshops.first { $0.id == id }?.title } ?? "nog niet toegewezen"
                return .li(.safeText("\(round?.title ?? place.round): \(workshop) — \(place.state.label.lowercased())"))
            }),
            .p(.a(.href(esc(EventPaths.event(event.slug))), .safeText("Naar de bijeenkomst")), .safeText(" · "),
               .a(.href(esc(EventPaths.eventFeed(event.slug))), .safeText("In uw agenda (iCal)")),
               .if(canChange(registration, event, now: model.now), .group(.safeText(" · "),
                   .a(.href(esc(EventPaths.change(model.token))), .safeText("Workshops wijzigen"))))),
            .div(.class("portal-actions"),
                 .if(canClaim, .form(.action(esc(EventPaths.claim(model.token))), .method(.post), PortalFields.csrf(model.csrf),
                                     .button(.type(.submit), .class("button"), .safeText("Plaats nemen")))),
                 .if(active && waits, .form(.action(esc(EventPaths.decline(model.token))), .method(.post), PortalFields.csrf(model.csrf),
                                            .button(.type(.submit), .class("button button--secondary"), .safeText("Ik wil niet meer (wachtlijst verlaten)")))),
                 .if(active, .form(.action(esc(EventPaths.cancel(model.token))), .method(.post), PortalFields.csrf(model.csrf),
                                   .button(.type(.submit), .class("button button--secondary"), .safeText("Aanmelding annuleren")))))))
    }
}
