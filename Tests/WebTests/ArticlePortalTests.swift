import Accounts
import Audit
import Catalogue
import CatalogueService
import Foundation
import HTTPTypes
import Knowledge
import Markup
import Testing
import TestSupport
import WeerbaarApp
@testable import Web

/// Articles in the portal: a partner's proposal, the redactie's review and publication, a major edit
/// with its public note, the history and a restore — on both backends.
@Suite struct ArticlePortalTests {
    @Test(arguments: TestBackend.available)
    func aProposalIsReviewedPublishedAndAmendedWithANote(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            try await PortalFixtures.account(platform, .partnerEditor, provider: "vng")
            try await PortalFixtures.account(platform, .editor)
            var partner = Browser(client: client), editor = Browser(client: client)
            _ = try await partner.signIn("partner-redacteur@weerbaar.example", PortalFixtures.password)
            _ = try await editor.signIn("redacteur@weerbaar.example", PortalFixtures.password)
            let offering = try #require(platform.catalogue.offerings { $0.provider == "vng" }.first)
            let form = try await partner.request(.get, "/beheer/artikelen/nieuw")
            #expect(form.status == 200 && form.body.contains("Indienen bij de redactie") && !form.body.contains("value=\"publiceren\""))
            var fields: [(String, String)] = [("csrf", Browser.csrf(in: form.body) ?? ""), ("versie", "0"), ("kenmerk", "wijkteam-deventer"),
                ("soort", "praktijkvoorbeeld"), ("titel", "Het wijkteam dat bleef luisteren"), ("inleiding", "Hoe een wijkteam na een incident het gesprek gaande hield."),
                ("tekst", "## Wat er gebeurde\nEen lang verhaal."), ("auteurs", "Pim Partner"), ("themas", "polarisatie"), ("themas", "vertrouwen"),
                ("aanbod", "\(offering.provider)/\(offering.id)"), ("aanleiding", "Een incident."), ("aanpak", "Gesprekken."), ("resultaat", "Rust."),
                ("lessen", "Blijf luisteren."), ("betrokken", "Wijkteam, gemeente")]
            // A practice example without its gemeente, and an offering the catalogue lacks: both named.
            let missing = try await partner.request(.post, "/beheer/artikelen/nieuw", form: fields.map { $0.0 == "aanbod" ? ("aanbod", "vng/bestaat-niet") : $0 } + [("actie", "indienen")])
            #expect(missing.status == 422 && missing.body.contains("Een praktijkvoorbeeld noemt zijn gemeente") && missing.body.contains("vng/bestaat-niet"))
            fields.append(("gemeente", "GM0150"))
            #expect(try await partner.request(.post, "/beheer/artikelen/nieuw", form: fields + [("actie", "publiceren")]).status == 403)
            let submitted = try await partner.request(.post, "/beheer/artikelen/nieuw", form: fields + [("actie", "indienen")])
            #expect(submitted.location == "/beheer/artikelen/wijkteam-deventer?ingediend")
            #expect(try await client.get("/artikelen/wijkteam-deventer").status == 404, "not public before the redactie publishes")
            let again = try await partner.request(.post, "/beheer/artikelen/nieuw", form: fields + [("actie", "indienen")])
            #expect(again.status == 409 && again.body.contains("Er is al een artikel met dit kenmerk"))

            // The redactie publishes: the first publication dates it today, and it is findable at once.
            let review = try await editor.request(.get, "/beheer/artikelen/wijkteam-deventer")
            #expect(review.status == 200 && review.body.contains("Status: Ter beoordeling") && !review.body.contains("Wijzigingsnotitie"))
            fields[0] = ("csrf", Browser.csrf(in: review.body) ?? "")
            fields[1] = ("versie", "1")
            let published = try await editor.request(.post, "/beheer/artikelen/wijkteam-deventer", form: fields + [("actie", "publiceren")])
            #expect(published.location == "/beheer/artikelen/wijkteam-deventer?gepubliceerd")
            let article = try #require(platform.articles.collection.article("wijkteam-deventer"))
            #expect(article.published == Day(Date()) && article.gemeente == "GM0150" && article.practice?.lessen == "Blijf luisteren.")
            #expect(platform.articles.search("wijkteam luisteren").articles.map(\.id).contains("wijkteam-deventer"))
            #expect(try await client.get("/praktijk").body.contains("/artikelen/wijkteam-deventer"), "the cached list shows it at once")
            #expect(try await partner.request(.get, "/beheer/artikelen/wijkteam-deventer").status == 403, "published, it is the redactie's")

            // A minor edit is silent; a major one needs a note, which readers see.
            let reopened = try await editor.request(.get, "/beheer/artikelen/wijkteam-deventer")
            #expect(reopened.body.contains("Wijzigingsnotitie"))
            fields[0] = ("csrf", Browser.csrf(in: reopened.body) ?? "")
            fields[1] = ("versie", "2")
            let minor = try await editor.request(.post, "/beheer/artikelen/wijkteam-deventer",
                                                 form: fields.map { $0.0 == "titel" ? ("titel", "Het wijkteam dat bleef luisteren.") : $0 } + [("actie", "publiceren")])
            #expect(minor.status == 303 && platform.articles.collection.article("wijkteam-deventer")?.changeNotes == [])
            fields[1] = ("versie", "3")
            let noNote = try await editor.request(.post, "/beheer/artikelen/wijkteam-deventer", form: fields + [("belangrijke-wijziging", "ja"), ("actie", "publiceren")])
            #expect(noNote.status == 422 && noNote.body.contains("lezers zien deze notitie"))
            let major = try await editor.request(.post, "/beheer/artikelen/wijkteam-deventer",
                                                 form: fields.map { $0.0 == "resultaat" ? ("resultaat", "Rust, en na een jaar een vast spreekuur.") : $0 }
                                                    + [("belangrijke-wijziging", "ja"), ("wijzigingsnotitie", "Resultaat na een jaar aangevuld"), ("actie", "publiceren")])
            #expect(major.status == 303)
            let amended = try #require(platform.articles.collection.article("wijkteam-deventer"))
            #expect(amended.changeNotes.map(\.note) == ["Resultaat na een jaar aangevuld"] && amended.published == article.published)
            #expect(try await client.get("/artikelen/wijkteam-deventer").body.contains("Resultaat na een jaar aangevuld"))
            let stale = try await editor.request(.post, "/beheer/artikelen/wijkteam-deventer", form: fields + [("actie", "concept")])
            #expect(stale.status == 409, "a form opened on version 3 cannot overwrite version 4")

            // History, and a restore as a concept takes the article off the site until it is published again.
            let history = try await editor.request(.get, "/beheer/artikelen/wijkteam-deventer/geschiedenis")
            #expect(history.status == 200 && history.body.contains("Test Partner-redacteur") && history.body.contains("Terugzetten als concept"))
            let restored = try await editor.request(.post, "/beheer/artikelen/wijkteam-deventer/geschiedenis/2/terugzetten",
                                                    form: [("csrf", Browser.csrf(in: history.body) ?? ""), ("versie", "4")])
            #expect(restored.location == "/beheer/artikelen/wijkteam-deventer?teruggezet")
            let managed = try #require(try await platform.articleStore.managedArticle("wijkteam-deventer"))
            #expect(managed.status == .concept && managed.content.changeNotes.isEmpty && managed.version == 5)
            #expect(platform.articles.collection.article("wijkteam-deventer") == nil)
            let log = try await platform.audit.events(offset: 0, limit: 10)
            #expect(log.filter { $0.action == .articlePublished && $0.subject == "wijkteam-deventer" }.count == 3)
            #expect(try await editor.request(.get, "/beheer/artikelen").body.contains("Het wijkteam dat bleef luisteren"))
            #expect(try await partner.request(.get, "/beheer/artikelen").body.contains("Het wijkteam dat bleef luisteren"),
                    "a partner lists their own provider's articles")
        }
    }
}
