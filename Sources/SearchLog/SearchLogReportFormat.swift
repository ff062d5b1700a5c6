import Foundation

/// The report as the `search-log` command prints it: an aligned table for reading, CSV for a spreadsheet.
public enum SearchLogReportFormat {
    public static func table(_ rows: [SearchLogReportRow]) -> String {
        let header = ["searches", "max results", "source", "query", "filters", "last hour"]
        let cells = rows.map { row in
            [String(row.searches), String(row.maxResults), row.source.rawValue, row.query.isEmpty ? "(no text)" : row.query,
             row.filters.isEmpty ? "-" : row.filters, row.lastHour]
        }
        let widths = header.indices.map { column in ([header] + cells).map { $0[column].count }.max() ?? 0 }
        func line(_ values: [String]) -> String {
            values.enumerated().map { index, value in
                index == values.count - 1 ? value : value.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        return ([line(header)] + cells.map(line)).joined(separator: "\n") + "\n"
    }

    public static func csv(_ rows: [SearchLogReportRow]) -> String {
        func field(_ value: String) -> String {
            // Quote always; a leading = + - @ would be read as a formula by a spreadsheet, so it is prefixed.
            let safe = value.first.map { "=+-@\t\r".contains($0) } == true ? "'" + value : value
            return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        let header = "searches,max_results,source,query,filters,last_hour\r\n"
        return header + rows.map { row in
            [String(row.searches), String(row.maxResults), field(row.source.rawValue), field(row.query), field(row.filters),
             field(row.lastHour)].joined(separator: ",") + "\r\n"
        }.joined()
    }
}
