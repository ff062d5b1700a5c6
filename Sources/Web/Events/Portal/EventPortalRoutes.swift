import Accounts
import Audit
import Catalogue
import CatalogueService
import Events
import Foundation
import Hummingbird
import Markup
import Workbook

/// The organisers' side of the agenda: their events (drafts too) with the counts, creating and
/// editing an event, one event's registrations per workshop, approving, moving people between
/// workshops, a message to all participants, checking in per session (on a phone), a printable name
/// list, CSV and XLSX. The redactie organises every event; a partner editor their own provider's.
/// Participant lists are for the organiser only.
struct EventPortalRoutes<Context: RequestContext> {
    let site: SiteServices
    let portal: PortalServices
    let events: EventServices

    var routes: [Route<Context>] {
        typealias Paths = EventPaths.Portal
        return [
            Route(.get, Paths.events, .signedIn(.editors)) { request in
                var rows: [(StoredEvent, SeatCounts)] = []
                for stored in try await events.store.storedEvents() where mayOrganise(stored.event, request.account) {
                    rows.append((stored, try await events.store.seatCounts(stored.event)))
                }
                return Responses.personal(EventPortalPages.list(rows, message: Flash.read(request.query)?.text, site: site))
            },
            Route(.get, Paths.newEvent, .signedIn(.editors)) { request in
                var form = EventForm()
                form.provider = request.account.provider ?? ""
                form.privacy = EventPortalPages.defaultPrivacy
                return Responses.personal(EventEditPage.render(.init(account: request.account, csrf: request.csrf, form: form), site: site))
            },
            Route(.post, Paths.newEvent, .signedIn(.editors)) { request in try await save(request, stored: nil) },
            Route(.get, Paths.edit, .signedIn(.editors)) { request in
                let stored = try await organised(request)
                return Responses.personal(EventEditPage.render(.init(account: request.account, csrf: request.csrf, form: EventForm(event: stored.event),
                                                                     stored: stored, message: Flash.read(request.query)?.text), site: site))
            },
            Route(.post, Paths.edit, .signedIn(.editors)) { request in try await save(request, stored: try await organised(request)) },
            Route(.get, Paths.event, .signedIn(.editors)) { request in
                let event = try await organised(request).event
                var model = try await pageModel(event, request)
                model.session = request.query.first("sessie")
                model.message = Flash.read(request.query)?.text
                return Responses.personal(EventPortalPages.event(model, site: site))
            },
            Route(.post, Paths.message, .signedIn(.editors)) { request in
                let event = try await organised(request).event
                let subject = String((request.form.first("onderwerp") ?? "").prefix(201)).trimmingCharacters(in: .whitespacesAndNewlines)
                let body = String((request.form.first("tekst") ?? "").prefix(10_001)).trimmingCharacters(in: .whitespacesAndNewlines)
                let audience = MessageAudience(rawValue: request.form.first("aan") ?? "") ?? .seated
                var errors = FormErrors()
                if subject.isEmpty || subject.count > 200 { errors.add("onderwerp", "Vul een onderwerp in van ten hoogste 200 tekens.") }
                if body.isEmpty || body.count > 10_000 { errors.add("tekst", "Schrijf het bericht (ten hoogste 10.000 tekens).") }
                guard errors.isEmpty else {
                    var model = try await pageModel(event, request)
                    model.draft = (subject, body, audience)
                    model.errors = errors
                    return Responses.personal(EventPortalPages.event(model, site: site), status: .unprocessableContent)
                }
                let count = try await events.store.queue(EventMessage(event: event.slug, subject: subject, body: body, sentBy: request.account.email,
                                                                      created: Date()), to: audience)
                await portal.record(.eventMessageSent, by: request.account, subject: event.slug, details: "\(count) ontvangers: \(subject)",
                                    logger: request.logger)
                return Responses.seeOther(Paths.event(event.slug, query: Flash.verstuurd.rawValue) + "#berichten")
            },
            Route(.get, Paths.nameList, .signedIn(.editors)) { request in
                let event = try await organised(request).event
                return Responses.personal(EventPortalPages.nameList(event, try await events.store.registrations(event: event.slug), site: site))
            },
            Route(.get, Paths.export, .signedIn(.editors)) { request in
                let event = try await organised(request).event
                let csv = EventPortalPages.csv(try await exportTable(event))
                await portal.record(.registrationsExported, by: request.account, subject: event.slug, details: "CSV", logger: request.logger)
                return Responses.download(Data(csv.utf8), type: "text/csv; charset=utf-8", file: "aanmeldingen-\(event.slug).csv")
            },
            Route(.get, Paths.workbook, .signedIn(.editors)) { request in
                let event = try await organised(request).event
                let data = try XLSXWriter.workbook(sheetName: "Aanmeldingen", rows: try await exportTable(event))
                await portal.record(.registrationsExported, by: request.account, subject: event.slug, details: "XLSX", logger: request.logger)
                return Responses.download(data, type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                          file: "aanmeldingen-\(event.slug).xlsx")
            },
            Route(.post, Paths.registration, .signedIn(.editors)) { request in
                let event = try await organised(request).event
                guard let id = UUID(uuidString: try request.parameter("id")) else { throw HTTPError(.notFound) }
                let action = request.form.first("actie") ?? ""
                let session = request.form.first("sessie") ?? event.sessions.first?.id ?? ""
                let back = Paths.event(event.slug, query: event.sessions.count > 1 ? "sessie=\(PercentEncoding.formComponent(session))" : nil)
                var flash = Flash.gewijzigd
                do {
                    switch action {
                    case "goedkeuren": _ = try await events.store.approve(id, event: event)
                    case "aanwezig": _ = try await events.store.markAttendance(id, event: event, session: session, attended: true)
                    case "afwezig": _ = try await events.store.markAttendance(id, event: event, session: session, attended: false)
                    case "verplaatsen":
                        let place = (request.form.first("plaats") ?? "").components(separatedBy: "::")
                        guard place.count == 2 else { return Responses.seeOther(back) }
                        let round = place[0], workshop = place[1]
                        let moved = try await events.store.changeWorkshop(id, event: event, round: round, to: workshop, now: Date())
                        if let email = moved.person?.email {
                            await EventRoutes<Context>(site: site, events: events)
                                .mail(EventMail.moved(moved, event, link: site.baseURL + EventPaths.registration(events.token(id))), to: email, event: nil,
                                      logger: request.logger)
                        }
                    default: return Responses.seeOther(back)  // no such step: nothing changes
                    }
                } catch EventProblem.full {
                    flash = .vol
                } catch EventProblem.wrongState, EventProblem.notFound {
                    return Responses.seeOther(back)
                }
                if flash == .gewijzigd {
                    await portal.record(.registrationChanged, by: request.account, subject: event.slug,
                                        details: "\(id.uuidString.prefix(8)): \(action)", logger: request.logger)
                }
                let separator = back.contains("?") ? "&" : "?"
                return Responses.seeOther(back + separator + flash.rawValue + "#r-\(id.uuidString)")
            },
        ]
    }

    enum Flash: String, CaseIterable, Sendable {
        case gewijzigd, vol, opgeslagen, aangemaakt, verstuurd
        var text: String {
            switch self {
            case .gewijzigd: "Gewijzigd."
            case .vol: "Die workshop is vol of heeft een wachtlijst; de deelnemer blijft waar hij was."
            case .opgeslagen: "De bijeenkomst is opgeslagen."
            case .aangemaakt: "De bijeenkomst is aangemaakt. Voeg nu eventueel rondes en workshops toe."
            case .verstuurd: "Het bericht staat klaar en gaat binnen een minuut naar de deelnemers."
            }
        }
        /// The first name in the query that is a message (`?sessie=2&gewijzigd` too).
        static func read(_ query: QueryString) -> Flash? { query.pairs.lazy.compactMap { Flash(rawValue: $0.0) }.first }
    }

    /// The event's page as stored now: its registrations, attendance and messages.
    func pageModel(_ event: Event, _ request: PortalRequest<Context>) async throws -> EventPortalPages.EventModel {
        EventPortalPages.EventModel(event: event, registrations: try await events.store.registrations(event: event.slug),
                                    attendance: try await events.store.attendance(event: event.slug),
                                    messages: try await events.store.messages(event: event.slug), csrf: request.csrf, session: nil, message: nil)
    }

    /// The registrations as the exports write them.
    func exportTable(_ event: Event) async throws -> [[String]] {
        EventPortalPages.table(event, try await events.store.registrations(event: event.slug), attendance: try await events.store.attendance(event: event.slug))
    }

    func mayOrganise(_ event: Event, _ account: Account) -> Bool { account.role == .editor || event.provider == account.provider }

    /// The event of the URL as stored (drafts too), if this account organises it.
    func organised(_ request: PortalRequest<Context>) async throws -> StoredEvent {
        guard let stored = try await events.store.storedEvent(try request.parameter("slug")) else { throw HTTPError(.notFound) }
        guard mayOrganise(stored.event, request.account) else { throw HTTPError(.forbidden) }
        return stored
    }

    func save(_ request: PortalRequest<Context>, stored: StoredEvent?) async throws -> Response {
        let account = request.account
        let form = EventForm(form: request.form)
        func render(_ errors: FormErrors, stored: StoredEvent?) -> Response {
            Responses.personal(EventEditPage.render(.init(account: account, csrf: request.csrf, form: form, stored: stored, errors: errors), site: site),
                               status: .unprocessableContent)
        }
        if account.role != .editor, account.provider == nil { throw HTTPError(.forbidden) }
        var event: Event
        switch form.validate(taxonomy: site.catalogue.taxonomy, existing: stored?.event, fixedProvider: account.role == .editor ? nil : account.provider,
                             offering: { OfferingKey(parsing: $0).flatMap(site.catalogue.offering) != nil }) {
        case .failure(let errors): return render(errors, stored: stored)
        case .success(let valid): event = valid
        }
        if stored == nil, event.slug == "nieuw" {
            var errors = FormErrors()
            errors.add("kenmerk", "Dit kenmerk is gereserveerd; kies een ander.")
            return render(errors, stored: nil)
        }
        let revision = stored.map { _ in Int(request.form.first("revisie") ?? "") ?? -1 }
        let before: Event?
        do {
            before = try await events.store.save(event, revision: revision)
        } catch let problem as EventEditProblem {
            var errors = FormErrors()
            switch problem {
            case .stale: errors.add("titel", "Iemand anders heeft de bijeenkomst intussen opgeslagen. Open haar opnieuw en breng uw wijziging opnieuw aan.")
            case .exists: errors.add("kenmerk", "Er is al een bijeenkomst met dit kenmerk.")
            case .inUse(let titles): errors.add("programma", "Er zijn deelnemers ingeschreven voor: \(titles.joined(separator: ", ")). Verplaats hen eerst; dan kunt u dit verwijderen.")
            case .belowSeats(let held): errors.add("capaciteit", "Er zijn al \(held) plaatsen bezet; het aantal plaatsen kan niet lager.")
            case .workshopBelowSeats(let title, let held): errors.add("programma", "Workshop ‘\(title)’ heeft al \(held) deelnemers; het aantal plaatsen kan niet lager.")
            }
            return render(errors, stored: stored)
        }
        await events.reload(catalogue: site.catalogue, logger: request.logger)
        var details = event.isDraft ? "concept" : "op de agenda"
        if let before, form.notify, !event.isDraft {
            let lines = EventMail.changes(from: before, to: event)
            if !lines.isEmpty {
                let notice = EventMail.changeNotice(event, lines)
                let count = try await events.store.queue(EventMessage(event: event.slug, subject: notice.subject, body: notice.body, sentBy: "systeem",
                                                                      created: Date()), to: .everyone)
                details += "; wijziging gemeld aan \(count) deelnemers"
            }
        }
        await portal.record(.eventSaved, by: account, subject: event.slug, details: details, logger: request.logger)
        return Responses.seeOther(EventPaths.Portal.edit(event.slug, query: (stored == nil ? Flash.aangemaakt : Flash.opgeslagen).rawValue))
    }
}
