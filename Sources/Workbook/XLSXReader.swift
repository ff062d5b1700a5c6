import Foundation
import XMLCoder
import ZIPFoundation

/// The first worksheet of an Excel workbook (.xlsx: a zip of XML parts) as rows of text, the way a
/// CSV file would give them. Shared strings, inline strings and rich text become their text; numbers
/// stay as Excel stores them (a date is a serial number; `XLSXReader.day(fromSerial:)` turns it back).
public enum XLSXReader {
    public struct Row: Sendable, Equatable {
        /// The row number Excel shows, counted from 1.
        public var number: Int
        /// Cells by column, A = 0; empty cells are "".
        public var cells: [String]
        /// Columns whose cell holds a number rather than text.
        public var numericColumns: Set<Int>
    }

    public enum Problem: Error, Sendable, Equatable {
        case notAWorkbook
        case noWorksheet
        case tooLarge
        case unreadable(String)

        /// In Dutch, for the uploader.
        public var message: String {
            switch self {
            case .notAWorkbook: "het bestand is geen Excel-werkmap (.xlsx); sla het op als ‘Excel-werkmap’ of als CSV UTF-8"
            case .noWorksheet: "de werkmap heeft geen werkblad"
            case .tooLarge: "de werkmap is te groot om te lezen"
            case .unreadable(let part): "de werkmap is beschadigd: \(part) is niet te lezen"
            }
        }
    }

    /// Parts larger than this are refused: a zip bomb expands a small upload into gigabytes.
    public static let maxPartBytes = 50 * 1024 * 1024
    public static let maxRows = 100_000
    public static let maxColumns = 200

    public static func rows(_ data: Data) throws(Problem) -> [Row] {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw .notAWorkbook
        }
        guard archive["[Content_Types].xml"] != nil, archive["xl/workbook.xml"] != nil else { throw .notAWorkbook }
        let sheetPath = try firstSheetPath(archive)
        let shared = try sharedStrings(archive)
        guard let sheetData = try part(archive, sheetPath) else { throw .noWorksheet }
        let sheet: Worksheet
        do {
            sheet = try decoder().decode(Worksheet.self, from: sheetData)
        } catch {
            throw .unreadable(sheetPath)
        }
        var rows: [Row] = []
        var nextNumber = 1
        for row in sheet.sheetData.row ?? [] {
            let number = row.r ?? nextNumber
            nextNumber = number + 1
            guard number <= maxRows else { throw .tooLarge }
            var cells: [String] = []
            var numeric = Set<Int>()
            var nextColumn = 0
            for cell in row.c ?? [] {
                let column = cell.r.flatMap(columnIndex) ?? nextColumn
                nextColumn = column + 1
                guard column < maxColumns else { throw .tooLarge }
                let text: String
                switch cell.t {
                case "s":
                    guard let index = cell.v.flatMap({ Int($0) }), shared.indices.contains(index) else { throw .unreadable(sheetPath) }
                    text = shared[index]
                case "inlineStr": text = cell.inline?.text ?? ""
                case "b": text = cell.v == "1" ? "waar" : "onwaar"
                case "str", "e": text = cell.v ?? ""
                default:
                    text = cell.v ?? ""
                    if !text.isEmpty { numeric.insert(column) }
                }
                if cells.count <= column { cells += Array(repeating: "", count: column + 1 - cells.count) }
                cells[column] = text
            }
            rows.append(Row(number: number, cells: cells, numericColumns: numeric))
        }
        return rows
    }

    /// A date cell's serial number (days since 30 December 1899, as Excel counts) as year, month, day.
    public static func day(fromSerial text: String) -> (year: Int, month: Int, day: Int)? {
        guard let serial = Double(text), serial >= 1, serial < 2_958_466 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let epoch = calendar.date(from: DateComponents(year: 1899, month: 12, day: 30))!
        guard let date = calendar.date(byAdding: .day, value: Int(serial.rounded(.down)), to: epoch) else { return nil }
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return (parts.year!, parts.month!, parts.day!)
    }

    // MARK: - Parts

    static func decoder() -> XMLDecoder {
        // Keep spaces inside texts; the validator trims where it should.
        let decoder = XMLDecoder(trimValueWhitespaces: false)
        decoder.shouldProcessNamespaces = true
        return decoder
    }

    static func part(_ archive: Archive, _ path: String) throws(Problem) -> Data? {
        guard let entry = archive[path] else { return nil }
        guard entry.uncompressedSize <= UInt64(maxPartBytes) else { throw .tooLarge }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                if data.count > maxPartBytes { throw Problem.tooLarge }
            }
        } catch let problem as Problem {
            throw problem
        } catch {
            throw .unreadable(path)
        }
        return data
    }

    /// The first sheet in the workbook's order, through the workbook's relationships.
    static func firstSheetPath(_ archive: Archive) throws(Problem) -> String {
        guard let workbookData = try part(archive, "xl/workbook.xml"),
              let workbook = try? decoder().decode(WorkbookPart.self, from: workbookData),
              let first = workbook.sheets.sheet?.first
        else { throw .noWorksheet }
        guard let relsData = try part(archive, "xl/_rels/workbook.xml.rels"),
              let rels = try? decoder().decode(Relationships.self, from: relsData),
              let target = rels.relationship?.first(where: { $0.id == first.rid })?.target
        else { return "xl/worksheets/sheet1.xml" }
        // Targets are relative to xl/, or absolute from the package root.
        return target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    }

    static func sharedStrings(_ archive: Archive) throws(Problem) -> [String] {
        guard let data = try part(archive, "xl/sharedStrings.xml") else { return [] }
        do {
            return try decoder().decode(SharedStrings.self, from: data).si?.map(\.text) ?? []
        } catch {
            throw .unreadable("xl/sharedStrings.xml")
        }
    }

    /// "C12" → 2.
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var sawLetter = false
        for scalar in reference.unicodeScalars {
            guard scalar.isASCII, scalar.properties.isUppercase else { break }
            index = index * 26 + Int(scalar.value) - 64
            sawLetter = true
        }
        return sawLetter ? index - 1 : nil
    }
}

// MARK: - The XML parts, as far as they are read

struct Worksheet: Decodable {
    struct SheetData: Decodable { var row: [RowElement]? }
    struct RowElement: Decodable {
        var r: Int?
        var c: [Cell]?
    }
    struct Cell: Decodable {
        var r: String?
        var t: String?
        var v: String?
        var inline: StringItem?
        enum CodingKeys: String, CodingKey { case r, t, v, inline = "is" }
    }
    var sheetData: SheetData
}

/// `<si>` or `<is>`: a plain `<t>`, or rich text as runs `<r><t>…</t></r>`.
struct StringItem: Decodable {
    struct Text: Decodable {
        var value: String
        enum CodingKeys: String, CodingKey { case value = "" }
        init(from decoder: any Decoder) throws {
            // An empty <t/> has no text node.
            value = (try? decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .value)) ?? ""
        }
    }
    struct Run: Decodable { var t: Text? }
    var t: Text?
    var r: [Run]?

    var text: String { t?.value ?? (r ?? []).map { $0.t?.value ?? "" }.joined() }
}

struct SharedStrings: Decodable { var si: [StringItem]? }

struct WorkbookPart: Decodable {
    struct Sheets: Decodable { var sheet: [Sheet]? }
    struct Sheet: Decodable {
        var name: String?
        var rid: String?
        enum CodingKeys: String, CodingKey { case name, rid = "id" }
    }
    var sheets: Sheets
}

struct Relationships: Decodable {
    struct Relationship: Decodable {
        var id: String
        var target: String
        enum CodingKeys: String, CodingKey { case id = "Id", target = "Target" }
    }
    var relationship: [Relationship]?
    enum CodingKeys: String, CodingKey { case relationship = "Relationship" }
}
