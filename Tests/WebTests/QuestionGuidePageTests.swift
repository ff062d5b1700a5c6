import Foundation
import Knowledge
import Testing
import TestSupport
import WeerbaarApp

@Suite struct QuestionGuidePageTests {
    static let question = "/vraagwijzer?vraag=Er+is+een+demonstratie+aangekondigd+en+de+sfeer+in+de+wijk+is+gespannen"

    @Test(arguments: TestBackend.available)
    func withoutAQuestionItOffersTheFormAndExamples(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, _ in
            let page = try await client.get("/vraagwijzer")
            #expect(page.status == 200)
            #expect(page.body.contains("<textarea id=\"vraag\" name=\"vraag\""))
            #expect(page.body.contains("<label for=\"vraag\">Beschrijf uw situatie</label>"))
            #expect(page.body.components(separatedBy: "class=\"situation\" href=\"/vraagwijzer?vraag=").count - 1 >= 6)
            #expect(!page.body.contains("Zo hebben we uw vraag gelezen"))
            #expect(page.body.contains("aria-current=\"page\">Vraagwijzer"))
        }
    }

    @Test(arguments: TestBackend.available)
    func anAnswerShowsTheReadingAndThreeOfferingsPerKind(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, _ in
            let page = try await client.get(Self.question)
            #expect(page.status == 200)
            #expect(page.body.contains("Zo hebben we uw vraag gelezen"))
            #expect(page.body.contains("<strong>demonstratie</strong>"))
            // The read theme is a checked chip, marked as recognised; the form keeps the question.
            #expect(page.body.contains("id=\"thema-maatschappelijke-onrust\" name=\"thema\" value=\"maatschappelijke-onrust\" checked"))
            #expect(page.body.contains("(herkend)"))
            #expect(page.body.contains("name=\"themas\" value=\"gekozen\""))
            for heading in ["Lezen", "Leren", "Contact opnemen"] { #expect(page.body.contains(">\(heading)</h2>"), "\(heading)") }
            for kind in ["publicatie", "training", "contactpunt"] {
                let section = Self.section(page.body, kind)
                let cards = section.components(separatedBy: "class=\"card card--").count - 1
                #expect(cards >= 1 && cards <= 3, "\(kind): \(cards) cards")
                #expect(section.components(separatedBy: "class=\"card card--\(kind)\"").count - 1 == cards, "\(kind) holds only its kind")
            }
            #expect(page.body.contains("href=\"/aanbod?q=Er+is+een+demonstratie"))
            #expect(page.body.contains("thema=maatschappelijke-onrust\""))
            #expect(page.body.contains("<meta name=\"robots\" content=\"noindex\"/>"))
        }
    }

    /// The vraagwijzer answers with practice examples too: those the question's words find, with the
    /// catalogue's analysis (a plural and a compound here), or else the newest of its themes.
    @Test func anAnswerShowsHowOtherGemeentenWentAboutIt() async throws {
        try await WebHarness.withClient(.sqlite) { client, platform in
            let page = try await client.get("/vraagwijzer?vraag=Na+een+brand+willen+we+gesprekken+in+de+buurt+organiseren")
            let section = try #require(page.body.range(of: "Hoe andere gemeenten het aanpakten").map { String(page.body[$0.upperBound...]) })
            #expect(section.contains("/artikelen/almelo-buurtgesprekken-na-brand-bij-moskee"))
            let practice = Set(platform.articles.collection.articles.filter { $0.kind == .practice }.map(\.id))
            let linked = section.components(separatedBy: "href=\"/artikelen/").dropFirst().map { String($0.prefix { $0 != "\"" }) }.prefix(3)
            #expect(!linked.isEmpty && linked.allSatisfy(practice.contains), "only practice examples: \(linked)")
        }
    }

    @Test(arguments: TestBackend.available)
    func switchingEveryThemeOffIsHonoured(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, _ in
            let page = try await client.get(Self.question + "&themas=gekozen")
            #expect(page.status == 200)
            #expect(!page.body.contains(" checked"))
            #expect(page.body.contains("(herkend)"), "what was read is still shown")
            #expect(!page.body.contains("thema=maatschappelijke-onrust\""), "the catalogue link has no theme filter")
            let added = try await client.get(Self.question + "&themas=gekozen&thema=vertrouwen")
            #expect(added.body.contains("value=\"vertrouwen\" checked"))
            #expect(!added.body.contains("value=\"maatschappelijke-onrust\" checked"))
        }
    }

    @Test(arguments: TestBackend.available)
    func badInputGetsADutchNoticeNeverAnError(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, _ in
            for path in ["/vraagwijzer?vraag=onrust&thema=bestaat-niet", "/vraagwijzer?vraag=" + String(repeating: "onrust+", count: 100),
                         "/vraagwijzer?vraag=%FF%FE"] {
                let page = try await client.get(path)
                #expect(page.status == 200, "\(path)")
                #expect(page.body.contains("Let op"), "\(path)")
            }
            let hostile = try await client.get("/vraagwijzer?vraag=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
            #expect(hostile.status == 200)
            #expect(!hostile.body.contains("<script>alert"))
            #expect(hostile.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;</textarea>"))
            let nothing = try await client.get("/vraagwijzer?vraag=de+het+een")
            #expect(nothing.status == 200)
            #expect(nothing.body.contains("geen thema"))
        }
    }

    /// The HTML of one kind's section of the answer.
    static func section(_ body: String, _ kind: String) -> String {
        guard let start = body.range(of: "class=\"guide-kind guide-kind--\(kind)\"") else { return "" }
        let rest = body[start.upperBound...]
        let end = rest.range(of: "</section>")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }
}
