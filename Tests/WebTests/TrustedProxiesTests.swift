import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import TestSupport
import WeerbaarApp
@testable import Web

/// The client that limits are counted for: the peer, or behind a trusted proxy the address that
/// proxy says it forwards for, and never what a visitor writes into X-Forwarded-For themselves.
@Suite struct TrustedProxiesTests {
    @Test func withoutTrustedProxiesThePeerIsTheClientWhateverTheHeaderSays() {
        #expect(TrustedProxies.none.client(peer: "198.51.100.7", forwardedFor: ["203.0.113.5"]) == "198.51.100.7")
        #expect(TrustedProxies.none.client(peer: nil, forwardedFor: ["203.0.113.5"]) == "onbekend")
    }

    @Test func behindTrustedProxiesTheClientIsTheFirstUntrustedHopFromTheRight() throws {
        let proxies = try TrustedProxies("127.0.0.1, 10.0.0.0/8, fd00::/8")
        #expect(proxies.client(peer: "127.0.0.1", forwardedFor: ["203.0.113.5"]) == "203.0.113.5")
        // A visitor's own header is kept by the proxy, which appends the real address: believe only that.
        #expect(proxies.client(peer: "127.0.0.1", forwardedFor: ["1.2.3.4, 203.0.113.5"]) == "203.0.113.5")
        #expect(proxies.client(peer: "10.1.2.3", forwardedFor: ["1.2.3.4", "203.0.113.5, 10.9.9.9"]) == "203.0.113.5", "two of our proxies in a row")
        #expect(proxies.client(peer: "fd12::1", forwardedFor: ["2001:db8::42"]) == "2001:db8::42")
        #expect(proxies.client(peer: "::ffff:10.0.0.1", forwardedFor: ["203.0.113.9"]) == "203.0.113.9", "IPv4-mapped peer")
        // An untrusted peer's header is not believed; a trusted proxy without a header is the client.
        #expect(proxies.client(peer: "198.51.100.7", forwardedFor: ["203.0.113.5"]) == "198.51.100.7")
        #expect(proxies.client(peer: "127.0.0.1", forwardedFor: []) == "127.0.0.1")
        #expect(proxies.client(peer: "127.0.0.1", forwardedFor: ["10.0.0.2"]) == "10.0.0.2", "only proxies: the leftmost")
        #expect(!proxies.isTrusted("11.0.0.1") && proxies.isTrusted("10.255.255.255") && !proxies.isTrusted("fe00::1"))
    }

    @Test func aBadListIsRefusedWithTheEntry() {
        for bad in ["10.0.0.0/33", "localhost", "10.0.0.0/x", "::1/129"] {
            #expect(throws: TrustedProxies.Invalid.self) { try TrustedProxies(bad) }
        }
        #expect {
            try Configuration.fromEnvironment(["TRUSTED_PROXIES": "127.0.0.1, proxy.gemeente.nl"])
        } throws: { "\($0)".contains("TRUSTED_PROXIES: 'proxy.gemeente.nl'") }
    }

    /// A real server on loopback: the peer is 127.0.0.1, as behind a proxy on the same machine.
    @Test(arguments: [true, false])
    func signUpsAreLimitedPerVisitorBehindAProxyAndNotForEveryone(trusted: Bool) async throws {
        let proxies = trusted ? try TrustedProxies("127.0.0.1, ::1") : TrustedProxies.none
        try await WebHarness.withClient(.sqlite, configure: { Self.configure(&$0, proxies) }, mode: .live) { client, _ in
            let first = try await Self.signUp(client, 1, from: "203.0.113.5")
            let second = try await Self.signUp(client, 2, from: "203.0.113.5")
            let third = try await Self.signUp(client, 3, from: "203.0.113.5")
            #expect(first == 200 && second == 200)
            #expect(third == 429, "the limit holds for one visitor")
            // Another visitor behind the same proxy signs up as usual; without trust, the proxy is one client.
            let other = try await Self.signUp(client, 4, from: "203.0.113.6")
            #expect(other == (trusted ? 200 : 429))
        }
    }

    static func configure(_ configuration: inout Configuration, _ proxies: TrustedProxies) {
        configuration.smtp = nil
        configuration.newsletterSignUpsPerClient = 2
        configuration.trustedProxies = proxies
    }

    static func signUp(_ client: any TestClientProtocol, _ n: Int, from visitor: String) async throws -> Int {
        let headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", HTTPField.Name("Sec-Fetch-Site")!: "same-origin",
                                   HTTPField.Name("X-Forwarded-For")!: visitor]
        return try await client.execute(uri: "/nieuwsbrief", method: .post, headers: headers,
                                        body: .init(string: "email=lezer\(n)%40gemeente.example")) { Int($0.status.code) }
    }
}
