import Accounts
import Audit
import Catalogue
import CatalogueService
import Foundation
import Newsletter
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import TestSupport
import WeerbaarApp
@testable import Web

@Suite struct PortalAuditLogTests {
    @Test(arguments: TestBackend.available)
    func signInsAndSecondFactorsAreLoggedAndBeheerdersCanReadAndExportTheLog(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            try await PortalFixtures.account(platform, .administrator)
            try await PortalFixtures.account(platform, .editor)
            var editor = Browser(client: client)
            _ = try await editor.signIn("redacteur@weerbaar.example", PortalFixtures.password)
            var locked = Browser(client: client)
            for attempt in 0..<5 { _ = try await locked.signIn("redacteur@weerbaar.example", "fout \(attempt)") }
            var admin = Browser(client: client)
            _ = try await admin.signIn("beheerder@weerbaar.example", PortalFixtures.password, platform: platform)

            // Four wrong passwords are logged as such; the fifth locks the address.
            let events = try await platform.audit.events(offset: 0, limit: 10)
            #expect(events.map(\.action) == [.signedIn, .signInLocked, .signInFailed, .signInFailed, .signInFailed, .signInFailed, .signedIn])
            #expect(events.first?.details == "met tweede stap")
            #expect(events[1].subject == "redacteur@weerbaar.example")
            #expect(events.filter { $0.action == .signInFailed }.allSatisfy { $0.subject == "redacteur@weerbaar.example" && $0.actor == "anoniem" })

            let page = try await admin.request(.get, "/beheer/logboek")
            #expect(page.status == 200 && page.body.contains("Inloggen geblokkeerd na te veel pogingen"))
            let csv = try await admin.request(.get, "/beheer/logboek.csv")
            #expect(csv.status == 200 && csv.body.hasPrefix("tijdstip,door,naam,actie,onderwerp,details\r\n"))
            #expect(csv.body.components(separatedBy: "\r\n").count == 9, "header, seven events, and the final line end")
            #expect(try await editor.request(.get, "/beheer/logboek.csv").status == 403, "not for a redacteur")
        }
    }

    /// The log filtered by person, action and period; the CSV export has what the filter shows; a date
    /// typed wrong is a Dutch message beside the field, never a 500.
    @Test(arguments: TestBackend.available)
    func theLogFiltersByPersonActionAndDateAndTheCSVFollows(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            try await PortalFixtures.account(platform, .administrator)
            let old = Date(timeIntervalSince1970: 1_767_225_600)  // 1 January 2026, 00:00 UTC
            for event in [
                AuditEvent(at: old, actor: "anne@gemeente.example", actorName: "Anne de Vries", action: .offeringPublished, subject: "vng/a"),
                AuditEvent(at: old.addingTimeInterval(86_400 * 40), actor: "anne@gemeente.example", actorName: "Anne de Vries",
                           action: .offeringArchived, subject: "vng/b"),
                AuditEvent(at: old.addingTimeInterval(86_400 * 40), actor: "bas@gemeente.example", actorName: "Bas Jansen",
                           action: .offeringPublished, subject: "vng/c"),
            ] { try await platform.audit.append(event) }
            var admin = Browser(client: client)
            _ = try await admin.signIn("beheerder@weerbaar.example", PortalFixtures.password, platform: platform)

            let byPerson = try await admin.request(.get, "/beheer/logboek?persoon=ANNE")
            #expect(byPerson.status == 200 && byPerson.body.contains("vng/a") && byPerson.body.contains("vng/b") && !byPerson.body.contains("vng/c"))
            #expect(byPerson.body.contains("2 regels met dit filter"))
            let byName = try await admin.request(.get, "/beheer/logboek?persoon=jansen")
            #expect(byName.body.contains("vng/c") && !byName.body.contains("vng/a"), "a name matches whatever its case")
            let byAction = try await admin.request(.get, "/beheer/logboek?actie=aanbod-gepubliceerd")
            #expect(byAction.body.contains("vng/a") && byAction.body.contains("vng/c") && !byAction.body.contains("vng/b"))
            let byDate = try await admin.request(.get, "/beheer/logboek?van=2026-01-01&tot=2026-01-01")
            #expect(byDate.body.contains("vng/a") && !byDate.body.contains("vng/b") && !byDate.body.contains("vng/c"))
            #expect(byDate.body.contains("href=\"/beheer/logboek.csv?van=2026-01-01&amp;tot=2026-01-01\""), "the export link keeps the filter")

            let csv = try await admin.request(.get, "/beheer/logboek.csv?persoon=anne&actie=aanbod-gearchiveerd")
            let lines = csv.body.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.count == 2 && lines[1].contains("\"vng/b\""), "the header and the one archived offering of Anne")

            let wrong = try await admin.request(.get, "/beheer/logboek?van=gisteren&actie=bestaat-niet")
            #expect(wrong.status == 200)
            #expect(wrong.body.contains("Vul een datum in als 2026-11-29") && wrong.body.contains("Kies een actie uit de lijst."))
        }
    }
}
