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
        #expect(rejected.description.contains("aanbod.xlsx: regel 4, veld themes: onbekende waarde 'bestaat-niet'"))
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
}
