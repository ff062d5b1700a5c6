import Accounts
import Catalogue
import CatalogueService
import Foundation
import HTTPTypes
import HummingbirdTesting
import Markup
import Storage
import Testing
import TestSupport
import WeerbaarApp
@testable import Web

/// Level, phases of unrest, evidence and the practical details (price, schedule, language,
/// accreditation): through a file, the store, the pages, the facets, the API, the portal form and the
/// question guide; and a file without them still imports.
@Suite struct QualityFieldsTests {
    static let full = """
        {"format": "weerbaar.offerings/v1", "offerings": [
          {"id": "kwaliteitsvelden-training", "provider": "kis", "title": "Kwaliteitsveldentraining over gesprekken in de wijk",
           "summary": "Een training met alle nieuwe velden.", "kind": "training", "form": "workshop", "themes": ["polarisatie"],
           "cost": "betaald", "level": "verdieping", "phases": ["oplopende-spanningen", "escalatie"], "price": "87,50",
           "schedule": "Vier keer per jaar in Utrecht", "language": "Nederlands", "accreditation": "3 punten in een beroepsregister",
           "evidence": {"level": "goed-onderbouwd", "date": "2025-09-01", "by": "Erkenningscommissie"}},
          {"id": "kwaliteitsvelden-zonder", "provider": "kis", "title": "Kwaliteitsveldenpublicatie zonder nieuwe velden",
           "summary": "Een oud bestand.", "kind": "publicatie", "form": "rapport", "themes": ["polarisatie"]}
        ]}
        """

    @Test(arguments: TestBackend.available)
    func theNewFieldsTravelThroughAFileTheStoreThePageAndTheAPI(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend, extra: [("kwaliteit.json", Self.full)]) { client, platform in
            let stored = try #require(try await platform.store.allOfferings().first { $0.id == "kwaliteitsvelden-training" })
            #expect(stored.level == "verdieping" && stored.phases == ["oplopende-spanningen", "escalatie"])
            #expect(stored.price == "87.50", "a decimal comma is stored as a point")
            #expect(stored.schedule == "Vier keer per jaar in Utrecht" && stored.language == "Nederlands")
            #expect(stored.accreditation == "3 punten in een beroepsregister")
            #expect(stored.evidence == Evidence(level: "goed-onderbouwd", date: Day("2025-09-01"), by: "Erkenningscommissie"))
            let plain = try #require(try await platform.store.allOfferings().first { $0.id == "kwaliteitsvelden-zonder" })
            #expect(plain.level == nil && plain.phases.isEmpty && plain.evidence == nil, "a file without the new fields still imports")

            // Export and import again: nothing changes.
            for format in [ExchangeFile.Format.json, .csv] {
                let file = ExchangeFile.write([stored.record, plain.record], format: format)
                let summary = try await platform.importer.importFiles([.init(name: "terug.\(format.rawValue)", data: file)])
                #expect(summary.unchanged.count == 2, "\(format)")
            }

            let page = try await client.get("/aanbod/\(stored.slug)")
            for fragment in ["<dt>Prijs</dt><dd>€ 87,50</dd>", "<dt>Niveau</dt><dd>Verdieping</dd>", "Oplopende spanningen, Escalatie",
                             "<dt>Wanneer en waar</dt>", "<dt>Accreditatie</dt>", "Goed onderbouwd (Erkenningscommissie, 1 september 2025)"] {
                #expect(page.body.contains(fragment), "\(fragment)")
            }
            #expect(try await client.get("/aanbod/\(plain.slug)").body.contains("<dt>Erkenning</dt><dd><span class=\"evidence evidence--none\">Niet beoordeeld</span>"))

            let detail = try await client.get("/api/v1/offerings/kis/kwaliteitsvelden-training").body
            let json = try #require(try JSONSerialization.jsonObject(with: Data(detail.utf8)) as? [String: Any])
            #expect(json["price"] as? String == "87.50" && json["level"] as? String == "verdieping")
            #expect((json["evidence"] as? [String: Any])?["level"] as? String == "goed-onderbouwd")
            #expect(json["phases"] as? [String] == ["oplopende-spanningen", "escalatie"])
        }
    }

    @Test func wrongValuesGetADutchMessageAndNothingIsWritten() {
        let raw: [String: JSONValue] = [
            "id": .string("fout"), "provider": .string("kis"), "title": .string("T"), "summary": .string("S"), "kind": .string("training"),
            "form": .string("workshop"), "themes": .array([.string("polarisatie")]), "price": .string("veel geld"),
            "phases": .array([.string("chaos")]), "level": .string("gevorderd"), "evidence": .object(["level": .string("bewezen")]),
        ]
        guard case .failure(let rejected) = RecordValidator(taxonomy: .standard).validate(raw, at: .record(1)) else {
            Issue.record("must be refused"); return
        }
        #expect(Set(rejected.problems.compactMap(\.field)) == ["price", "phases", "level", "evidence.level"])
        #expect(rejected.problems.first { $0.field == "price" }?.message.contains("geen bedrag in euro's") == true)
    }

    /// The facets count disjunctively: choosing a phase keeps the counts of the other phases, and
    /// "niet beoordeeld" finds the offerings without a recognition.
    @Test(arguments: TestBackend.available)
    func phaseLevelAndEvidenceAreFacetsOfTheFinderAndTheAPI(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            let all = platform.catalogue.offerings { _ in true }
            let escalation = all.filter { $0.phases.contains("escalatie") }.count
            let after = all.filter { $0.phases.contains("na-de-escalatie") }.count
            #expect(escalation >= 10 && after >= 10, "the demo fills every phase")
            #expect(all.filter { $0.kind == "training" }.allSatisfy { $0.level != nil }, "every demo training has a level")

            let page = try await client.get("/aanbod?fase=escalatie")
            #expect(page.body.contains("\(escalation) resultaten gevonden"))
            #expect(page.body.contains("id=\"f-fase-na-de-escalatie\""), "another phase is still offered")
            #expect(page.body.contains("Na de escalatie <span class=\"facet__count\">(\(all.filter { $0.phases.contains("na-de-escalatie") }.count))"))
            #expect(page.body.contains("Fase van onrust") && page.body.contains("Niveau") && page.body.contains("Erkenning"))

            let api = try await client.get("/api/v1/offerings?phase=escalatie&evidence=niet-beoordeeld&perPage=100").body
            let json = try #require(try JSONSerialization.jsonObject(with: Data(api.utf8)) as? [String: Any])
            let results = try #require(json["results"] as? [[String: Any]])
            #expect(results.count == all.filter { $0.phases.contains("escalatie") && $0.evidence == nil }.count)
            #expect(results.allSatisfy { ($0["phases"] as? [String])?.contains("escalatie") == true && $0["evidence"] as? String == "niet-beoordeeld" })
            #expect(try await client.get("/api/v1/offerings?phase=chaos").status == 400)
        }
    }

    /// A question that speaks of escalation gets offerings for that phase first.
    @Test(arguments: TestBackend.available)
    func theQuestionGuideFavoursThePhaseAQuestionSpeaksOf(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            let question = "Zaterdag liep een protestmars uit de hand, met vernielingen en geweld tegen agenten"
            let answer = platform.catalogue.answer(GuideQuestion(text: question))
            #expect(answer.phase == "escalatie")
            let firsts = answer.sections.compactMap(\.offerings.first)
            #expect(!firsts.isEmpty && firsts.allSatisfy { $0.phases.contains("escalatie") }, "\(firsts.map(\.id))")
            let page = try await client.get("/vraagwijzer?vraag=" + PercentEncoding.formComponent(question))
            #expect(page.body.contains("Uw vraag gaat over de fase <strong>escalatie</strong>"))
            #expect(PhaseReading.phase(of: "Hoe bouwen we na de onrust het vertrouwen weer op? Wat is goede nazorg?") == "na-de-escalatie")
            #expect(PhaseReading.phase(of: "Een relatie met de wijk opbouwen") == nil, "'relatie' is no riot")
        }
    }

    /// The portal form carries the new fields; what the editor chose is on the site at once.
    @Test(arguments: TestBackend.available)
    func aRedacteurSetsTheNewFieldsInTheForm(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            try await PortalFixtures.account(platform, .editor)
            var editor = Browser(client: client)
            _ = try await editor.signIn("redacteur@weerbaar.example", PortalFixtures.password)
            let form = try await editor.request(.get, "/beheer/aanbod/nieuw")
            for name in ["niveau", "fases", "prijs", "wanneer-en-waar", "taal", "accreditatie", "erkenning", "erkenning-datum", "erkenning-door"] {
                #expect(form.body.contains("name=\"\(name)\""), "\(name)")
            }
            var fields = OfferingFormFixture.fields(platform.catalogue.taxonomy, title: "Formulierveldentraining nieuwe velden")
            fields += [("csrf", Browser.csrf(in: form.body) ?? ""), ("versie", "nieuw"), ("aanbieder", "kis"), ("actie", "publiceren"),
                       ("niveau", "expert"), ("fases", "sluimerend-ongenoegen"), ("fases", "na-de-escalatie"), ("prijs", "1250"),
                       ("wanneer-en-waar", "Op aanvraag"), ("taal", "Nederlands"), ("erkenning", "goed-beschreven"),
                       ("erkenning-datum", "2026-01-15"), ("erkenning-door", "Commissie")]
            let wrong = try await editor.request(.post, "/beheer/aanbod/nieuw", form: fields.map { $0.0 == "prijs" ? ("prijs", "duizend") : $0 })
            #expect(wrong.status == 422 && wrong.body.contains("een bedrag in euro"), "a wrong price is a message beside its field")
            let saved = try await editor.request(.post, "/beheer/aanbod/nieuw", form: fields)
            #expect(saved.status == 303)
            let live = try #require(platform.catalogue.offerings { $0.title == "Formulierveldentraining nieuwe velden" }.first)
            #expect(live.level == "expert" && live.phases == ["sluimerend-ongenoegen", "na-de-escalatie"] && live.price == "1250")
            #expect(live.evidence?.level == "goed-beschreven" && live.evidence?.by == "Commissie")
        }
    }
}
