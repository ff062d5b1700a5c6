import Crypto
import Foundation

/// The personal links in newsletter e-mails: a subscriber id, what the link is for and until when,
/// signed with HMAC-SHA256 under the site's link secret. A link cannot be forged, moved to another
/// purpose, or used after it expires; it carries no address.
public struct SignedLink: Sendable {
    public enum Purpose: String, Sendable {
        case confirm = "c"
        case preferences = "p"
        case unsubscribe = "u"
        /// Confirming an alert on a saved search; the id is the alert's.
        case confirmAlert = "a"
        /// Stopping one alert; the id is the alert's.
        case stopAlert = "s"
        /// A tip's sender's personal link (status, changes, withdrawal); the id is the tip's.
        case tip = "t"
        /// A registration for an event (status, claim an offered seat, cancel); the id is the registration's.
        case registration = "r"
    }

    public enum Problem: Error, Sendable, Equatable {
        case invalid
        case expired
    }

    let key: SymmetricKey

    public init(secret: Data) { key = SymmetricKey(data: secret) }

    /// `expires` nil: valid for as long as the subscriber exists (preferences, unsubscribe).
    public func token(_ purpose: Purpose, subscriber: UUID, expires: Date?) -> String {
        let payload = "\(purpose.rawValue).\(subscriber.uuidString.lowercased()).\(expires.map { String(Int($0.timeIntervalSince1970)) } ?? "0")"
        return Self.base64URL(Data(payload.utf8)) + "." + Self.base64URL(Data(HMAC<SHA256>.authenticationCode(for: Data(payload.utf8), using: key)))
    }

    public func verify(_ token: String, _ purpose: Purpose, now: Date) -> Result<UUID, Problem> {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard token.count <= 300, parts.count == 2, let payload = Self.data(base64URL: String(parts[0])),
              let signature = Self.data(base64URL: String(parts[1])),
              HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: payload, using: key)
        else { return .failure(.invalid) }
        let fields = String(decoding: payload, as: UTF8.self).split(separator: ".")
        guard fields.count == 3, fields[0] == purpose.rawValue, let id = UUID(uuidString: String(fields[1])), let expiry = Int(fields[2]) else {
            return .failure(.invalid)
        }
        if expiry != 0 && Date(timeIntervalSince1970: TimeInterval(expiry)) < now { return .failure(.expired) }
        return .success(id)
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func data(base64URL text: String) -> Data? {
        guard text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else { return nil }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}
