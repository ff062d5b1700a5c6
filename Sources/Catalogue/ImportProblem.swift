/// One thing wrong with an import file, precise enough to find and fix: where (record or line), which
/// field, and why, in Dutch because partners read it.
public struct ImportProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Location: Sendable, Hashable, Codable {
        /// The whole file (wrong format name, unreadable JSON).
        case file
        /// The n-th record of a JSON file, counted from 1.
        case record(Int)
        /// A line of a CSV file, counted from 1; `column` where the parser knows it.
        case line(Int, column: Int?)
    }

    public var location: Location
    public var field: String?
    public var message: String

    public init(_ location: Location, field: String? = nil, _ message: String) {
        self.location = location
        self.field = field
        self.message = message
    }

    public var description: String {
        var text: String
        switch location {
        case .file: text = "bestand"
        case .record(let n): text = "record \(n)"
        case .line(let n, let column?): text = "regel \(n), kolom \(column)"
        case .line(let n, nil): text = "regel \(n)"
        }
        // The field as people read it (the Dutch label), whatever the file called it.
        if let field { text += ", veld \(OfferingField.named(field)?.label ?? field)" }
        return text + ": " + message
    }
}

/// An import that was refused as a whole; nothing of it was written.
public struct ImportRejected: Error, Sendable, CustomStringConvertible {
    public var file: String?
    public var problems: [ImportProblem]

    public init(file: String? = nil, problems: [ImportProblem]) {
        self.file = file
        self.problems = problems
    }

    public var description: String {
        let head = file.map { "\($0): " } ?? ""
        return problems.map { head + $0.description }.joined(separator: "\n")
    }
}
