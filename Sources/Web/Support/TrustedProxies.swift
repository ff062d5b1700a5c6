import Foundation
import Hummingbird
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Who is asking, for the limits kept per client (sign-ups, sign-in attempts, reset links).
///
/// Exposed directly, that is the connection's peer. Behind a reverse proxy every request comes from
/// the proxy, and one visitor's sign-ups would use up everyone's; so when the peer is one of the
/// proxies configured here (`TRUSTED_PROXIES`), the client is read from `X-Forwarded-For`: from the
/// right, past our own proxies, the first address one of them did not add itself. Entries further
/// left were written by the visitor and are never believed.
public struct TrustedProxies: Sendable, Equatable {
    struct Network: Sendable, Equatable {
        var bytes: [UInt8]
        var prefix: Int

        func contains(_ address: [UInt8]) -> Bool {
            guard address.count == bytes.count else { return false }
            var remaining = prefix
            for (mine, theirs) in zip(bytes, address) where remaining > 0 {
                let bits = min(8, remaining)
                let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
                if mine & mask != theirs & mask { return false }
                remaining -= bits
            }
            return true
        }
    }

    let networks: [Network]

    /// Trusts no proxy: the peer is the client.
    public static let none = TrustedProxies(networks: [])

    init(networks: [Network]) { self.networks = networks }

    public struct Invalid: Error, CustomStringConvertible {
        public var entry: String
        public var description: String { "'\(entry)' is not an IP address or network (such as 10.0.0.0/8 or ::1)" }
    }

    /// From a comma-separated list of addresses and networks: "127.0.0.1, 10.0.0.0/8, fd00::/8".
    public init(_ list: String) throws(Invalid) {
        var networks: [Network] = []
        for entry in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !entry.isEmpty {
            let parts = entry.split(separator: "/", maxSplits: 1).map(String.init)
            guard let bytes = Self.bytes(parts[0]) else { throw Invalid(entry: entry) }
            let prefix = parts.count == 2 ? Int(parts[1]) : bytes.count * 8
            guard let prefix, (0...bytes.count * 8).contains(prefix) else { throw Invalid(entry: entry) }
            networks.append(Network(bytes: bytes, prefix: prefix))
        }
        self.networks = networks
    }

    public var isEmpty: Bool { networks.isEmpty }

    /// The client of a request whose peer is `peer` and that carries these `X-Forwarded-For` values.
    public func client(peer: String?, forwardedFor: [String]) -> String {
        guard let peer else { return "onbekend" }
        guard isTrusted(peer) else { return peer }
        let chain = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var client = peer
        for hop in chain.reversed() {
            client = String(hop.prefix(64))
            if !isTrusted(hop) { break }
        }
        return client
    }

    public func client(of request: Request, _ context: some RequestContext) -> String {
        let peer = (context as? any RemoteAddressRequestContext)?.remoteAddress?.ipAddress
        return client(peer: peer, forwardedFor: request.headers[values: .init("X-Forwarded-For")!])
    }

    func isTrusted(_ address: String) -> Bool {
        guard !networks.isEmpty, let bytes = Self.bytes(address) else { return false }
        return networks.contains { $0.contains(bytes) }
    }

    /// The address's bytes: 4 for IPv4, 16 for IPv6 (an IPv4-mapped IPv6 address counts as IPv4).
    static func bytes(_ text: String) -> [UInt8]? {
        guard text.count <= 64 else { return nil }
        var v4 = [UInt8](repeating: 0, count: 4)
        if inet_pton(AF_INET, text, &v4) == 1 { return v4 }
        var v6 = [UInt8](repeating: 0, count: 16)
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        if v6.prefix(10).allSatisfy({ $0 == 0 }) && v6[10] == 0xFF && v6[11] == 0xFF { return Array(v6.suffix(4)) }
        return v6
    }
}
