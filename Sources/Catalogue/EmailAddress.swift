/// A deliberately modest check of an e-mail address: one @, a local part, a dotted domain, no spaces or
/// angle brackets. Whether it really receives mail only sending can tell.
public enum EmailAddress {
    public static func isPlausible(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64 else { return false }
        let domain = parts[1]
        guard domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix("."), !domain.contains("..") else {
            return false
        }
        let forbidden: Set<Character> = [" ", "<", ">", "(", ")", ",", ";", ":", "\\", "\"", "[", "]"]
        return !text.contains(where: { forbidden.contains($0) || $0.isNewline })
    }
}
