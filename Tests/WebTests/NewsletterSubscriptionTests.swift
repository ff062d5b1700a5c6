import Foundation
import HTTPTypes
import HummingbirdTesting
import Mail
import Newsletter
import NIOCore
import Testing
import TestSupport
import WeerbaarApp
@testable import Web

extension Browser {
    /// A form post as the site's own pages send it: the browser says it is same-origin.
    mutating func postFromSite(_ path: String, form: [(String, String)]) async throws -> Page {
        var headers = HTTPFields()
        headers[.contentType] = "application/x-www-form-urlencoded"
        headers[.origin] = "https://weerbaar.example"
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        let body = ByteBuffer(string: form.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
            .joined(separator: "&"))
        return try await client.execute(uri: path, method: .post, headers: headers, body: body) { response in
            Page(status: Int(response.status.code), location: response.headers[.location], body: String(buffer: response.body), setCookies: [])
        }
    }
}

@Suite(.enabled(if: ReceivedMail.available, "needs the SMTP sink that scripts/test starts"))
struct NewsletterSubscriptionTests {
    /// Part of every address, so a sink that kept the mail of an earlier run cannot answer for this one.
    static let run = String(UUID().uuidString.prefix(8)).lowercased()

    @Test(arguments: TestBackend.available)
    func signUpConfirmChangePreferencesExportAndLeaveWithOneClick(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            let address = "lezer-\(backend)-\(Self.run)@gemeente.example"
            var visitor = Browser(client: client)
            // From the footer of a cached page: no token, a same-origin post.
            let signed = try await visitor.postFromSite("/nieuwsbrief", form: [("email", address), ("bron", "/aanbod")])
            #expect(signed.status == 200 && signed.body.contains("Kijk in uw mailbox"))
            let mail = try #require(try await ReceivedMail.awaitMessages(to: address) { $0.contains("Bevestig uw aanmelding") }.last)
            #expect(mail.contains("Bevestig uw aanmelding") && mail.contains("Postbus"))
            let confirmPath = try #require(ReceivedMail.link(mail, under: "/nieuwsbrief/bevestigen/"))
            #expect(try await platform.subscribers.confirmedCount() == 0, "nothing before confirmation")

            let step = try await visitor.request(.get, confirmPath)
            #expect(step.status == 200 && step.body.contains(address))
            let confirmed = try await visitor.request(.post, confirmPath, form: [("csrf", Browser.csrf(in: step.body) ?? "")])
            #expect(confirmed.status == 200 && confirmed.body.contains("U bent aangemeld"))
            let again = try await visitor.request(.post, confirmPath, form: [("csrf", Browser.csrf(in: step.body) ?? "")])
            #expect(again.status == 200 && again.body.contains("U was al aangemeld"), "a double click confirms once")
            #expect(try await platform.subscribers.confirmedCount() == 1)

            let preferencesPath = try #require(confirmed.body.range(of: "href=\"/nieuwsbrief/voorkeuren/").map {
                String(confirmed.body[confirmed.body.index($0.lowerBound, offsetBy: 6)...].prefix { $0 != "\"" })
            })
            let prefs = try await visitor.request(.get, preferencesPath)
            #expect(prefs.status == 200 && prefs.body.contains("Aangemeld als \(address)"))
            let saved = try await visitor.request(.post, preferencesPath, form: [("csrf", Browser.csrf(in: prefs.body) ?? ""), ("naam", "Lezer"),
                                                                                ("themas", "polarisatie"), ("pauze", "ja")])
            #expect(saved.status == 200 && saved.body.contains("op pauze"))
            let export = try await visitor.request(.get, preferencesPath + "/gegevens.json")
            #expect(export.status == 200 && export.body.contains("\"consentSource\" : \"/aanbod\"") && export.body.contains("polarisatie"))

            // RFC 8058: the mail program posts the one-click body to the unsubscribe link.
            let unsubscribePath = try #require(prefs.body.range(of: "href=\"/nieuwsbrief/afmelden/").map {
                String(prefs.body[prefs.body.index($0.lowerBound, offsetBy: 6)...].prefix { $0 != "\"" })
            })
            var mailProgram = Browser(client: client)
            let left = try await mailProgram.request(.post, unsubscribePath, form: [("List-Unsubscribe", "One-Click")])
            #expect(left.status == 200 && left.body.contains("U bent afgemeld"))
            #expect(try await platform.subscribers.confirmedCount() == 0)
            #expect(try await platform.subscribers.erasureCount() == 1)
            // Every personal link now says plainly that there is nothing behind it.
            for path in [unsubscribePath, preferencesPath, confirmPath] {
                let page = try await visitor.request(.get, path)
                #expect(page.status == 410 && page.body.contains("Geen aanmelding bij deze link"), "\(path)")
            }
            #expect(try await mailProgram.request(.post, unsubscribePath, form: [("List-Unsubscribe", "One-Click")]).status == 410)
        }
    }

    @Test(arguments: TestBackend.available)
    func badInputGetsAClearDutchAnswerAndLeavesNothingBehind(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend, configure: { $0.newsletterSignUpsPerClient = 50 }) { client, platform in
            var visitor = Browser(client: client)
            let injections = ["Jan <jan@gemeente.example>", "jan@gemeente.example\r\nBcc: iedereen@example.org",
                              "jan@gemeente.example>\r\nSubject: gratis", String(repeating: "a", count: 10_240) + "@gemeente.example", "geen-adres"]
            for email in injections {
                let page = try await visitor.postFromSite("/nieuwsbrief", form: [("email", email)])
                #expect(page.status == 422 && page.body.contains("id=\"email-fout\""), "\(email.prefix(40))")
                #expect(page.body.count < 100_000, "the answer does not repeat 10 KB back")
            }
            // An internationalised domain works; mail goes to its punycode form.
            let idn = "info@gemeente-\(backend)-ö.example"
            #expect(try await visitor.postFromSite("/nieuwsbrief", form: [("email", idn)]).status == 200)
            let ascii = try MailAddressForTest.ascii(idn)
            #expect(try await ReceivedMail.awaitMessages(to: ascii) { $0.contains("Bevestig uw aanmelding") }.contains { $0.contains("Bevestig uw aanmelding") })

            // A tampered link, an expired link.
            let tampered = try await visitor.request(.get, "/nieuwsbrief/bevestigen/abc.def")
            #expect(tampered.status == 410 && tampered.body.contains("Deze link klopt niet"))
            let expired = platform.links.token(.confirm, subscriber: UUID(), expires: Date().addingTimeInterval(-60))
            let old = try await visitor.request(.get, "/nieuwsbrief/bevestigen/\(expired)")
            #expect(old.status == 410 && old.body.contains("Deze link is verlopen"))

            // A cross-site post without a token is refused; the honeypot keeps nothing.
            let foreign = try await visitor.request(.post, "/nieuwsbrief", form: [("email", "x@gemeente.example")])
            #expect(foreign.status == 403)
            let bot = try await visitor.postFromSite("/nieuwsbrief", form: [("email", "bot-\(backend)-\(Self.run)@gemeente.example"), ("website", "http://spam")])
            #expect(bot.status == 200 && bot.body.contains("Kijk in uw mailbox"))
            // Confirmations go out in the background in the order asked: once a later genuine one has
            // arrived, a mail to the bot would have too.
            let later = "na-de-bot-\(backend)-\(Self.run)@gemeente.example"
            #expect(try await visitor.postFromSite("/nieuwsbrief", form: [("email", later)]).status == 200)
            #expect(try await ReceivedMail.awaitMessages(to: later) { $0.contains("Bevestig") }.count == 1)
            #expect(try ReceivedMail.messages(to: "bot-\(backend)-\(Self.run)@gemeente.example").isEmpty)
        }
    }

    @Test(arguments: TestBackend.available)
    func theAnswerNeverRevealsWhetherAnAddressIsSubscribedAndAClientIsRateLimited(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            var visitor = Browser(client: client)
            let known = "bekend-\(backend)-\(Self.run)@gemeente.example"
            let subscriber = try #require((try await platform.subscribers.subscribe(email: known, name: nil, organisation: nil, interests: [],
                                                                                          source: "/", now: Date())).pendingSubscriber, "a new address is pending")
            _ = try await platform.subscribers.confirm(subscriber.id, now: Date())
            let forKnown = try await visitor.postFromSite("/nieuwsbrief", form: [("email", known)])
            let forNew = try await visitor.postFromSite("/nieuwsbrief", form: [("email", "onbekend-\(backend)-\(Self.run)@gemeente.example")])
            #expect(forKnown.status == forNew.status && forKnown.body == forNew.body)
            #expect(try await ReceivedMail.awaitMessages(to: known) { $0.contains("al aangemeld") }.contains { $0.contains("al aangemeld") },
                    "the owner hears about it, nobody else")
            var limited = 0
            for n in 0..<8 where try await visitor.postFromSite("/nieuwsbrief", form: [("email", "veel-\(n)-\(backend)-\(Self.run)@gemeente.example")]).status == 429 {
                limited += 1
            }
            #expect(limited >= 5, "five per quarter of an hour per client, two already used")
        }
    }
}

/// The ASCII form a mail server sees.
enum MailAddressForTest {
    static func ascii(_ address: String) throws -> String {
        try MailAddress(address).ascii
    }
}

extension SubscribeOutcome {
    /// The subscriber of a first sign-up, for `#require`.
    var pendingSubscriber: Subscriber? { if case .pending(let subscriber) = self { subscriber } else { nil } }
}
