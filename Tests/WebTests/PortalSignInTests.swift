@testable import Editions
import Accounts
import Audit
import Catalogue
import CatalogueService
import Foundation
import Newsletter
import HTTPTypes
import Insight
import HummingbirdTesting
import NIOCore
import Testing
import TestSupport
import WeerbaarApp
@testable import Web

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
                ("/beheer/peilingen", [.editor]), ("/beheer/witte-vlekken", [.editor, .partnerEditor, .nationalPartner]),
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
            try await PortalFixtures.proposeHandbookEntry(platform, offering: platform.catalogue.offerings { $0.provider == "vng" && $0.kind == "publicatie" }.first!)
            try await PortalFixtures.proposeArticle(platform)
            try await PortalFixtures.submitTip(platform)
            let survey = try #require(try await platform.surveyStore.surveys().first).id
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
                    let path = PortalFixtures.path(route.template, offering: offering, account: someAccount!, edition: edition.id, survey: survey)
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
