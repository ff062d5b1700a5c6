import Catalogue
import CatalogueService
import Foundation
import Testing
import Workbook

/// Spreadsheets saved by real spreadsheet libraries (scripts/generate-xlsx-fixtures) read like the
/// same data in CSV, with the same validation.
@Suite struct UploadReaderTests {
    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: try #require(Bundle.module.url(forResource: "Resources/\(name)", withExtension: nil)))
    }

    @Test(arguments: ["upload-valid.xlsx", "upload-shared-strings.xlsx"])
    func aWorkbookReadsAsTheSameRecordsWithDatesRichTextAndEmptyCells(name: String) throws {
        let records = try UploadReader.read(try Self.fixture(name), fileName: name, taxonomy: .standard).get()
        #expect(records.map(\.id) == ["werkmap-een", "werkmap-twee"])
        let first = records[0], second = records[1]
        #expect(first.title == "Werkmap: handreiking één")
        #expect(first.themes == ["polarisatie", "radicalisering"] && first.keywords == ["werkmap", "excel"])
        #expect(first.published == Day("2025-03-14"), "a date cell is a serial number in the file")
        #expect(first.reviewBy == Day("2027-01-31"), "a date typed as text stays text")
        #expect(first.contact == Contact(name: "Piet Jansen", email: "piet@example.org"))
        #expect(second.summary == "Een vette samenvatting.", "rich text is its text")
        #expect(second.audiences.isEmpty && second.url == nil)
    }

    @Test func everyProblemIsReportedWithItsRowAndField() throws {
        let result = UploadReader.read(try Self.fixture("upload-errors.xlsx"), fileName: "aanbod.xlsx", taxonomy: .standard)
        guard case .failure(let rejected) = result else { Issue.record("the unknown theme must be refused"); return }
        // Row 4 lacks its summary and names an unknown theme: both are reported, nothing else.
        #expect(rejected.problems.map(\.field) == ["summary", "themes"])
        #expect(rejected.problems.allSatisfy { $0.location == .line(4, column: nil) })
        #expect(rejected.description.contains("aanbod.xlsx: regel 4, veld Thema’s: onbekende waarde 'bestaat-niet'"), "the field as people read it")
    }

    @Test func somethingThatIsNotAWorkbookGetsADutchAnswer() throws {
        for data in [Data("id,provider\n".utf8), Data([0x50, 0x4B, 0x03, 0x04, 0x00]), Data()] {
            guard case .failure(let rejected) = UploadReader.read(data, fileName: "x.xlsx", taxonomy: .standard) else {
                Issue.record("not a workbook"); continue
            }
            #expect(rejected.problems.first?.message.contains("geen Excel-werkmap") == true)
        }
        let wrongKind = try #require(throws: ImportRejected.self, "a .pdf must be refused") {
            try UploadReader.read(Data(), fileName: "aanbod.pdf", taxonomy: .standard).get()
        }
        #expect(wrongKind.problems.first?.message.contains(".xlsx") == true)
    }

    @Test func serialNumbersAreExcelDays() {
        #expect(XLSXReader.day(fromSerial: "45730")! == (2025, 3, 14))
        #expect(XLSXReader.day(fromSerial: "1")! == (1899, 12, 31))
        #expect(XLSXReader.day(fromSerial: "abc") == nil && XLSXReader.day(fromSerial: "-3") == nil)
    }

    /// The template partners download: Dutch column names and one example row, which reads back as a
    /// valid offering of their provider, from the workbook and from the CSV.
    @Test func theTemplateReadsBackAsOneValidOfferingFromBothFormats() throws {
        let taxonomy = Taxonomy.standard
        let rows = UploadTemplate.rows(provider: "kis", taxonomy: taxonomy)
        #expect(rows.first == ["kenmerk", "aanbieder", "titel", "samenvatting", "beschrijving", "soort", "vorm", "themas", "doelgroepen",
                               "trefwoorden", "kosten", "werkvorm", "duur", "niveau", "fases", "prijs", "wanneer-en-waar", "taal",
                               "accreditatie", "erkenning", "erkenning-datum", "erkenning-door", "webadres", "contact-naam", "contact-email", "contact-telefoon",
                               "verschenen", "herzien-voor"])
        let workbook = try UploadTemplate.xlsx(provider: "kis", taxonomy: taxonomy)
        #expect(try XLSXReader.rows(workbook).first?.cells == rows.first, "the workbook's header is the Dutch one")
        for (data, name) in [(workbook, "sjabloon.xlsx"), (UploadTemplate.csv(provider: "kis", taxonomy: taxonomy), "sjabloon.csv")] {
            let records = try UploadReader.read(data, fileName: name, taxonomy: taxonomy).get()
            #expect(records.count == 1, "\(name)")
            #expect(records.first?.provider == "kis" && records.first?.kind == "training" && records.first?.themes.isEmpty == false, "\(name)")
        }
    }

    /// A header may use the Dutch names, the exchange format's, or labels, in any case, mixed; an
    /// unknown column names the Dutch ones; the same column twice under two names is refused.
    @Test func dutchAndExchangeColumnNamesAreBothAccepted() throws {
        let csv = """
            kenmerk,Aanbieder,title,samenvatting,soort,vorm,THEMAS,beschrijving,herzien-voor
            gemengd,kis,Gemengde kopregel,Een samenvatting.,publicatie,handreiking,polarisatie;inclusie,Tekst.,2027-05-01
            """
        let records = try UploadReader.read(Data(csv.utf8), fileName: "gemengd.csv", taxonomy: .standard).get()
        #expect(records.first?.title == "Gemengde kopregel" && records.first?.themes == ["polarisatie", "inclusie"])
        #expect(records.first?.reviewBy == Day("2027-05-01"))

        let unknown = try #require(throws: ImportRejected.self) {
            try UploadReader.read(Data("kenmerk,titel,onderwerp\n".utf8), fileName: "x.csv", taxonomy: .standard).get()
        }
        #expect(unknown.description.contains("onbekende kolom ‘onderwerp’; toegestaan: kenmerk, aanbieder, titel"))
        let twice = try #require(throws: ImportRejected.self) {
            try UploadReader.read(Data("kenmerk,titel,title\n".utf8), fileName: "x.csv", taxonomy: .standard).get()
        }
        #expect(twice.description.contains("veld Titel: kolom staat er dubbel in"))
    }
}
