import Foundation

/// Readable URL slugs from Dutch titles: "Handreiking café's & één-op-één" → "handreiking-cafes-een-op-een".
public enum Slug {
    public static func make(_ text: String, maxLength: Int = 80) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var slug = ""
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                if pendingDash && !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "’" {
                continue  // "café's" → "cafes", not "cafe-s"
            } else {
                pendingDash = true
            }
        }
        if slug.count > maxLength {
            slug = String(slug.prefix(maxLength))
            if let cut = slug.lastIndex(of: "-"), slug.distance(from: slug.startIndex, to: cut) > maxLength / 2 {
                slug = String(slug[..<cut])
            }
        }
        return slug.isEmpty ? "aanbod" : slug
    }

    public static func isKebabCase(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
            first != "-", last != "-", !text.contains("--")
        else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
