import Catalogue
import CatalogueService
import Foundation
import HTTPTypes
import Testing
import TestSupport
import WeerbaarApp

/// An offering whose every text field is an attack renders as inert text on every page and in the
/// feed; the JSON API carries it as data, never as HTML.
@Suite struct EscapingTests {
    static let hostile = """
    {"format":"weerbaar.offerings/v1","offerings":[{"id":"xss","provider":"vng","title":"\\"><script>alert(1)</script>",
    "summary":"<script>alert(1)</script> \\" onmouseover=\\"alert(2) <img src=x onerror=alert(2)>","description":"<script>alert(1)</script>\\n\\n[klik](javascript:alert(3)) **<b>vet</b>** [a](https://x.example/\\"onclick=alert(4))",
    "kind":"publicatie","form":"rapport","themes":["polarisatie"],"keywords":["<script>alert(1)</script>"],
    "duration":"\\"><script>alert(1)</script>","contact":{"name":"<script>alert(1)</script>"},"published":"2030-01-01"}]}
    """

    /// What a successful injection would leave in the markup: a script element of ours, an element with an
    /// event-handler attribute, or a javascript: link. (Quotes in text content are harmless: text `<` is
    /// escaped, so every `<` in the output starts a tag we wrote.)
    static var forbidden: [(String, Regex<Substring>)] { [
        ("script element", try! Regex("<script>alert")),
        // Attribute by attribute, so an "onmouseover=" inside a properly quoted value does not count.
        ("event handler attribute", try! Regex(#"<[a-zA-Z][a-zA-Z0-9]*(?:\s+[a-zA-Z:_-]+(?:="[^"]*")?)*\s+on[a-z]+\s*="#)),
        ("javascript: link", try! Regex(#"(?:href|src)\s*=\s*["']?\s*javascript:"#)),
        ("img element", try! Regex("<img")),
    ] }

    @Test(arguments: TestBackend.available)
    func everyFieldRendersAsTextOnEveryPageAndInTheFeed(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend, extra: [("xss.json", Self.hostile)]) { client, platform in
            let slug = try #require(platform.catalogue.offerings { $0.id == "xss" }.first?.slug)
            let paths = ["/", "/aanbod", "/aanbod?q=script", "/aanbod/\(slug)", "/themas/polarisatie", "/aanbieders/vng",
                         "/feed.atom", "/sitemap.xml",
                         "/aanbod?q=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/aanbod?q=%22+onmouseover%3D%22alert(1)"]
            for path in paths {
                let page = try await client.get(path)
                #expect(page.status == 200, "\(path)")
                for (name, pattern) in Self.forbidden {
                    let match = page.body.firstMatch(of: pattern).map { String(page.body[$0.range]) }
                    #expect(match == nil, "\(path) contains an injected \(name): \(match ?? "")")
                }
            }
            let detail = try await client.get("/aanbod/\(slug)")
            #expect(detail.body.contains("<h1>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</h1>"))
            #expect(detail.body.contains("content=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))

            for path in ["/api/v1/offerings?q=script", "/api/v1/offerings/vng/xss"] {
                let api = try await client.get(path)
                #expect(api.type.hasPrefix("application/json"), "\(path)")
                #expect(api.headers[.init("X-Content-Type-Options")!] == "nosniff")
            }
        }
    }
}
