import Foundation
import Testing
@testable import Accounts

@Suite struct TOTPTests {
    /// RFC 6238, appendix B: eight-digit codes for six moments, with SHA-1, SHA-256 and SHA-512.
    static let vectors: [(time: TimeInterval, sha1: String, sha256: String, sha512: String)] = [
        (59, "94287082", "46119246", "90693936"),
        (1_111_111_109, "07081804", "68084774", "25091201"),
        (1_111_111_111, "14050471", "67062674", "99943326"),
        (1_234_567_890, "89005924", "91819424", "93441116"),
        (2_000_000_000, "69279037", "90698825", "38618901"),
        (20_000_000_000, "65353130", "77737706", "47863826"),
    ]

    @Test func theRFC6238TestVectors() {
        let sha1 = Array("12345678901234567890".utf8)
        let sha256 = Array("12345678901234567890123456789012".utf8)
        let sha512 = Array("1234567890123456789012345678901234567890123456789012345678901234".utf8)
        for vector in Self.vectors {
            let counter = TOTP.counter(at: Date(timeIntervalSince1970: vector.time))
            #expect(TOTP.code(secret: sha1, counter: counter, digits: 8, algorithm: .sha1) == vector.sha1, "\(vector.time)")
            #expect(TOTP.code(secret: sha256, counter: counter, digits: 8, algorithm: .sha256) == vector.sha256, "\(vector.time)")
            #expect(TOTP.code(secret: sha512, counter: counter, digits: 8, algorithm: .sha512) == vector.sha512, "\(vector.time)")
        }
    }

    @Test func aCodeIsAcceptedOneStepEitherSideAndOnlyOnce() {
        let secret = TOTP.newSecret()
        let now = Date(timeIntervalSince1970: 1_800_000_015)
        let counter = TOTP.counter(at: now)
        let current = TOTP.code(secret: secret, counter: counter)
        #expect(TOTP.verify(current, secret: secret, at: now, lastUsed: nil) == counter)
        #expect(TOTP.verify(current, secret: secret, at: now, lastUsed: counter) == nil, "a used code is not accepted again")
        #expect(TOTP.verify(TOTP.code(secret: secret, counter: counter - 1), secret: secret, at: now, lastUsed: nil) == counter - 1)
        #expect(TOTP.verify(TOTP.code(secret: secret, counter: counter + 1), secret: secret, at: now, lastUsed: nil) == counter + 1)
        #expect(TOTP.verify(TOTP.code(secret: secret, counter: counter - 2), secret: secret, at: now, lastUsed: nil) == nil)
        #expect(TOTP.verify("12345", secret: secret, at: now, lastUsed: nil) == nil)
        #expect(TOTP.verify("abcdef", secret: secret, at: now, lastUsed: nil) == nil)
        #expect(TOTP.verify(String(current.prefix(3)) + " " + String(current.dropFirst(3)), secret: secret, at: now, lastUsed: nil) == counter,
                "a space in the middle, as apps show it, is fine")
    }

    @Test func base32RoundTripsAndMatchesRFC4648() {
        #expect(Base32.encode(Array("foobar".utf8)) == "MZXW6YTBOI")
        #expect(Base32.decode("MZXW6YTBOI") == Array("foobar".utf8))
        let secret = TOTP.newSecret()
        #expect(Base32.decode(Base32.encode(secret)) == secret)
        #expect(Base32.decode("not base32!") == nil)
        #expect(TOTP.provisioningURI(secret: Array("foobar".utf8), account: "a@b.nl").hasPrefix("otpauth://totp/Weerbaar%3Aa%40b%2Enl?secret=MZXW6YTBOI&issuer=Weerbaar"))
    }
}
