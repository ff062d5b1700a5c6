import Markup
import Accounts
import Audit
import Catalogue
import CatalogueService
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import TestSupport
import WeerbaarApp
@testable import Web

extension Browser {
    /// Every value of hidden inputs named `name`, in page order.
    static func hiddenValues(_ name: String, in body: String) -> [String] {
        var values: [String] = []
        var rest = Substring(body)
        while let range = rest.range(of: "name=\"\(name)\" value=\"") {
            values.append(String(rest[range.upperBound...].prefix { $0 != "\"" }))
            rest = rest[range.upperBound...]
        }
        return values
    }

    /// The edit form's optimistic-lock token ("aanbod-3", "concept-2", "nieuw").
    static func editToken(in body: String) -> String? {
        hiddenValues("versie", in: body).first { $0.contains("-") || $0 == "nieuw" }
    }
}

enum OfferingFormFixture {
    /// A complete, valid form for the demo taxonomy.
    static func fields(_ taxonomy: Taxonomy, title: String, summary: String = "Een korte samenvatting voor de test.",
                       description: String = "Een **beschrijving** met een [link](https://example.org).") -> [(String, String)] {
        let kind = taxonomy.terms(.kind).first { !taxonomy.forms(of: $0.slug).isEmpty }!
        return [
            ("titel", title), ("samenvatting", summary), ("beschrijving", description),
            ("soort", kind.slug), ("vorm", taxonomy.forms(of: kind.slug)[0].slug),
            ("themas", taxonomy.terms(.theme)[0].slug), ("themas", taxonomy.terms(.theme)[1].slug),
            ("trefwoorden", "proefwoord, tweede"), ("webadres", "https://example.org/aanbod"),
            ("contact-naam", "Test Persoon"), ("contact-email", "test@example.org"),
        ]
    }
}

@Suite struct PortalEditingTests {
    @Test(arguments: TestBackend.available)
    func aPartnerDraftIsInvisibleUntilARedacteurPublishesIt(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            try await PortalFixtures.account(platform, .partnerEditor, provider: "vng")
            try await PortalFixtures.account(platform, .editor)
            var partner = Browser(client: client), editor = Browser(client: client)
            _ = try await partner.signIn("partner-redacteur@weerbaar.example", PortalFixtures.password)
            _ = try await editor.signIn("redacteur@weerbaar.example", PortalFixtures.password)

            let empty = try await partner.request(.get, "/beheer/aanbod/nieuw")
            #expect(empty.status == 200 && empty.body.contains("Indienen ter beoordeling") && !empty.body.contains("value=\"publiceren\""))
            // "Niet vermeld" must submit nothing, not its label.
            #expect(empty.body.contains("<option value selected>Niet vermeld</option>"), "an empty value attribute, not none")
            let csrf = try #require(Browser.csrf(in: empty.body))
            // The partner names another provider in the form: the portal keeps the partner's own.
            var fields = OfferingFormFixture.fields(platform.catalogue.taxonomy, title: "Zeldzaamwoord draaiboek buurtgesprekken")
            fields += [("csrf", csrf), ("versie", "nieuw"), ("aanbieder", "lse"), ("actie", "concept")]
            let saved = try await partner.request(.post, "/beheer/aanbod/nieuw", form: fields)
            #expect(saved.location == "/beheer/aanbod/vng/zeldzaamwoord-draaiboek-buurtgesprekken?opgeslagen")
            let key = OfferingKey(provider: "vng", id: "zeldzaamwoord-draaiboek-buurtgesprekken")
            #expect(try await platform.editorial.managed(OfferingKey(provider: "lse", id: key.id)) == nil)

            // A concept is nowhere public: not in the live catalogue, not in search or the API.
            #expect(platform.catalogue.offering(key) == nil)
            #expect(try await client.get("/aanbod/zeldzaamwoord-draaiboek-buurtgesprekken").status == 404)
            #expect(!(try await client.get("/api/v1/offerings?q=zeldzaamwoord").body.contains("zeldzaamwoord")))
            #expect(!(try await client.get("/feed.atom").body.contains("Zeldzaamwoord")))

            // Submitted: still not public; the redactie sees it in the queue.
            let form = try await partner.request(.get, "/beheer/aanbod/vng/\(key.id)")
            #expect(form.body.contains("Status: Concept"))
            let token = try #require(Browser.editToken(in: form.body))
            let submitted = try await partner.request(.post, "/beheer/aanbod/vng/\(key.id)",
                                                      form: fields.filter { $0.0 != "actie" && $0.0 != "versie" } + [("versie", token), ("actie", "indienen")])
            #expect(submitted.location == "/beheer/aanbod/vng/\(key.id)?ingediend")
            #expect(platform.catalogue.offering(key) == nil)
            let queue = try await editor.request(.get, "/beheer/beoordelen")
            #expect(queue.body.contains("Zeldzaamwoord draaiboek buurtgesprekken"))
            #expect(try await partner.request(.get, "/beheer/beoordelen").status == 403, "partner editors do not review")

            // The partner cannot publish it themselves, not even by posting the button's value.
            let again = try await partner.request(.get, "/beheer/aanbod/vng/\(key.id)")
            let forced = try await partner.request(.post, "/beheer/aanbod/vng/\(key.id)",
                                                   form: fields.filter { $0.0 != "actie" && $0.0 != "versie" }
                                                       + [("versie", Browser.editToken(in: again.body) ?? ""), ("actie", "publiceren")])
            #expect(forced.status == 403)
            #expect(try await partner.request(.post, "/beheer/aanbod/vng/\(key.id)/publiceren", form: [("csrf", csrf), ("versie", "1")]).status == 403)

            // The redacteur sees the review box, and publishes.
            let review = try await editor.request(.get, "/beheer/aanbod/vng/\(key.id)")
            #expect(review.body.contains("Beoordelen") && review.body.contains("Dit aanbod is nieuw"))
            let draftVersion = try #require(Browser.hiddenValues("versie", in: review.body).first { Int($0) != nil })
            let published = try await editor.request(.post, "/beheer/aanbod/vng/\(key.id)/publiceren",
                                                     form: [("csrf", Browser.csrf(in: review.body) ?? ""), ("versie", draftVersion)])
            #expect(published.location == "/beheer/aanbod/vng/\(key.id)?gepubliceerd")
            let live = try #require(platform.catalogue.offering(key))
            #expect(live.title == "Zeldzaamwoord draaiboek buurtgesprekken" && live.lastChecked == Day(Date()))
            #expect(try await client.get("/aanbod/\(live.slug)").status == 200)
            #expect(try await client.get("/api/v1/offerings?q=zeldzaamwoord").body.contains(key.id))
            #expect(try await editor.request(.get, "/beheer/beoordelen").body.contains("Er wacht niets op beoordeling"))

            let history = try await platform.editorial.revisions(key).map(\.action)
            #expect(history == [.published, .submitted, .saved])
            let audit = try await platform.audit.events(offset: 0, limit: 20).map(\.action)
            #expect(audit.contains(.offeringSaved) && audit.contains(.offeringSubmitted) && audit.contains(.offeringPublished))
        }
    }

    @Test(arguments: TestBackend.available)
    func aFormThatFailsValidationKeepsEveryInputWithTheMessageBesideItsField(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            try await PortalFixtures.account(platform, .editor)
            var editor = Browser(client: client)
            _ = try await editor.signIn("redacteur@weerbaar.example", PortalFixtures.password)
            let form = try await editor.request(.get, "/beheer/aanbod/nieuw")
            let hostile = "Titel met \"quotes\" en <script>alert(1)</script>"
            var fields = OfferingFormFixture.fields(platform.catalogue.taxonomy, title: hostile, summary: "")
            fields = fields.map { $0.0 == "webadres" ? ("webadres", "javascript:alert(1)") : $0 }
            fields += [("csrf", Browser.csrf(in: form.body) ?? ""), ("aanbieder", "vng"), ("actie", "publiceren"),
                       ("contact-telefoon", "bel mij"), ("verschenen", "31-02-2025")]
            let page = try await editor.request(.post, "/beheer/aanbod/nieuw", form: fields)
            #expect(page.status == 422)
            #expect(page.body.contains("Er zijn 4 fouten"))
            for (field, words) in [("samenvatting", "Vul dit veld in"), ("webadres", "https://"), ("contact-telefoon", "cijfers"),
                                   ("verschenen", "JJJJ-MM-DD")] {
                #expect(page.body.contains("<p id=\"\(field)-fout\" class=\"field__error\">"), "a message beside \(field)")
                #expect(page.body.contains("href=\"#\(field)\""), "the summary links to \(field)")
                #expect(page.body.contains(words), "\(field): \(words)")
            }
            #expect(page.body.contains("aria-invalid=\"true\""))
            // Kept and escaped: the text comes back as the editor typed it, never as markup.
            #expect(page.body.contains("value=\"Titel met &quot;quotes&quot; en &lt;script&gt;alert(1)&lt;/script&gt;\""))
            #expect(!page.body.contains("<script>alert(1)"))
            #expect(page.body.contains("value=\"31-02-2025\"") && page.body.contains("Test Persoon"))
            #expect(try await platform.editorial.managedOfferings(provider: "vng").allSatisfy { $0.title != hostile }, "nothing was written")
        }
    }

    @Test(arguments: TestBackend.available)
    func twoEditorsSavingTheSameVersionGetAConflictNotASilentOverwrite(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            try await PortalFixtures.account(platform, .editor)
            try await PortalFixtures.account(platform, .editor, email: "tweede@weerbaar.example")
            var first = Browser(client: client), second = Browser(client: client)
            _ = try await first.signIn("redacteur@weerbaar.example", PortalFixtures.password)
            _ = try await second.signIn("tweede@weerbaar.example", PortalFixtures.password)
            let offering = try #require(platform.catalogue.offerings { $0.provider == "vng" }.first)
            let path = "/beheer/aanbod/vng/\(offering.id)"
            let formA = try await first.request(.get, path), formB = try await second.request(.get, path)
            #expect(Browser.editToken(in: formA.body) == Browser.editToken(in: formB.body))
            func post(_ browser: inout Browser, _ page: Browser.Page, title: String) async throws -> Browser.Page {
                var fields = OfferingForm(record: offering.record).text.map { ($0.key, $0.value) }.filter { $0.0 != "titel" }
                fields += offering.themes.map { ("themas", $0) } + offering.audiences.map { ("doelgroepen", $0) }
                fields += [("titel", title), ("csrf", Browser.csrf(in: page.body) ?? ""), ("versie", Browser.editToken(in: page.body) ?? ""),
                           ("actie", "publiceren")]
                return try await browser.request(.post, path, form: fields)
            }
            #expect(try await post(&first, formA, title: "Eerste versie van de titel").location == "\(path)?gepubliceerd")
            let lost = try await post(&second, formB, title: "Tweede versie van de titel")
            #expect(lost.status == 409)
            #expect(lost.body.contains("Test Redacteur heeft dit aanbod opgeslagen nadat u het opende"))
            #expect(lost.body.contains("value=\"Tweede versie van de titel\""), "the losing editor's input is kept")
            #expect(platform.catalogue.offering(offering.key)?.title == "Eerste versie van de titel")
            // A second try from the fresh form succeeds.
            let fresh = try await second.request(.get, path)
            #expect(try await post(&second, fresh, title: "Tweede versie van de titel").location == "\(path)?gepubliceerd")
        }
    }

    @Test(arguments: TestBackend.available)
    func aPartnerReachesNoOtherProvidersOfferByAnyRoute(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            try await PortalFixtures.account(platform, .partnerEditor, provider: "vng")
            var partner = Browser(client: client)
            _ = try await partner.signIn("partner-redacteur@weerbaar.example", PortalFixtures.password)
            let other = try #require(platform.catalogue.offerings { $0.provider == "lse" }.first)
            let base = "/beheer/aanbod/lse/\(other.id)"
            let csrf = Browser.csrf(in: try await partner.request(.get, "/beheer").body) ?? ""
            for path in [base, base + "/geschiedenis", base + "/geschiedenis/1", "/beheer/aanbod/nieuw?kopie=lse/\(other.id)"] {
                #expect(try await partner.request(.get, path).status == 403, "GET \(path)")
            }
            var fields = OfferingFormFixture.fields(platform.catalogue.taxonomy, title: "Overgenomen")
            fields += [("csrf", csrf), ("versie", "aanbod-1"), ("actie", "concept")]
            for path in [base, base + "/archiveren", base + "/herstellen", base + "/geschiedenis/1/terugzetten"] {
                #expect(try await partner.request(.post, path, form: fields).status == 403, "POST \(path)")
            }
            #expect(platform.catalogue.offering(other.key)?.title == other.title)
            #expect(try await platform.editorial.managed(other.key)?.draft == nil, "no draft was made for the other provider")
        }
    }

    @Test(arguments: TestBackend.available)
    func aTrustedProvidersPartnerPublishesDirectly(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            try await PortalFixtures.account(platform, .partnerEditor, provider: "vng")
            try await PortalFixtures.account(platform, .administrator)
            var admin = Browser(client: client), partner = Browser(client: client)
            _ = try await admin.signIn("beheerder@weerbaar.example", PortalFixtures.password, platform: platform)
            _ = try await partner.signIn("partner-redacteur@weerbaar.example", PortalFixtures.password)
            let providers = try await admin.request(.get, "/beheer/aanbieders")
            let trust = try await admin.request(.post, "/beheer/aanbieders/vng/vertrouwen", form: [("csrf", Browser.csrf(in: providers.body) ?? ""), ("vertrouwd", "ja")])
            #expect(trust.location == "/beheer/aanbieders?gewijzigd")
            #expect(try await platform.editorial.trustedProviders() == ["vng"])
            let form = try await partner.request(.get, "/beheer/aanbod/nieuw")
            #expect(form.body.contains("value=\"publiceren\""))
            let fields = OfferingFormFixture.fields(platform.catalogue.taxonomy, title: "Direct gepubliceerd aanbod")
                + [("csrf", Browser.csrf(in: form.body) ?? ""), ("versie", "nieuw"), ("actie", "publiceren")]
            #expect(try await partner.request(.post, "/beheer/aanbod/nieuw", form: fields).location
                    == "/beheer/aanbod/vng/direct-gepubliceerd-aanbod?gepubliceerd")
            #expect(platform.catalogue.offering(OfferingKey(provider: "vng", id: "direct-gepubliceerd-aanbod")) != nil)
            // Beheerders run the platform; they do not edit content.
            #expect(try await admin.request(.get, "/beheer/aanbod/nieuw").status == 403)
        }
    }

    @Test(arguments: TestBackend.available)
    func archivingTakesAnOfferingOffTheSiteAndRestoringPutsItBack(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            try await PortalFixtures.account(platform, .partnerEditor, provider: "vng")
            try await PortalFixtures.account(platform, .editor)
            var partner = Browser(client: client), editor = Browser(client: client)
            _ = try await partner.signIn("partner-redacteur@weerbaar.example", PortalFixtures.password)
            _ = try await editor.signIn("redacteur@weerbaar.example", PortalFixtures.password)
            let offering = try #require(platform.catalogue.offerings { $0.provider == "vng" }.first)
            let path = "/beheer/aanbod/vng/\(offering.id)"
            let csrf = Browser.csrf(in: try await partner.request(.get, path).body) ?? ""
            #expect(try await partner.request(.post, path + "/archiveren", form: [("csrf", csrf)]).location == "\(path)?gearchiveerd")
            #expect(platform.catalogue.offering(offering.key) == nil)
            #expect(try await client.get("/aanbod/\(offering.slug)").status == 404)
            #expect(!(try await client.get("/feed.atom").body.contains(offering.slug)))
            // The dashboard still lists it, as archived.
            #expect(try await partner.request(.get, "/beheer/aanbod").body.contains("Gearchiveerd"))
            // The partner asks to bring it back: that goes through review.
            #expect(try await partner.request(.post, path + "/herstellen", form: [("csrf", csrf)]).location == "\(path)?ingediend")
            #expect(platform.catalogue.offering(offering.key) == nil)
            let review = try await editor.request(.get, path)
            let version = try #require(Browser.hiddenValues("versie", in: review.body).first { Int($0) != nil })
            _ = try await editor.request(.post, path + "/publiceren", form: [("csrf", Browser.csrf(in: review.body) ?? ""), ("versie", version)])
            #expect(platform.catalogue.offering(offering.key)?.title == offering.title)
            #expect(try await client.get("/aanbod/\(offering.slug)").status == 200, "the slug is kept")
        }
    }

    @Test(arguments: TestBackend.available)
    func everyChangeIsARevisionWithADiffAndAnyRevisionCanBeRestored(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            try await PortalFixtures.account(platform, .editor)
            var editor = Browser(client: client)
            _ = try await editor.signIn("redacteur@weerbaar.example", PortalFixtures.password)
            let offering = try #require(platform.catalogue.offerings { $0.provider == "vng" }.first)
            let path = "/beheer/aanbod/vng/\(offering.id)"
            let form = try await editor.request(.get, path)
            var fields = OfferingForm(record: offering.record).text.map { ($0.key, $0.value) }.filter { $0.0 != "titel" }
            fields += offering.themes.map { ("themas", $0) } + offering.audiences.map { ("doelgroepen", $0) }
            fields += [("titel", "Een nieuwe titel"), ("csrf", Browser.csrf(in: form.body) ?? ""),
                       ("versie", Browser.editToken(in: form.body) ?? ""), ("actie", "publiceren")]
            #expect(try await editor.request(.post, path, form: fields).location == "\(path)?gepubliceerd")

            let history = try await editor.request(.get, path + "/geschiedenis")
            #expect(history.body.contains("Versie 2") && history.body.contains("Geïmporteerd") && history.body.contains("Gepubliceerd"))
            let diff = try await editor.request(.get, path + "/geschiedenis/2")
            #expect(diff.body.contains("<th scope=\"row\">Titel</th>"))
            #expect(diff.body.contains(esc(offering.title)) && diff.body.contains("Een nieuwe titel"))
            #expect(!diff.body.contains("<th scope=\"row\">Samenvatting</th>"), "only changed fields are listed")

            let restored = try await editor.request(.post, path + "/geschiedenis/1/terugzetten", form: [("csrf", Browser.csrf(in: diff.body) ?? "")])
            #expect(restored.location == "\(path)?teruggezet")
            let managed = try #require(try await platform.editorial.managed(offering.key))
            #expect(managed.draft?.record.title == offering.title && managed.draft?.status == .concept)
            #expect(platform.catalogue.offering(offering.key)?.title == "Een nieuwe titel", "the site keeps the published version")
            #expect(try await editor.request(.get, path + "/geschiedenis/99").status == 404)
        }
    }

    @Test(arguments: TestBackend.available)
    func thePreviewShowsThePublicPageWithoutSavingAndSanitisesMarkdown(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            try await PortalFixtures.account(platform, .editor)
            var editor = Browser(client: client)
            _ = try await editor.signIn("redacteur@weerbaar.example", PortalFixtures.password)
            let form = try await editor.request(.get, "/beheer/aanbod/nieuw")
            let fields = OfferingFormFixture.fields(platform.catalogue.taxonomy, title: "Voorbeeldtitel",
                                                    description: "## Kopje\n\nTekst met **nadruk** en <img src=x onerror=alert(1)> [klik](javascript:alert(1))")
                + [("csrf", Browser.csrf(in: form.body) ?? ""), ("aanbieder", "vng"), ("actie", "voorbeeld")]
            let preview = try await editor.request(.post, "/beheer/aanbod/nieuw", form: fields)
            #expect(preview.status == 200)
            #expect(preview.body.contains("Voorbeeld: zo ziet de pagina eruit"))
            #expect(preview.body.contains("<strong>nadruk</strong>"))
            #expect(!preview.body.contains("<img src=x") && !preview.body.contains("href=\"javascript:"))
            #expect(try await platform.editorial.managed(OfferingKey(provider: "vng", id: "voorbeeldtitel")) == nil, "a preview saves nothing")
        }
    }
}

@Suite(.enabled(if: ReceivedMail.available, "needs the SMTP sink that scripts/test starts"))
struct PortalReviewMailTests {
    @Test(arguments: TestBackend.available)
    func sendingBackNeedsACommentAndMailsItToTheAuthor(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            let author = "auteur-\(backend)@weerbaar.example", reviewer = "redactie-\(backend)@weerbaar.example"
            try await PortalFixtures.account(platform, .partnerEditor, email: author, provider: "vng")
            try await PortalFixtures.account(platform, .editor, email: reviewer)
            var partner = Browser(client: client), editor = Browser(client: client)
            _ = try await partner.signIn(author, PortalFixtures.password)
            _ = try await editor.signIn(reviewer, PortalFixtures.password)
            let form = try await partner.request(.get, "/beheer/aanbod/nieuw")
            let title = "Ingediend door \(backend)"
            let fields = OfferingFormFixture.fields(platform.catalogue.taxonomy, title: title)
                + [("csrf", Browser.csrf(in: form.body) ?? ""), ("actie", "indienen")]
            let submitted = try await partner.request(.post, "/beheer/aanbod/nieuw", form: fields)
            let path = try #require(submitted.location?.replacingOccurrences(of: "?ingediend", with: ""))
            #expect(try ReceivedMail.messages(to: reviewer).contains { $0.contains("Ter beoordeling") && $0.contains(title) })

            let review = try await editor.request(.get, path)
            let version = try #require(Browser.hiddenValues("versie", in: review.body).first { Int($0) != nil })
            let csrf = Browser.csrf(in: review.body) ?? ""
            let empty = try await editor.request(.post, path + "/terugsturen", form: [("csrf", csrf), ("versie", version), ("opmerking", "  ")])
            #expect(empty.status == 422 && empty.body.contains("opmerking-fout"))
            let comment = "Graag de doelgroep aanvullen en de link naar het aanmeldformulier."
            #expect(try await editor.request(.post, path + "/terugsturen", form: [("csrf", csrf), ("versie", version), ("opmerking", comment)])
                        .location == "\(path)?teruggestuurd")
            let mail = try #require(try ReceivedMail.messages(to: author).last)
            #expect(mail.contains("Teruggestuurd") && mail.contains(comment) && mail.contains("https://weerbaar.example\(path)"))
            let page = try await partner.request(.get, path)
            #expect(page.body.contains("Opmerking van de redactie") && page.body.contains(comment) && page.body.contains("Status: Concept"))
            // The same review form a second time: the draft moved on, so the answer is a conflict, not a second return.
            #expect(try await editor.request(.post, path + "/terugsturen", form: [("csrf", csrf), ("versie", version), ("opmerking", "nog eens")])
                        .status == 409)
        }
    }
}

@Suite struct PortalDashboardTests {
    @Test(arguments: TestBackend.available)
    func theRedactiesListIsPagedAndCanBeNarrowedToOneProvider(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            try await PortalFixtures.account(platform, .editor)
            var editor = Browser(client: client)
            _ = try await editor.signIn("redacteur@weerbaar.example", PortalFixtures.password)
            let total = platform.catalogue.count
            #expect(total > OfferingsDashboardPage.perPage, "the demo catalogue spans two pages")
            func rows(_ body: String) -> Int { body.components(separatedBy: "/actueel\"").count - 1 }
            let first = try await editor.request(.get, "/beheer/aanbod")
            #expect(rows(first.body) == OfferingsDashboardPage.perPage && first.body.contains("pagina 1 van 2"))
            #expect(first.body.contains("href=\"/beheer/aanbod?pagina=2\""))
            let second = try await editor.request(.get, "/beheer/aanbod?pagina=2")
            #expect(rows(second.body) == total - OfferingsDashboardPage.perPage)
            let vng = try await editor.request(.get, "/beheer/aanbod?aanbieder=vng")
            #expect(rows(vng.body) == platform.catalogue.offerings { $0.provider == "vng" }.count)
            #expect(!vng.body.contains("/beheer/aanbod/lse/"))
            #expect(vng.body.contains("Actualiteit per aanbieder") && vng.body.contains("href=\"/beheer/aanbod?aanbieder=lse\""),
                    "the freshness per provider still covers all")
            #expect(try await editor.request(.get, "/beheer/aanbod?pagina=999").status == 200, "past the end shows the last page")
        }
    }

    /// A redacteur's start page links the review queue with how many submissions wait in it.
    @Test func theRedacteursStartPageCountsWhatWaitsForReview() async throws {
        try await WebHarness.withClient(.sqlite) { client, platform in
            try await PortalFixtures.account(platform, .editor)
            try await PortalFixtures.account(platform, .partnerEditor)
            var editor = Browser(client: client), partner = Browser(client: client)
            _ = try await editor.signIn("redacteur@weerbaar.example", PortalFixtures.password)
            _ = try await partner.signIn("partner-redacteur@weerbaar.example", PortalFixtures.password)
            #expect(try await editor.request(.get, "/beheer").body.contains("<a href=\"/beheer/beoordelen\">Ter beoordeling (0)</a>"))
            var record = try #require(platform.catalogue.offerings { $0.provider == "vng" }.first).record
            record.id = "nieuw-ter-beoordeling"
            record.title = "Nieuw ter beoordeling"
            _ = try await platform.editorial.save(record, basedOn: .new, intent: .submit, by: Editor(email: "p@vng.example", name: "P"),
                                                  today: Day(Date()))
            #expect(try await editor.request(.get, "/beheer").body.contains("Ter beoordeling (1)"))
            #expect(!(try await partner.request(.get, "/beheer").body.contains("Ter beoordeling")), "not for partner editors")
        }
    }
}
