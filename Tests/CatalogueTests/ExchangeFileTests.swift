import Foundation
import Testing
import TestSupport
@testable import Catalogue

@Suite struct ExchangeFileTests {
    let taxonomy = Taxonomy.standard

    static func record(_ fields: [String: Any]) -> [String: Any] {
        var base: [String: Any] = [
            "id": "handreiking-test", "provider": "vng", "title": "Handreiking test", "summary": "Een korte samenvatting.",
            "kind": "publicatie", "form": "handreiking", "themes": ["polarisatie"],
        ]
        for (key, value) in fields { base[key] = value }
        return base
    }

    static func document(_ records: [[String: Any]]) -> Data {
        try! JSONSerialization.data(withJSONObject: ["format": "weerbaar.offerings/v1", "offerings": records])
    }

    func problems(_ data: Data, _ format: ExchangeFile.Format = .json) -> [ImportProblem] {
        if case .failure(let rejected) = ExchangeFile.read(data, format: format, taxonomy: taxonomy) { return rejected.problems }
        return []
    }

    @Test func theSharedDevelopmentCatalogueImportsCleanly() throws {
        let data = try Data(contentsOf: Repository.sharedRelevance.appendingPathComponent("dev-catalogue.json"))
        let records = try ExchangeFile.read(data, format: .json, taxonomy: taxonomy).get()
        #expect(records.count > 40)
    }

    @Test func theDemoCatalogueCoversEveryProviderKindFormThemeAndAudience() throws {
        var records: [OfferingRecord] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: Repository.demoDirectory) where name.hasSuffix(".json") {
            let data = try Data(contentsOf: URL(fileURLWithPath: Repository.demoDirectory).appendingPathComponent(name))
            records += try ExchangeFile.read(data, format: .json, taxonomy: taxonomy).get()
        }
        #expect(records.count >= 120)
        #expect(Set(records.map(\.provider)) == Set(taxonomy.providers.map(\.slug)))
        #expect(Set(records.map(\.form)) == Set(taxonomy.terms(.form).map(\.slug)))
        #expect(Set(records.flatMap(\.themes)) == Set(taxonomy.terms(.theme).map(\.slug)))
        #expect(Set(records.flatMap(\.audiences)) == Set(taxonomy.terms(.audience).map(\.slug)))
        #expect(Set(records.compactMap(\.cost)) == Set(taxonomy.terms(.cost).map(\.slug)))
        #expect(Set(records.compactMap(\.delivery)) == Set(taxonomy.terms(.delivery).map(\.slug)))
    }

    @Test func reportsEveryProblemWithRecordFieldAndReason() {
        let found = problems(Self.document([
            Self.record([:]),
            Self.record(["id": "Geen Kebab", "themes": ["polarisatie", "onbekend-thema"], "kind": "training", "theme": ["x"]]),
            Self.record(["id": "b", "summary": String(repeating: "x", count: 301), "url": "javascript:alert(1)", "published": "2023-02-30"]),
        ]))
        func has(_ record: Int, _ field: String, _ fragment: String) -> Bool {
            found.contains { $0.location == .record(record) && $0.field == field && $0.message.contains(fragment) }
        }
        #expect(has(2, "id", "kebab-case"))
        #expect(has(2, "themes", "onbekende waarde 'onbekend-thema'; toegestaan: inclusie, maatschappelijke-onrust"))
        #expect(has(2, "form", "hoort niet bij soort 'training'"))
        #expect(has(2, "theme", "onbekend veld"))
        #expect(has(3, "summary", "te lang: 301 tekens, maximaal 300"))
        #expect(has(3, "url", "geen geldige webadres"))
        #expect(has(3, "published", "geen geldige datum"))
        #expect(!found.contains { $0.location == .record(1) })
    }

    @Test func missingRequiredFieldsAreNamed() {
        let found = problems(Self.document([["id": "x", "provider": "vng"]]))
        for field in ["title", "summary", "kind", "form", "themes"] {
            #expect(found.contains { $0.field == field }, "missing \(field) not reported")
        }
    }

    @Test func duplicateIdsInOneFileAreRefused() {
        let found = problems(Self.document([Self.record([:]), Self.record(["title": "Anders"])]))
        #expect(found.count == 1)
        #expect(found.first?.location == .record(2))
        #expect(found.first?.message.contains("komt al voor in record 1") == true)
    }

    @Test func malformedJSONIsReportedAsSuch() {
        let found = problems(Data("{\"format\": \"weerbaar.offerings/v1\", \"offerings\": [ {\"id\": } ]}".utf8))
        #expect(found.count == 1)
        #expect(found.first?.location == .file)
        #expect(found.first?.message.hasPrefix("geen geldige JSON") == true)
    }

    @Test func aWrongFormatNameIsRefused() {
        let data = try! JSONSerialization.data(withJSONObject: ["format": "iets/v2", "offerings": []])
        #expect(problems(data).first?.field == "format")
    }

    @Test func csvProblemsCarryTheirLine() {
        let csv = "id,provider,title,summary,kind,form,themes\nok-een,vng,Titel,Samenvatting,publicatie,rapport,polarisatie\nfout,vng,Titel,Samenvatting,publicatie,rapport,onbekend\n"
        let found = problems(Data(csv.utf8), .csv)
        #expect(found.count == 1)
        #expect(found.first?.location == .line(3, column: nil))
        #expect(found.first?.field == "themes")
    }

    @Test func csvSyntaxErrorsCarryLineAndColumn() {
        let found = problems(Data("id,title\n\"open,x\n".utf8), .csv)
        #expect(found.first?.location == .line(2, column: 1))
    }

    @Test func anUnknownCsvColumnIsRefused() {
        let found = problems(Data("id,onderwerp\nx,y\n".utf8), .csv)
        #expect(found.first?.location == .line(1, column: 2))
        #expect(found.first?.message.hasPrefix("onbekende kolom ‘onderwerp’") == true)
        // A Dutch column name is no unknown column: "titel" is the template's name for "title".
        #expect(!problems(Data("id,titel\nx,y\n".utf8), .csv).contains { $0.message.contains("onbekende kolom") })
    }

    @Test(arguments: [ExchangeFile.Format.json, .csv])
    func writingThenReadingIsLossless(format: ExchangeFile.Format) throws {
        let records = [
            OfferingRecord(
                id: "volledig", provider: "lse", title: "Alles: \"quotes\", komma's; en <tekens>", summary: "Samenvatting met\nregeleinde.",
                description: "**Vet**\n\n- punt één\n- punt twee", kind: "contactpunt", form: "vraagbaak",
                themes: ["extremisme", "radicalisering"], audiences: ["onderwijs"], keywords: ["één", "twee, drie"],
                cost: "gratis", delivery: "online", duration: "24/7", url: "https://example.org/a?b=c&d=e",
                contact: Contact(name: "Team", email: "team@example.org", phone: "+31 (0)70 123 45 67"),
                published: Day("2024-01-02"), reviewBy: Day("2026-01-02")),
            OfferingRecord(id: "minimaal", provider: "vng", title: "Minimaal", summary: "Kort.", description: "",
                           kind: "training", form: "workshop", themes: ["inclusie"]),
        ]
        let written = ExchangeFile.write(records, format: format)
        #expect(try ExchangeFile.read(written, format: format, taxonomy: taxonomy).get() == records)
    }
}
