import Accounts
import Audit
import Catalogue
import CatalogueService
import Events
import Foundation
import HTTPTypes
import Newsletter
import Storage
import Testing
import TestSupport
import WeerbaarApp
import Workbook
@testable import Web

/// Organisers build an event in the portal without JavaScript (details and a session, then a round,
/// then workshops), publish it, change it (participants get a notice through the agenda's outbox),
/// write to all participants, move someone between workshops, check in per session and export —
/// on both backends, with mail through the real SMTP sink.
@Suite(.enabled(if: ReceivedMail.available, "needs the SMTP sink that scripts/test starts"))
struct EventOrganiserTests {
    static let run = UUID().uuidString.prefix(8).lowercased()

    static func details(_ slug: String, csrf: String, revision: Int = 0) -> [(String, String)] {
        [("csrf", csrf), ("revisie", String(revision)), ("kenmerk", slug), ("soort", "training"), ("titel", "Training gespreksvoering (proef)"),
         ("beschrijving", "Oefenen met lastige gesprekken in de wijk."), ("aanbieder", "vng"), ("themas", "polarisatie"),
         ("locatie", "Stadskantoor, Zwolle"), ("provincie", "Overijssel"), ("aanmelding-open", "2026-01-01"), ("aanmelding-sluit", "2099-01-01"),
         ("aanmelding-sluit-tijd", "17:00"), ("capaciteit", "30"), ("verdeling", "wie-eerst-komt"), ("bedenktijd", "48"), ("privacy", "Alleen voor deze training."),
         ("concept", "ja"), ("bericht-bij-wijziging", "ja"),
         ("sessie-0-id", ""), ("sessie-0-titel", "Trainingsdag"), ("sessie-0-datum", "2098-03-05"), ("sessie-0-begin", "09:30"), ("sessie-0-einde", "16:00")]
    }

    @Test(arguments: TestBackend.available)
    func anOrganiserBuildsPublishesAndChangesAnEvent(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            try await PortalFixtures.account(platform, .editor)
            var editor = Browser(client: client)
            _ = try await editor.signIn("redacteur@weerbaar.example", PortalFixtures.password)
            let slug = "training-gespreksvoering-\(Self.run)"
            let blank = try await editor.request(.get, "/beheer/agenda/nieuw")
            #expect(blank.status == 200 && blank.body.contains("Sessie 1") && blank.body.contains("zodra een sessie is opgeslagen"))
            let csrf = Browser.csrf(in: blank.body) ?? ""

            // Mistakes first: every one named in Dutch, nothing stored.
            var wrong = Self.details(slug, csrf: csrf).filter { !["titel", "themas", "sessie-0-einde"].contains($0.0) }
            wrong.append(("capaciteit", "nul"))
            let refused = try await editor.request(.post, "/beheer/agenda/nieuw", form: wrong)
            #expect(refused.status == 422 && refused.body.contains("Vul een titel in.") && refused.body.contains("Kies minstens één thema.")
                && refused.body.contains("Sessie 1: einde") && refused.body.contains("Stadskantoor, Zwolle"))
            #expect(try await platform.eventStore.storedEvent(slug) == nil)

            // A draft with one session; not on the agenda.
            let created = try await editor.request(.post, "/beheer/agenda/nieuw", form: Self.details(slug, csrf: Browser.csrf(in: refused.body) ?? ""))
            #expect(created.location == "/beheer/agenda/\(slug)/bewerken?aangemaakt")
            let draft = try #require(try await platform.eventStore.storedEvent(slug))
            #expect(draft.event.isDraft && draft.event.sessions.map(\.title) == ["Trainingsdag"] && draft.event.provider == "vng")
            #expect(try await client.get("/agenda/\(slug)").status == 404)

            // Then a round in that session, then two workshops in that round.
            var form = try await editor.request(.get, "/beheer/agenda/\(slug)/bewerken")
            #expect(form.body.contains("Ronde 1") && form.body.contains("ronde-0-sessie"))
            var fields = Self.details(slug, csrf: Browser.csrf(in: form.body) ?? "", revision: draft.revision)
            fields[fields.firstIndex { $0.0 == "sessie-0-id" }!] = ("sessie-0-id", draft.event.sessions[0].id)
            fields += [("ronde-0-id", ""), ("ronde-0-sessie", draft.event.sessions[0].id), ("ronde-0-titel", "Middag"), ("ronde-0-begin", "13:00"),
                       ("ronde-0-einde", "15:00")]
            #expect(try await editor.request(.post, "/beheer/agenda/\(slug)/bewerken", form: fields).status == 303)
            let withRound = try #require(try await platform.eventStore.storedEvent(slug))
            let round = try #require(withRound.event.rounds.first)
            form = try await editor.request(.get, "/beheer/agenda/\(slug)/bewerken")
            fields = Self.details(slug, csrf: Browser.csrf(in: form.body) ?? "", revision: withRound.revision).filter { $0.0 != "concept" }
            fields[fields.firstIndex { $0.0 == "sessie-0-id" }!] = ("sessie-0-id", draft.event.sessions[0].id)
            fields += [("ronde-0-id", round.id), ("ronde-0-sessie", draft.event.sessions[0].id), ("ronde-0-titel", "Middag"), ("ronde-0-begin", "13:00"),
                       ("ronde-0-einde", "15:00"),
                       ("workshop-0-ronde", round.id), ("workshop-0-titel", "Het moeilijke gesprek"), ("workshop-0-host", "VNG"), ("workshop-0-zaal", "Zaal 1"),
                       ("workshop-0-plaatsen", "1"),
                       ("workshop-1-ronde", round.id), ("workshop-1-titel", "Luisteren naar zorgen"), ("workshop-1-host", "VNG"), ("workshop-1-zaal", "Zaal 2"),
                       ("workshop-1-plaatsen", "10")]
            #expect(try await editor.request(.post, "/beheer/agenda/\(slug)/bewerken", form: fields).status == 303)
            let published = try #require(try await platform.eventStore.storedEvent(slug))
            #expect(!published.event.isDraft && published.event.rounds[0].workshops.map(\.id) == ["het-moeilijke-gesprek", "luisteren-naar-zorgen"])
            let page = try await client.get("/agenda/\(slug)")
            #expect(page.status == 200 && page.body.contains("Luisteren naar zorgen"))
            #expect(try await client.get("/zoeken?q=gespreksvoering").body.contains("/agenda/\(slug)"), "a published event is found at once")

            // Two participants; then the organiser moves the day and renames a room.
            var ids: [UUID] = []
            for n in 0..<2 {
                let request = RegistrationRequest(person: .init(name: "Deelnemer \(n)", email: "org-\(n)-\(backend)-\(Self.run)@gemeente.example",
                                                                organisation: "Gemeente", gemeente: "GM0193", role: ""),
                                                  choices: [round.id: [n == 0 ? "het-moeilijke-gesprek" : "luisteren-naar-zorgen"]])
                let id = UUID()
                ids.append(id)
                _ = try await platform.eventStore.register(request, for: published.event, id: id, tokenHash: "org-\(n)-\(Self.run)", now: Date())
            }
            // Removing a workshop someone holds is refused with their workshop named.
            form = try await editor.request(.get, "/beheer/agenda/\(slug)/bewerken")
            var removing = fields + [("workshop-0-id", "het-moeilijke-gesprek"), ("workshop-1-id", "luisteren-naar-zorgen"), ("workshop-0-weg", "ja")]
            removing[0] = ("csrf", Browser.csrf(in: form.body) ?? "")
            removing[1] = ("revisie", String(published.revision))
            let inUse = try await editor.request(.post, "/beheer/agenda/\(slug)/bewerken", form: removing)
            #expect(inUse.status == 422 && inUse.body.contains("Er zijn deelnemers ingeschreven voor: Het moeilijke gesprek"))
            var moving = removing.filter { $0.0 != "workshop-0-weg" }
            moving[0] = ("csrf", Browser.csrf(in: inUse.body) ?? "")
            moving[moving.firstIndex { $0.0 == "sessie-0-datum" }!] = ("sessie-0-datum", "2098-03-12")
            moving[moving.firstIndex { $0.0 == "workshop-1-zaal" }!] = ("workshop-1-zaal", "Raadzaal")
            #expect(try await editor.request(.post, "/beheer/agenda/\(slug)/bewerken", form: moving).status == 303)
            // A second save on the old revision is refused.
            let stale = try await editor.request(.post, "/beheer/agenda/\(slug)/bewerken", form: moving)
            #expect(stale.status == 422 && stale.body.contains("Iemand anders heeft de bijeenkomst intussen opgeslagen"))

            let sender = try #require(platform.eventOutboxSender())
            #expect(try await sender.sendDue().sent == 2)
            let notice = try #require(try await ReceivedMail.awaitMessages(to: "org-1-\(backend)-\(Self.run)@gemeente.example") { $0.contains("Gewijzigd:") }.last)
            #expect(notice.contains("12 maart 2098") && notice.contains("Raadzaal") && notice.contains("/aanmelding/"))
            #expect(try await sender.sendDue().sent == 0, "a notice goes once")
            #expect(try await platform.audit.events(offset: 0, limit: 10).contains { $0.action == .eventSaved && $0.details.contains("wijziging gemeld aan 2") })
        }
    }

    @Test(arguments: TestBackend.available)
    func anOrganiserWritesMovesChecksInAndExports(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            let themeDay = try #require(platform.events.event("themadag-samen-voor-sociale-stabiliteit"))
            let network = try #require(platform.events.event("leernetwerk-polarisatie"))
            try await PortalFixtures.account(platform, .editor)
            var editor = Browser(client: client)
            _ = try await editor.signIn("redacteur@weerbaar.example", PortalFixtures.password)
            let email = "schrijf-\(backend)-\(Self.run)@gemeente.example"
            let id = UUID()
            let request = RegistrationRequest(person: .init(name: "Sam Schrijf", email: email, organisation: "Gemeente Deventer", gemeente: "GM0150", role: ""),
                                              choices: ["1": ["r1-gesprek-na-incident"], "2": ["r2-sleutelfiguren"], "3": ["r3-demonstraties"]])
            _ = try await platform.eventStore.register(request, for: themeDay, id: id, tokenHash: "schrijf-\(Self.run)", now: Date())

            // A message to all participants, once each, with the personal link.
            var page = try await editor.request(.get, "/beheer/agenda/\(themeDay.slug)")
            #expect(page.body.contains("Bericht aan de deelnemers") && page.body.contains("Verplaatsen"))
            let empty = try await editor.request(.post, "/beheer/agenda/\(themeDay.slug)/bericht",
                                                 form: [("csrf", Browser.csrf(in: page.body) ?? ""), ("aan", "deelnemers"), ("onderwerp", ""), ("tekst", "")])
            #expect(empty.status == 422 && empty.body.contains("Vul een onderwerp in"))
            let sent = try await editor.request(.post, "/beheer/agenda/\(themeDay.slug)/bericht",
                                                form: [("csrf", Browser.csrf(in: empty.body) ?? ""), ("aan", "deelnemers"), ("onderwerp", "Parkeren bij het congrescentrum"),
                                                       ("tekst", "Parkeer op P2; de ingang is aan de stationskant.")])
            #expect(sent.status == 303)
            #expect(try await platform.eventOutboxSender()?.sendDue().sent == 1)
            let mail = try #require(try await ReceivedMail.awaitMessages(to: email) { $0.contains("Parkeren bij het congrescentrum") }.last)
            #expect(mail.contains("Beste Sam Schrijf") && mail.contains("P2") && mail.contains("/aanmelding/"))

            // Moving to a workshop with room works and is mailed; to a full one is refused.
            page = try await editor.request(.get, "/beheer/agenda/\(themeDay.slug)")
            let moved = try await editor.request(.post, "/beheer/agenda/\(themeDay.slug)/\(id.uuidString)",
                                                 form: [("csrf", Browser.csrf(in: page.body) ?? ""), ("actie", "verplaatsen"), ("plaats", "1::r1-jongeren-online")])
            #expect(moved.status == 303 && moved.location?.contains("gewijzigd") == true)
            #expect(try await platform.eventStore.registration(id)?.places.first { $0.round == "1" }?.workshop == "r1-jongeren-online")
            #expect(try await ReceivedMail.awaitMessages(to: email) { $0.contains("Uw workshop is gewijzigd") }.isEmpty == false)
            var full = themeDay
            full.sessions[0].rounds[1].workshops[1].capacity = 0  // as if every seat of it were taken
            try await platform.eventStore.replace(with: [full] + platform.events.all.filter { $0.slug != full.slug })
            platform.events.replace(with: try await platform.eventStore.events())
            page = try await editor.request(.get, "/beheer/agenda/\(themeDay.slug)")
            let refused = try await editor.request(.post, "/beheer/agenda/\(themeDay.slug)/\(id.uuidString)",
                                                   form: [("csrf", Browser.csrf(in: page.body) ?? ""), ("actie", "verplaatsen"), ("plaats", "2::r2-discriminatie-melden")])
            #expect(refused.location?.contains("vol") == true)
            #expect(try await platform.eventStore.registration(id)?.places.first { $0.round == "2" }?.workshop == "r2-sleutelfiguren")

            // Check-in per session of the learning network, and the exports.
            let member = UUID()
            _ = try await platform.eventStore.register(RegistrationRequest(person: .init(name: "Lid", email: "lid-\(backend)-\(Self.run)@gemeente.example",
                                                                                         organisation: "Gemeente Ede", gemeente: "GM0228", role: ""), choices: [:]),
                                                       for: network, id: member, tokenHash: "lid-\(Self.run)", now: Date())
            _ = try await platform.eventStore.approve(member, event: network)
            page = try await editor.request(.get, "/beheer/agenda/\(network.slug)?sessie=2")
            #expect(page.body.contains("aanwezigheid: Bijeenkomst 2"))
            let checked = try await editor.request(.post, "/beheer/agenda/\(network.slug)/\(member.uuidString)",
                                                   form: [("csrf", Browser.csrf(in: page.body) ?? ""), ("actie", "aanwezig"), ("sessie", "2")])
            #expect(checked.location?.hasPrefix("/beheer/agenda/\(network.slug)?sessie=2") == true)
            #expect(try await platform.eventStore.attendance(event: network.slug)[member] == ["2": true])
            let csv = try await editor.request(.get, "/beheer/agenda/\(network.slug)/aanmeldingen.csv")
            #expect(csv.body.contains("\"aanwezig: Bijeenkomst 2\"") && csv.body.contains("\"ja\""))
            let xlsx = try await editor.request(.get, "/beheer/agenda/\(network.slug)/aanmeldingen.xlsx")
            #expect(xlsx.status == 200 && xlsx.bytes.starts(with: [0x50, 0x4B]))
            let rows = try XLSXReader.rows(Data(xlsx.bytes))
            #expect(rows.first?.cells.contains("aanwezig: Bijeenkomst 2") == true && rows.contains { $0.cells.contains("Gemeente Ede") })
        }
    }

    @Test(arguments: TestBackend.available)
    func aPartnerOrganisesOnlyTheirOwnProvidersEvents(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            try await PortalFixtures.account(platform, .partnerEditor, provider: "vng")
            var partner = Browser(client: client)
            _ = try await partner.signIn("partner-redacteur@weerbaar.example", PortalFixtures.password)
            let form = try await partner.request(.get, "/beheer/agenda/nieuw")
            let slug = "partner-training-\(Self.run)"
            var fields = Self.details(slug, csrf: Browser.csrf(in: form.body) ?? "")
            fields[fields.firstIndex { $0.0 == "aanbieder" }!] = ("aanbieder", "szw-ess")
            #expect(try await partner.request(.post, "/beheer/agenda/nieuw", form: fields).status == 303)
            #expect(try await platform.eventStore.storedEvent(slug)?.event.provider == "vng", "a partner's event is their own provider's")
            #expect(try await partner.request(.get, "/beheer/agenda/themadag-samen-voor-sociale-stabiliteit/bewerken").status == 403)
            #expect(try await partner.request(.get, "/beheer/agenda/\(slug)/bewerken").status == 200)
        }
    }
}

/// Events are found from the catalogue: an offering lists its upcoming dates, an event names its
/// offering, and an infoblad names the meeting it came from.
@Suite struct EventLinksTests {
    @Test(arguments: TestBackend.available)
    func offeringsEventsAndInfobladenPointToEachOther(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            let network = try #require(platform.catalogue.offering(OfferingKey(provider: "szw-ess", id: "leernetwerk-polarisatie-in-de-wijk")))
            let other = try #require(platform.catalogue.offering(OfferingKey(provider: "ror", id: "basistraining-radicalisering")))
            let offering = try await client.get("/aanbod/\(network.slug)")
            #expect(offering.status == 200 && offering.body.contains("Data en aanmelden") && offering.body.contains("/agenda/leernetwerk-polarisatie"))
            let unrelated = try await client.get("/aanbod/\(other.slug)")
            #expect(unrelated.status == 200 && !unrelated.body.contains("Data en aanmelden"))
            let event = try await client.get("/agenda/leernetwerk-polarisatie")
            #expect(event.body.contains("Hoort bij") && event.body.contains("/aanbod/\(network.slug)"))
            let infoblad = try await client.get("/artikelen/infoblad-in-gesprek-met-bezorgde-inwoners-over-een-azc")
            #expect(infoblad.status == 200 && infoblad.body.contains("Bij de bijeenkomst")
                && infoblad.body.contains("/agenda/regionale-bijeenkomst-azc-in-de-regio"))
        }
    }
}
