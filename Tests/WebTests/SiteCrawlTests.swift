@testable import Editions
import Accounts
import Foundation
import HTTPTypes
import HummingbirdTesting
import Newsletter
import Testing
import TestSupport
import WeerbaarApp
@testable import Web

/// Follows every internal link of the demo site, public and signed in to the portal as each role, and
/// finds no page that is not there. Links are built from the same paths the routes register; this is
/// the check that none was written by hand wrongly, or left behind by a renamed route.
@Suite struct SiteCrawlTests {
    /// Pages with the same path and another query (a filter, a page number) are all requested, but only
    /// this many of them are read for further links: the finder's combinations are endless.
    static let readsPerPath = 4

    @Test func everyPublicLinkLeadsToAPage() async throws {
        try await WebHarness.withClient(.sqlite) { client, _ in
            var browser = Browser(client: client)
            let report = try await Self.crawl(from: ["/", "/aanbod", "/vraagwijzer?vraag=gesprek+met+jongeren+in+de+wijk", "/sitemap.xml"], browser: &browser)
            #expect(report.broken.isEmpty, "\(report.broken.prefix(20))")
            #expect(report.wording.isEmpty, "\(report.wording.prefix(20))")
            #expect(report.requested >= 100, "pages requested: \(report.requested)")
            #expect(report.requested(prefix: "/aanbod/") >= 20 && report.requested(prefix: "/themas/") >= 5 && report.requested(prefix: "/aanbieders/") >= 5,
                    "offering, theme and provider pages were reached")
        }
    }

    @Test(arguments: Role.allCases)
    func everyPortalLinkLeadsToAPage(role: Role) async throws {
        try await WebHarness.withClient(.sqlite) { client, platform in
            try await PortalFixtures.account(platform, role)
            let edition = Edition(slug: "kruipen", subject: "Kruipen", updatedAt: Date(), updatedBy: "test")
            try await platform.editions.create(edition)
            var browser = Browser(client: client)
            let signedIn = try await browser.signIn("\(role.rawValue)@weerbaar.example", PortalFixtures.password, platform: platform)
            #expect(signedIn.location == "/beheer")
            let report = try await Self.crawl(from: ["/beheer"], browser: &browser, within: "/beheer")
            #expect(report.broken.isEmpty, "\(report.broken.prefix(20))")
            #expect(report.wording.isEmpty, "\(report.wording.prefix(20))")
            #expect(report.requested(prefix: "/beheer") >= (role == .partnerEditor ? 5 : 10), "portal pages requested: \(report.requested(prefix: "/beheer"))")
            #expect(browser.cookies["weerbaar_sessie"] != nil, "the crawl stayed signed in")
        }
    }

    struct Report {
        var statuses: [String: Int] = [:]
        /// Pages that use a word docs/glossary.md rules out, with the words.
        var wording: [String] = []
        var broken: [String] { statuses.filter { $0.value == 404 || $0.value >= 500 }.map { "\($0.key) → \($0.value)" }.sorted() }
        var requested: Int { statuses.count }
        func requested(prefix: String) -> Int { statuses.keys.filter { $0.hasPrefix(prefix) }.count }
    }

    /// Breadth first from `start`: every internal link of every page read is requested (GET); pages
    /// below `within` are read for more links, up to `readsPerPath` per path.
    static func crawl(from start: [String], browser: inout Browser, within: String = "/") async throws -> Report {
        var report = Report()
        var queue = start
        var readsByPath: [String: Int] = [:]
        var index = 0
        while index < queue.count, report.requested < 3_000 {
            let link = queue[index]
            index += 1
            guard report.statuses[link] == nil else { continue }
            let page = try await browser.request(.get, link)
            report.statuses[link] = page.status
            let path = String(link.prefix { $0 != "?" })
            // An edition's preview is the e-mail as it will be sent: its link to the archive works from the
            // moment it is sent, not before.
            guard page.status == 200, path.hasPrefix(within), !path.hasSuffix("/voorbeeld"), readsByPath[path, default: 0] < readsPerPath
            else { continue }
            readsByPath[path, default: 0] += 1
            let words = Self.ruledOut(page.body)
            if !words.isEmpty { report.wording.append("\(link): \(words.joined(separator: ", "))") }
            for found in links(in: page.body) where report.statuses[found] == nil { queue.append(found) }
        }
        return report
    }

    /// Words of the glossary's "one word per thing" that a page must not use: "aanbiedingen", a count
    /// of "aanbod" ("28 aanbod"), and "Uitvoering" as the name of the field that is called Werkvorm.
    static func ruledOut(_ body: String) -> [String] {
        var found: [String] = []
        if body.range(of: "aanbiedingen", options: .caseInsensitive) != nil { found.append("aanbiedingen") }
        if let match = body.range(of: #"\b\d+ aanbod\b"#, options: .regularExpression) { found.append(String(body[match])) }
        if body.contains(">Uitvoering<") { found.append("Uitvoering") }
        return found
    }

    /// The internal links of a page: `href` and `src`, the `<loc>` of a sitemap, and the action of a
    /// form that is sent with GET. A form that posts changes something and is not followed.
    static func links(in body: String) -> [String] {
        var found: [String] = []
        let patterns = [#"(?:href|src)="([^"]*)""#, #"<loc>([^<]*)</loc>"#]
        for pattern in patterns {
            let regex = try! NSRegularExpression(pattern: pattern)
            for match in regex.matches(in: body, range: NSRange(body.startIndex..., in: body)) {
                if let range = Range(match.range(at: 1), in: body) { found.append(String(body[range])) }
            }
        }
        let forms = try! NSRegularExpression(pattern: #"<form[^>]*>"#)
        for match in forms.matches(in: body, range: NSRange(body.startIndex..., in: body)) {
            guard let range = Range(match.range, in: body) else { continue }
            let tag = String(body[range])
            guard !tag.contains(#"method="post""#), let action = tag.firstMatch(of: /action="([^"]*)"/)?.1 else { continue }
            found.append(String(action))
        }
        return found.compactMap(internalPath)
    }

    /// A link as a path on this site, or nil for another site, a fragment, mail or a counted link.
    static func internalPath(_ raw: String) -> String? {
        var link = raw.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#39;", with: "'")
        for base in ["https://weerbaar.example", "http://weerbaar.example"] where link.hasPrefix(base) { link = String(link.dropFirst(base.count)) }
        if let hash = link.firstIndex(of: "#") { link = String(link[..<hash]) }
        guard link.hasPrefix("/"), !link.hasPrefix("//") else { return nil }
        return link.isEmpty ? nil : link
    }
}
