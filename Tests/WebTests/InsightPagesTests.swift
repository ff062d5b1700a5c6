import Accounts
import Catalogue
import CatalogueService
import Foundation
import Knowledge
import Markup
import HTTPTypes
import HummingbirdTesting
import Insight
import Logging
import SearchLog
import Testing
import TestSupport
import WeerbaarApp
@testable import Web

/// The needs survey from the redactie's first click to a gemeente's one response, on both backends,
/// with the invitation mails read from the SMTP sink.
@Suite(.enabled(if: ReceivedMail.available, "needs the SMTP sink that scripts/test starts"))
struct SurveyFlowTests {
    static func form(_ page: Browser.Page, _ fields: [(String, String)]) -> [(String, String)] {
        [("csrf", Browser.csrf(in: page.body) ?? "")] + fields
    }

    @Test(arguments: TestBackend.available)
    func aGemeenteAnswersOnceThroughItsContactsLinks(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            try await PortalFixtures.account(platform, .editor)
            var editor = Browser(client: client)
            _ = try await editor.signIn("redacteur@weerbaar.example", PortalFixtures.password)
            let today = Day(Date())
            var page = try await editor.request(.get, "/beheer/peilingen/nieuw")
            let created = try await editor.request(.post, "/beheer/peilingen/nieuw", form: Self.form(page, [
                ("titel", "Peiling \(backend)"), ("jaar", String(today.year)), ("open", today.adding(days: -1).description),
                ("sluit", today.adding(days: 30).description), ("inleiding", "Wat heeft uw gemeente nodig?")]))
            let location = try #require(created.location)
            #expect(location.hasSuffix("?aangemaakt"))
            let surveyPath = String(location.prefix { $0 != "?" })
            let id = try #require(UUID(uuidString: String(surveyPath.split(separator: "/").last!)))
            #expect(try await platform.surveyStore.survey(id)?.needsMatrix != nil, "a new survey starts with its needs matrix")

            page = try await editor.request(.get, surveyPath)
            #expect(try await editor.request(.post, surveyPath + "/vragen", form: Self.form(page, [
                ("soort", "enkele-keuze"), ("vraag", "Vanuit welke rol antwoordt u?"), ("opties", "Openbare orde\nSociaal domein"), ("verplicht", "ja")])).status == 303)
            let unclear = try await editor.request(.post, surveyPath + "/vragen", form: Self.form(page, [
                ("soort", "open"), ("vraag", "Wat mist u?"), ("als-vraag", "vanuit-welke-rol-antwoordt-u"), ("als-antwoord", "Politiek")]))
            #expect(unclear.status == 422 && unclear.body.contains("Geef een of meer antwoorden van die vraag"))
            #expect(try await editor.request(.post, surveyPath + "/vragen", form: Self.form(page, [
                ("soort", "open"), ("vraag", "Wat mist u voor de openbare orde?"), ("als-vraag", "vanuit-welke-rol-antwoordt-u"),
                ("als-antwoord", "Openbare orde"), ("verplicht", "ja")])).status == 303)

            // A wrong line sends nothing at all.
            let wrong = try await editor.request(.post, surveyPath + "/uitnodigingen", form: Self.form(page, [
                ("contacten", "GM0344; oov-a@utrecht.example; Anna\nGM9999; iemand@nergens.example")]))
            #expect(wrong.status == 422 && wrong.body.contains("Regel 2: ‘GM9999’ is geen gemeente van de CBS-lijst."))
            #expect(try await platform.surveyStore.invitations(id).isEmpty)
            let invited = try await editor.request(.post, surveyPath + "/uitnodigingen", form: Self.form(page, [
                ("contacten", "GM0344; oov-a-\(backend)@utrecht.example; Anna\nutrecht; sd-b-\(backend)@utrecht.example; Bram")]))
            #expect(invited.location?.hasSuffix("?uitgenodigd") == true)
            #expect(try await editor.request(.post, surveyPath + "/status", form: Self.form(page, [("status", "open")])).status == 303)
            let frozen = try await editor.request(.post, surveyPath + "/vragen", form: Self.form(page, [("soort", "open"), ("vraag", "Nog een")]))
            #expect(frozen.status == 409 && frozen.body.contains("haar vragen liggen vast"))

            func link(_ address: String) async throws -> String {
                let mail = try #require(try await ReceivedMail.awaitMessages(to: address) { $0.contains("/peiling/") }.last)
                #expect(mail.contains("namens de gemeente Utrecht"))
                return try #require(ReceivedMail.link(mail, under: "/peiling/"))
            }
            let anna = try await link("oov-a-\(backend)@utrecht.example"), bram = try await link("sd-b-\(backend)@utrecht.example")
            #expect(anna != bram)

            // Anna answers the role question (the second; the needs matrix comes first); a made-up value is refused in Dutch.
            var a = Browser(client: client)
            let overview = try await a.request(.get, anna)
            #expect(overview.status == 200 && overview.body.contains("namens de gemeente Utrecht") && overview.body.contains("0 van 2 vragen beantwoord"))
            page = try await a.request(.get, anna + "/vraag/2")
            #expect(page.body.contains("Vraag 2 van 2"))
            let bad = try await a.request(.post, anna + "/vraag/2", form: Self.form(page, [("v-vanuit-welke-rol-antwoordt-u", "directie"), ("actie", "verder")]))
            #expect(bad.status == 422 && bad.body.contains("Kies één van de antwoorden."))
            let saved = try await a.request(.post, anna + "/vraag/2", form: Self.form(bad, [("v-vanuit-welke-rol-antwoordt-u", "openbare-orde"), ("actie", "later")]))
            #expect(saved.location?.hasSuffix("?opgeslagen") == true)
            page = try await a.request(.get, anna + "/vraag/1")
            let matrix = try await a.request(.post, anna + "/vraag/1", form: Self.form(page, [
                ("v-behoefte-polarisatie-behoefte", "3"), ("v-behoefte-polarisatie-vorm", "training"), ("v-behoefte-extremisme-behoefte", "0"), ("actie", "verder")]))
            #expect(matrix.location == anna + "/vraag/2")

            // Bram's own link opens the same draft; the condition now shows the third question.
            var b = Browser(client: client)
            let resumed = try await b.request(.get, bram)
            #expect(resumed.body.contains("2 van 3 vragen beantwoord"))
            page = try await b.request(.get, bram + "/vraag/2")
            #expect(page.body.contains("value=\"openbare-orde\" checked"))
            let check = try await b.request(.get, bram + "/controleren")
            #expect(check.body.contains("Openbare orde") && check.body.contains("Polarisatie: grote behoefte (training)"))
            let early = try await b.request(.post, bram + "/versturen", form: Self.form(check, []))
            #expect(early.status == 422 && early.body.contains("Deze vraag is verplicht en nog niet beantwoord."))
            page = try await b.request(.get, bram + "/vraag/3")
            let third = try #require(try await platform.surveyStore.survey(id)?.questions.last?.id)
            let last = try await b.request(.post, bram + "/vraag/3", form: Self.form(page, [("v-" + third, "Een oefening met de driehoek."), ("actie", "verder")]))
            #expect(last.location == bram + "/controleren", "\(last.status) \(last.location ?? "")")
            let ready = try await b.request(.get, bram + "/controleren")
            let sent = try await b.request(.post, bram + "/versturen", form: Self.form(ready, []))
            #expect(sent.status == 200 && sent.body.contains("Verstuurd. Dank u wel!"))

            // Anna cannot change or send it again.
            let after = try await a.request(.get, anna)
            #expect(after.body.contains("heeft de peiling ingestuurd"))
            #expect(try await a.request(.get, anna + "/vraag/1").location == anna)
            let responses = try await platform.surveyStore.responses(id)
            #expect(responses.count == 1)
            #expect(responses.first?.answers[third]?.text == "Een oefening met de driehoek.")
            #expect(responses.first?.answers["behoefte"]?.matrix?["polarisatie"] == Answer.MatrixRow(need: 3, supports: ["training"]))

            // Results while it runs: one gemeente is fewer than five, so no figures.
            let results = try await editor.request(.get, surveyPath + "/resultaten")
            #expect(results.status == 200 && results.body.contains("Minder dan 5 gemeenten beantwoordden deze vraag"))
            let csv = try await editor.request(.get, surveyPath + "/export/csv")
            #expect(csv.status == 200 && csv.body.hasPrefix("gemeente_code,gemeente,provincie") && csv.body.contains("GM0344,Utrecht,Utrecht"))
            // A link that was never sent is a plain 404.
            #expect(try await a.request(.get, "/peiling/" + Tokens.random()).status == 404)
            // Unpublished results are not public.
            #expect(try await a.request(.get, "/peilingen/\(id.uuidString)").status == 404)
        }
    }
}

/// The white spots, feedback under offerings, and the read-only rijkspartner.
@Suite struct InsightPagesTests {
    @Test(arguments: TestBackend.available)
    func theDemoWhiteSpotsAreExtremismPolarisationAndInclusionAndARijkspartnerOnlyReads(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            try await PortalFixtures.account(platform, .nationalPartner)
            var partner = Browser(client: client)
            #expect(try await partner.signIn("rijkspartner@weerbaar.example", PortalFixtures.password).location == "/beheer")
            let dashboard = try await partner.request(.get, "/beheer")
            #expect(dashboard.body.contains("/beheer/witte-vlekken") && !dashboard.body.contains("href=\"/beheer/aanbod\""))
            let page = try await partner.request(.get, "/beheer/witte-vlekken")
            #expect(page.status == 200)
            // A wave that has just opened, with no answers yet, does not wipe out the last one's.
            let demoWave = try #require(try await platform.surveyStore.surveys().first { $0.status == .concept })
            var opened = demoWave
            opened.status = .open
            try await platform.surveyStore.save(opened)
            let data = try await WhiteSpotData.load(platform.site(), try #require(platform.site().insight), audience: nil)
            #expect(data.latest?.survey.id != opened.id)
            #expect(Set(data.spots.gaps.prefix(3).map(\.theme)) == ["extremisme", "polarisatie", "inclusie"], "\(data.spots.gaps.map { ($0.theme, $0.kind, $0.gap) })")
            #expect((data.latest?.responses.count ?? 0) >= 120)
            #expect(page.body.contains("Extremisme · Training"))
            let cell = try await partner.request(.get, "/beheer/witte-vlekken/extremisme/training")
            #expect(cell.status == 200 && cell.body.contains("gemeenten beoordeelden dit thema"))
            let csv = try await partner.request(.get, "/beheer/witte-vlekken/export/csv")
            #expect(csv.body.split(whereSeparator: \.isNewline).count == 1 + 8 * 3)
            #expect(try await partner.request(.get, "/beheer/witte-vlekken/extremisme/samenvatting").body.contains("Extremisme: vraag en aanbod"))
            // Read-only: no offering list, no survey building, no "still current".
            #expect(try await partner.request(.get, "/beheer/aanbod").status == 403)
            #expect(try await partner.request(.get, "/beheer/peilingen").status == 403)
            // Published results are public, filtered, with small groups suppressed.
            let published = try #require(try await platform.surveyStore.surveys().first { $0.resultsPublished })
            var visitor = Browser(client: client)
            let all = try await visitor.request(.get, "/peilingen/\(published.id.uuidString)")
            #expect(all.status == 200 && all.body.contains("<svg class=\"chart\"") && all.body.contains("Respons per provincie"))
            #expect(!all.body.contains("open antwoorden"), "open answers stay with the editors")
            let flevoland = try await visitor.request(.get, "/peilingen/\(published.id.uuidString)?provincie=Flevoland&grootte=tot-20000")
            #expect(flevoland.body.contains("Minder dan 5 gemeenten beantwoordden deze vraag"))
        }
    }

    /// Practice examples have the same "Was dit nuttig?"; the redactie sees their counts by title,
    /// partners do not (they are no provider's).
    @Test func practiceExamplesAreRatedLikeOfferings() async throws {
        try await WebHarness.withClient(.sqlite) { client, platform in
            let practice = try #require(platform.articles.collection.articles.first { $0.kind == .practice })
            let other = try #require(platform.articles.collection.articles.first { $0.kind != .practice })
            var visitor = Browser(client: client)
            #expect(try await visitor.request(.get, "/artikelen/\(practice.id)").body.contains("action=\"/artikelen/\(practice.id)/nuttig\""))
            #expect(try await visitor.request(.get, "/artikelen/\(other.id)").body.contains("Was dit nuttig?") == false)
            var sameSite = HTTPFields()
            sameSite[HTTPField.Name("Sec-Fetch-Site")!] = "same-origin"
            let thanks = try await visitor.request(.post, "/artikelen/\(practice.id)/nuttig", form: [("nuttig", "ja"), ("reden", "Direct bruikbaar")],
                                                   headers: sameSite)
            #expect(thanks.status == 200 && thanks.body.contains("Terug naar ‘\(esc(practice.title))’"))
            #expect(try await visitor.request(.post, "/artikelen/\(other.id)/nuttig", form: [("nuttig", "ja")], headers: sameSite).status == 404)
            let stored = try await platform.site().insight?.feedback.counts(provider: nil) ?? []
            #expect(stored.contains { $0.offering == "artikel/\(practice.id)" && $0.useful == 1 })
            try await PortalFixtures.account(platform, .editor)
            var editor = Browser(client: client)
            _ = try await editor.signIn("redacteur@weerbaar.example", PortalFixtures.password)
            #expect(try await editor.request(.get, "/beheer/feedback").body.contains("\(esc(practice.title))</a> (praktijkvoorbeeld)"))
            #expect(try await platform.site().insight?.feedback.counts(provider: "vng").contains { $0.offering.hasPrefix("artikel/") } == false)
        }
    }

    @Test(arguments: TestBackend.available)
    func feedbackIsTakenFromThisSiteOnlyCountedAndModerated(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            let offering = try #require(platform.catalogue.offerings { $0.provider == "vng" }.first)
            var visitor = Browser(client: client)
            let offeringPage = try await visitor.request(.get, "/aanbod/\(offering.slug)")
            #expect(offeringPage.body.contains("Was dit nuttig?"))
            let path = "/aanbod/\(offering.slug)/nuttig"
            var sameSite = HTTPFields()
            sameSite[HTTPField.Name("Sec-Fetch-Site")!] = "same-origin"
            var crossSite = HTTPFields()
            crossSite[HTTPField.Name("Sec-Fetch-Site")!] = "cross-site"
            #expect(try await visitor.request(.post, path, form: [("nuttig", "nee")], headers: crossSite).status == 403)
            let unclear = try await visitor.request(.post, path, form: [("nuttig", "misschien")], headers: sameSite)
            #expect(unclear.status == 422 && unclear.body.contains("Kies ja of nee."))
            let thanks = try await visitor.request(.post, path, form: [("nuttig", "nee"), ("reden", "Te algemeen voor een kleine gemeente"),
                                                                       ("rol", "bestuurders")], headers: sameSite)
            #expect(thanks.status == 200 && thanks.body.contains("Bedankt voor uw reactie"))
            #expect(thanks.setCookies.isEmpty, "no cookie")
            // The partner sees the counts of their own offer, not the reason until the redactie approved it.
            try await PortalFixtures.account(platform, .partnerEditor)
            try await PortalFixtures.account(platform, .editor)
            var partner = Browser(client: client)
            _ = try await partner.signIn("partner-redacteur@weerbaar.example", PortalFixtures.password)
            var feedback = try await partner.request(.get, "/beheer/feedback")
            #expect(feedback.body.contains(offering.title) && !feedback.body.contains("Te algemeen"))
            var editor = Browser(client: client)
            _ = try await editor.signIn("redacteur@weerbaar.example", PortalFixtures.password)
            let queue = try await editor.request(.get, "/beheer/feedback")
            #expect(queue.body.contains("Te algemeen voor een kleine gemeente"))
            let id = try #require(try await platform.site().insight?.feedback.reasons(.new, limit: 5).first?.id)
            #expect(try await editor.request(.post, "/beheer/feedback/\(id.uuidString)", form: [("csrf", Browser.csrf(in: queue.body) ?? ""), ("besluit", "goedkeuren")])
                .status == 303)
            feedback = try await partner.request(.get, "/beheer/feedback")
            #expect(feedback.body.contains("Te algemeen voor een kleine gemeente"))
            // Rate-limited per client: 20 an hour, counting the two answers above (the cross-site post never reached the count).
            var statuses: [Int] = []
            for _ in 0..<20 { statuses.append(try await visitor.request(.post, path, form: [("nuttig", "ja")], headers: sameSite).status) }
            #expect(statuses == Array(repeating: 200, count: 18) + [429, 429], "\(statuses)")
        }
    }
}

/// The weekly white-spot digest, read from the SMTP sink.
@Suite(.enabled(if: ReceivedMail.available, "needs the SMTP sink that scripts/test starts"))
struct WhiteSpotDigestTests {
    @Test(arguments: TestBackend.available)
    func onlyThoseWhoAskedGetItAndOnlyWhatIsNew(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            let reader = "rijk-\(backend)-\(UUID().uuidString.prefix(6).lowercased())@weerbaar.example"
            let other = "redactie-\(backend)-\(UUID().uuidString.prefix(6).lowercased())@weerbaar.example"
            try await PortalFixtures.account(platform, .nationalPartner, email: reader)
            try await PortalFixtures.account(platform, .editor, email: other)
            var browser = Browser(client: client)
            _ = try await browser.signIn(reader, PortalFixtures.password)
            let page = try await browser.request(.get, "/beheer/witte-vlekken")
            #expect(page.body.contains("Ja, stuur mij het wekelijkse bericht"))
            let on = try await browser.request(.post, "/beheer/witte-vlekken/bericht", form: [("csrf", Browser.csrf(in: page.body) ?? ""), ("bericht", "aan")])
            #expect(on.location == "/beheer/witte-vlekken?aangemeld#bericht")
            #expect(try await browser.request(.get, "/beheer/witte-vlekken").body.contains("Geen wekelijks bericht meer"))

            let logger = Logger(label: "digest-test")
            let today = Day(Date())
            #expect(try await platform.whiteSpotDigest.send(today: today, logger: logger) == 1)
            let first = try #require(try await ReceivedMail.awaitMessages(to: reader) { $0.contains("witte vlekken") }.last)
            #expect(ReceivedMail.decodeQuotedPrintable(first).contains("Extremisme · Training"))
            // Nothing new: no mail.
            #expect(try await platform.whiteSpotDigest.send(today: today, logger: logger) == 0)
            // A search that found nothing is news.
            try await platform.searchLogStore.add([SearchLogKey(hour: LoggedSearch.hour(of: Date()), source: .catalogue, query: "boerenprotest gemeentehuis",
                                                                filters: ""): SearchTally(searches: 3, results: 0, themes: ["maatschappelijke-onrust"])])
            #expect(try await platform.whiteSpotDigest.send(today: today, logger: logger) == 1)
            let mails = try await ReceivedMail.awaitMessages(to: reader) { $0.contains("boerenprotest gemeentehuis") }
            #expect(mails.count == 2 && mails.last?.contains("boerenprotest gemeentehuis") == true)
            #expect(try ReceivedMail.messages(to: other).isEmpty, "the redacteur did not ask for it")
        }
    }
}
