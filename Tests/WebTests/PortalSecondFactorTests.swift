import Accounts
import Audit
import Catalogue
import CatalogueService
import Foundation
import Newsletter
import SQLKit
@testable import Storage
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import TestSupport
import WeerbaarApp
@testable import Web

@Suite struct PortalSecondFactorTests {
    @Test(arguments: TestBackend.available)
    func aBeheerderNeedsTheCodeAfterThePassword(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            try await PortalFixtures.account(platform, .administrator)
            var browser = Browser(client: client)
            let password = try await browser.signIn("beheerder@weerbaar.example", PortalFixtures.password)
            #expect(password.location == "/beheer/tweede-stap")
            let pending = try #require(browser.cookies["weerbaar_sessie"])
            #expect(try await browser.request(.get, "/beheer").location == "/beheer/tweede-stap", "the password alone opens nothing")
            #expect(try await browser.request(.get, "/beheer/gebruikers").location == "/beheer/tweede-stap")
            let form = try await browser.request(.get, "/beheer/tweede-stap")
            let wrong = try await browser.request(.post, "/beheer/tweede-stap", form: [("csrf", Browser.csrf(in: form.body) ?? ""), ("code", "000000")])
            #expect(wrong.status == 401 && wrong.body.contains("Deze code klopt niet"))
            let code = try await PortalFixtures.nextCode(platform, "beheerder@weerbaar.example")
            let right = try await browser.request(.post, "/beheer/tweede-stap", form: [("csrf", Browser.csrf(in: form.body) ?? ""), ("code", code)])
            #expect(right.location == "/beheer")
            #expect(browser.cookies["weerbaar_sessie"] != pending, "a new session id after the second step")
            #expect(try await browser.request(.get, "/beheer/gebruikers").status == 200)
            // The same code a second time (a replay) does not get another browser in.
            var other = Browser(client: client)
            _ = try await other.signIn("beheerder@weerbaar.example", PortalFixtures.password)
            let otherForm = try await other.request(.get, "/beheer/tweede-stap")
            let replay = try await other.request(.post, "/beheer/tweede-stap", form: [("csrf", Browser.csrf(in: otherForm.body) ?? ""), ("code", code)])
            #expect(replay.status == 401)
        }
    }

    @Test(arguments: TestBackend.available)
    func aBeheerderWithoutSecondFactorMustSetItUpFirst(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            let account = Account(email: "nieuw@weerbaar.example", name: "Nieuwe Beheerder", role: .administrator,
                                  passwordHash: try await SignInService.hashPassword(PortalFixtures.password, cost: 4))
            try await platform.accounts.create(account)
            var browser = Browser(client: client)
            #expect(try await browser.signIn("nieuw@weerbaar.example", PortalFixtures.password).location == "/beheer")
            #expect(try await browser.request(.get, "/beheer").location == "/beheer/tweede-stap-instellen")
            #expect(try await browser.request(.get, "/beheer/gebruikers").location == "/beheer/tweede-stap-instellen")
            let setup = try await browser.request(.get, "/beheer/tweede-stap-instellen")
            #expect(setup.status == 200 && setup.body.contains("otpauth://totp/Weerbaar"))
            let secretText = try #require(setup.body.range(of: "name=\"geheim\" value=\"").map { String(setup.body[$0.upperBound...].prefix { $0 != "\"" }) })
            let secret = try #require(Base32.decode(secretText))
            let code = TOTP.code(secret: secret, counter: TOTP.counter(at: Date()))
            let done = try await browser.request(.post, "/beheer/tweede-stap-instellen",
                                                 form: [("csrf", Browser.csrf(in: setup.body) ?? ""), ("geheim", secretText), ("code", code)])
            // The recovery codes are shown this once, with a QR code before them on the set-up page.
            #expect(setup.body.contains("<svg") && setup.body.contains("role=\"img\"") && setup.body.contains("QR-code"))
            #expect(done.status == 200 && done.body.contains("Uw herstelcodes") && done.body.contains("href=\"/beheer?tweede-stap\""))
            let codes = Self.recoveryCodes(in: done.body)
            #expect(codes.count == RecoveryCodes.count && Set(codes).count == codes.count)
            #expect(try await browser.request(.get, "/beheer/gebruikers").status == 200)
            #expect(try await platform.accounts.account(email: "nieuw@weerbaar.example")?.totpSecret == secretText)
        }
    }

    static func recoveryCodes(in body: String) -> [String] {
        body.components(separatedBy: "<li><code>").dropFirst().compactMap { $0.components(separatedBy: "</code>").first }
    }

    /// A lost phone: a recovery code gets the beheerder in once; it is kept only as a hash; used, it
    /// is refused; the log says so. Wrong codes are logged too.
    @Test(arguments: TestBackend.available)
    func aRecoveryCodeWorksOnceInsteadOfTheApp(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            let account = Account(email: "telefoon-kwijt@weerbaar.example", name: "Beheerder Zonder Telefoon", role: .administrator,
                                  passwordHash: try await SignInService.hashPassword(PortalFixtures.password, cost: 4))
            try await platform.accounts.create(account)
            var browser = Browser(client: client)
            _ = try await browser.signIn(account.email, PortalFixtures.password)
            let setup = try await browser.request(.get, "/beheer/tweede-stap-instellen")
            let secretText = try #require(setup.body.range(of: "name=\"geheim\" value=\"").map { String(setup.body[$0.upperBound...].prefix { $0 != "\"" }) })
            let code = TOTP.code(secret: try #require(Base32.decode(secretText)), counter: TOTP.counter(at: Date()))
            let done = try await browser.request(.post, "/beheer/tweede-stap-instellen",
                                                 form: [("csrf", Browser.csrf(in: setup.body) ?? ""), ("geheim", secretText), ("code", code)])
            let codes = Self.recoveryCodes(in: done.body)
            let recovery = try #require(codes.first)
            // Only hashes are stored.
            let stored = try await platform.database.database.sql.raw("SELECT code_hash FROM recovery_codes").all()
            let hashes = try stored.map { try $0.decode(column: "code_hash", as: String.self) }
            #expect(hashes.count == RecoveryCodes.count)
            #expect(!hashes.contains { hash in codes.contains { hash.contains($0) || hash.contains($0.replacingOccurrences(of: "-", with: "")) } })

            func signInWith(_ code: String) async throws -> Browser.Page {
                var phoneless = Browser(client: client)
                _ = try await phoneless.signIn(account.email, PortalFixtures.password)
                let form = try await phoneless.request(.get, "/beheer/tweede-stap")
                return try await phoneless.request(.post, "/beheer/tweede-stap", form: [("csrf", Browser.csrf(in: form.body) ?? ""), ("code", code)])
            }
            let wrong = try await signInWith("abcde-fghjk")
            #expect(wrong.status == 401)
            let first = try await signInWith(recovery.uppercased().replacingOccurrences(of: "-", with: " "))
            #expect(first.location == "/beheer?herstelcode=9", "typed in capitals with a space, it still counts")
            let again = try await signInWith(recovery)
            #expect(again.status == 401, "a recovery code works once")
            #expect(try await platform.accounts.unusedRecoveryCodes(accountID: account.id) == 9)
            let events = try await platform.audit.events(offset: 0, limit: 20)
            #expect(events.contains { $0.action == .recoveryCodeUsed && $0.actor == account.email && $0.details == "nog 9 over" })
            #expect(events.filter { $0.action == .secondFactorFailed && $0.actor == account.email }.count == 2)
        }
    }

    /// A beheerder wipes another's second factor (phone and codes lost); the account's sessions end,
    /// and the log names both. Nobody else may, and not one's own.
    @Test(arguments: TestBackend.available)
    func aBeheerderWipesAnothersSecondFactor(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            try await PortalFixtures.account(platform, .administrator)
            let other = try await PortalFixtures.account(platform, .administrator, email: "andere-beheerder@weerbaar.example")
            let editor = try await PortalFixtures.account(platform, .editor)
            var otherBrowser = Browser(client: client)
            _ = try await otherBrowser.signIn(other.email, PortalFixtures.password, platform: platform)
            #expect(try await otherBrowser.request(.get, "/beheer").status == 200)

            var redacteur = Browser(client: client)
            _ = try await redacteur.signIn(editor.email, PortalFixtures.password)
            let editorPage = try await redacteur.request(.get, "/beheer")
            let refused = try await redacteur.request(.post, "/beheer/gebruikers/\(other.id)/tweede-stap-wissen",
                                                      form: [("csrf", Browser.csrf(in: editorPage.body) ?? "")])
            #expect(refused.status == 403)

            var admin = Browser(client: client)
            _ = try await admin.signIn("beheerder@weerbaar.example", PortalFixtures.password, platform: platform)
            let userPage = try await admin.request(.get, "/beheer/gebruikers/\(other.id)")
            #expect(userPage.body.contains("Tweede stap wissen"))
            let wiped = try await admin.request(.post, "/beheer/gebruikers/\(other.id)/tweede-stap-wissen",
                                                form: [("csrf", Browser.csrf(in: userPage.body) ?? "")])
            #expect(wiped.location == "/beheer/gebruikers?tweede-stap-gewist")
            #expect(try await platform.accounts.account(id: other.id)?.totpSecret == nil)
            #expect(try await otherBrowser.request(.get, "/beheer").location?.hasPrefix("/beheer/inloggen") == true, "their sessions ended")
            let events = try await platform.audit.events(offset: 0, limit: 10)
            #expect(events.contains { $0.action == .secondFactorReset && $0.actor == "beheerder@weerbaar.example" && $0.subject == other.email })
            // Signing in again, the beheerder must set up a new second factor first.
            var back = Browser(client: client)
            #expect(try await back.signIn(other.email, PortalFixtures.password).location == "/beheer")
            #expect(try await back.request(.get, "/beheer").location == "/beheer/tweede-stap-instellen")

            let me = try #require(try await platform.accounts.account(email: "beheerder@weerbaar.example"))
            let own = try await admin.request(.post, "/beheer/gebruikers/\(me.id)/tweede-stap-wissen", form: [("csrf", Browser.csrf(in: userPage.body) ?? "")])
            #expect(own.location == "/beheer/gebruikers/\(me.id)")
            #expect(try await platform.accounts.account(id: me.id)?.totpSecret != nil, "not one's own")
        }
    }
}
