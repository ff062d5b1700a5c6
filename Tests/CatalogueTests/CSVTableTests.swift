import Testing
@testable import Catalogue

@Suite struct CSVTableTests {
    @Test func readsQuotedFieldsAcrossLines() throws {
        let rows = try CSVTable.parse("a,b\r\n\"x, \"\"y\"\"\",\"regel 1\nregel 2\"\r\nlaatste,\n")
        #expect(rows.map(\.fields) == [["a", "b"], ["x, \"y\"", "regel 1\nregel 2"], ["laatste", ""]])
        #expect(rows.map(\.line) == [1, 2, 4])
    }

    @Test func reportsAnUnclosedQuoteWhereItStarts() {
        #expect(throws: CSVTable.SyntaxError(line: 2, column: 3, message: "aanhalingsteken wordt niet afgesloten")) {
            try CSVTable.parse("a,b\nx,\"open\nnog steeds")
        }
    }

    @Test func reportsAStrayQuoteWithItsColumn() throws {
        let error = try #require(throws: CSVTable.SyntaxError.self) { try CSVTable.parse("a,b\nab\"c,d\n") }
        #expect(error.line == 2)
        #expect(error.column == 3)
    }

    @Test func writesWhatItReads() throws {
        let table = [["id", "tekst"], ["1", "met, komma"], ["2", "met \"quote\"\nen regel"], ["3", " spatie "]]
        #expect(try CSVTable.parse(CSVTable.write(table)).map(\.fields) == table)
    }

    @Test func skipsAByteOrderMark() throws {
        #expect(try CSVTable.parse("\u{FEFF}id,title\n").first?.fields == ["id", "title"])
    }
}
