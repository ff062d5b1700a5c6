import Accounts
import Catalogue
import CatalogueService
import Events
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Mail
import Newsletter

/// `/agenda`: the events, an event's page with its programme and seats, registration without an
/// account, the iCal feeds, and a registration's personal link (claim an offered seat, leave the
/// waiting list, cancel). Seats change with every registration, so these pages are not cached.
struct EventRoutes<Context: RequestContext> {
    let site: SiteServices
    let events: EventServices

    static var maxBody: Int { 32 * 1024 }

    var routes: [Route<Context>] {
        let max = Self.maxBody
        return [
            Route(.get, EventPaths.agenda, .everyone) { request in
                let now = Date()
                return Responses.html(EventPages.agenda(upcoming: events.live.upcoming(at: now), past: events.live.past(at: now),
                                                        filter: EventPages.Filter(request.query), site: site))
            },
            Route(.get, EventPaths.feed, .everyone) { _ in calendar(events.live.all, name: "Weerbaar – agenda") },
            Route(.get, EventPaths.eventFeed, .everyone) { request in
                guard let event = events.live.event(try request.parameter("slug")) else { throw HTTPError(.notFound) }
                return calendar([event], name: event.title)
            },
            Route(.get, EventPaths.event, .everyone) { request in
                guard let event = events.live.event(try request.parameter("slug")) else { throw HTTPError(.notFound) }
                let seats = try await events.store.seatCounts(event)
                return eventPage(EventPages.EventModel(event: event, seats: seats, now: Date(), csrf: ""))
            },
            Route(.post, EventPaths.register, .everyone, maxBody: max) { try await register($0) },
            Route(.get, EventPaths.registration, .everyone) { call in
                try await withRegistration(call) { registration, event, token in
                    statusPage(registration, event, token: token, message: StatusFlash.read(call.query)?.text)
                }
            },
            Route(.post, EventPaths.claim, .everyone, maxBody: max) { call in
                try await withRegistration(call, post: true) { registration, event, token in
                    do {
                        let claimed = try await events.store.claim(registration.id, event: event, now: Date())
                        if claimed.state == .confirmed, let person = claimed.person {
                            await mail(EventMail.confirmed(claimed, event, link: link(token)), to: person.email, event: event, logger: call.context.logger)
                        }
                        return Responses.seeOther(EventPaths.registration(token, query: StatusFlash.genomen.rawValue))
                    } catch EventProblem.wrongState {
                        return Responses.seeOther(EventPaths.registration(token, query: StatusFlash.verlopen.rawValue))
                    }
                }
            },
            Route(.post, EventPaths.decline, .everyone, maxBody: max) { call in
                try await withRegistration(call, post: true) { registration, event, token in
                    do {
                        _ = try await events.store.decline(registration.id, event: event, now: Date())
                        await notifyOffers(event, logger: call.context.logger)
                        return Responses.seeOther(EventPaths.registration(token, query: StatusFlash.afgemeld.rawValue))
                    } catch EventProblem.wrongState {
                        return Responses.seeOther(EventPaths.registration(token))
                    }
                }
            },
            Route(.get, EventPaths.change, .everyone) { call in
                try await withRegistration(call) { registration, event, token in
                    guard EventPages.canChange(registration, event, now: Date()) else { return Responses.seeOther(EventPaths.registration(token)) }
                    return changePage(registration, event, token: token, seats: try await events.store.seatCounts(event))
                }
            },
            Route(.post, EventPaths.change, .everyone, maxBody: max) { call in
                try await withRegistration(call, post: true) { registration, event, token in
                    guard EventPages.canChange(registration, event, now: Date()) else { return Responses.seeOther(EventPaths.registration(token)) }
                    var errors = FormErrors()
                    for round in event.rounds {
                        guard let chosen = call.form.first("ronde-\(round.id)"), !chosen.isEmpty,
                              chosen != registration.places.first(where: { $0.round == round.id })?.workshop else { continue }
                        do {
                            _ = try await events.store.changeWorkshop(registration.id, event: event, round: round.id, to: chosen, now: Date())
                        } catch EventProblem.full {
                            errors.add("ronde-\(round.id)", "Deze workshop is intussen vol. Kies een andere, of houd uw huidige.")
                        } catch EventProblem.notFound {
                            errors.add("ronde-\(round.id)", "Kies een workshop uit de lijst.")
                        }
                    }
                    await notifyOffers(event, logger: call.context.logger)
                    guard errors.isEmpty else {
                        let current = try await events.store.registration(registration.id) ?? registration
                        return changePage(current, event, token: token, seats: try await events.store.seatCounts(event), errors: errors)
                    }
                    return Responses.seeOther(EventPaths.registration(token, query: StatusFlash.gewijzigd.rawValue))
                }
            },
            Route(.post, EventPaths.cancel, .everyone, maxBody: max) { call in
                try await withRegistration(call, post: true) { registration, event, token in
                    do {
                        let cancelled = try await events.store.cancel(registration.id, event: event, now: Date())
                        if let person = cancelled.person {
                            await mail(EventMail.cancelled(cancelled, event), to: person.email, event: nil, logger: call.context.logger)
                        }
                        await notifyOffers(event, logger: call.context.logger)
                        return Responses.seeOther(EventPaths.registration(token, query: StatusFlash.geannuleerd.rawValue))
                    } catch EventProblem.wrongState {
                        // A cancelled registration's link cannot be used again.
                        return Responses.seeOther(EventPaths.registration(token))
                    }
                }
            },
        ]
    }

    enum StatusFlash: String, Flash {
        case aangemeld, wachtlijst, genomen, afgemeld, geannuleerd, verlopen, formulier, gewijzigd
        var text: String {
            switch self {
            case .aangemeld: "U bent aangemeld. De bevestiging staat in uw mailbox, met de bijeenkomst voor uw agenda."
            case .wachtlijst: "De bijeenkomst is vol: u staat op de wachtlijst. U krijgt een e-mail als er een plaats vrijkomt."
            case .genomen: "U heeft de plaats genomen."
            case .afgemeld: "U staat niet meer op de wachtlijst; de plaats gaat naar de volgende."
            case .geannuleerd: "Uw aanmelding is geannuleerd. Dank u wel: iemand op de wachtlijst krijgt uw plaats."
            case .verlopen: "Deze plaats is niet meer voor u vrij: de tijd om haar te nemen is voorbij, of u nam haar al."
            case .formulier: "Het formulier was verlopen; er is niets veranderd. Probeer het nog eens."
            case .gewijzigd: "Uw workshops zijn gewijzigd. Uw vorige plaats gaat naar wie erop wachtte."
            }
        }
    }

    var formToken: SignedOutForm { SignedOutForm(cookieName: EventServices.formCookie, path: "/", secure: events.secureCookies) }

    func link(_ token: String) -> String { site.absolute(EventPaths.registration(token)) }

    func calendar(_ list: [Event], name: String) -> Response {
        let domain = URL(string: site.baseURL)?.host ?? "weerbaar"
        let text = ICalendar.render(ICalendar.entries(list, url: { site.absolute(EventPaths.event($0.slug)) }, domain: domain), name: name)
        return Responses.text(text, contentType: "text/calendar; charset=utf-8", maxAge: 300)
    }

    func eventPage(_ model: EventPages.EventModel, status: HTTPResponse.Status = .ok) -> Response {
        formToken.respond(status: status) { token in
            var model = model
            model.csrf = token
            return EventPages.event(model, site: site)
        }
    }

    func statusPage(_ registration: Registration, _ event: Event, token: String, message: String?) -> Response {
        formToken.respond { csrf in
            EventPages.status(EventPages.StatusModel(registration: registration, event: event, token: token, csrf: csrf, now: Date(), message: message),
                              site: site)
        }
    }

    func changePage(_ registration: Registration, _ event: Event, token: String, seats: SeatCounts, errors: FormErrors = FormErrors()) -> Response {
        formToken.respond(status: errors.isEmpty ? .ok : .unprocessableContent) { csrf in
            EventPages.change(registration, event, token: token, csrf: csrf, seats: seats, errors: errors, site: site)
        }
    }

    func register(_ call: RouteRequest<Context>) async throws -> Response {
        guard let event = events.live.event(try call.parameter("slug")) else { throw HTTPError(.notFound) }
        let now = Date()
        let form = RegistrationForm(form: call.form, event: event)
        /// The page again with the form as typed; the seats are read only then, not on every registration.
        func again(_ errors: FormErrors, status: HTTPResponse.Status) async throws -> Response {
            var model = EventPages.EventModel(event: event, seats: try await events.store.seatCounts(event), now: now, csrf: "", form: form)
            model.errors = errors
            return eventPage(model, status: status)
        }
        guard formToken.isGenuine(call.request, call.form) else {
            var errors = FormErrors()
            errors.add("naam", "Het formulier was verlopen. Uw gegevens staan er nog; verstuur het opnieuw.")
            return try await again(errors, status: .forbidden)
        }
        guard events.limiter.allow("aanmelding:" + site.trustedProxies.client(of: call.request, call.context)) else {
            return Responses.personal(MessagePage.render("Even geduld", ["Er zijn vanaf uw verbinding veel aanmeldingen gedaan. Probeer het over een uur opnieuw."],
                                                         path: EventPaths.event(event.slug), description: event.title, site: site), status: .tooManyRequests)
        }
        if !(call.form.first("website") ?? "").isEmpty { return Responses.seeOther(EventPaths.event(event.slug)) }
        guard event.isOpen(at: now) else {
            var errors = FormErrors()
            errors.add("naam", "De aanmelding voor deze bijeenkomst is gesloten.")
            return try await again(errors, status: .unprocessableContent)
        }
        switch form.request(event: event, taxonomy: site.catalogue.taxonomy) {
        case .failure(let errors):
            return try await again(errors, status: .unprocessableContent)
        case .success(let request):
            let id = UUID()
            let token = events.token(id)
            let outcome = try await events.store.register(request, for: event, id: id, tokenHash: Tokens.hash(token), now: now)
            let logger = call.context.logger
            switch outcome {
            case .confirmed(let registration), .pending(let registration):
                await mail(EventMail.confirmed(registration, event, link: link(token)), to: request.person.email, event: event, logger: logger)
                return Responses.seeOther(EventPaths.registration(token, query: StatusFlash.aangemeld.rawValue))
            case .waitlisted(let registration):
                await mail(EventMail.waitlisted(registration, event, link: link(token)), to: request.person.email, event: nil, logger: logger)
                return Responses.seeOther(EventPaths.registration(token, query: StatusFlash.wachtlijst.rawValue))
            case .alreadyRegistered(let registration):
                // A double click, or a second try: the registration there is, by its own link (sent again by mail, not shown to whoever typed the address).
                let existing = events.token(registration.id)
                await mail(registration.state == .waitlisted ? EventMail.waitlisted(registration, event, link: link(existing))
                               : EventMail.confirmed(registration, event, link: link(existing)),
                           to: request.person.email, event: registration.state == .waitlisted ? nil : event, logger: logger)
                return Responses.personal(MessagePage.render("U bent al aangemeld", [
                    "Dit e-mailadres is al aangemeld voor deze bijeenkomst. We hebben de bevestiging met uw persoonlijke link nog eens gestuurd.",
                ], path: EventPaths.event(event.slug), description: event.title, site: site, link: (EventPaths.event(event.slug), "Terug naar de bijeenkomst")))
            case .closed:
                var errors = FormErrors()
                errors.add("naam", "De aanmelding voor deze bijeenkomst is gesloten.")
                return try await again(errors, status: .unprocessableContent)
            }
        }
    }

    /// The registration of the personal link and its event, or the page that says the link does not work.
    func withRegistration(_ call: RouteRequest<Context>, post: Bool = false,
                          _ body: (Registration, Event, String) async throws -> Response) async throws -> Response {
        let token = try call.context.parameters.require("token")
        guard token.count <= 300, case .success(let id) = events.links.verify(token, .registration, now: Date()),
              let registration = try await events.store.registration(id), let event = events.live.event(registration.event) else {
            return Responses.personal(MessagePage.render("Deze link werkt niet", [
                "De link is niet volledig, of de aanmelding bestaat niet meer (gegevens van aanmeldingen wissen we enkele maanden na de bijeenkomst).",
            ], path: EventPaths.agenda(), description: "Agenda", site: site, link: (EventPaths.agenda(), "Naar de agenda")), status: .gone)
        }
        if post, !formToken.isGenuine(call.request, call.form) {
            // Nothing changes; for a cancelled registration there is nothing left to do.
            return Responses.seeOther(EventPaths.registration(token, query: registration.state == .cancelled ? nil : StatusFlash.formulier.rawValue))
        }
        return try await body(registration, event, token)
    }

    /// Mails everyone who was just offered a seat (after a cancellation or a refusal).
    func notifyOffers(_ event: Event, logger: Logger) async {
        do {
            for registration in try await events.store.expireOffers(event: event, now: Date()) {
                guard let person = registration.person else { continue }
                await mail(EventMail.offered(registration, event, link: link(events.token(registration.id))), to: person.email, event: nil, logger: logger)
            }
        } catch {
            logger.error("Offering freed seats failed", metadata: ["error": "\(error)"])
        }
    }

    /// A mail to a participant; with `event`, its sessions as an .ics attachment.
    func mail(_ mail: (subject: String, text: String), to email: String, event: Event?, logger: Logger) async {
        do {
            var message = MailMessage(from: events.mailFrom, fromName: "Weerbaar agenda", to: [try MailAddress(email)], subject: mail.subject, text: mail.text)
            if let event {
                let domain = URL(string: site.baseURL)?.host ?? "weerbaar"
                let ics = ICalendar.render(ICalendar.entries([event], url: { site.absolute(EventPaths.event($0.slug)) }, domain: domain), name: event.title)
                message.attachments = [MailMessage.Attachment(filename: "\(event.slug).ics", contentType: "text/calendar; charset=utf-8; method=PUBLISH",
                                                              data: Data(ics.utf8))]
            }
            try await events.mailer.send(message)
        } catch {
            logger.error("Sending a registration's e-mail failed", metadata: ["error": "\(error)"])
        }
    }
}
