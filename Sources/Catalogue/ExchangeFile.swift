import Foundation

/// Reading and writing files in the exchange format `weerbaar.offerings/v1`, as JSON or CSV.
/// Reading validates every record and reports every problem; a file with any problem yields no records.
public enum ExchangeFile {
    public enum Format: String, Sendable, CaseIterable {
        case json, csv

        /// From a file name's extension; `nil` when it says neither.
        public init?(fileName: String) {
            switch fileName.split(separator: ".").last?.lowercased() {
            case "json": self = .json
            case "csv": self = .csv
            default: return nil
            }
        }
    }

    /// The CSV columns: every field of the format, with the contact object spread over three columns.
    public static let csvHeader = OfferingField.all.map(\.name)

    public static func read(_ data: Data, format: Format, taxonomy: Taxonomy) -> Result<[OfferingRecord], ImportRejected> {
        let raw: Result<[(ImportProblem.Location, [String: JSONValue])], ImportRejected>
        switch format {
        case .json: raw = rawRecordsFromJSON(data)
        case .csv: raw = rawRecordsFromCSV(data)
        }
        return raw.flatMap { validate($0, taxonomy: taxonomy) }
    }

    /// Rows with a header row, as a CSV file or a spreadsheet gives them; the same columns and rules as CSV.
    public static func read(table rows: [CSVTable.Row], taxonomy: Taxonomy) -> Result<[OfferingRecord], ImportRejected> {
        rawRecords(fromTable: rows).flatMap { validate($0, taxonomy: taxonomy) }
    }

    private static func validate(_ raw: [(ImportProblem.Location, [String: JSONValue])], taxonomy: Taxonomy)
        -> Result<[OfferingRecord], ImportRejected>
    {
        let validator = RecordValidator(taxonomy: taxonomy)
        var records: [OfferingRecord] = []
        var problems: [ImportProblem] = []
        var firstSeen: [OfferingKey: ImportProblem.Location] = [:]
        for (location, fields) in raw {
            switch validator.validate(fields, at: location) {
            case .success(let record):
                if let earlier = firstSeen[record.key] {
                    problems.append(ImportProblem(location, field: "id",
                        "'\(record.id)' van aanbieder '\(record.provider)' komt al voor in \(describe(earlier))"))
                } else {
                    firstSeen[record.key] = location
                    records.append(record)
                }
            case .failure(let rejected):
                problems += rejected.problems
            }
        }
        return problems.isEmpty ? .success(records) : .failure(ImportRejected(problems: problems))
    }

    public static func write(_ records: [OfferingRecord], format: Format) -> Data {
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
            // Encoding plain strings, arrays and optionals cannot fail.
            let data = (try? encoder.encode(ExchangeDocument(offerings: records))) ?? Data()
            return data + Data("\n".utf8)
        case .csv:
            let rows = records.map { record in OfferingField.all.map { $0.text(record, separator: ";") } }
            return Data(CSVTable.write([csvHeader] + rows).utf8)
        }
    }

    // MARK: - Raw records

    private static func rawRecordsFromJSON(_ data: Data)
        -> Result<[(ImportProblem.Location, [String: JSONValue])], ImportRejected>
    {
        let document: JSONValue
        do {
            document = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            return .failure(ImportRejected(problems: [ImportProblem(.file, "geen geldige JSON: \(describeJSONError(error))")]))
        }
        guard case .object(let top) = document else {
            return .failure(ImportRejected(problems: [ImportProblem(.file, "verwacht een object met 'format' en 'offerings'")]))
        }
        guard case .string(ExchangeDocument.formatName)? = top["format"] else {
            return .failure(ImportRejected(problems: [ImportProblem(.file, field: "format", "moet \"\(ExchangeDocument.formatName)\" zijn")]))
        }
        guard case .array(let items)? = top["offerings"] else {
            return .failure(ImportRejected(problems: [ImportProblem(.file, field: "offerings", "verwacht een lijst met aanbod")]))
        }
        var raw: [(ImportProblem.Location, [String: JSONValue])] = []
        var problems: [ImportProblem] = []
        for (index, item) in items.enumerated() {
            guard case .object(let fields) = item else {
                problems.append(ImportProblem(.record(index + 1), "verwacht een object, gevonden \(item.typeName)"))
                continue
            }
            raw.append((.record(index + 1), fields))
        }
        return problems.isEmpty ? .success(raw) : .failure(ImportRejected(problems: problems))
    }

    private static func rawRecordsFromCSV(_ data: Data)
        -> Result<[(ImportProblem.Location, [String: JSONValue])], ImportRejected>
    {
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(ImportRejected(problems: [ImportProblem(.file, "het bestand is geen UTF-8-tekst; sla het op als 'CSV UTF-8'")]))
        }
        let rows: [CSVTable.Row]
        do {
            rows = try CSVTable.parse(text)
        } catch {
            return .failure(ImportRejected(problems: [ImportProblem(.line(error.line, column: error.column), error.message)]))
        }
        return rawRecords(fromTable: rows)
    }

    private static func rawRecords(fromTable rows: [CSVTable.Row])
        -> Result<[(ImportProblem.Location, [String: JSONValue])], ImportRejected>
    {
        guard let header = rows.first else {
            return .failure(ImportRejected(problems: [ImportProblem(.file, "het bestand is leeg; verwacht een kopregel met \(OfferingField.columnNames.joined(separator: ","))")]))
        }
        // A column may be named as in the exchange format (`themes`) or as in the Dutch template (`themas`).
        let typed = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        let columns = typed.map { OfferingField.column($0)?.name ?? $0 }
        var problems: [ImportProblem] = []
        for (index, name) in typed.enumerated() where OfferingField.column(name) == nil {
            problems.append(ImportProblem(.line(header.line, column: index + 1),
                "onbekende kolom ‘\(name)’; toegestaan: \(OfferingField.columnNames.joined(separator: ", ")) "
                    + "(of de namen van het uitwisselformaat: \(csvHeader.joined(separator: ", ")))"))
        }
        for name in Set(columns) where columns.filter({ $0 == name }).count > 1 {
            problems.append(ImportProblem(.line(header.line, column: nil), field: name, "kolom staat er dubbel in"))
        }
        guard problems.isEmpty else { return .failure(ImportRejected(problems: problems)) }

        var raw: [(ImportProblem.Location, [String: JSONValue])] = []
        for row in rows.dropFirst() {
            guard row.fields.count == columns.count else {
                problems.append(ImportProblem(.line(row.line, column: nil),
                    "\(row.fields.count) velden, de kopregel heeft er \(columns.count)"))
                continue
            }
            var fields: [String: JSONValue] = [:]
            // `contact.name`, `evidence.level`: the parts of an object, spread over columns.
            var objects: [String: [String: JSONValue]] = [:]
            for (name, value) in zip(columns, row.fields) where !value.isEmpty {
                if let dot = name.firstIndex(of: ".") {
                    objects[String(name[..<dot]), default: [:]][String(name[name.index(after: dot)...])] = .string(value)
                } else if let field = OfferingField.named(name), field.shape != .text {
                    fields[name] = .array(value.split(separator: ";").map { .string(String($0)) })
                } else {
                    fields[name] = .string(value)
                }
            }
            for (name, object) in objects { fields[name] = .object(object) }
            raw.append((.line(row.line, column: nil), fields))
        }
        return problems.isEmpty ? .success(raw) : .failure(ImportRejected(problems: problems))
    }

    private static func describe(_ location: ImportProblem.Location) -> String {
        switch location {
        case .file: "het bestand"
        case .record(let n): "record \(n)"
        case .line(let n, _): "regel \(n)"
        }
    }

    /// Foundation's JSON errors carry the position in a debug description; keep that part.
    private static func describeJSONError(_ error: any Error) -> String {
        if let decoding = error as? DecodingError, case .dataCorrupted(let context) = decoding {
            if let underlying = context.underlyingError as NSError?,
                let detail = underlying.userInfo[NSDebugDescriptionErrorKey] as? String
            {
                return detail
            }
            return context.debugDescription
        }
        return String(describing: error)
    }
}
