import Accounts
import Audit
import Catalogue
import Events
import Foundation
import HTTPTypes
import Logging
import Newsletter
import Storage
import Testing
import TestSupport
import WeerbaarApp
@testable import Web

/// The agenda from the demo: the theme day's programme, registering by the form with mail and an
/// .ics attachment, the personal link, cancelling once, and the iCal feed — on both backends.
@Suite(.enabled(if: ReceivedMail.available, "needs the SMTP sink that scripts/test starts"))
struct EventPagesTests {
    static let run = UUID().uuidString.prefix(8).lowercased()

    @Test(arguments: TestBackend.available)
    func aParticipantRegistersForTheThemeDayAndCancelsOnce(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            let agenda = try await client.get("/agenda")
            #expect(agenda.status == 200 && agenda.body.contains("/agenda/themadag-samen-voor-sociale-stabiliteit")
                && agenda.body.contains("Eerder, met materiaal"))
            #expect(try await client.get("/agenda?soort=webinar").body.contains("themadag-samen-voor-sociale-stabiliteit") == false)
            let event = try #require(platform.events.event("themadag-samen-voor-sociale-stabiliteit"))
            #expect(event.rounds.count == 3 && event.rounds.allSatisfy { $0.workshops.count == 4 })
            var person = Browser(client: client)
            let page = try await person.request(.get, "/agenda/\(event.slug)")
            #expect(page.status == 200 && page.body.contains("Programma") && page.body.contains("Werken met sleutelfiguren"))
            let email = "deelnemer-\(backend)-\(Self.run)@gemeente.example"
            var fields: [(String, String)] = [("csrf", Browser.csrf(in: page.body) ?? ""), ("naam", "Dana Deelnemer"), ("email", email),
                                              ("gemeente", "GM0344"), ("ronde-1", "r1-jongeren-online"), ("ronde-2", "r2-sleutelfiguren")]
            let missing = try await person.request(.post, "/agenda/\(event.slug)/aanmelden", form: fields + [("toegankelijkheid", "Rolstoelplek")])
            #expect(missing.status == 422 && missing.body.contains("Kies een workshop voor ronde 3") && missing.body.contains("Geef toestemming"))
            fields[0] = ("csrf", Browser.csrf(in: missing.body) ?? "")
            fields.append(("ronde-3", "r3-demonstraties"))
            let done = try await person.request(.post, "/agenda/\(event.slug)/aanmelden", form: fields)
            let location = try #require(done.location)
            #expect(location.hasPrefix("/aanmelding/") && location.hasSuffix("?aangemeld"))
            let mail = try #require(try await ReceivedMail.awaitMessages(to: email) { $0.contains("Aangemeld:") }.last)
            // (ReceivedMail decodes the whole message as quoted-printable, so quoted header values come out mangled.)
            #expect(mail.contains("multipart/mixed") && mail.contains("Content-Disposition: attachment") && mail.contains("sociale-stabiliteit.ics"))
            #expect(mail.contains("Content-Type: text/calendar") && mail.contains("Jongeren en extremisme online"))
            let registration = try #require(try await platform.eventStore.registrations(event: event.slug).first { $0.person?.email == email })
            #expect(registration.state == .confirmed && registration.places.count == 3 && registration.places.allSatisfy { $0.state == .confirmed })
            let seats = try await platform.eventStore.seatCounts(event)
            #expect(seats.workshops["r1-jongeren-online"] == 1)

            let link = String(location.split(separator: "?")[0])
            // Moving to another workshop through the link.
            let changeForm = try await person.request(.get, link + "/wijzigen")
            #expect(changeForm.status == 200 && changeForm.body.contains("(uw plaats)"))
            let changed = try await person.request(.post, link + "/wijzigen", form: [("csrf", Browser.csrf(in: changeForm.body) ?? ""),
                                                                                    ("ronde-1", "r1-inclusief-communiceren")])
            #expect(changed.location == link + "?gewijzigd")
            #expect(try await platform.eventStore.registration(registration.id)?.places.first { $0.round == "1" }?.workshop == "r1-inclusief-communiceren")
            let status = try await person.request(.get, link)
            #expect(status.body.contains("Status: Bevestigd") && status.body.contains("Aanmelding annuleren") && status.body.contains("Workshops wijzigen"))
            let cancelPath = String(location.split(separator: "?")[0]) + "/annuleren"
            let cancelled = try await person.request(.post, cancelPath, form: [("csrf", Browser.csrf(in: status.body) ?? "")])
            #expect(cancelled.location?.hasSuffix("?geannuleerd") == true)
            let after = try await person.request(.get, String(location.split(separator: "?")[0]))
            #expect(after.body.contains("Status: Geannuleerd") && !after.body.contains("Aanmelding annuleren"))
            let again = try await person.request(.post, cancelPath, form: [("csrf", Browser.csrf(in: after.body) ?? "")])
            #expect(again.location == String(location.split(separator: "?")[0]), "a cancelled registration's link changes nothing")
            #expect(try await person.request(.get, "/aanmelding/vervalst").status == 410)
        }
    }

    /// /zoeken finds upcoming events, by their workshops too, with the catalogue's analysis.
    @Test func searchFindsTheThemeDayByAWorkshop() async throws {
        try await WebHarness.withClient(.sqlite) { client, _ in
            let page = try await client.get("/zoeken?q=sleutelfiguur")
            #expect(page.body.contains("Agenda (") && page.body.contains("/agenda/themadag-samen-voor-sociale-stabiliteit"))
            let past = try await client.get("/zoeken?q=azc+in+de+regio+informatieavond")
            #expect(!past.body.contains("/agenda/regionale-bijeenkomst-azc-in-de-regio"), "a past event is not offered")
        }
    }

    @Test func theFeedsAreICalendar() async throws {
        try await WebHarness.withClient(.sqlite) { client, platform in
            let (status, type, body, _) = try await client.get("/agenda.ics")
            #expect(status == 200 && type.hasPrefix("text/calendar"))
            let lines = body.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
            let sessions = platform.events.all.reduce(0) { $0 + $1.sessions.count }
            #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == sessions && lines.first == "BEGIN:VCALENDAR")
            let one = try await client.get("/agenda/leernetwerk-polarisatie/kalender.ics")
            #expect(one.body.components(separatedBy: "BEGIN:VEVENT").count - 1 == 4, "four meetings")
            #expect(try await client.get("/agenda/bestaat-niet/kalender.ics").status == 404)
        }
    }
}

/// The organisers' side: approving a registration for the learning network, checking in, the name
/// list and the CSV; a partner sees only their own provider's events.
@Suite struct EventPortalTests {
    @Test(arguments: TestBackend.available)
    func anOrganiserApprovesChecksInAndExports(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            let network = try #require(platform.events.event("leernetwerk-polarisatie"))
            #expect(network.needsApproval)
            let request = RegistrationRequest(person: .init(name: "=HYPERLINK(\"x\")", email: "lid@gemeente.example", organisation: "Gemeente Zwolle",
                                                            gemeente: "GM0193", role: ""), choices: [:])
            let id = UUID()
            guard case .pending = try await platform.eventStore.register(request, for: network, id: id, tokenHash: "lid", now: Date()) else {
                Issue.record("a learning network's registration awaits approval")
                return
            }
            try await PortalFixtures.account(platform, .editor)
            try await PortalFixtures.account(platform, .partnerEditor, provider: "vng")
            var editor = Browser(client: client), partner = Browser(client: client)
            _ = try await editor.signIn("redacteur@weerbaar.example", PortalFixtures.password)
            _ = try await partner.signIn("partner-redacteur@weerbaar.example", PortalFixtures.password)
            let page = try await editor.request(.get, "/beheer/agenda/\(network.slug)")
            #expect(page.status == 200 && page.body.contains("Wacht op goedkeuring") && page.body.contains("Goedkeuren"))
            let approved = try await editor.request(.post, "/beheer/agenda/\(network.slug)/\(id.uuidString)",
                                                    form: [("csrf", Browser.csrf(in: page.body) ?? ""), ("actie", "goedkeuren")])
            #expect(approved.status == 303)
            #expect(try await platform.eventStore.registration(id)?.state == .confirmed)
            _ = try await editor.request(.post, "/beheer/agenda/\(network.slug)/\(id.uuidString)",
                                         form: [("csrf", Browser.csrf(in: page.body) ?? ""), ("actie", "aanwezig")])
            #expect(try await platform.eventStore.registration(id)?.state == .attended)
            #expect(try await editor.request(.get, "/beheer/agenda/\(network.slug)/naamlijst").body.contains("✓"))
            let csv = try await editor.request(.get, "/beheer/agenda/\(network.slug)/aanmeldingen.csv")
            #expect(csv.status == 200 && csv.body.contains("\"'=HYPERLINK(\"\"x\"\")\"") && csv.body.contains("Zwolle"))
            #expect(try await platform.audit.events(offset: 0, limit: 5).contains { $0.action == .registrationsExported })
            // A partner organises their own provider's events only.
            #expect(try await partner.request(.get, "/beheer/agenda/\(network.slug)").status == 403)
            let own = try await partner.request(.get, "/beheer/agenda")
            #expect(own.body.contains("webinar-online-haat-tegen-raadsleden") && !own.body.contains(network.slug))
        }
    }
}

/// Reminders go out once, 7 days and 1 day before a session, to those with a seat.
@Suite(.enabled(if: ReceivedMail.available, "needs the SMTP sink that scripts/test starts"))
struct EventReminderTests {
    @Test(arguments: TestBackend.available)
    func aWeekBeforeEveryoneWithASeatIsRemindedOnce(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { _, platform in
            let webinar = try #require(platform.events.event("webinar-online-haat-tegen-raadsleden"))
            let run = UUID().uuidString.prefix(8).lowercased()
            let email = "herinnering-\(backend)-\(run)@gemeente.example"
            let request = RegistrationRequest(person: .init(name: "Rik Herinnering", email: email, organisation: "", gemeente: nil, role: ""), choices: [:])
            _ = try await platform.eventStore.register(request, for: webinar, id: UUID(), tokenHash: "h-\(run)", now: Date())
            let cancelledEmail = "weg-\(backend)-\(run)@gemeente.example"
            let gone = UUID()
            _ = try await platform.eventStore.register(RegistrationRequest(person: .init(name: "Weg", email: cancelledEmail, organisation: "", gemeente: nil, role: ""),
                                                                           choices: [:]), for: webinar, id: gone, tokenHash: "w-\(run)", now: Date())
            _ = try await platform.eventStore.cancel(gone, event: webinar, now: Date())
            let runs = ScheduledRuns(database: platform.database)
            let claim: @Sendable (String, String) async throws -> Bool = { try await runs.claim(job: $0, period: $1) }
            let made = EventOffers(site: platform.site(), claim: claim)
            let offers = try #require(made)
            let session = try #require(webinar.sessions.first)
            let logger = Logger(label: "test")
            #expect(await offers.remind(now: session.starts.addingTimeInterval(-8 * 86_400), logger: logger) == 0, "not yet due")
            let weekBefore = session.starts.addingTimeInterval(-7 * 86_400 + 3_600)
            #expect(await offers.remind(now: weekBefore, logger: logger) >= 1)
            #expect(await offers.remind(now: weekBefore, logger: logger) == 0, "claimed once, across instances too")
            // Through the agenda's outbox: sent once by whichever instance drains it.
            #expect(try await platform.eventOutboxSender()?.sendDue(now: weekBefore).sent ?? 0 >= 1)
            #expect(try await platform.eventOutboxSender()?.sendDue(now: weekBefore).sent == 0)
            #expect(try await ReceivedMail.awaitMessages(to: email) { $0.contains("Over een week") }.contains { $0.contains("Over een week") })
            #expect(try ReceivedMail.messages(to: cancelledEmail).allSatisfy { !$0.contains("Over een week") }, "a cancelled registration is not reminded")
        }
    }
}
