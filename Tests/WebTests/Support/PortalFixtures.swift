import Accounts
import Audit
import Catalogue
import CatalogueService
import Foundation
import Handbook
import Knowledge
import Newsletter
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import TestSupport
import WeerbaarApp
@testable import Web

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
    static func path(_ template: String, offering: Offering, account: UUID, edition: UUID = UUID(), survey: UUID = UUID()) -> String {
        path(template, offering: offering, account: account, edition: edition, handbookEntry: handbookProposal, survey: survey)
    }

    /// A handbook entry the partner editor (of VNG) proposed and the redactie may review: what the
    /// handbook's routes are asked about in the matrix (`proposeHandbookEntry` makes it).
    static let handbookProposal = "matrix-voorstel"

    static func proposeHandbookEntry(_ platform: Platform, offering: Offering) async throws {
        let entry = HandbookEntry(id: handbookProposal, phases: ["escalatie"], topic: "communicatie", offering: "\(offering.provider)/\(offering.id)",
                                  analysis: "Een voorstel van de partner.", author: "Partner", date: Day("2026-11-01"), reviewBy: Day("2027-11-01"))
        try await platform.handbookStore.save(entry, status: .submitted, provider: offering.provider, version: nil, by: Editor(email: "p@x", name: "Partner"))
    }

    /// An article the partner editor (of VNG) proposed: what the article routes are asked about.
    static let articleProposal = "matrix-artikel"

    static func proposeArticle(_ platform: Platform) async throws {
        let article = Article(id: articleProposal, kind: .background, title: "Een voorstel", lead: "Kort.", body: "Tekst.", themes: ["polarisatie"],
                              published: Day("2026-11-01")!)
        try await platform.articleStore.save(article, status: .submitted, provider: "vng", version: nil, by: Editor(email: "p@x", name: "Partner"))
    }

    /// A reader's tip, confirmed and waiting in the queue: what the moderation routes are asked about.
    static let tipID = UUID(uuidString: "5A1E0000-0000-4000-8000-00000000713F")!

    static func submitTip(_ platform: Platform) async throws {
        let content = Tip.Content(kind: .tip, title: "Een tip voor de matrix", story: "Een verhaal van een lezer over de wijk.", themes: ["polarisatie"])
        try await platform.tipStore.create(tipID, content, sender: TipSender(name: "Lezer", email: "lezer@gemeente.example", organisation: "", showName: false),
                                           tokenHash: "matrix", now: Date())
        try await platform.tipStore.move(tipID, from: [.unconfirmed], to: .submitted, now: Date(), change: TipChange())
    }

    static func path(_ template: String, offering: Offering, account: UUID, edition: UUID, handbookEntry: String, survey: UUID = UUID()) -> String {
        // In this order: a specific template before the general parameter it contains.
        let replacements: [(String, String)] = [
            ("/beheer/handboek/{id}", "/beheer/handboek/\(handbookEntry)"),
            ("/beheer/artikelen/{id}", "/beheer/artikelen/\(articleProposal)"),
            ("/beheer/tips/{id}", "/beheer/tips/\(tipID.uuidString)"),
            // An event of VNG, the partner editors' provider.
            ("/beheer/agenda/{slug}", "/beheer/agenda/webinar-online-haat-tegen-raadsleden"),
            ("/beheer/peilingen/{id}", "/beheer/peilingen/\(survey.uuidString)"),
            ("{vraag}", "rol"),
            ("{formaat}", "csv"),
            ("{soort}", "training"),
            ("/beheer/leerroutes/{slug}", "/beheer/leerroutes/polarisatie-voor-beleidsmedewerkers"),
            ("{thema}", "polarisatie"),
            ("{token}", "bestaat-niet"),
            ("{provider}/{id}", "vng/\(offering.id)"),
            ("{id}", account.uuidString),
            ("{provider}", "vng"),
            ("{n}", "1"),
            ("{upload}", UUID().uuidString),
            ("{lijst}", "thema"),
            ("{waarde}", "polarisatie"),
            ("{editie}", edition.uuidString),
        ]
        return replacements.reduce(template) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
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
