import Foundation
import HummingbirdTesting
import Testing
import TestSupport
import Markup
import Plot
import Storage
import WeerbaarApp
@testable import Web

/// The pages a Dutch government site must have answer, are linked from every page's footer, and the
/// privacy statement says what the newsletter really does with clicks.
@Suite struct AboutPagesTests {
    static let pages = [("/over", "Over Weerbaar"), ("/privacy", "Privacyverklaring"), ("/toegankelijkheid", "Toegankelijkheidsverklaring"),
                        ("/contact", "Contact")]

    @Test(arguments: [false, true])
    func theStatementsAnswerAndAreLinkedFromEveryFooter(countingClicks: Bool) async throws {
        try await WebHarness.withClient(.sqlite, configure: { $0.newsletterClickCounting = countingClicks }) { client, _ in
            for (path, title) in Self.pages {
                let page = try await client.get(path)
                #expect(page.status == 200 && page.body.contains("<h1>\(title)</h1>"), "\(path): \(page.status)")
                #expect(page.body.contains("<h2>"), "\(path) has sections")
                #expect(!page.body.contains("{{"), "\(path) shows no markers")
            }
            for from in ["/", "/aanbod", "/nieuwsbrief", "/over"] {
                let body = try await client.get(from).body
                for (path, _) in Self.pages { #expect(body.contains("href=\"\(path)\""), "\(from) links \(path)") }
                #expect(body.contains("href=\"/nieuwsbrief/archief\""), "\(from) links the newsletter archive")
            }
            let privacy = try await client.get("/privacy").body
            #expect(privacy.contains("We tellen hoe vaak op elke link is geklikt") == countingClicks)
            #expect(privacy.contains("We meten niet of u een nieuwsbrief opent of op links klikt") == !countingClicks)
            #expect(privacy.contains("weerbaar_sessie"), "the cookies are named")
        }
    }

    /// An installation on the demo catalogue says so on every page; one on real data does not.
    @Test func theDemoSaysItIsOneOnEveryPage() async throws {
        try await WebHarness.withClient(.sqlite) { client, platform in
            #expect(platform.isDemo)
            #expect(try await SiteSettings.value(SiteSettings.demoCatalogue, database: platform.database) != nil)
            for path in ["/", "/aanbod", "/vraagwijzer", "/privacy", "/beheer/inloggen", "/bestaat-niet"] {
                let page = try await client.get(path)
                #expect(page.body.contains("class=\"demo-banner\"") && page.body.contains("Dit is een demonstratie."), "\(path)")
            }
            var real = platform.site()
            real.isDemo = false
            let page = Layout.render(PageMeta(title: "Weerbaar", description: "", path: "/"), site: real, content: .p(.safeText("echt")))
            #expect(!page.contains("demo-banner"))
        }
    }
}
