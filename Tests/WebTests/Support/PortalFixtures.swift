import Accounts
import Audit
import Catalogue
import CatalogueService
import Foundation
import Handbook
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

    static func path(_ template: String, offering: Offering, account: UUID, edition: UUID, handbookEntry: String, survey: UUID = UUID()) -> String {
        template.replacingOccurrences(of: "/beheer/handboek/{id}", with: "/beheer/handboek/\(handbookEntry)")
            .replacingOccurrences(of: "/beheer/peilingen/{id}", with: "/beheer/peilingen/\(survey.uuidString)")
            .replacingOccurrences(of: "{vraag}", with: "rol")
            .replacingOccurrences(of: "{formaat}", with: "csv")
            .replacingOccurrences(of: "{soort}", with: "training")
            .replacingOccurrences(of: "/beheer/leerroutes/{slug}", with: "/beheer/leerroutes/polarisatie-voor-beleidsmedewerkers")
            .replacingOccurrences(of: "{thema}", with: "polarisatie")
            .replacingOccurrences(of: "{token}", with: "bestaat-niet")
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
