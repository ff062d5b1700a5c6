import Crypto
import Foundation

/// Time-based one-time passwords (RFC 6238, on HOTP, RFC 4226): the second factor of the portal,
/// required for beheerders. Six digits, 30-second steps, HMAC-SHA1 by default, as every authenticator
/// app expects; a code is accepted one step early or late (clock drift) and only once.
public enum TOTP {
    public enum Algorithm: Sendable { case sha1, sha256, sha512 }

    public static let step: TimeInterval = 30

    public static func counter(at date: Date) -> UInt64 {
        UInt64(max(0, date.timeIntervalSince1970 / step).rounded(.down))
    }

    /// The code for a counter, zero-padded to `digits`.
    public static func code(secret: [UInt8], counter: UInt64, digits: Int = 6, algorithm: Algorithm = .sha1) -> String {
        let message = withUnsafeBytes(of: counter.bigEndian) { Array($0) }
        let key = SymmetricKey(data: secret)
        let mac: [UInt8] = switch algorithm {
        case .sha1: Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: key))
        case .sha256: Array(HMAC<SHA256>.authenticationCode(for: message, using: key))
        case .sha512: Array(HMAC<SHA512>.authenticationCode(for: message, using: key))
        }
        let offset = Int(mac[mac.count - 1] & 0x0f)
        let binary = (UInt32(mac[offset] & 0x7f) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let value = String(binary % modulus)
        return String(repeating: "0", count: max(0, digits - value.count)) + value
    }

    /// The counter a typed code belongs to, within one step of now and newer than `lastUsed`; nil
    /// when the code is wrong, too old or already used.
    public static func verify(_ typed: String, secret: [UInt8], at date: Date, lastUsed: UInt64?) -> UInt64? {
        let digits = typed.filter { !$0.isWhitespace }
        guard digits.count == 6, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let now = counter(at: date)
        for candidate in [now, now &- 1, now + 1] where candidate <= now + 1 {
            if let lastUsed, candidate <= lastUsed { continue }
            if Tokens.equal(code(secret: secret, counter: candidate), digits) { return candidate }
        }
        return nil
    }

    /// 20 random bytes (160 bits, as RFC 4226 recommends).
    public static func newSecret() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<20).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// The link an authenticator app reads: otpauth://totp/Weerbaar:adres?secret=…&issuer=Weerbaar
    public static func provisioningURI(secret: [UInt8], account: String, issuer: String = "Weerbaar") -> String {
        let label = (issuer + ":" + account).addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? account
        return "otpauth://totp/\(label)?secret=\(Base32.encode(secret))&issuer=\(issuer)&algorithm=SHA1&digits=6&period=30"
    }
}

/// RFC 4648 base32 without padding: how secrets are shown to people and stored.
public enum Base32 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    public static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | UInt32(byte)
            bits += 8
            while bits >= 5 {
                output.append(alphabet[Int((buffer >> UInt32(bits - 5)) & 31)])
                bits -= 5
            }
        }
        if bits > 0 { output.append(alphabet[Int((buffer << UInt32(5 - bits)) & 31)]) }
        return String(decoding: output, as: UTF8.self)
    }

    public static func decode(_ text: String) -> [UInt8]? {
        var output: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for character in text.uppercased().utf8 where character != UInt8(ascii: "=") && character != UInt8(ascii: " ") {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            buffer = (buffer << 5) | UInt32(value)
            bits += 5
            if bits >= 8 {
                output.append(UInt8((buffer >> UInt32(bits - 8)) & 0xff))
                bits -= 8
            }
        }
        return output
    }
}
