import Accounts
import Audit
import Foundation
import HTTPTypes
import Testing
import TestSupport
import WeerbaarApp
@testable import Web

@Suite(.enabled(if: ReceivedMail.available, "needs the SMTP sink that scripts/test starts"))
struct PortalLinksTests {
    /// Open invitations are listed on the users page; "opnieuw versturen" mails a new link and the old
    /// one stops working; "intrekken" stops it without a new one; both are in the log.
    @Test(arguments: TestBackend.available)
    func openInvitationsAreListedAndCanBeSentAgainOrWithdrawn(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            try await PortalFixtures.account(platform, .administrator)
            var admin = Browser(client: client)
            _ = try await admin.signIn("beheerder@weerbaar.example", PortalFixtures.password, platform: platform)
            let users = try await admin.request(.get, "/beheer/gebruikers")
            #expect(users.body.contains("Er staan geen uitnodigingen open."))
            let csrf = Browser.csrf(in: users.body) ?? ""
            let first = "eerste-\(UUID().uuidString.prefix(8).lowercased())@gemeente.example"
            let second = "tweede-\(UUID().uuidString.prefix(8).lowercased())@gemeente.example"
            for (email, name) in [(first, "Eva Eerste"), (second, "Tom Tweede")] {
                let sent = try await admin.request(.post, "/beheer/gebruikers/uitnodigen",
                                                   form: [("csrf", csrf), ("email", email), ("naam", name), ("rol", "redacteur"), ("aanbieder", "")])
                #expect(sent.status == 303)
            }
            let listed = try await admin.request(.get, "/beheer/gebruikers")
            #expect(listed.body.contains("Openstaande uitnodigingen (2)") && listed.body.contains(first) && listed.body.contains(second))
            let open = try await platform.accounts.openInvitations()
            let firstID = try #require(open.first { $0.email == first }?.id)
            let secondID = try #require(open.first { $0.email == second }?.id)
            let firstMail = try #require(try ReceivedMail.messages(to: first).last)
            let oldLink = try #require(ReceivedMail.link(firstMail, under: "/beheer/uitnodiging/"))

            let resent = try await admin.request(.post, "/beheer/uitnodigingen/\(firstID)/opnieuw", form: [("csrf", csrf)])
            #expect(resent.location == "/beheer/gebruikers?opnieuw")
            let mails = try await ReceivedMail.awaitMessages(to: first) { $0.contains("/beheer/uitnodiging/") && !$0.contains(oldLink) }
            #expect(mails.count == 2)
            let newMail = try #require(mails.last)
            let newLink = try #require(ReceivedMail.link(newMail, under: "/beheer/uitnodiging/"))
            #expect(newLink != oldLink)
            var invitee = Browser(client: client)
            #expect(try await invitee.request(.get, oldLink).body.contains("al gebruikt of bestaat niet"), "the old link stops working")
            #expect(try await invitee.request(.get, newLink).status == 200)

            let withdrawn = try await admin.request(.post, "/beheer/uitnodigingen/\(secondID)/intrekken", form: [("csrf", csrf)])
            #expect(withdrawn.location == "/beheer/gebruikers?ingetrokken")
            let secondMail = try #require(try ReceivedMail.messages(to: second).last)
            let secondLink = try #require(ReceivedMail.link(secondMail, under: "/beheer/uitnodiging/"))
            #expect(try await invitee.request(.get, secondLink).body.contains("al gebruikt of bestaat niet"))
            let again = try await admin.request(.post, "/beheer/uitnodigingen/\(secondID)/intrekken", form: [("csrf", csrf)])
            #expect(again.location == "/beheer/gebruikers?weg", "withdrawn twice is no error page")
            let after = try await admin.request(.get, "/beheer/gebruikers")
            #expect(after.body.contains("Openstaande uitnodigingen (1)") && !after.body.contains(second))

            let events = try await platform.audit.events(offset: 0, limit: 10)
            #expect(events.contains { $0.action == .invitationResent && $0.subject == first })
            #expect(events.contains { $0.action == .invitationWithdrawn && $0.subject == second })
            // A partner editor cannot touch invitations.
            try await PortalFixtures.account(platform, .partnerEditor)
            var partner = Browser(client: client)
            _ = try await partner.signIn("partner-redacteur@weerbaar.example", PortalFixtures.password)
            let partnerPage = try await partner.request(.get, "/beheer")
            #expect(try await partner.request(.post, "/beheer/uitnodigingen/\(firstID)/intrekken",
                                              form: [("csrf", Browser.csrf(in: partnerPage.body) ?? "")]).status == 403)
        }
    }

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
