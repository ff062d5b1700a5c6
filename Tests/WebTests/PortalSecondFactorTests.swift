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
            #expect(done.location == "/beheer?tweede-stap")
            #expect(try await browser.request(.get, "/beheer/gebruikers").status == 200)
            #expect(try await platform.accounts.account(email: "nieuw@weerbaar.example")?.totpSecret == secretText)
        }
    }
}
