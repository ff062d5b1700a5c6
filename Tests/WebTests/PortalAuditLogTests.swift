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

            let events = try await platform.audit.events(offset: 0, limit: 10)
            #expect(events.map(\.action) == [.signedIn, .signInLocked, .signedIn])
            #expect(events.first?.details == "met tweede stap")
            #expect(events[1].subject == "redacteur@weerbaar.example")

            let page = try await admin.request(.get, "/beheer/logboek")
            #expect(page.status == 200 && page.body.contains("Inloggen geblokkeerd na te veel pogingen"))
            let csv = try await admin.request(.get, "/beheer/logboek.csv")
            #expect(csv.status == 200 && csv.body.hasPrefix("tijdstip,door,naam,actie,onderwerp,details\r\n"))
            #expect(csv.body.components(separatedBy: "\r\n").count == 5, "header, three events, and the final line end")
            #expect(try await editor.request(.get, "/beheer/logboek.csv").status == 403, "not for a redacteur")
        }
    }
}
