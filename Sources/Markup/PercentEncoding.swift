/// Percent-encoding for URLs: only unreserved characters (letters, digits, `-_.~`) stay as they are.
public enum PercentEncoding {
    /// For one segment of a path: a space is `%20`.
    public static func pathSegment(_ value: String) -> String { encode(value, spaceAsPlus: false) }

    /// For a name or value of a query string or form: a space is `+`.
    public static func formComponent(_ value: String) -> String { encode(value, spaceAsPlus: true) }

    static func encode(_ value: String, spaceAsPlus: Bool) -> String {
        var out = ""
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: " ") where spaceAsPlus:
                out += "+"
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out += "%"
                out.unicodeScalars.append(hex[Int(byte >> 4)])
                out.unicodeScalars.append(hex[Int(byte & 0xF)])
            }
        }
        return out
    }
}
