import Foundation
import ZIPFoundation

/// Writes a one-sheet Excel workbook (.xlsx, Office Open XML SpreadsheetML): text cells only, the first
/// row bold and frozen, each column as wide as its longest cell. Enough for the upload template; read
/// back by `XLSXReader` and by Excel, LibreOffice and Numbers.
public enum XLSXWriter {
    public struct Failed: Error, Sendable {}

    public static func workbook(sheetName: String, rows: [[String]]) throws(Failed) -> Data {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for (path, text) in parts(sheetName: sheetName, rows: rows) {
                let data = Data(text.utf8)
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw Failed() }
            return data
        } catch {
            throw Failed()
        }
    }

    static func parts(sheetName: String, rows: [[String]]) -> [(String, String)] {
        let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let width = rows.map(\.count).max() ?? 0
        var columns = ""
        for column in 0..<width {
            let longest = rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
            columns += #"<col min="\#(column + 1)" max="\#(column + 1)" width="\#(min(60, max(10, longest + 2)))" customWidth="1"/>"#
        }
        var sheetRows = ""
        for (index, row) in rows.enumerated() {
            sheetRows += #"<row r="\#(index + 1)">"#
            for (column, value) in row.enumerated() {
                let style = index == 0 ? #" s="1""# : ""
                sheetRows += #"<c r="\#(reference(column: column, row: index + 1))" t="inlineStr"\#(style)><is><t xml:space="preserve">\#(xml(value))</t></is></c>"#
            }
            sheetRows += "</row>"
        }
        return [
            ("[Content_Types].xml", header + """
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
                </Types>
                """),
            ("_rels/.rels", header + """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="\(relationships)/officeDocument" Target="xl/workbook.xml"/>\
                </Relationships>
                """),
            ("xl/workbook.xml", header + """
                <workbook xmlns="\(main)" xmlns:r="\(relationships)"><sheets>\
                <sheet name="\(xml(String(sheetName.prefix(31))))" sheetId="1" r:id="rId1"/></sheets></workbook>
                """),
            ("xl/_rels/workbook.xml.rels", header + """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="\(relationships)/worksheet" Target="worksheets/sheet1.xml"/>\
                <Relationship Id="rId2" Type="\(relationships)/styles" Target="styles.xml"/>\
                </Relationships>
                """),
            ("xl/styles.xml", header + """
                <styleSheet xmlns="\(main)">\
                <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
                <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
                <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
                <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
                <cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
                <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
                </styleSheet>
                """),
            ("xl/worksheets/sheet1.xml", header + """
                <worksheet xmlns="\(main)"><sheetViews><sheetView workbookViewId="0">\
                <pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>\
                \(columns.isEmpty ? "" : "<cols>\(columns)</cols>")<sheetData>\(sheetRows)</sheetData></worksheet>
                """),
        ]
    }

    /// "A1", "Z3", "AA10".
    static func reference(column: Int, row: Int) -> String {
        var letters = ""
        var n = column + 1
        while n > 0 {
            let remainder = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            n = (n - 1) / 26
        }
        return letters + String(row)
    }

    /// Text as XML character data; characters XML 1.0 cannot hold are left out.
    static func xml(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value): continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
