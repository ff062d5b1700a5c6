@testable import Editions
import CatalogueService
import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import Newsletter
import NIOCore
import Testing
import TestSupport
@testable import WeerbaarApp
@testable import Web

/// "Houd mij op de hoogte": from a search page to a confirmed alert, a mail with only what newly
/// matches, nothing when nothing is new, and one click to stop.
@Suite(.enabled(if: ReceivedMail.available, "needs the SMTP sink that scripts/test starts"))
struct NewsletterAlertTests {
    @Test(arguments: TestBackend.available)
    func anAlertMailsWhatNewlyMatchesASavedSearch(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            let finder = try await client.get("/aanbod?q=kraaien&thema=maatschappelijke-onrust")
            #expect(finder.body.contains("href=\"/nieuwsbrief/attendering?q=kraaien&amp;thema=maatschappelijke-onrust\""))

            var visitor = Browser(client: client)
            let form = try await visitor.request(.get, "/nieuwsbrief/attendering?q=kraaien&thema=maatschappelijke-onrust")
            #expect(form.status == 200 && form.body.contains("‘kraaien’, Maatschappelijke onrust"))
            var csrf = Browser.csrf(in: form.body) ?? ""
            let search = "q=kraaien&thema=maatschappelijke-onrust"
            let email = "attendering-\(UUID().uuidString.prefix(8).lowercased())@gemeente.example"

            var page = try await visitor.request(.post, "/nieuwsbrief/attendering",
                                                 form: [("csrf", csrf), ("zoekopdracht", search), ("email", "geen adres"), ("frequentie", "dagelijks")])
            #expect(page.status == 422 && page.body.contains("Vul een geldig e-mailadres in"))
            // Every form page sets a fresh double-submit token.
            csrf = Browser.csrf(in: page.body) ?? ""
            page = try await visitor.request(.post, "/nieuwsbrief/attendering",
                                             form: [("csrf", csrf), ("zoekopdracht", search), ("email", "robot@gemeente.example"),
                                                    ("frequentie", "dagelijks"), ("website", "https://spam.example")])
            #expect(page.status == 200 && page.body.contains("Kijk in uw mailbox"))
            page = try await visitor.request(.post, "/nieuwsbrief/attendering",
                                             form: [("csrf", csrf), ("zoekopdracht", search), ("email", email), ("frequentie", "dagelijks")])
            #expect(page.status == 200 && page.body.contains("Kijk in uw mailbox"))
            // Confirmations go out in the background, in the order asked: once the genuine one has
            // arrived, a mail to the robot would have too.
            let confirmation = try #require(try await ReceivedMail.awaitMessages(to: email) { $0.contains("Bevestig") }.last)
            #expect(try ReceivedMail.messages(to: "robot@gemeente.example").isEmpty, "the honeypot keeps nothing and sends nothing")
            let link = try #require(ReceivedMail.link(confirmation, under: "/nieuwsbrief/attendering/bevestigen/"))
            let step = try await visitor.request(.get, link)
            #expect(step.status == 200)
            page = try await visitor.request(.post, link, form: [("csrf", Browser.csrf(in: step.body) ?? "")])
            #expect(page.status == 200 && page.body.contains("Uw attendering staat aan"))
            #expect(try await platform.subscribers.recipients().allSatisfy { $0.email != email }, "an alert is not a newsletter subscription")

            let digest = platform.alertDigest
            let logger = Logger(label: "test")
            #expect(try await digest.run([.daily], now: Date(), logger: logger) == .init(looked: 1, mailed: 0), "nothing new: no mail")

            let file = """
                {"format":"weerbaar.offerings/v1","offerings":[{"id":"kraaienmars","provider":"vng",
                 "title":"Kraaienmars in de binnenstad","summary":"Een handreiking over kraaien en onrust.",
                 "kind":"publicatie","form":"handreiking","themes":["maatschappelijke-onrust"]}]}
                """
            _ = try await platform.importer.importFiles([.init(name: "extra.json", data: Data(file.utf8))])
            #expect(try await digest.run([.weekly], now: Date(), logger: logger) == .init(looked: 0, mailed: 0), "a daily alert is not weekly")
            #expect(try await digest.run([.daily], now: Date(), logger: logger) == .init(looked: 1, mailed: 1))
            let alertMail = try #require(try ReceivedMail.messages(to: email).last)
            #expect(alertMail.contains("Kraaienmars in de binnenstad"))
            #expect(try ReceivedMail.raw(to: email).last?.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click") == true)
            #expect(try await digest.run([.daily], now: Date(), logger: logger).mailed == 0, "told once")

            // The preferences page lists it; the stop link in the mail works with one click and, as
            // this address asked only for alerts, leaves nothing behind.
            let stop = try #require(ReceivedMail.link(alertMail, under: "/nieuwsbrief/attendering/stoppen/"))
                .prefix { $0.isLetter || $0.isNumber || "/-_.".contains($0) }
            let subscriber = try #require(try await platform.alerts.due(.daily).first?.alert.subscriberID)
            let preferences = try await client.get("/nieuwsbrief/voorkeuren/" + platform.links.token(.preferences, subscriber: subscriber, expires: nil))
            #expect(preferences.body.contains("‘kraaien’, Maatschappelijke onrust") && preferences.body.contains(String(stop)))
            let stopped = try await client.execute(uri: String(stop), method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                   body: ByteBuffer(string: "List-Unsubscribe=One-Click")) { $0.status.code }
            #expect(stopped == 200)
            #expect(try await platform.alerts.due(.daily).isEmpty)
            #expect(try await platform.subscribers.subscriber(subscriber) == nil)
            #expect(try await client.get(String(stop)).status == 410, "a stop link after stopping says so in Dutch")
        }
    }
}
