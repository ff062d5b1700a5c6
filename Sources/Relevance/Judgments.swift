import Foundation

/// A relevance evaluation set: queries as users type them, each with a type and graded judgments
/// per offering id (3 exactly what is needed, 2 clearly useful, 1 partly relevant; unlisted means
/// not relevant). The format of `../shared/relevance/dev-judgments.json`.
public struct Judgments: Codable, Sendable {
    public static let format = "weerbaar.judgments/v1"

    public struct Query: Codable, Sendable {
        public var id: String
        public var query: String
        public var type: String
        public var relevant: [String: Int]

        public init(id: String, query: String, type: String, relevant: [String: Int]) {
            self.id = id
            self.query = query
            self.type = type
            self.relevant = relevant
        }
    }

    public var format: String
    public var queries: [Query]

    public init(queries: [Query]) {
        self.format = Self.format
        self.queries = queries
    }

    public struct Invalid: Error, CustomStringConvertible {
        public var description: String
    }

    public static func decode(_ data: Data) throws -> Judgments {
        let judgments: Judgments
        do {
            judgments = try JSONDecoder().decode(Judgments.self, from: data)
        } catch {
            throw Invalid(description: "not a judgments file: \(error)")
        }
        guard judgments.format == format else {
            throw Invalid(description: "format is '\(judgments.format)', expected '\(format)'")
        }
        if let bad = judgments.queries.first(where: { $0.relevant.values.contains { !(1...3).contains($0) } }) {
            throw Invalid(description: "query \(bad.id): grades must be 1, 2 or 3")
        }
        return judgments
    }
}
