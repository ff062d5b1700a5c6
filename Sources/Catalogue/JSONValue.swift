/// Any JSON value. Import files are first read into this, so that validation can report every field
/// that is wrong instead of stopping at the first type mismatch the way `Decodable` would.
public enum JSONValue: Sendable, Hashable, Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// The Dutch name of the value's type, for messages like "verwacht tekst, gevonden getal".
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "waar/onwaar"
        case .number: "getal"
        case .string: "tekst"
        case .array: "lijst"
        case .object: "object"
        }
    }
}
