import Foundation

/// Recovery codes for the second factor: ten one-time codes shown once when the second factor is set
/// up, for the day the phone is lost. Only their hashes are kept. A code has 50 random bits (ten
/// characters from an alphabet without look-alikes), so a salted SHA-256 is enough to keep them; a
/// slow hash like bcrypt guards guessable passwords, which these are not. Each code works once.
public enum RecoveryCodes {
    public static let count = 10
    static let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
    static let length = 10

    /// New codes, written as people read them: "abcde-fghjk".
    public static func generate() -> [String] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in
            let characters = (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
            return String(characters[0..<5]) + "-" + String(characters[5...])
        }
    }

    /// What was typed, in the form that is hashed: lower case, without spaces and dashes. Nil when it
    /// cannot be a recovery code (so a six-digit TOTP code is never mistaken for one).
    public static func normalised(_ typed: String) -> String? {
        let compact = typed.lowercased().filter { $0 != "-" && $0 != " " }
        guard compact.count == length, compact.allSatisfy({ alphabet.contains($0) }) else { return nil }
        return compact
    }

    /// The stored form of a code, salted with the account so one hash says nothing about another's.
    public static func hash(_ code: String, account: UUID) -> String? {
        normalised(code).map { Tokens.hash("recovery-code:\(account.uuidString.lowercased()):\($0)") }
    }
}
