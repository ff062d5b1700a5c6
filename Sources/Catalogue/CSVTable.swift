import Foundation

/// RFC 4180 CSV: reading with the line and column of every syntax error, and writing that quotes only
/// where needed. Records may span lines inside quotes; a record's line is the line it starts on.
public enum CSVTable {
    public struct Row: Sendable, Equatable {
        public var line: Int
        public var fields: [String]

        public init(line: Int, fields: [String]) {
            self.line = line
            self.fields = fields
        }
    }

    public struct SyntaxError: Error, Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    public static func parse(_ text: String) throws(SyntaxError) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var line = 1, column = 0
        var rowLine = 1
        var inQuotes = false
        var fieldWasQuoted = false
        var quoteLine = 1, quoteColumn = 1
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        if text.unicodeScalars.first == "\u{FEFF}" { _ = scalars.next() }  // Excel's byte order mark

        func endRow() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted) {
                rows.append(Row(line: rowLine, fields: fields))
            }
            fields = []
            field = ""
            fieldWasQuoted = false
        }

        while let scalar = pending ?? scalars.next() {
            pending = nil
            column += 1
            if inQuotes {
                if scalar == "\"" {
                    let next = scalars.next()
                    if next == "\"" {
                        field.unicodeScalars.append("\"")
                        column += 1
                    } else {
                        inQuotes = false
                        pending = next
                        if let next, next != ",", next != "\n", next != "\r" {
                            throw SyntaxError(line: line, column: column + 1,
                                              message: "na een afsluitend aanhalingsteken hoort een komma of regeleinde")
                        }
                    }
                } else {
                    if scalar == "\n" { line += 1; column = 0 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case ",":
                fields.append(field)
                field = ""
                fieldWasQuoted = false
            case "\r":
                let next = scalars.next()
                if next != "\n" { pending = next }
                endRow()
                line += 1; column = 0; rowLine = line
            case "\n":
                endRow()
                line += 1; column = 0; rowLine = line
            case "\"":
                guard field.isEmpty else {
                    throw SyntaxError(line: line, column: column,
                                      message: "aanhalingsteken midden in een veld; zet het hele veld tussen aanhalingstekens en verdubbel het teken")
                }
                inQuotes = true
                fieldWasQuoted = true
                quoteLine = line
                quoteColumn = column
            default:
                field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes {
            throw SyntaxError(line: quoteLine, column: quoteColumn, message: "aanhalingsteken wordt niet afgesloten")
        }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRow() }
        return rows
    }

    public static func write(_ rows: [[String]]) -> String {
        var out = ""
        for row in rows {
            out += row.map(quote).joined(separator: ",")
            out += "\r\n"
        }
        return out
    }

    private static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || field.hasPrefix(" ")
            || field.hasSuffix(" ")
        else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
