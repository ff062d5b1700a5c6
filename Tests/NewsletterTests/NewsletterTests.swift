import Foundation
import Testing
@testable import Newsletter

@Suite struct SignedLinkTests {
    let links = SignedLink(secret: Data(repeating: 7, count: 32))
    let id = UUID()
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func aLinkVerifiesForItsPurposeUntilItExpires() throws {
        let token = links.token(.confirm, subscriber: id, expires: now.addingTimeInterval(60))
        #expect(try links.verify(token, .confirm, now: now).get() == id)
        #expect(links.verify(token, .confirm, now: now.addingTimeInterval(61)) == .failure(.expired))
        #expect(links.verify(token, .unsubscribe, now: now) == .failure(.invalid), "a confirmation link is not an unsubscribe link")
        let forever = links.token(.preferences, subscriber: id, expires: nil)
        #expect(try links.verify(forever, .preferences, now: now.addingTimeInterval(1e9)).get() == id)
    }

    @Test func aTamperedOrForeignLinkIsInvalid() {
        let token = links.token(.unsubscribe, subscriber: id, expires: nil)
        var chars = Array(token)
        chars[3] = chars[3] == "A" ? "B" : "A"
        #expect(links.verify(String(chars), .unsubscribe, now: now) == .failure(.invalid))
        let other = SignedLink(secret: Data(repeating: 8, count: 32))
        #expect(other.verify(token, .unsubscribe, now: now) == .failure(.invalid), "another site's key")
        // The payload of another subscriber with this signature.
        let parts = token.split(separator: ".")
        let forged = SignedLink.base64URL(Data("u.\(UUID().uuidString.lowercased()).0".utf8)) + "." + parts[1]
        #expect(links.verify(forged, .unsubscribe, now: now) == .failure(.invalid))
        for junk in ["", ".", "abc", String(repeating: "a", count: 5_000), "a.b.c", "<script>.x"] {
            #expect(links.verify(junk, .unsubscribe, now: now) == .failure(.invalid), "\(junk.prefix(20))")
        }
    }
}

@Suite struct ClientRateLimiterTests {
    @Test func aClientGetsItsLimitPerWindowAndOthersAreNotAffected() {
        let limiter = ClientRateLimiter(limit: 3, window: 60)
        let start = Date()
        #expect((0..<3).allSatisfy { _ in limiter.allow("a", now: start) })
        #expect(!limiter.allow("a", now: start.addingTimeInterval(10)))
        #expect(limiter.allow("b", now: start.addingTimeInterval(10)))
        #expect(limiter.allow("a", now: start.addingTimeInterval(61)), "a new window")
    }
}
