import Accounts
import Foundation
import HTTPTypes
import Testing
import TestSupport
import WeerbaarApp
@testable import Web

@Suite(.enabled(if: ReceivedMail.available, "needs the SMTP sink that scripts/test starts"))
struct PortalLinksTests {
    @Test(arguments: TestBackend.available)
    func aBeheerderInvitesAPartnerWhoMakesAnAccountAndSignsIn(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            try await PortalFixtures.account(platform, .administrator)
            var admin = Browser(client: client)
            #expect(try await admin.signIn("beheerder@weerbaar.example", PortalFixtures.password, platform: platform).location == "/beheer")
            let users = try await admin.request(.get, "/beheer/gebruikers")
            #expect(users.status == 200)
            let invitee = "partner-\(UUID().uuidString.prefix(8).lowercased())@vng.example"
            // Without a provider a partner editor is refused, with the message next to the field.
            let missing = try await admin.request(.post, "/beheer/gebruikers/uitnodigen",
                                                  form: [("csrf", Browser.csrf(in: users.body) ?? ""), ("email", invitee), ("naam", "Pim Partner"),
                                                         ("rol", "partner-redacteur"), ("aanbieder", "")])
            #expect(missing.status == 422 && missing.body.contains("Kies de aanbieder"))
            #expect(missing.body.contains("value=\"Pim Partner\""), "the input is kept")
            let sent = try await admin.request(.post, "/beheer/gebruikers/uitnodigen",
                                               form: [("csrf", Browser.csrf(in: users.body) ?? ""), ("email", invitee), ("naam", "Pim Partner"),
                                                      ("rol", "partner-redacteur"), ("aanbieder", "vng")])
            #expect(sent.status == 303)
            let mail = try #require(try ReceivedMail.messages(to: invitee).last)
            #expect(mail.contains("Subject: Uitnodiging voor het beheer van Weerbaar"))
            let link = try #require(ReceivedMail.link(mail, under: "/beheer/uitnodiging/"))

            var partner = Browser(client: client)
            let form = try await partner.request(.get, link)
            #expect(form.status == 200 && form.body.contains("partner-redacteur"))
            let weak = try await partner.request(.post, link, form: [("csrf", Browser.csrf(in: form.body) ?? ""), ("naam", "Pim Partner"),
                                                                    ("wachtwoord", "kort")])
            #expect(weak.status == 422 && weak.body.contains("minstens 12 tekens"))
            let made = try await partner.request(.post, link, form: [("csrf", Browser.csrf(in: weak.body) ?? ""), ("naam", "Pim Partner"),
                                                                    ("wachtwoord", "zeven blauwe olifanten")])
            #expect(made.status == 303 && made.location == "/beheer/inloggen?account")
            #expect(try await partner.request(.get, link).status == 410, "the link works once")
            #expect(try await partner.signIn(invitee, "zeven blauwe olifanten").location == "/beheer")
            // A partner editor is no beheerder.
            #expect(try await partner.request(.get, "/beheer/gebruikers").status == 403)
        }
    }

    @Test(arguments: TestBackend.available)
    func aForgottenPasswordIsResetByMailAndEveryOldSessionEnds(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            let address = "redacteur-\(UUID().uuidString.prefix(8).lowercased())@weerbaar.example"
            try await PortalFixtures.account(platform, .editor, email: address)
            var signedIn = Browser(client: client)
            _ = try await signedIn.signIn(address, PortalFixtures.password)

            var browser = Browser(client: client)
            func ask(_ email: String) async throws -> Browser.Page {
                let form = try await browser.request(.get, "/beheer/wachtwoord-vergeten")
                return try await browser.request(.post, "/beheer/wachtwoord-vergeten", form: [("csrf", Browser.csrf(in: form.body) ?? ""), ("email", email)])
            }
            let unknown = try await ask("niemand-\(UUID().uuidString.prefix(8))@weerbaar.example")
            let known = try await ask(address)
            #expect(unknown.status == 200 && known.status == 200)
            #expect(unknown.body.contains("Als er een account is met dit e-mailadres") && known.body.contains("Als er een account is met dit e-mailadres"))
            let mail = try #require(try await ReceivedMail.awaitMessages(to: address) { $0.contains("/beheer/wachtwoord-herstellen/") }.last)
            let link = try #require(ReceivedMail.link(mail, under: "/beheer/wachtwoord-herstellen/"))
            let form = try await browser.request(.get, link)
            let done = try await browser.request(.post, link, form: [("csrf", Browser.csrf(in: form.body) ?? ""), ("wachtwoord", "acht grijze pinguins")])
            #expect(done.status == 303 && done.location == "/beheer/inloggen?hersteld")
            #expect(try await signedIn.request(.get, "/beheer").status == 303, "the session from before the reset ended")
            #expect(try await browser.signIn(address, "acht grijze pinguins").location == "/beheer")
            #expect(try await browser.request(.get, link).status == 410)
        }
    }
}
