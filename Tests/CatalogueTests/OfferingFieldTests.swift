import Catalogue
import Foundation
import Testing

/// `OfferingField.all` is the one description of an offering's fields: it must name every field the
/// record carries, once, so the CSV, the diff and the form cannot miss one.
@Suite struct OfferingFieldTests {
    static let full = OfferingRecord(
        id: "kenmerk", provider: "vng", title: "Titel", summary: "Samenvatting", description: "Beschrijving", kind: "training",
        form: "workshop", themes: ["polarisatie", "vertrouwen"], audiences: ["ambtenaren"], keywords: ["gesprek", "wijk"],
        cost: "gratis", delivery: "online", duration: "een dagdeel", level: "basis", phases: ["oplopende-spanningen", "escalatie"],
        price: "395", schedule: "Op aanvraag, bij u in de gemeente", language: "Nederlands", accreditation: "4 punten",
        evidence: Evidence(level: "goed-beschreven", date: Day("2025-06-01"), by: "Erkenningscommissie"),
        url: "https://voorbeeld.example/training",
        contact: Contact(name: "Naam", email: "naam@voorbeeld.example", phone: "0612345678"),
        published: Day("2026-03-01"), reviewBy: Day("2027-03-01"))

    @Test func theDescriptionNamesEveryFieldOfTheRecordOnce() throws {
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(Self.full)) as! [String: Any]
        #expect(Set(json.keys) == Set(OfferingRecord.fieldNames), "record keys \(json.keys.sorted()) vs \(OfferingRecord.fieldNames)")
        #expect(OfferingRecord.fieldNames.count == Set(OfferingRecord.fieldNames).count)
        let contact = try #require(json["contact"] as? [String: Any])
        #expect(Set(contact.keys.map { "contact." + $0 }) == Set(OfferingField.all.filter { $0.topLevelName == "contact" }.map(\.name)))
        let evidence = try #require(json["evidence"] as? [String: Any])
        #expect(Set(evidence.keys.map { "evidence." + $0 }) == Set(OfferingField.all.filter { $0.topLevelName == "evidence" }.map(\.name)))
        for field in [\OfferingField.name, \.formName, \.label] {
            let values = OfferingField.all.map { $0[keyPath: field] }
            #expect(values.count == Set(values).count, "\(values)")
        }
    }

    @Test func everyFieldOfAFullRecordHasAValueAndTheCSVHasAColumnForIt() throws {
        for field in OfferingField.all {
            #expect(!field.text(Self.full).isEmpty, "\(field.name)")
        }
        #expect(ExchangeFile.csvHeader == OfferingField.all.map(\.name))
        let csv = String(decoding: ExchangeFile.write([Self.full], format: .csv), as: UTF8.self)
        #expect(csv.contains("polarisatie;vertrouwen") && csv.contains("naam@voorbeeld.example") && csv.contains("2027-03-01"))
    }

    @Test func theDiffNamesAChangedFieldByItsLabel() {
        var changed = Self.full
        changed.contact?.phone = "0201234567"
        changed.themes = ["polarisatie"]
        let changes = RecordDiff.changes(from: Self.full, to: changed)
        #expect(changes.map(\.label) == ["Thema’s", "Telefoon contactpersoon"])
        #expect(changes.first?.before == "polarisatie, vertrouwen" && changes.first?.after == "polarisatie")
        #expect(RecordDiff.changes(from: nil, to: Self.full).count == OfferingField.all.count)
    }

    /// A review shows what changed as people read it: labels, not codes; a list that only moved did not change.
    @Test func theDiffIgnoresOrderAndReadsLabels() {
        var reordered = Self.full
        reordered.themes = ["vertrouwen", "polarisatie"]
        reordered.keywords = ["wijk", "gesprek"]
        #expect(RecordDiff.changes(from: Self.full, to: reordered).isEmpty)
        var changed = Self.full
        changed.themes = ["vertrouwen"]
        changed.kind = "publicatie"
        changed.provider = "kis"
        let changes = RecordDiff.changes(from: Self.full, to: changed, taxonomy: .standard)
        let taxonomy = Taxonomy.standard
        #expect(changes.map(\.field) == ["provider", "kind", "themes"])
        #expect(changes.first { $0.field == "themes" }?.before == "\(taxonomy.label(.theme, "polarisatie")), \(taxonomy.label(.theme, "vertrouwen"))")
        #expect(changes.first { $0.field == "kind" }?.after == taxonomy.label(.kind, "publicatie"))
        #expect(changes.first { $0.field == "provider" }?.after == taxonomy.provider("kis")?.name)
        #expect(taxonomy.label(.kind, "publicatie") != "publicatie", "the label differs from the code, so the test can tell them apart")
    }
}
