import Catalogue
import CatalogueService
import Events
import Foundation
import Markup
import Plot

/// The organisers' pages: their events, one event's registrations, the name list for the door, the CSV.
enum EventPortalPages {
    static let defaultPrivacy = "De organisator ziet uw naam, e-mailadres, organisatie, gemeente en rol, en gebruikt die alleen voor deze bijeenkomst. "
        + "Wat u over toegankelijkheid schrijft, wissen we de dag na de bijeenkomst; uw andere gegevens zes maanden na de laatste bijeenkomst."

    static func list(_ rows: [(StoredEvent, SeatCounts)], message: String?, site: SiteServices) -> String {
        let meta = PageMeta(title: "Agenda beheren", description: "Bijeenkomsten en aanmeldingen.", path: EventPaths.Portal.events(), noIndex: true)
        return Layout.render(meta, site: site, content: .group(
            .nav(.class("breadcrumbs"), .aria("label", "Kruimelpad"),
                 .ol(.li(.a(.href(PortalPaths.dashboard()), .safeText("Beheer"))), .li(.aria("current", "page"), .safeText("Agenda")))),
            .h1(.safeText("Agenda: bijeenkomsten en aanmeldingen")),
            .unwrap(message) { .div(.class("notice notice--info"), .role("status"), .p(.safeText($0))) },
            .div(.class("portal-actions"), .a(.class("button"), .href(EventPaths.Portal.newEvent()), .safeText("Nieuwe bijeenkomst"))),
            rows.isEmpty ? .p(.safeText("U organiseert nog geen bijeenkomsten.")) :
            .table(.class("portal-table"),
                   .caption(.safeText("Bijeenkomsten (\(rows.count))")),
                   .thead(.tr(.th(.safeText("Bijeenkomst")), .th(.safeText("Wanneer")), .th(.safeText("Bezet")), .th(.safeText("Wachtlijst")),
                              .th(.span(.class("visually-hidden"), .safeText("Bewerken"))))),
                   .tbody(.forEach(rows) { stored, seats in
                       let event = stored.event
                       return .tr(.td(.a(.href(esc(EventPaths.Portal.event(event.slug))), .safeText(event.title)),
                                      .if(event.isDraft, .span(.class("badge"), .safeText(" concept")))),
                                  .td(.safeText(EventPages.when(event))),
                                  .td(.safeText("\(seats.event) van \(event.capacity)")),
                                  .td(.safeText(String(seats.waiting))),
                                  .td(.a(.href(esc(EventPaths.Portal.edit(event.slug))), .safeText("Bewerken"),
                                         .span(.class("visually-hidden"), .safeText(": \(event.title)")))))
                   }))))
    }

    static func workshopTitle(_ event: Event, _ place: Registration.Place) -> String {
        place.workshop.flatMap { id in event.workshop(id)?.1.title } ?? "–"
    }

    struct EventModel {
        var event: Event
        var registrations: [Registration]
        var attendance: [UUID: [String: Bool]]
        var messages: [(message: EventMessage, recipients: Int)]
        var csrf: String
        /// The session checked in at (a learning network has several).
        var session: String?
        var message: String?
        var draft: (subject: String, body: String, audience: MessageAudience)?
        var errors = FormErrors()
    }

    static func event(_ model: EventModel, site: SiteServices) -> String {
        let event = model.event, csrf = model.csrf
        let meta = PageMeta(title: "Aanmeldingen: \(event.title)", description: event.title, path: EventPaths.Portal.event(event.slug), noIndex: true)
        let active = model.registrations.filter { $0.state != .cancelled }
        let session = event.sessions.first { $0.id == model.session } ?? event.sessions.first { $0.ends > Date() } ?? event.sessions.last
        func action(_ registration: Registration, _ value: String, _ label: String) -> Node<HTML.BodyContext> {
            .form(.class("inline-form"), .action(esc(EventPaths.Portal.registration(event.slug, registration.id.uuidString))), .method(.post),
                  PortalFields.csrf(csrf), .input(.type(.hidden), .name("actie"), .value(value)),
                  .unwrap(session) { .input(.type(.hidden), .name("sessie"), .value($0.id)) },
                  .button(.type(.submit), .class("button button--secondary button--small"), .safeText(label),
                          .span(.class("visually-hidden"), .safeText(": \(registration.person?.name ?? "")"))))
        }
        func checkIn(_ registration: Registration) -> Node<HTML.BodyContext> {
            guard let session, [.confirmed, .attended, .noShow].contains(registration.state) else { return .empty }
            let mark = model.attendance[registration.id]?[session.id]
            return .group(.span(.class("attendance"), .safeText(mark == true ? "Aanwezig " : mark == false ? "Afwezig " : "")),
                          mark == true ? action(registration, "afwezig", "Toch afwezig") : action(registration, "aanwezig", "Aanwezig"))
        }
        return Layout.render(meta, site: site, content: .group(
            .nav(.class("breadcrumbs"), .aria("label", "Kruimelpad"),
                 .ol(.li(.a(.href(EventPaths.Portal.events()), .safeText("Agenda"))), .li(.aria("current", "page"), .safeText(event.title)))),
            .h1(.safeText(event.title)),
            .unwrap(model.message) { .div(.class("notice notice--info"), .role("status"), .p(.safeText($0))) },
            .p(.a(.href(esc(EventPaths.Portal.edit(event.slug))), .safeText("Bewerken")), .safeText(" · "),
               .a(.href(esc(EventPaths.Portal.nameList(event.slug))), .safeText("Naamlijst voor de deur (afdrukken)")), .safeText(" · "),
               .a(.href(esc(EventPaths.Portal.export(event.slug))), .safeText("Aanmeldingen als CSV")), .safeText(" · "),
               .a(.href(esc(EventPaths.Portal.workbook(event.slug))), .safeText("als Excel (XLSX)")), .safeText(" · "),
               .a(.href(esc(EventPaths.event(event.slug))), .safeText("De openbare pagina"))),
            .forEach(event.rounds) { round in
                .table(.class("portal-table"),
                       .caption(.safeText("\(round.title): per workshop")),
                       .thead(.tr(.th(.safeText("Workshop")), .th(.safeText("Bevestigd")), .th(.safeText("Aangeboden")), .th(.safeText("Wachtlijst")),
                                  .th(.safeText("Capaciteit")))),
                       .tbody(.forEach(round.workshops) { workshop in
                           let places = active.flatMap(\.places).filter { $0.round == round.id && $0.workshop == workshop.id }
                           return .tr(.th(.attr("scope", "row"), .safeText(workshop.title)),
                                      .td(.safeText(String(places.filter { $0.state == .confirmed }.count))),
                                      .td(.safeText(String(places.filter { $0.state == .offered }.count))),
                                      .td(.safeText(String(places.filter { $0.state == .waitlisted }.count))),
                                      .td(.safeText(String(workshop.capacity))))
                       }))
            },
            .if(event.sessions.count > 1, .nav(.class("session-switch"), .aria("label", "Aanwezigheid per sessie"),
                .p(.safeText("Aanwezigheid noteren voor: ")),
                .ul(.forEach(event.sessions) { candidate in
                    .li(candidate.id == session?.id
                        ? .strong(.aria("current", "true"), .safeText("\(candidate.title) (\(DutchFormat.dateTime(candidate.starts)))"))
                        : .a(.href(esc(EventPaths.Portal.event(event.slug, query: "sessie=" + PercentEncoding.formComponent(candidate.id)))),
                             .safeText("\(candidate.title) (\(DutchFormat.dateTime(candidate.starts)))")))
                }))),
            .table(.class("portal-table registrations"),
                   .caption(.safeText("Aanmeldingen (\(active.count); geannuleerd: \(model.registrations.count - active.count))"
                                      + (session.map { "; aanwezigheid: \($0.title)" } ?? ""))),
                   .thead(.tr(.th(.safeText("Naam")), .th(.safeText("Organisatie")), .th(.safeText("Status")), .th(.safeText("Workshops")),
                              .th(.safeText("Toegankelijkheid")), .th(.safeText("Acties")))),
                   .tbody(.forEach(active) { registration in
                       .tr(.id("r-\(registration.id.uuidString)"),
                           .td(.safeText(registration.person?.name ?? "(gewist)"), .br(), .small(.safeText(registration.person?.email ?? ""))),
                           .td(.safeText(registration.person?.organisation ?? "")),
                           .td(.safeText(registration.state.label)),
                           .td(.safeText(registration.places.map { workshopTitle(event, $0) }.joined(separator: "; ")),
                               moveForm(registration, event: event, csrf: csrf)),
                           .td(.safeText(registration.person?.accessibility ?? "")),
                           .td(registration.state == .pending ? action(registration, "goedkeuren", "Goedkeuren") : checkIn(registration)))
                   })),
            messages(model)))
    }

    /// First come: the organiser moves a participant to a workshop with a free seat (the store refuses a full one).
    static func moveForm(_ registration: Registration, event: Event, csrf: String) -> Node<HTML.BodyContext> {
        guard event.allocation == .firstCome, !event.rounds.isEmpty, [.confirmed, .pending].contains(registration.state) else { return .empty }
        let id = "verplaats-\(registration.id.uuidString)"
        let options: [Node<HTML.FormContext>] = event.rounds.map { round in
            .element(named: "optgroup", nodes: [.attr("label", round.title), .group(round.workshops.map { workshop in
                let current = registration.places.first { $0.round == round.id }?.workshop == workshop.id
                return FormControls.option("\(round.id)::\(workshop.id)", workshop.title + (current ? " (nu)" : ""), selected: false)
            })])
        }
        return .form(.class("inline-form move-form"), .action(esc(EventPaths.Portal.registration(event.slug, registration.id.uuidString))), .method(.post),
                     PortalFields.csrf(csrf), .input(.type(.hidden), .name("actie"), .value("verplaatsen")),
                     .label(.for(id), .class("visually-hidden"), .safeText("Verplaats \(registration.person?.name ?? "deelnemer") naar")),
                     .element(named: "select", nodes: [.attr("id", id), .attr("name", "plaats"),
                                                       FormControls.option("", "Kies een workshop", selected: true), .group(options)]),
                     .button(.type(.submit), .class("button button--secondary button--small"), .safeText("Verplaatsen")))
    }

    static func messages(_ model: EventModel) -> Node<HTML.BodyContext> {
        let event = model.event, errors = model.errors
        let draft = model.draft ?? ("", "", .seated)
        let form: Node<HTML.BodyContext> = .form(.class("portal-form"), .action(esc(EventPaths.Portal.message(event.slug))), .method(.post),
            PortalFields.csrf(model.csrf),
            FormControls.select("aan", "Aan", value: draft.audience.rawValue, error: nil,
                                options: MessageAudience.allCases.map { ($0.rawValue, $0.label) }, empty: "Kies"),
            FormControls.input("onderwerp", "Onderwerp", value: draft.subject, error: errors["onderwerp"]),
            FormControls.textarea("tekst", "Bericht", value: draft.body, error: errors["tekst"],
                                  hint: "Een aanhef en uw afsluiting voegt Weerbaar toe.", rows: 6),
            .button(.type(.submit), .class("button"), .safeText("Versturen")))
        return .section(.id("berichten"), .aria("labelledby", "berichten-kop"),
            .h2(.id("berichten-kop"), .safeText("Bericht aan de deelnemers")),
            .p(.safeText("Het bericht gaat per e-mail, met ieders persoonlijke link, via de wachtrij van Weerbaar: elke deelnemer krijgt het één keer.")),
            FormControls.errorSummary(errors) { ["onderwerp": "Onderwerp", "tekst": "Bericht"][$0] ?? $0 },
            form,
            sent(model.messages))
    }

    static func sent(_ messages: [(message: EventMessage, recipients: Int)]) -> Node<HTML.BodyContext> {
        guard !messages.isEmpty else { return .empty }
        let rows: [Node<HTML.TableContext>] = messages.map { entry in
            let by = entry.message.sentBy == "systeem" ? "automatisch" : entry.message.sentBy
            return .tr(.td(.safeText(entry.message.subject)), .td(.safeText(DutchFormat.dateTime(entry.message.created))), .td(.safeText(by)),
                       .td(.safeText(String(entry.recipients))))
        }
        return .table(.class("portal-table"), .caption(.safeText("Verstuurde berichten")),
                      .thead(.tr(.th(.safeText("Onderwerp")), .th(.safeText("Verstuurd")), .th(.safeText("Door")), .th(.safeText("Ontvangers")))),
                      .tbody(.group(rows)))
    }

    static func nameList(_ event: Event, _ registrations: [Registration], site: SiteServices) -> String {
        let meta = PageMeta(title: "Naamlijst: \(event.title)", description: event.title, path: EventPaths.Portal.nameList(event.slug), noIndex: true)
        let present = registrations.filter { [.confirmed, .attended, .noShow].contains($0.state) }
            .sorted { ($0.person?.name ?? "").localizedCompare($1.person?.name ?? "") == .orderedAscending }
        return Layout.render(meta, site: site, content: .group(
            .div(.class("print-view"),
                .h1(.safeText("Naamlijst: \(event.title)")),
                .p(.safeText(EventPages.when(event) + " · " + EventPages.place(event))),
                .table(.class("portal-table name-list"),
                       .caption(.safeText("\(present.count) deelnemers")),
                       .thead(.tr(.th(.safeText("Aanwezig")), .th(.safeText("Naam")), .th(.safeText("Organisatie")),
                                  .forEach(event.rounds) { .th(.safeText($0.title)) })),
                       .tbody(.forEach(present) { registration in
                           .tr(.td(.safeText(registration.state == .attended ? "✓" : "☐")),
                               .td(.safeText(registration.person?.name ?? "(gewist)")),
                               .td(.safeText(registration.person?.organisation ?? "")),
                               .forEach(event.rounds) { round in
                                   .td(.safeText(registration.places.first { $0.round == round.id }.map { workshopTitle(event, $0) } ?? "–"))
                               })
                       })))))
    }

    /// The registrations as a table for the organiser (CSV and XLSX): one row per registration, a
    /// column per round and, with several sessions, per session's attendance.
    static func table(_ event: Event, _ registrations: [Registration], attendance: [UUID: [String: Bool]]) -> [[String]] {
        let sessions = event.sessions.count > 1 ? event.sessions : []
        let header = ["naam", "e-mail", "organisatie", "gemeente", "rol", "status", "aangemeld"] + event.rounds.map(\.title)
            + sessions.map { "aanwezig: \($0.title)" } + ["toegankelijkheid"]
        let rows = registrations.map { registration -> [String] in
            let person = registration.person
            let gemeente: String = person?.gemeente.flatMap { MunicipalityList.cbs.municipality($0)?.name } ?? ""
            var row: [String] = [person?.name ?? "", person?.email ?? "", person?.organisation ?? "", gemeente, person?.role ?? "",
                                 registration.state.label, ISO8601DateFormatter().string(from: registration.created)]
            for round in event.rounds {
                row.append(registration.places.first { $0.round == round.id }.map { workshopTitle(event, $0) } ?? "")
            }
            for session in sessions {
                let mark: Bool? = attendance[registration.id]?[session.id]
                row.append(mark.map { $0 ? "ja" : "nee" } ?? "")
            }
            row.append(person?.accessibility ?? "")
            return row
        }
        return [header] + rows
    }

    /// CSV of the table, every field quoted; formula-looking cells defused.
    static func csv(_ table: [[String]]) -> String {
        func cell(_ text: String) -> String { "\"" + Responses.defusedCell(text).replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        return table.map { $0.map(cell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}
