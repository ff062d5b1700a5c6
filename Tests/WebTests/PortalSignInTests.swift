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

/// A browser, as far as the portal needs one: it keeps cookies between requests.
struct Browser {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]

    struct Page {
        var status: Int
        var location: String?
        var body: String
        var setCookies: [String]
    }

    mutating func request(_ method: HTTPRequest.Method, _ path: String, form: [(String, String)]? = nil) async throws -> Page {
        var headers = HTTPFields()
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        var body: ByteBuffer? = nil
        if let form {
            headers[.contentType] = "application/x-www-form-urlencoded"
            body = ByteBuffer(string: form.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
                .joined(separator: "&"))
        }
        let page = try await client.execute(uri: path, method: method, headers: headers, body: body) { response in
            Page(status: Int(response.status.code), location: response.headers[.location], body: String(buffer: response.body),
                 setCookies: response.headers[values: .setCookie])
        }
        for line in page.setCookies {
            let pair = line.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            let name = String(pair[0]), value = pair.count > 1 ? String(pair[1]) : ""
            if value.isEmpty || line.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        return page
    }

    static func csrf(in body: String) -> String? {
        guard let range = body.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(body[range.upperBound...].prefix { $0 != "\"" })
    }

    /// Fetches the sign-in form and posts it; with `platform`, also gives the second factor's code
    /// when the account has one.
    mutating func signIn(_ email: String, _ password: String, platform: Platform? = nil) async throws -> Page {
        let form = try await request(.get, "/beheer/inloggen")
        let page = try await request(.post, "/beheer/inloggen", form: [("csrf", Self.csrf(in: form.body) ?? ""), ("email", email), ("wachtwoord", password)])
        guard page.location == "/beheer/tweede-stap", let platform else { return page }
        let codeForm = try await request(.get, "/beheer/tweede-stap")
        return try await request(.post, "/beheer/tweede-stap",
                                 form: [("csrf", Self.csrf(in: codeForm.body) ?? ""), ("code", try await PortalFixtures.nextCode(platform, email))])
    }
}

enum PortalFixtures {
    static let password = "zeven blauwe olifanten"
    /// The second factor of the beheerders the tests make (beheerders must have one).
    static let secret: [UInt8] = Array("twintig-bytes-geheim".utf8)

    /// A code the server has not accepted yet and will still accept if a 30-second step ends before
    /// it arrives: the current step's or the next one's, never the previous one's. When both were
    /// used (a third sign-in within one step), it waits for the next step.
    static func nextCode(_ platform: Platform, _ email: String) async throws -> String {
        let account = try #require(try await platform.accounts.account(email: email))
        while true {
            let now = TOTP.counter(at: Date())
            if let counter = [now, now + 1].first(where: { account.totpLastCounter == nil || Int64($0) > account.totpLastCounter! }) {
                return TOTP.code(secret: secret, counter: counter)
            }
            try await Task.sleep(for: .seconds(1))
        }
    }

    /// A route's path with its parameters filled by things that exist (a link token that does not):
    /// an offering of VNG, the partner editors' provider; an account; revision 1; the theme list.
    static func path(_ template: String, offering: Offering, account: UUID, edition: UUID = UUID()) -> String {
        template.replacingOccurrences(of: "{token}", with: "bestaat-niet")
            .replacingOccurrences(of: "{provider}/{id}", with: "vng/\(offering.id)")
            .replacingOccurrences(of: "{id}", with: account.uuidString)
            .replacingOccurrences(of: "{provider}", with: "vng")
            .replacingOccurrences(of: "{n}", with: "1")
            .replacingOccurrences(of: "{upload}", with: UUID().uuidString)
            .replacingOccurrences(of: "{lijst}", with: "thema")
            .replacingOccurrences(of: "{waarde}", with: "polarisatie")
            .replacingOccurrences(of: "{editie}", with: edition.uuidString)
    }

    /// The routes the platform's router registers, read from the same union.
    static func routes(_ platform: Platform) -> [Route<WeerbaarRequestContext>] {
        WebRouter.routes(site: platform.site())
    }

    @discardableResult
    static func account(_ platform: Platform, _ role: Role, email: String? = nil, provider: String? = nil) async throws -> Account {
        let account = Account(email: email ?? "\(role.rawValue)@weerbaar.example", name: "Test \(role.label)", role: role,
                              provider: provider ?? (role == .partnerEditor ? "vng" : nil),
                              passwordHash: try await SignInService.hashPassword(password, cost: 4),
                              totpSecret: role == .administrator ? Base32.encode(secret) : nil)
        try await platform.accounts.create(account)
        return account
    }
}

@Suite struct PortalSignInTests {
    @Test(arguments: TestBackend.available)
    func signInShowsTheDashboardWithASecureSessionCookie(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            try await PortalFixtures.account(platform, .editor)
            var browser = Browser(client: client)
            let anonymous = try await browser.request(.get, "/beheer")
            #expect(anonymous.status == 303 && anonymous.location == "/beheer/inloggen")
            let signedIn = try await browser.signIn("Redacteur@weerbaar.example", PortalFixtures.password)
            #expect(signedIn.status == 303 && signedIn.location == "/beheer")
            let cookie = try #require(signedIn.setCookies.first { $0.hasPrefix("weerbaar_sessie=") })
            for attribute in ["HttpOnly", "Secure", "SameSite=Lax", "Path=/"] { #expect(cookie.contains(attribute), "\(attribute) in \(cookie)") }
            let dashboard = try await browser.request(.get, "/beheer")
            #expect(dashboard.status == 200)
            #expect(dashboard.body.contains("U bent ingelogd als Test Redacteur"))
            #expect(dashboard.body.contains("<meta name=\"robots\" content=\"noindex\"/>"))
        }
    }

    @Test(arguments: TestBackend.available)
    func theSessionIdChangesAtSignInAndTheOldOneEnds(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            try await PortalFixtures.account(platform, .editor)
            var browser = Browser(client: client)
            _ = try await browser.signIn("redacteur@weerbaar.example", PortalFixtures.password)
            let first = try #require(browser.cookies["weerbaar_sessie"])
            // A signed-in browser is sent from the sign-in form to the dashboard…
            #expect(try await browser.request(.get, "/beheer/inloggen").location == "/beheer")
            // …but a form opened before (another tab) still signs in, with a new id, and ends the old session.
            var tab = Browser(client: client)
            let form = try await tab.request(.get, "/beheer/inloggen")
            tab.cookies["weerbaar_sessie"] = first
            _ = try await tab.request(.post, "/beheer/inloggen", form: [("csrf", Browser.csrf(in: form.body) ?? ""),
                                                                       ("email", "redacteur@weerbaar.example"), ("wachtwoord", PortalFixtures.password)])
            let second = try #require(tab.cookies["weerbaar_sessie"])
            #expect(first != second)
            #expect(try await browser.request(.get, "/beheer").status == 303, "the session of before the sign-in is gone")
            // A cookie planted before sign-in (fixation) is not what the server uses afterwards.
            var planted = Browser(client: client, cookies: ["weerbaar_sessie": "door-aanvaller-gekozen"])
            _ = try await planted.signIn("redacteur@weerbaar.example", PortalFixtures.password)
            #expect(planted.cookies["weerbaar_sessie"] != "door-aanvaller-gekozen")
        }
    }

    @Test(arguments: TestBackend.available)
    func formsWithoutTheRightTokenAreRefused(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            try await PortalFixtures.account(platform, .editor)
            var browser = Browser(client: client)
            _ = try await browser.request(.get, "/beheer/inloggen")
            for token in ["", "verkeerd"] {
                let page = try await browser.request(.post, "/beheer/inloggen",
                                                     form: [("csrf", token), ("email", "redacteur@weerbaar.example"), ("wachtwoord", PortalFixtures.password)])
                #expect(page.status == 403, "token '\(token)'")
                #expect(browser.cookies["weerbaar_sessie"] == nil)
            }
            _ = try await browser.signIn("redacteur@weerbaar.example", PortalFixtures.password)
            for token in ["", "verkeerd"] {
                #expect(try await browser.request(.post, "/beheer/uitloggen", form: [("csrf", token)]).status == 403)
            }
            #expect(try await browser.request(.get, "/beheer").status == 200, "still signed in after the refused sign-outs")
            let dashboard = try await browser.request(.get, "/beheer")
            let out = try await browser.request(.post, "/beheer/uitloggen", form: [("csrf", Browser.csrf(in: dashboard.body) ?? "")])
            #expect(out.status == 303 && out.location == "/beheer/inloggen?uitgelogd")
            #expect(try await browser.request(.get, "/beheer").status == 303)
        }
    }

    /// Every state-changing route of the table, by a role allowed to use it, without a token and with a wrong one.
    @Test(arguments: TestBackend.available)
    func everyStateChangingRouteRefusesAMissingOrWrongToken(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            var browsers: [Role: Browser] = [:]
            for role in Role.allCases {
                try await PortalFixtures.account(platform, role)
                var browser = Browser(client: client)
                _ = try await browser.signIn("\(role.rawValue)@weerbaar.example", PortalFixtures.password, platform: platform)
                browsers[role] = browser
            }
            let offering = platform.catalogue.offerings { $0.provider == "vng" }.first!
            let before = try await platform.audit.count()
            var checked = 0
            for route in PortalFixtures.routes(platform) where route.method == .post {
                guard case .signedIn(let roles, _) = route.access, let role = Role.allCases.first(where: roles.contains) else { continue }
                let path = PortalFixtures.path(route.template, offering: offering, account: UUID())
                var browser = browsers[role]!
                for form in [[("naam", "x")], [("csrf", "verkeerd"), ("naam", "x")]] {
                    let page = try await browser.request(.post, path, form: form)
                    #expect(page.status == 403, "\(route.template) as \(role.rawValue) with \(form.count == 1 ? "no" : "a wrong") token: \(page.status)")
                }
                checked += 1
            }
            #expect(checked >= 23)
            #expect(try await platform.audit.count() == before, "nothing was done, so nothing was logged")
            #expect(platform.catalogue.offering(offering.key) == offering)
        }
    }

    @Test(arguments: TestBackend.available)
    func answersDoNotRevealWhetherAnAddressHasAnAccount(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            try await PortalFixtures.account(platform, .editor)
            var known = Browser(client: client), unknown = Browser(client: client)
            let wrongPassword = try await known.signIn("redacteur@weerbaar.example", "niet het goede wachtwoord")
            let noAccount = try await unknown.signIn("niemand@weerbaar.example", "niet het goede wachtwoord")
            #expect(wrongPassword.status == 401 && noAccount.status == 401)
            func normalised(_ page: Browser.Page) -> String {
                page.body.replacingOccurrences(of: Browser.csrf(in: page.body) ?? "-", with: "TOKEN")
                    .replacingOccurrences(of: "redacteur@weerbaar.example", with: "ADRES")
                    .replacingOccurrences(of: "niemand@weerbaar.example", with: "ADRES")
            }
            #expect(normalised(wrongPassword) == normalised(noAccount))
            #expect(wrongPassword.body.contains("Het e-mailadres of het wachtwoord klopt niet."))
        }
    }

    @Test(arguments: TestBackend.available)
    func aScriptedBurstMeetsTheLockoutWithATimeToTryAgain(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            try await PortalFixtures.account(platform, .editor)
            var browser = Browser(client: client)
            var statuses: [Int] = []
            for attempt in 0..<7 { statuses.append(try await browser.signIn("redacteur@weerbaar.example", "poging \(attempt)").status) }
            #expect(statuses == [401, 401, 401, 401, 429, 429, 429])
            let locked = try await browser.signIn("redacteur@weerbaar.example", PortalFixtures.password)
            #expect(locked.status == 429)
            #expect(locked.body.range(of: "U kunt het om [0-9]{2}:[0-9]{2} opnieuw proberen", options: .regularExpression) != nil)
            #expect(browser.cookies["weerbaar_sessie"] == nil)
        }
    }

    /// The rules themselves, per area of the portal, so that a route declared with the wrong rule fails
    /// here even though the matrix below would follow it: beheerders run the platform, content is kept
    /// by redacteuren and partner editors, the newsletter and the review queue by the redactie.
    @Test func everyAreaOfThePortalIsForTheRolesThatKeepIt() async throws {
        try await WebHarness.withClient(.sqlite) { _, platform in
            let routes = PortalFixtures.routes(platform)
            let areas: [(prefix: String, roles: Set<Role>)] = [
                ("/beheer/gebruikers", [.administrator]), ("/beheer/logboek", [.administrator]),
                ("/beheer/aanbieders", [.administrator]), ("/beheer/lijsten", [.administrator]),
                ("/beheer/nieuwsbrief", [.editor]), ("/beheer/beoordelen", [.editor]),
                ("/beheer/aanbod/nieuw", [.editor, .partnerEditor]), ("/beheer/aanbod/uploaden", [.editor, .partnerEditor]),
            ]
            var checked = 0
            for route in routes {
                guard let area = areas.first(where: { route.template == $0.prefix || route.template.hasPrefix($0.prefix + "/") }) else { continue }
                guard case .signedIn(let roles, let evenWithout) = route.access else {
                    Issue.record("\(route.method) \(route.template) is not for signed-in users: \(route.access)")
                    continue
                }
                #expect(roles == area.roles && !evenWithout, "\(route.method) \(route.template): \(roles)")
                checked += 1
            }
            #expect(checked >= 30, "routes checked: \(checked)")
            // An offering's own pages: editors only, publishing and sending back for the redactie alone.
            for route in routes where route.template.hasPrefix("/beheer/aanbod/{provider}/{id}") && !route.template.hasSuffix("/actueel") {
                let expected: Set<Role> = route.template.hasSuffix("/publiceren") || route.template.hasSuffix("/terugsturen") ? [.editor] : [.editor, .partnerEditor]
                #expect(route.access == .signedIn(expected, evenWithoutSecondFactor: false), "\(route.method) \(route.template)")
            }
            // Only setting up the second factor and signing out are open to a beheerder who has none yet.
            let open = routes.filter { if case .signedIn(_, true) = $0.access { true } else { false } }.map(\.template)
            #expect(Set(open) == ["/beheer/tweede-stap-instellen", "/beheer/uitloggen", "/beheer/overal-uitloggen"])
            // Every route outside /beheer is public.
            for route in routes where !route.template.hasPrefix("/beheer") {
                #expect(route.access == .everyone, "\(route.method) \(route.template)")
            }
        }
    }

    /// Every portal route × anonymous and every role, from the routes the router registers; where the
    /// answer is a redirect, where it leads.
    @Test(arguments: TestBackend.available)
    func everyRouteAnswersEveryRoleAsItsAccessRuleSays(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            var browsers: [Role?: Browser] = [nil: Browser(client: client)]
            var someAccount: UUID? = nil
            for role in Role.allCases {
                let account = try await PortalFixtures.account(platform, role)
                if role == .partnerEditor { someAccount = account.id }
                var browser = Browser(client: client)
                #expect(try await browser.signIn("\(role.rawValue)@weerbaar.example", PortalFixtures.password, platform: platform).location == "/beheer")
                browsers[role] = browser
            }
            let routes = PortalFixtures.routes(platform).filter { $0.access != .everyone }
            #expect(routes.count >= 60, "the portal's routes: \(routes.count)")
            let edition = Edition(slug: "matrix", subject: "Matrix", updatedAt: Date(), updatedBy: "test")
            try await platform.editions.create(edition)
            let signingOut = [AccountPaths.signOut.template, AccountPaths.signOutEverywhere.template]
            // Signing out ends the session the matrix needs, so those routes go last.
            for route in routes.sorted(by: { (signingOut.contains($0.template) ? 1 : 0) < (signingOut.contains($1.template) ? 1 : 0) }) {
                for role in [nil] + Role.allCases.map(Optional.some) {
                    var browser = browsers[role]!
                    let dashboard = role == nil ? nil : try await browser.request(.get, "/beheer")
                    let form: [(String, String)]? = route.method == .post ? [("csrf", dashboard.flatMap { Browser.csrf(in: $0.body) } ?? "")] : nil
                    // A link's token that does not exist: such routes must still answer, with 410.
                    // Parameters filled with things that exist: an offering of the partner editor's own provider, an account.
                    let offering = platform.catalogue.offerings { $0.provider == "vng" }.first!
                    let path = PortalFixtures.path(route.template, offering: offering, account: someAccount!, edition: edition.id)
                    let page = try await browser.request(route.method, path, form: form)
                    let said = "\(route.method) \(route.template) \(role?.rawValue ?? "anoniem"): \(page.status) \(page.location ?? "")"
                    switch route.access {
                    case .everyone:
                        Issue.record("public routes are not in this matrix: \(said)")
                    case .anyVisitor:
                        // Forms for people not signed in carry their own double-submit token, which the matrix does not
                        // have: a POST is refused (403), or the link is gone (410) before that matters. A signed-in
                        // visitor of the sign-in form is sent to the dashboard.
                        let allowed = route.method == .get ? [200, 303, 410] : [403, 410]
                        #expect(allowed.contains(page.status), "\(said)")
                        if page.status == 303 { #expect(role != nil && page.location == "/beheer", "\(said)") }
                    case .secondFactorPending:
                        // Signed in or not, nobody here is between password and code.
                        if route.method == .get {
                            #expect(page.status == 303 && page.location == (role == nil ? "/beheer/inloggen" : "/beheer"), "\(said)")
                        } else {
                            #expect(page.status == 403, "\(said)")
                        }
                    case .signedIn(let roles, _):
                        if let role, roles.contains(role) {
                            // 422: a form posted empty gets its validation messages. 409: a step that does not fit the
                            // offering's state after an earlier route changed it (archiving what is archived). 410: an
                            // upload's dry run that does not exist.
                            #expect([200, 303, 409, 410, 422].contains(page.status), "\(said)")
                            // A redirect after a step stays in the portal and is never a refusal in disguise.
                            if page.status == 303 {
                                let location = page.location ?? ""
                                let refusals = ["/beheer/inloggen", "/beheer/tweede-stap", "/beheer/tweede-stap-instellen"]
                                #expect(location.hasPrefix("/beheer") && !refusals.contains(where: { location.hasPrefix($0) })
                                        || signingOut.contains(route.template) && location == "/beheer/inloggen?uitgelogd", "\(said)")
                            }
                        } else if role == nil {
                            if route.method == .get {
                                #expect(page.status == 303 && page.location == "/beheer/inloggen", "\(said)")
                            } else {
                                #expect(page.status == 403, "\(said)")
                            }
                        } else {
                            #expect(page.status == 403, "\(said)")
                        }
                    }
                    if signingOut.contains(route.template), let role {
                        // Sign in again for the next route.
                        _ = try await browser.signIn("\(role.rawValue)@weerbaar.example", PortalFixtures.password, platform: platform)
                    }
                    browsers[role] = browser
                }
            }
        }
    }
}

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


@Suite struct PortalUserAdministrationTests {
    @Test(arguments: TestBackend.available)
    func aBeheerderChangesRolesAndBlocksButNotThemselves(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            let admin = try await PortalFixtures.account(platform, .administrator)
            let editor = try await PortalFixtures.account(platform, .editor)
            var adminBrowser = Browser(client: client), editorBrowser = Browser(client: client)
            _ = try await adminBrowser.signIn(admin.email, PortalFixtures.password, platform: platform)
            _ = try await editorBrowser.signIn(editor.email, PortalFixtures.password)
            #expect(try await editorBrowser.request(.get, "/beheer").status == 200)

            let form = try await adminBrowser.request(.get, "/beheer/gebruikers/\(editor.id.uuidString)")
            #expect(form.status == 200)
            let csrf = Browser.csrf(in: form.body) ?? ""
            let noProvider = try await adminBrowser.request(.post, "/beheer/gebruikers/\(editor.id.uuidString)",
                                                            form: [("csrf", csrf), ("rol", "partner-redacteur"), ("aanbieder", "")])
            #expect(noProvider.status == 422 && noProvider.body.contains("Kies de aanbieder"))
            let blocked = try await adminBrowser.request(.post, "/beheer/gebruikers/\(editor.id.uuidString)",
                                                         form: [("csrf", csrf), ("rol", "partner-redacteur"), ("aanbieder", "kis"), ("geblokkeerd", "ja")])
            #expect(blocked.location == "/beheer/gebruikers?gewijzigd")
            #expect(try await editorBrowser.request(.get, "/beheer").status == 303, "the blocked editor's session ended")
            #expect(try await editorBrowser.signIn(editor.email, PortalFixtures.password).status == 401)
            let changed = try #require(try await platform.accounts.account(id: editor.id))
            #expect(changed.role == .partnerEditor && changed.provider == "kis" && changed.disabled)
            #expect(try await platform.audit.events(offset: 0, limit: 1).first?.action == .accountChanged)

            let selfForm = try await adminBrowser.request(.get, "/beheer/gebruikers/\(admin.id.uuidString)")
            let demote = try await adminBrowser.request(.post, "/beheer/gebruikers/\(admin.id.uuidString)",
                                                        form: [("csrf", Browser.csrf(in: selfForm.body) ?? ""), ("rol", "redacteur"), ("aanbieder", "")])
            #expect(demote.status == 422 && demote.body.contains("eigen rol"))
            #expect(try await platform.accounts.account(id: admin.id)?.role == .administrator)
            #expect(try await adminBrowser.request(.get, "/beheer/gebruikers/\(UUID().uuidString)").status == 404)
            #expect(try await adminBrowser.request(.get, "/beheer/gebruikers/geen-id").status == 404)
        }
    }
}

@Suite struct PortalOfferingFreshnessTests {
    @Test(arguments: TestBackend.available)
    func aPartnerConfirmsOnlyTheirOwnOffer(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            try await PortalFixtures.account(platform, .partnerEditor, provider: "vng")
            var partner = Browser(client: client)
            _ = try await partner.signIn("partner-redacteur@weerbaar.example", PortalFixtures.password)
            let list = try await partner.request(.get, "/beheer/aanbod")
            #expect(list.status == 200)
            let own = platform.catalogue.offerings { $0.provider == "vng" }
            let other = try #require(platform.catalogue.offerings { $0.provider == "lse" }.first)
            #expect(own.allSatisfy { list.body.contains("/beheer/aanbod/vng/\($0.id)/actueel") })
            #expect(!list.body.contains("/beheer/aanbod/lse/"), "another provider's offer is not listed")
            let csrf = Browser.csrf(in: list.body) ?? ""
            // Tampering with the key in the URL does not reach another provider's offer.
            let tampered = try await partner.request(.post, "/beheer/aanbod/lse/\(other.id)/actueel", form: [("csrf", csrf)])
            #expect(tampered.status == 403)
            #expect(platform.catalogue.offering(other.key)?.lastChecked == other.lastChecked)
            let target = try #require(own.first)
            let confirmed = try await partner.request(.post, "/beheer/aanbod/vng/\(target.id)/actueel", form: [("csrf", csrf)])
            #expect(confirmed.location == "/beheer/aanbod?bevestigd")
            let today = Day(Date())
            let updated = try #require(platform.catalogue.offering(target.key))
            #expect(updated.lastChecked == today && updated.reviewBy == today.adding(months: 12), "the live catalogue shows it at once")
            #expect(try await partner.request(.post, "/beheer/aanbod/vng/bestaat-niet/actueel", form: [("csrf", csrf)]).status == 404)
            #expect(try await partner.request(.post, "/beheer/aanbod/vng/\(target.id)/actueel", form: [("csrf", "fout")]).status == 403)
            #expect(try await platform.audit.events(offset: 0, limit: 5).contains { $0.action == .offeringConfirmed && $0.subject == target.key.description })
        }
    }
}
