import Catalogue
import Foundation
import Workbook

/// The upload template: the Dutch column names and one example row a partner can overwrite, as CSV and
/// as an Excel workbook. The example is valid for the provider it is made for, so uploading the
/// template unchanged gives a dry run without errors (and one new offering).
public enum UploadTemplate {
    public static func rows(provider: String, taxonomy: Taxonomy) -> [[String]] {
        let theme = taxonomy.terms(.theme).first { $0.slug == "polarisatie" }?.slug ?? taxonomy.terms(.theme).first?.slug ?? ""
        let audience = taxonomy.terms(.audience).first?.slug ?? ""
        let form = taxonomy.terms(.form).first { $0.slug == "workshop" }?.slug ?? taxonomy.terms(.form).first?.slug ?? ""
        let cost = taxonomy.terms(.cost).first { $0.slug == "gratis" }?.slug ?? ""
        let delivery = taxonomy.terms(.delivery).first { $0.slug == "op-locatie" }?.slug ?? ""
        let example = OfferingRecord(
            id: "voorbeeld-workshop-gesprekken-bij-spanningen", provider: provider,
            title: "Voorbeeld: workshop gesprekken bij spanningen in de wijk",
            summary: "Vervang deze regel door uw eigen aanbod; dit is een voorbeeld van hoe u de kolommen invult.",
            description: "Een beschrijving van enkele zinnen: voor wie, wat deelnemers leren en hoe het verloopt.",
            kind: "training", form: form, themes: [theme], audiences: audience.isEmpty ? [] : [audience],
            keywords: ["gespreksvoering", "wijkaanpak"], cost: cost.isEmpty ? nil : cost, delivery: delivery.isEmpty ? nil : delivery,
            duration: "één dagdeel",
            contact: Contact(name: "Naam van de contactpersoon", email: "contact@voorbeeld.example"))
        return [OfferingField.columnNames, OfferingField.all.map { $0.text(example, separator: ";") }]
    }

    public static func csv(provider: String, taxonomy: Taxonomy) -> Data {
        Data(CSVTable.write(rows(provider: provider, taxonomy: taxonomy)).utf8)
    }

    public static func xlsx(provider: String, taxonomy: Taxonomy) throws -> Data {
        try XLSXWriter.workbook(sheetName: "Aanbod", rows: rows(provider: provider, taxonomy: taxonomy))
    }
}
