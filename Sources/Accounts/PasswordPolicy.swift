import Foundation

/// What a new password must be: at least 12 characters, at most 72 bytes (bcrypt's limit, so that no
/// part of a longer password is silently ignored), and not on the list of common passwords. Messages
/// are Dutch; they are shown next to the field.
public struct PasswordPolicy: Sendable {
    public static let minimumLength = 12
    public static let maximumBytes = 72

    let common: Set<String>

    public static let standard = PasswordPolicy(common: Self.loadCommonPasswords())

    init(common: Set<String>) {
        self.common = common
    }

    /// Nil when the password is acceptable, else why not.
    public func problem(with password: String, email: String? = nil, name: String? = nil) -> String? {
        if password.count < Self.minimumLength {
            return "Kies een wachtwoord van minstens \(Self.minimumLength) tekens. Een zin van een paar woorden is makkelijk te onthouden."
        }
        if password.utf8.count > Self.maximumBytes {
            return "Een wachtwoord mag hoogstens \(Self.maximumBytes) tekens lang zijn."
        }
        let folded = password.lowercased()
        // A common password with digits or symbols around it ("wachtwoord2024!") is still common.
        let core = folded.trimmingCharacters(in: CharacterSet.letters.inverted)
        if common.contains(folded) || (core.count >= 4 && common.contains(core)) || Self.isRepetitive(folded) {
            return "Dit wachtwoord komt voor op de lijst van veelgebruikte wachtwoorden. Kies een ander."
        }
        if let email, !email.isEmpty, folded.contains(Account.normalisedEmail(email)) || folded == email.split(separator: "@").first.map({ $0.lowercased() }) {
            return "Gebruik uw e-mailadres niet als wachtwoord."
        }
        if let name, name.count >= 4, folded.replacingOccurrences(of: " ", with: "") == name.lowercased().replacingOccurrences(of: " ", with: "") {
            return "Gebruik uw naam niet als wachtwoord."
        }
        return nil
    }

    /// "aaaaaaaaaaaa", "123412341234", "abcabcabcabc": one short pattern repeated.
    static func isRepetitive(_ password: String) -> Bool {
        let characters = Array(password)
        for period in 1...4 where characters.count % period == 0 || characters.count > period * 3 {
            if characters.indices.allSatisfy({ characters[$0] == characters[$0 % period] }) { return true }
        }
        return false
    }

    static func loadCommonPasswords() -> Set<String> {
        guard let url = Bundle.module.url(forResource: "common-passwords", withExtension: "txt", subdirectory: "Resources"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [] }
        return Set(text.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("#") }.map { $0.lowercased() })
    }
}
