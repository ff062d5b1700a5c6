import Plot

/// Plot escapes text but writes attribute values exactly as given, so a `"` in a title or a search
/// query would end the attribute and let markup in. Every value that is not a constant goes through
/// `esc` before it becomes an attribute; a test feeds quotes through every field and the search box.
/// Text nodes use it too (`safeText`): it is the same escaping, an order of magnitude faster than
/// Plot's own, and most strings need no change at all, which the first pass finds out.
public func esc(_ value: String) -> String {
    let needsWork = value.utf8.contains { byte in
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "<"), UInt8(ascii: ">"): true
        case 0x0A, 0x09, 0x0D: false
        default: byte < 0x20
        }
    }
    guard needsWork else { return value }
    var out = ""
    out.reserveCapacity(value.utf8.count)
    for scalar in value.unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case _ where scalar.value < 0x20 && scalar != "\n" && scalar != "\t" && scalar != "\r": continue
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out
}

extension Node {
    /// Escaped text; use it instead of Plot's `.text`.
    public static func safeText(_ text: String) -> Node { .raw(esc(text)) }
}
