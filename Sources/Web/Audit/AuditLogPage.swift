import Markup
import Audit
import Catalogue
import Foundation
import Plot

/// `/beheer/logboek`: the audit log, newest first, for beheerders; filtered by person, action and
/// period, with a CSV export of what the filter shows.
enum AuditLogPage {
    /// The filter form as typed (`persoon`, `actie`, `van`, `tot`), what it selects, and what was wrong.
    struct Filter {
        var person = "", action = "", from = "", to = ""
        var filter = AuditFilter.everything
        var errors: [String: String] = [:]

        init(_ query: QueryString) {
            person = String((query.first("persoon") ?? "").prefix(FormField.emailAddress.limit))
            action = query.first("actie") ?? ""
            from = query.first("van") ?? ""
            to = query.first("tot") ?? ""
            let chosen = AuditEvent.Action(rawValue: action)
            if !action.isEmpty && chosen == nil { errors["actie"] = "Kies een actie uit de lijst." }
            let fromDay = Self.day(from, "van", &errors)
            let toDay = Self.day(to, "tot", &errors)
            if let fromDay, let toDay, toDay < fromDay { errors["tot"] = "De einddatum ligt vóór de begindatum." }
            filter = AuditFilter(person: person, action: chosen, from: fromDay.map(Self.start),
                                 until: toDay.map { Self.start(of: $0.adding(days: 1)) })
        }

        static func day(_ text: String, _ field: String, _ errors: inout [String: String]) -> Day? {
            guard !text.isEmpty else { return nil }
            guard let day = Day(text) else {
                errors[field] = "Vul een datum in als 2026-11-29 (jaar-maand-dag)."
                return nil
            }
            return day
        }

        /// Midnight of the day in the Netherlands, where the log's times are read.
        static func start(of day: Day) -> Date {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .gmt
            return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day)) ?? Date.distantPast
        }

        /// The filter as a query string, for the pages and the CSV link.
        var query: String {
            [("persoon", person), ("actie", action), ("van", from), ("tot", to)].filter { !$0.1.isEmpty }
                .map { "\($0.0)=\(PercentEncoding.formComponent($0.1))" }.joined(separator: "&")
        }

        var isActive: Bool { filter != .everything }
    }

    static func render(events: [AuditEvent], filter: Filter, page: Int, pageCount: Int, total: Int, site: SiteServices) -> String {
        let meta = PageMeta(title: "Logboek", description: "Het logboek van het beheer.", path: AuditPaths.log(), noIndex: true)
        func pageLink(_ n: Int) -> String { AuditPaths.log(query: ([filter.query, "pagina=\(n)"].filter { !$0.isEmpty }).joined(separator: "&")) }
        return Layout.render(meta, site: site, content: .group(
            .h1(.safeText("Logboek")),
            .p(.safeText("Alles wat in het beheer gebeurt, nieuwste eerst. Het logboek kan niet worden gewijzigd.")),
            form(filter),
            .p(.strong(.safeText(DutchFormat.count(total, "regel", "regels") + (filter.isActive ? " met dit filter. " : ". "))),
               .a(.href(esc(AuditPaths.csv(query: filter.query))),
                  .safeText(filter.isActive ? "Download deze \(DutchFormat.count(total, "regel", "regels")) als CSV" : "Download als CSV"))),
            .table(.class("portal-table"),
                   .caption(.safeText("Pagina \(page) van \(pageCount)")),
                   .thead(.tr(.th(.safeText("Tijdstip")), .th(.safeText("Door")), .th(.safeText("Actie")), .th(.safeText("Onderwerp")),
                              .th(.safeText("Details")))),
                   .tbody(.forEach(events) { event in
                       .tr(.td(.safeText(DutchFormat.dateTime(event.at))),
                           .td(.safeText(event.actorName.isEmpty ? event.actor : "\(event.actorName) (\(event.actor))")),
                           .td(.safeText(event.action.label)), .td(.safeText(event.subject)), .td(.safeText(event.details)))
                   })),
            .if(pageCount > 1, .nav(.class("pagination"), .aria("label", "Paginering"), .ul(
                .if(page > 1, .li(.a(.href(esc(pageLink(page - 1))), .attr("rel", "prev"), .safeText("Nieuwer")))),
                .if(page < pageCount, .li(.a(.href(esc(pageLink(page + 1))), .attr("rel", "next"), .safeText("Ouder"))))))),
            .p(.a(.href(PortalPaths.dashboard()), .safeText("Terug naar het beheer")))))
    }

    static func form(_ filter: Filter) -> Node<HTML.BodyContext> {
        let all: Node<HTML.SelectContext> = .element(named: "option", nodes: [.attr("value", ""), .safeText("Alle acties")])
        let actions: [Node<HTML.SelectContext>] = [all] + AuditEvent.Action.allCases
            .sorted { $0.label < $1.label }
            .map { action in
                .element(named: "option", nodes: [.attr("value", action.rawValue),
                                                  action.rawValue == filter.action ? .attribute(named: "selected") : .empty,
                                                  .safeText(action.label)])
            }
        func field(_ id: String, _ label: String, type: String, value: String) -> Node<HTML.FormContext> {
            .div(.class(filter.errors[id] == nil ? "field" : "field field--error"),
                 .label(.for(id), .safeText(label)),
                 .unwrap(filter.errors[id]) { .p(.id("\(id)-fout"), .class("field__error"), .safeText($0)) },
                 .input(.attr("type", type), .id(id), .name(id), .value(esc(value)),
                        filter.errors[id] == nil ? .empty : .aria("describedby", "\(id)-fout"),
                        filter.errors[id] == nil ? .empty : .aria("invalid", "true")))
        }
        return .form(.class("portal-form portal-form--wide audit-filter"), .action(AuditPaths.log()), .method(.get),
            .fieldset(
                .legend(.safeText("Filter")),
                field("persoon", "Persoon (e-mailadres of naam, of een deel ervan)", type: "text", value: filter.person),
                .div(.class(filter.errors["actie"] == nil ? "field" : "field field--error"),
                     .label(.for("actie"), .safeText("Actie")),
                     .unwrap(filter.errors["actie"]) { .p(.id("actie-fout"), .class("field__error"), .safeText($0)) },
                     .select(.id("actie"), .attr("name", "actie"), .group(actions))),
                field("van", "Van (datum)", type: "date", value: filter.from),
                field("tot", "Tot en met (datum)", type: "date", value: filter.to),
                .div(.class("portal-actions"),
                     .button(.type(.submit), .class("button"), .safeText("Filteren")),
                     .if(filter.isActive || !filter.errors.isEmpty, .a(.class("button button--secondary"), .href(AuditPaths.log()),
                                                                      .safeText("Filter wissen"))))))
    }
}
