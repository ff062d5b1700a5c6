import Foundation

/// Where and how to send mail, from `SMTP_URL`:
///
///     smtp://user:password@mail.example.nl:587      STARTTLS, required (the default)
///     smtps://user:password@mail.example.nl:465     TLS from the first byte
///     smtp://127.0.0.1:2525?tls=none                no TLS: only allowed to a loopback address
///
/// Further query parameters: `ca=/path/to/ca.pem` trusts an extra certificate authority (a test
/// server's own), `helo=name` sets the name the client greets with.
public struct SMTPConfiguration: Sendable, Equatable {
    public enum Security: String, Sendable {
        case starttls, tls, none
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var username: String?
    public var password: String?
    public var caFile: String?
    public var helo: String

    public struct Invalid: Error, CustomStringConvertible {
        public var description: String
    }

    public init(host: String, port: Int, security: Security, username: String? = nil, password: String? = nil,
                caFile: String? = nil, helo: String = "weerbaar.localhost") {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.caFile = caFile
        self.helo = helo
    }

    public init(url: String) throws(Invalid) {
        guard let components = URLComponents(string: url), let scheme = components.scheme, let host = components.host, !host.isEmpty else {
            throw Invalid(description: "SMTP_URL must look like smtp://user:password@host:587, not '\(Self.redacted(url))'")
        }
        let items = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        switch scheme {
        case "smtp":
            switch items["tls"] ?? "starttls" {
            case "starttls": security = .starttls
            case "none": security = .none
            default: throw Invalid(description: "SMTP_URL: tls must be starttls or none")
            }
        case "smtps":
            security = .tls
        default:
            throw Invalid(description: "SMTP_URL must start with smtp:// or smtps://")
        }
        self.host = host
        self.port = components.port ?? (scheme == "smtps" ? 465 : 587)
        self.username = components.user?.removingPercentEncoding
        self.password = components.password?.removingPercentEncoding
        self.caFile = items["ca"]
        self.helo = items["helo"] ?? "weerbaar.localhost"
        if security == .none && !isLoopback {
            throw Invalid(description: "SMTP_URL: tls=none is only allowed to a loopback address; mail to \(host) must be encrypted")
        }
    }

    public var isLoopback: Bool { host == "127.0.0.1" || host == "::1" || host == "localhost" || host.hasPrefix("127.") }

    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url) else { return "…" }
        if components.password != nil { components.password = "***" }
        return components.string ?? "…"
    }
}
