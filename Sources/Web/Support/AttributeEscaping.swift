/// Plot escapes text but writes attribute values exactly as given, so a `"` in a title or a search
/// query would end the attribute and let markup in. Every value that is not a constant goes through
/// `esc` before it becomes an attribute; a test feeds quotes through every field and the search box.
func esc(_ value: String) -> String {
    var out = ""
    out.reserveCapacity(value.utf8.count)
    for scalar in value.unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out
}
