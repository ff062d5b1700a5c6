import Catalogue
import Foundation
import Workbook

/// Reads an uploaded or imported file in the exchange format: JSON, CSV or an Excel workbook. Every
/// format ends in the same validation, so a partner's spreadsheet obeys exactly the rules of a file.
public enum UploadReader {
    public enum Format: String, Sendable, CaseIterable {
        case json, csv, xlsx

        public init?(fileName: String) {
            switch fileName.split(separator: ".").last?.lowercased() {
            case "json": self = .json
            case "csv": self = .csv
            case "xlsx": self = .xlsx
            default: return nil
            }
        }
    }

    /// Columns that hold dates: a spreadsheet turns a typed date into a serial number.
    static let dateColumns: Set<String> = ["published", "reviewBy"]

    public static func read(_ data: Data, fileName: String, taxonomy: Taxonomy) -> Result<[OfferingRecord], ImportRejected> {
        guard let format = Format(fileName: fileName) else {
            return .failure(ImportRejected(file: fileName, problems: [ImportProblem(.file, "onbekend bestandstype; gebruik .json, .csv of .xlsx")]))
        }
        let result: Result<[OfferingRecord], ImportRejected>
        switch format {
        case .json: result = ExchangeFile.read(data, format: .json, taxonomy: taxonomy)
        case .csv: result = ExchangeFile.read(data, format: .csv, taxonomy: taxonomy)
        case .xlsx:
            do {
                result = ExchangeFile.read(table: table(try XLSXReader.rows(data)), taxonomy: taxonomy)
            } catch {
                result = .failure(ImportRejected(problems: [ImportProblem(.file, error.message)]))
            }
        }
        return result.mapError { ImportRejected(file: fileName, problems: $0.problems) }
    }

    /// The worksheet as CSV rows: dates back to JJJJ-MM-DD, empty rows dropped, short rows padded to the header.
    static func table(_ rows: [XLSXReader.Row]) -> [CSVTable.Row] {
        guard let header = rows.first else { return [] }
        let names = header.cells.map { $0.trimmingCharacters(in: .whitespaces) }
        let width = names.lastIndex { !$0.isEmpty }.map { $0 + 1 } ?? 0
        var table = [CSVTable.Row(line: header.number, fields: Array(names.prefix(width)))]
        for row in rows.dropFirst() where row.cells.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            var cells = row.cells
            for (column, name) in names.enumerated()
            where dateColumns.contains(OfferingField.column(name)?.name ?? name) && row.numericColumns.contains(column) {
                if let day = XLSXReader.day(fromSerial: cells[column]) {
                    cells[column] = String(format: "%04d-%02d-%02d", day.year, day.month, day.day)
                }
            }
            // Beyond the header only empty cells may follow; anything else is reported as a count mismatch.
            let used = cells.lastIndex { !$0.isEmpty }.map { $0 + 1 } ?? 0
            let fields = used > width ? cells : cells + Array(repeating: "", count: max(0, width - cells.count))
            table.append(CSVTable.Row(line: row.number, fields: Array(fields.prefix(max(width, used)))))
        }
        return table
    }
}
