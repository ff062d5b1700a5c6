import Accounts
import Audit
import Catalogue
import CatalogueService
import Events
import Foundation
import Hummingbird
import Markup

/// The organisers' side of the agenda: their events with the counts, one event's registrations per
/// workshop, approving, checking in at the door (on a phone), a printable name list and a CSV. The
/// redactie sees every event; a partner editor their own provider's. Participant lists are for the
/// organiser only.
struct EventPortalRoutes<Context: RequestContext> {
    let site: SiteServices
    let portal: PortalServices
    let events: EventServices

    var routes: [Route<Context>] {
        typealias Paths = EventPaths.Portal
        return [
            Route(.get, Paths.events, .signedIn(.editors)) { request in
                var rows: [(Event, SeatCounts)] = []
                for event in events.live.all where mayOrganise(event, request.account) { rows.append((event, try await events.store.seatCounts(event))) }
                return Responses.personal(EventPortalPages.list(rows, site: site))
            },
            Route(.get, Paths.event, .signedIn(.editors)) { request in
                let event = try organised(request)
                return Responses.personal(EventPortalPages.event(event, try await events.store.registrations(event: event.slug), csrf: request.csrf,
                                                                 message: request.query.first("gewijzigd") == nil ? nil : "Gewijzigd.", site: site))
            },
            Route(.get, Paths.nameList, .signedIn(.editors)) { request in
                let event = try organised(request)
                return Responses.personal(EventPortalPages.nameList(event, try await events.store.registrations(event: event.slug), site: site))
            },
            Route(.get, Paths.export, .signedIn(.editors)) { request in
                let event = try organised(request)
                let csv = EventPortalPages.csv(event, try await events.store.registrations(event: event.slug))
                var response = Responses.text(csv, contentType: "text/csv; charset=utf-8", maxAge: 0)
                response.headers[.contentDisposition] = "attachment; filename=\"aanmeldingen-\(event.slug).csv\""
                response.headers[.cacheControl] = "private, no-store"
                await portal.record(.registrationsExported, by: request.account, subject: event.slug, logger: request.logger)
                return response
            },
            Route(.post, Paths.registration, .signedIn(.editors)) { request in
                let event = try organised(request)
                guard let id = UUID(uuidString: try request.parameter("id")) else { throw HTTPError(.notFound) }
                do {
                    switch request.form.first("actie") {
                    case "goedkeuren": _ = try await events.store.approve(id, event: event)
                    case "aanwezig": _ = try await events.store.markAttendance(id, event: event, attended: true)
                    case "afwezig": _ = try await events.store.markAttendance(id, event: event, attended: false)
                    default: return Responses.seeOther(Paths.event(event.slug))  // no such step: nothing changes
                    }
                } catch EventProblem.wrongState, EventProblem.notFound {
                    return Responses.seeOther(Paths.event(event.slug))
                }
                await portal.record(.registrationChanged, by: request.account, subject: event.slug,
                                    details: "\(id.uuidString.prefix(8)): \(request.form.first("actie") ?? "")", logger: request.logger)
                return Responses.seeOther(Paths.event(event.slug, query: "gewijzigd") + "#r-\(id.uuidString)")
            },
        ]
    }

    func mayOrganise(_ event: Event, _ account: Account) -> Bool { account.role == .editor || event.provider == account.provider }

    func organised(_ request: PortalRequest<Context>) throws -> Event {
        guard let event = events.live.event(try request.parameter("slug")) else { throw HTTPError(.notFound) }
        guard mayOrganise(event, request.account) else { throw HTTPError(.forbidden) }
        return event
    }
}
