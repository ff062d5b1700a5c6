import Accounts
import Foundation
import HTTPTypes
import Testing
import TestSupport
import WeerbaarApp
@testable import Web

/// The mail the SMTP sink on loopback received (scripts/test starts it).
enum ReceivedMail {
    /// The sink is running; in CI the mail tests run regardless, and fail without it.
    static var available: Bool { sinkDirectory != nil || TestEnvironment.isCI }

    static var sinkDirectory: URL? {
        ProcessInfo.processInfo.environment["WEERBAAR_TEST_SMTP_DIR"].map { URL(fileURLWithPath: $0) }
    }

    struct NoSink: Error, CustomStringConvertible {
        var description: String { "WEERBAAR_TEST_SMTP_DIR is not set: the SMTP sink that scripts/test starts is not running" }
    }

    /// The decoded text of every message to `recipient`, oldest first.
    static func messages(to recipient: String) throws -> [String] {
        guard let directory = sinkDirectory else { throw NoSink() }
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }.sorted().compactMap { name in
            let envelope = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent(name))) as! [String: Any]
            guard (envelope["rcpt_tos"] as? [String])?.contains(recipient) == true else { return nil }
            let raw = try String(contentsOf: directory.appendingPathComponent(name.replacingOccurrences(of: ".json", with: ".eml")), encoding: .utf8)
            return decodeQuotedPrintable(raw)
        }
    }

    /// The messages to `recipient` once one of them satisfies `until`, polling for mail that a
    /// background task is still delivering; after `timeout` what has arrived so far.
    static func awaitMessages(to recipient: String, timeout: Duration = .seconds(15),
                              until: (String) -> Bool = { _ in true }) async throws -> [String] {
        let deadline = ContinuousClock.now + timeout
        while true {
            let received = try messages(to: recipient)
            if received.contains(where: until) || ContinuousClock.now >= deadline { return received }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    static func decodeQuotedPrintable(_ text: String) -> String {
        let unfolded = text.replacingOccurrences(of: "=\r\n", with: "").replacingOccurrences(of: "=\n", with: "")
        var bytes: [UInt8] = []
        var iterator = Array(unfolded.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "="), let high = iterator.next(), let low = iterator.next(),
               let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The first path on the site that a message links to, e.g. "/beheer/uitnodiging/…".
    static func link(_ message: String, under prefix: String) -> String? {
        guard let range = message.range(of: "https://weerbaar.example" + prefix) else { return nil }
        return String(message[range.lowerBound...].prefix { !$0.isWhitespace }.dropFirst("https://weerbaar.example".count))
    }
}

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
