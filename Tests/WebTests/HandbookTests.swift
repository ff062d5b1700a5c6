import Accounts
import Audit
import Catalogue
import CatalogueService
import Foundation
import Handbook
import HTTPTypes
import HummingbirdTesting
import Storage
import Testing
import TestSupport
import WeerbaarApp
@testable import Web

/// The Handboek maatschappelijke onrust: the cycle of phases, phase pages, entries, the glossary, the
/// print view, learning routes and experts per theme, from the demo; the entries' workflow in the
/// portal; and a handbook file that names what the catalogue does not have is refused whole.
@Suite struct HandbookTests {
    @Test(arguments: TestBackend.available)
    func theDemoHandbookIsComplete(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            let handbook = platform.handbook.handbook
            let phases = ["sluimerend-ongenoegen", "oplopende-spanningen", "escalatie", "na-de-escalatie"]
            for phase in phases {
                #expect(handbook.entries(inPhase: phase).count >= 5, "\(phase)")
                #expect(platform.catalogue.offerings { $0.kind == "contactpunt" && $0.phases.contains(phase) }.count >= 1, "\(phase)")
                #expect(handbook.cases.contains { $0.phase == phase }, "\(phase)")
            }
            #expect(handbook.glossary.count >= 12 && handbook.routes.count >= 6)
            let quality = HandbookQuality(handbook.entries, today: Day(Date()))
            for count in [quality.withAnalysis, quality.withPhase, quality.withDate, quality.withAuthor, quality.withCurrentReview] {
                #expect(quality.percent(count) == 100, "the demo is complete, whenever it is loaded")
            }

            // The cycle in text, in order, each phase a link.
            let index = try await client.get("/handboek")
            let positions = phases.compactMap { index.body.range(of: "href=\"/handboek/fase/\($0)\"")?.lowerBound }
            #expect(positions.count == 4 && positions == positions.sorted())
            #expect(index.body.contains("<ol class=\"phase-cycle\">") && index.body.contains("Daarna: terug naar sluimerend ongenoegen"))

            let phase = try await client.get("/handboek/fase/escalatie")
            for fragment in ["Wat u ziet", "Wat de ervaring leert", "Wat u kunt doen", "Uit het handboek", "Wie u kunt bellen", "Uit de praktijk",
                             "href=\"/handboek/fase/escalatie/afdrukken\""] {
                #expect(phase.body.contains(fragment), "\(fragment)")
            }
            let entry = try #require(handbook.entries(inPhase: "escalatie").first)
            #expect(phase.body.contains("href=\"/handboek/artikel/\(entry.id)\""))
            let entryPage = try await client.get("/handboek/artikel/\(entry.id)")
            #expect(entryPage.status == 200 && entryPage.body.contains("Analyse van de redactie") && entryPage.body.contains("Herzien vóór"))

            let print = try await client.get("/handboek/fase/escalatie/afdrukken")
            let css = try #require(print.body.range(of: #"/static/site\.css\?v=[0-9a-f]+"#, options: .regularExpression).map { String(print.body[$0]) })
            let cssBytes = try await client.get(css).body.utf8.count
            #expect(print.status == 200 && cssBytes > 1_000 && print.body.utf8.count + cssBytes <= 100_000, "the print view and its CSS fit in 100 KB")
            #expect(print.body.contains(entry.analysis), "the print view carries the analyses")

            let glossary = try await client.get("/handboek/begrippen")
            #expect(handbook.glossary.allSatisfy { glossary.body.contains("<dt id=\"\($0.slug)\">") }, "every term has its anchor")

            let route = try #require(handbook.routes.first)
            let routePage = try await client.get("/leerroutes/\(route.slug)")
            #expect(routePage.status == 200 && routePage.body.components(separatedBy: "class=\"route-step\"").count - 1 == route.steps.count)
            let theme = try await client.get("/themas/\(route.theme)")
            #expect(theme.body.contains("Wie u kunt vragen") && theme.body.contains("href=\"/leerroutes/\(route.slug)\""))
            #expect(try await client.get("/handboek/fase/algemeen").status == 404)
            #expect(try await client.get("/leerroutes/bestaat-niet").status == 404)
        }
    }

    @Test func aHandbookFileNamingWhatTheCatalogueLacksIsRefusedWhole() throws {
        let json = """
            {"format": "weerbaar.handbook/v1", "introduction": "", "phases": [], "topics": [{"slug": "signaleren", "label": "Signaleren"}],
             "entries": [{"id": "x", "phases": ["chaos"], "topic": "signaleren", "offering": "vng/bestaat-niet", "document": null,
                          "analysis": "Een analyse.", "author": "A", "date": "2026-01-01", "reviewBy": "2027-01-01", "evidence": null}],
             "glossary": [{"slug": "a", "term": "A", "definition": "B", "related": ["onbekend"]}], "cases": [], "routes": [], "experts": []}
            """
        guard case .failure(let rejected) = HandbookFile.read(Data(json.utf8), offerings: [:], taxonomy: .standard) else {
            Issue.record("must be refused"); return
        }
        let messages = rejected.problems.map(\.message)
        #expect(messages.contains("onbekende fase 'chaos'"))
        #expect(messages.contains("aanbod 'vng/bestaat-niet' staat niet in de catalogus"))
        #expect(messages.contains("onbekend verwant begrip 'onbekend'"))
    }

    /// A partner proposes an entry about their own publication; it is not public until the redactie
    /// publishes it; every save is a revision; a stale form is refused; the log says who did what.
    @Test(arguments: TestBackend.available)
    func aPartnersProposalIsPublishedByTheRedactie(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            try await PortalFixtures.account(platform, .partnerEditor, provider: "vng")
            try await PortalFixtures.account(platform, .editor)
            var partner = Browser(client: client), editor = Browser(client: client)
            _ = try await partner.signIn("partner-redacteur@weerbaar.example", PortalFixtures.password)
            _ = try await editor.signIn("redacteur@weerbaar.example", PortalFixtures.password)
            let own = try #require(platform.catalogue.offerings { $0.provider == "vng" && $0.kind == "publicatie" }.first)
            let other = try #require(platform.catalogue.offerings { $0.provider == "lse" && $0.kind == "publicatie" }.first)
            let form = try await partner.request(.get, "/beheer/handboek/nieuw")
            #expect(form.status == 200 && form.body.contains("Indienen bij de redactie") && !form.body.contains("value=\"publiceren\""))
            let csrf = Browser.csrf(in: form.body) ?? ""
            var fields: [(String, String)] = [("csrf", csrf), ("versie", "0"), ("kenmerk", "analyse-eigen-handreiking"), ("publicatie", "vng/\(own.id)"),
                ("fases", "escalatie"), ("onderwerp", "communicatie"), ("auteur", "Pim Partner"), ("datum", "2026-11-01"),
                ("herzien-voor", "2027-11-01"),
                ("analyse", "Een bruikbare handreiking voor de eerste uren. Voor OOV-adviseurs. Let op: de voorbeelden gaan uit van een grote stad.")]
            let foreign = try await partner.request(.post, "/beheer/handboek/nieuw",
                                                    form: fields.map { $0.0 == "publicatie" ? ("publicatie", "lse/\(other.id)") : $0 } + [("actie", "indienen")])
            #expect(foreign.status == 422 && foreign.body.contains("alleen over publicaties van uw eigen organisatie"))
            let forced = try await partner.request(.post, "/beheer/handboek/nieuw", form: fields + [("actie", "publiceren")])
            #expect(forced.status == 403)
            let submitted = try await partner.request(.post, "/beheer/handboek/nieuw", form: fields + [("actie", "indienen")])
            #expect(submitted.location == "/beheer/handboek/analyse-eigen-handreiking?ingediend")
            #expect(platform.handbook.handbook.entry("analyse-eigen-handreiking") == nil, "not public before the redactie publishes")
            #expect(try await client.get("/handboek/artikel/analyse-eigen-handreiking").status == 404)

            let review = try await editor.request(.get, "/beheer/handboek/analyse-eigen-handreiking")
            #expect(review.status == 200 && review.body.contains("Status: Ter beoordeling"))
            fields[0] = ("csrf", Browser.csrf(in: review.body) ?? "")
            fields[1] = ("versie", "1")
            let published = try await editor.request(.post, "/beheer/handboek/analyse-eigen-handreiking", form: fields + [("actie", "publiceren")])
            #expect(published.location == "/beheer/handboek/analyse-eigen-handreiking?gepubliceerd")
            #expect(platform.handbook.handbook.entry("analyse-eigen-handreiking")?.phases == ["escalatie"])
            #expect(try await client.get("/handboek/artikel/analyse-eigen-handreiking").status == 200)
            #expect(try await client.get("/handboek/fase/escalatie").body.contains("/handboek/artikel/analyse-eigen-handreiking"),
                    "the cached phase page shows it at once")

            let stale = try await editor.request(.post, "/beheer/handboek/analyse-eigen-handreiking", form: fields + [("actie", "concept")])
            #expect(stale.status == 409, "a form opened on version 1 cannot overwrite version 2")
            #expect(try await partner.request(.get, "/beheer/handboek/analyse-eigen-handreiking").status == 403, "published, it is the redactie's")

            let history = try await platform.handbookStore.revisions("analyse-eigen-handreiking")
            #expect(history.map(\.status) == [.published, .submitted])
            #expect(history.map(\.editor.name) == ["Test Redacteur", "Test Partner-redacteur"])
            let log = try await platform.audit.events(offset: 0, limit: 5)
            #expect(log.contains { $0.action == .handbookEntryPublished && $0.subject == "analyse-eigen-handreiking" })

            let list = try await editor.request(.get, "/beheer/handboek")
            #expect(list.body.contains("Kwaliteit van de gepubliceerde artikelen") && list.body.contains("100 %"))
        }
    }

    /// The redactie composes a learning route and orders a theme's contact points; a key the catalogue
    /// lacks is a message with its line; the public pages show the result at once.
    @Test(arguments: TestBackend.available)
    func theRedactieComposesRoutesAndChoosesExperts(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            try await PortalFixtures.account(platform, .editor)
            try await PortalFixtures.account(platform, .partnerEditor, provider: "vng")
            var editor = Browser(client: client), partner = Browser(client: client)
            _ = try await editor.signIn("redacteur@weerbaar.example", PortalFixtures.password)
            _ = try await partner.signIn("partner-redacteur@weerbaar.example", PortalFixtures.password)
            #expect(try await partner.request(.get, "/beheer/leerroutes").status == 403, "composing is the redactie's")
            let form = try await editor.request(.get, "/beheer/leerroutes/nieuw")
            let csrf = Browser.csrf(in: form.body) ?? ""
            let publication = try #require(platform.catalogue.offerings { $0.kind == "publicatie" && $0.themes.contains("inclusie") }.first)
            let contact = try #require(platform.catalogue.offerings { $0.kind == "contactpunt" && $0.themes.contains("inclusie") }.first)
            var fields = [("csrf", csrf), ("kenmerk", "samenstellen-proef"), ("titel", "Samengestelde proefroute"), ("thema", "inclusie"),
                          ("doelgroep", "beleidsmedewerkers"), ("inleiding", "Een route om het samenstellen te proberen."),
                          ("stappen", "\(publication.provider)/\(publication.id) | eerst lezen\nvng/bestaat-niet | dan dit")]
            let wrong = try await editor.request(.post, "/beheer/leerroutes/nieuw", form: fields)
            #expect(wrong.status == 422 && wrong.body.contains("Regel 2: ‘vng/bestaat-niet’ staat niet in de catalogus."))
            fields[6] = ("stappen", "\(publication.provider)/\(publication.id) | eerst lezen\n\(contact.provider)/\(contact.id) | dan bellen")
            #expect(try await editor.request(.post, "/beheer/leerroutes/nieuw", form: fields).location == "/beheer/leerroutes?opgeslagen")
            let page = try await client.get("/leerroutes/samenstellen-proef")
            #expect(page.status == 200 && page.body.contains(publication.title) && page.body.contains("Daarna: \(contact.title)"))

            let expertForm = try await editor.request(.get, "/beheer/experts/inclusie")
            let lines = "\(contact.provider)/\(contact.id) | Vragen over inclusie in beleid | via de website | binnen een week"
            let saved = try await editor.request(.post, "/beheer/experts/inclusie", form: [("csrf", Browser.csrf(in: expertForm.body) ?? ""), ("contactpunten", lines)])
            #expect(saved.location == "/beheer/experts/inclusie?opgeslagen")
            let theme = try await client.get("/themas/inclusie")
            #expect(theme.body.contains("Vragen over inclusie in beleid") && theme.body.contains("binnen een week"))
            #expect(platform.handbook.handbook.experts(forTheme: "inclusie").map(\.offering) == ["\(contact.provider)/\(contact.id)"])
            let notAContact = try await editor.request(.post, "/beheer/experts/inclusie",
                                                       form: [("csrf", Browser.csrf(in: expertForm.body) ?? ""),
                                                              ("contactpunten", "\(publication.provider)/\(publication.id) | a | b | c")])
            #expect(notAContact.status == 422 && notAContact.body.contains("is geen contactpunt"))
            #expect(try await platform.audit.events(offset: 0, limit: 5).contains { $0.action == .handbookComposed })
        }
    }

    /// Like an offering: a submitted entry goes back to its author with a comment, and any earlier
    /// version can be restored as a concept.
    @Test(arguments: TestBackend.available)
    func anEntryIsSentBackWithACommentAndAnEarlierVersionRestored(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            try await PortalFixtures.account(platform, .partnerEditor, provider: "vng")
            try await PortalFixtures.account(platform, .editor)
            let own = try #require(platform.catalogue.offerings { $0.provider == "vng" && $0.kind == "publicatie" }.first)
            try await PortalFixtures.proposeHandbookEntry(platform, offering: own)
            let id = PortalFixtures.handbookProposal
            var partner = Browser(client: client), editor = Browser(client: client)
            _ = try await partner.signIn("partner-redacteur@weerbaar.example", PortalFixtures.password)
            _ = try await editor.signIn("redacteur@weerbaar.example", PortalFixtures.password)

            let review = try await editor.request(.get, "/beheer/handboek/\(id)")
            #expect(review.body.contains("Terugsturen naar de auteur"))
            let csrf = Browser.csrf(in: review.body) ?? ""
            let empty = try await editor.request(.post, "/beheer/handboek/\(id)/terugsturen", form: [("csrf", csrf), ("versie", "1"), ("opmerking", " ")])
            #expect(empty.status == 422 && empty.body.contains("Schrijf wat er anders moet."))
            let sent = try await editor.request(.post, "/beheer/handboek/\(id)/terugsturen",
                                                form: [("csrf", csrf), ("versie", "1"), ("opmerking", "Noem ook voor wie het bedoeld is.")])
            #expect(sent.location == "/beheer/handboek/\(id)?teruggestuurd")
            let back = try await partner.request(.get, "/beheer/handboek/\(id)")
            #expect(back.body.contains("Opmerking van de redactie") && back.body.contains("Noem ook voor wie het bedoeld is.")
                    && back.body.contains("Status: Concept"))

            let history = try await editor.request(.get, "/beheer/handboek/\(id)/geschiedenis")
            #expect(history.body.contains("Terugzetten als concept"))
            let restored = try await editor.request(.post, "/beheer/handboek/\(id)/geschiedenis/1/terugzetten",
                                                    form: [("csrf", Browser.csrf(in: history.body) ?? ""), ("versie", "2")])
            #expect(restored.location == "/beheer/handboek/\(id)?teruggezet")
            let revisions = try await platform.handbookStore.revisions(id)
            #expect(revisions.map(\.number) == [3, 2, 1] && revisions.first?.status == .concept)
            #expect(try await partner.request(.post, "/beheer/handboek/\(id)/terugsturen",
                                              form: [("csrf", Browser.csrf(in: back.body) ?? ""), ("opmerking", "x")]).status == 403)
        }
    }
}
