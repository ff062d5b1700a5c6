import Catalogue
import CatalogueService
import Events
import Foundation
import Markup
import Plot

/// The organisers' pages: their events, one event's registrations, the name list for the door, the CSV.
enum EventPortalPages {
    static func list(_ rows: [(Event, SeatCounts)], site: SiteServices) -> String {
        let meta = PageMeta(title: "Agenda beheren", description: "Bijeenkomsten en aanmeldingen.", path: EventPaths.Portal.events(), noIndex: true)
        return Layout.render(meta, site: site, content: .group(
            .nav(.class("breadcrumbs"), .aria("label", "Kruimelpad"),
                 .ol(.li(.a(.href(PortalPaths.dashboard()), .safeText("Beheer"))), .li(.aria("current", "page"), .safeText("Agenda")))),
            .h1(.safeText("Agenda: aanmeldingen")),
            rows.isEmpty ? .p(.safeText("U organiseert nog geen bijeenkomsten.")) :
            .table(.class("portal-table"),
                   .caption(.safeText("Bijeenkomsten (\(rows.count))")),
                   .thead(.tr(.th(.safeText("Bijeenkomst")), .th(.safeText("Wanneer")), .th(.safeText("Bezet")), .th(.safeText("Wachtlijst")))),
                   .tbody(.forEach(rows) { event, seats in
                       .tr(.td(.a(.href(esc(EventPaths.Portal.event(event.slug))), .safeText(event.title))),
                           .td(.safeText(EventPages.when(event))),
                           .td(.safeText("\(seats.event) van \(event.capacity)")),
                           .td(.safeText(String(seats.waiting))))
                   }))))
    }

    static func workshopTitle(_ event: Event, _ place: Registration.Place) -> String {
        place.workshop.flatMap { id in event.workshop(id)?.1.title } ?? "–"
    }

    static func event(_ event: Event, _ registrations: [Registration], csrf: String, message: String?, site: SiteServices) -> String {
        let meta = PageMeta(title: "Aanmeldingen: \(event.title)", description: event.title, path: EventPaths.Portal.event(event.slug), noIndex: true)
        let active = registrations.filter { $0.state != .cancelled }
        func action(_ registration: Registration, _ value: String, _ label: String) -> Node<HTML.BodyContext> {
            .form(.class("inline-form"), .action(esc(EventPaths.Portal.registration(event.slug, registration.id.uuidString))), .method(.post),
                  PortalFields.csrf(csrf), .input(.type(.hidden), .name("actie"), .value(value)),
                  .button(.type(.submit), .class("button button--secondary button--small"), .safeText(label),
                          .span(.class("visually-hidden"), .safeText(": \(registration.person?.name ?? "")"))))
        }
        return Layout.render(meta, site: site, content: .group(
            .nav(.class("breadcrumbs"), .aria("label", "Kruimelpad"),
                 .ol(.li(.a(.href(EventPaths.Portal.events()), .safeText("Agenda"))), .li(.aria("current", "page"), .safeText(event.title)))),
            .h1(.safeText(event.title)),
            .unwrap(message) { .div(.class("notice notice--info"), .role("status"), .p(.safeText($0))) },
            .p(.a(.href(esc(EventPaths.Portal.nameList(event.slug))), .safeText("Naamlijst voor de deur (afdrukken)")), .safeText(" · "),
               .a(.href(esc(EventPaths.Portal.export(event.slug))), .safeText("Aanmeldingen als CSV")), .safeText(" · "),
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
            .table(.class("portal-table registrations"),
                   .caption(.safeText("Aanmeldingen (\(active.count); geannuleerd: \(registrations.count - active.count))")),
                   .thead(.tr(.th(.safeText("Naam")), .th(.safeText("Organisatie")), .th(.safeText("Status")), .th(.safeText("Workshops")),
                              .th(.safeText("Toegankelijkheid")), .th(.span(.class("visually-hidden"), .safeText("Acties"))))),
                   .tbody(.forEach(active) { registration in
                       .tr(.id("r-\(registration.id.uuidString)"),
                           .td(.safeText(registration.person?.name ?? "(gewist)"), .br(), .small(.safeText(registration.person?.email ?? ""))),
                           .td(.safeText(registration.person?.organisation ?? "")),
                           .td(.safeText(registration.state.label)),
                           .td(.safeText(registration.places.map { workshopTitle(event, $0) }.joined(separator: "; "))),
                           .td(.safeText(registration.person?.accessibility ?? "")),
                           .td(registration.state == .pending ? action(registration, "goedkeuren", "Goedkeuren")
                               : [.confirmed, .noShow].contains(registration.state) ? action(registration, "aanwezig", "Aanwezig")
                               : registration.state == .attended ? action(registration, "afwezig", "Toch afwezig") : .empty))
                   }))))
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

    /// CSV for the organiser: one row per registration; formula-looking cells defused.
    static func csv(_ event: Event, _ registrations: [Registration]) -> String {
        func cell(_ text: String) -> String {
            let safe = text.first.map { "=+-@\t\r".contains($0) } == true ? "'" + text : text
            return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        let header = ["naam", "e-mail", "organisatie", "gemeente", "rol", "status", "aangemeld"] + event.rounds.map(\.title) + ["toegankelijkheid"]
        let rows = registrations.map { registration -> String in
            let person = registration.person
            let fields = [person?.name ?? "", person?.email ?? "", person?.organisation ?? "",
                          person?.gemeente.flatMap { MunicipalityList.cbs.municipality($0)?.name } ?? "", person?.role ?? "",
                          registration.state.label, ISO8601DateFormatter().string(from: registration.created)]
                + event.rounds.map { round in registration.places.first { $0.round == round.id }.map { workshopTitle(event, $0) } ?? "" }
                + [person?.accessibility ?? ""]
            return fields.map(cell).joined(separator: ",")
        }
        return ([header.map(cell).joined(separator: ",")] + rows).joined(separator: "\r\n") + "\r\n"
    }
}
