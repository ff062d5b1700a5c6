import Editions
import Foundation
import Logging
import Mail
import Storage
import Web

/// Everything the application is told from outside, read once from the environment at start and
/// passed in; nothing else reads the environment.
public struct Configuration: Sendable {
    public var host: String
    public var port: Int
    public var dataDirectory: String
    public var database: DatabaseLocation
    public var logLevel: Logger.Level
    public var baseURL: String
    /// Where the demo catalogue's exchange files are.
    public var demoDirectory: String
    /// Rendered public pages kept per generation of the page cache (it holds up to twice this); 0 turns it off.
    public var pageCacheEntries: Int
    /// Seconds a connection may stay idle before the server closes it (HTTP_IDLE_TIMEOUT_SECONDS), so
    /// connections opened and left alone cannot pile up until no visitor gets in.
    public var idleTimeoutSeconds = 30
    /// Connections one client address may hold at once (HTTP_CONNECTIONS_PER_CLIENT); a trusted proxy is
    /// not capped. Generous, because a town hall's civil servants may share one address.
    public var connectionsPerClient = 256
    /// Days the private search log keeps its hours; 0 keeps no search log at all.
    public var searchLogRetentionDays: Int
    /// bcrypt's cost for portal passwords; tests lower it to stay fast, production keeps 12.
    public var bcryptCost: UInt8 = 12
    /// Where mail goes (SMTP_URL); nil writes mail to the log instead (development).
    public var smtp: SMTPConfiguration?
    /// The sender of the platform's mail (MAIL_FROM).
    public var mailFrom: MailAddress = try! MailAddress("noreply@weerbaar.localhost")
    /// Newsletter sign-ups one client may make per quarter of an hour (NEWSLETTER_SIGNUPS_PER_CLIENT).
    public var newsletterSignUpsPerClient = 5
    /// Tips one client (and one address) may send per hour through /tip-ons (TIPS_PER_CLIENT).
    public var tipsPerClient = 5
    /// Event registrations one client may make per hour (REGISTRATIONS_PER_CLIENT).
    public var registrationsPerClient = 10
    /// Months after an event's last session that its participants' data are kept (EVENT_RETENTION_MONTHS).
    public var eventRetentionMonths = 6
    /// The sender organisation's postal address, in every newsletter e-mail (NEWSLETTER_SENDER_ADDRESS).
    public var newsletterSenderAddress = "Weerbaar, Postbus 00000, 2500 AA Den Haag"
    /// Parallel SMTP connections of the newsletter worker (NEWSLETTER_SMTP_CONNECTIONS).
    public var newsletterConnections = 4
    /// Newsletter messages per second per instance (NEWSLETTER_RATE); 0 is no limit.
    public var newsletterRate: Double = 20
    /// The first wait before retrying a temporary failure (NEWSLETTER_RETRY_SECONDS); it doubles per attempt.
    public var newsletterRetrySeconds: Double = 60
    /// How long a worker holds claimed messages (NEWSLETTER_LEASE_SECONDS). After a crash, messages in
    /// doubt are closed and untouched ones resent once this has passed.
    public var newsletterLeaseSeconds: Double = 120
    /// Whether links in sent editions are counted (NEWSLETTER_CLICK_COUNTING=aan; off by default). Counts
    /// are per link and never per reader; docs/newsletter.md has the text for the privacy statement.
    public var newsletterClickCounting = false
    /// Reverse proxies in front of the server (TRUSTED_PROXIES: addresses and networks, comma-separated),
    /// whose X-Forwarded-For names the client for the limits per client. None by default.
    public var trustedProxies = TrustedProxies.none
    /// The key that signs newsletter links (LINK_SECRET, base64, at least 32 bytes); nil: one the site
    /// generates on first start and keeps in the database.
    public var linkSecret: Data?

    public init(
        host: String = "127.0.0.1", port: Int = 8080, dataDirectory: String = "./data", database: DatabaseLocation? = nil,
        logLevel: Logger.Level = .info, baseURL: String? = nil, demoDirectory: String? = nil,
        pageCacheEntries: Int = 500, searchLogRetentionDays: Int = 400
    ) {
        self.pageCacheEntries = pageCacheEntries
        self.searchLogRetentionDays = searchLogRetentionDays
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
        self.database = database ?? .sqlite(path: (dataDirectory as NSString).appendingPathComponent("weerbaar.sqlite"))
        self.logLevel = logLevel
        self.baseURL = baseURL ?? "http://\(host):\(port)"
        self.demoDirectory = demoDirectory ?? Self.defaultDemoDirectory
    }

    public struct Invalid: Error, CustomStringConvertible {
        public var description: String
    }

    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> Configuration {
        func value(_ name: String) -> String? { env[name].flatMap { $0.isEmpty ? nil : $0 } }
        let host = value("HOST") ?? "127.0.0.1"
        var port = 8080
        if let text = value("PORT") {
            guard let parsed = Int(text), (1...65535).contains(parsed) else {
                throw Invalid(description: "PORT must be a number from 1 to 65535, not '\(text)'")
            }
            port = parsed
        }
        var level = Logger.Level.info
        if let text = value("LOG_LEVEL") {
            guard let parsed = Logger.Level(rawValue: text.lowercased()) else {
                throw Invalid(description: "LOG_LEVEL must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")), not '\(text)'")
            }
            level = parsed
        }
        var pageCacheEntries = 500
        if let text = value("PAGE_CACHE_ENTRIES") {
            guard let parsed = Int(text), (0...100_000).contains(parsed) else {
                throw Invalid(description: "PAGE_CACHE_ENTRIES must be a number from 0 to 100000, not '\(text)'")
            }
            pageCacheEntries = parsed
        }
        var retention = 400
        if let text = value("SEARCH_LOG_RETENTION_DAYS") {
            guard let parsed = Int(text), (0...3650).contains(parsed) else {
                throw Invalid(description: "SEARCH_LOG_RETENTION_DAYS must be a number of days from 0 (no search log) to 3650, not '\(text)'")
            }
            retention = parsed
        }
        var smtp: SMTPConfiguration? = nil
        if let url = value("SMTP_URL") {
            do { smtp = try SMTPConfiguration(url: url) } catch { throw Invalid(description: error.description) }
        }
        var mailFrom: MailAddress? = nil
        if let text = value("MAIL_FROM") {
            do { mailFrom = try MailAddress(text) } catch { throw Invalid(description: "MAIL_FROM is not an e-mail address: \(error.reason)") }
        }
        var database: DatabaseLocation? = nil
        if let url = value("DATABASE_URL") {
            if url.hasPrefix("sqlite://") {
                // sqlite:///absolute/path.sqlite: an SQLite file elsewhere than DATA_DIR.
                let path = String(url.dropFirst("sqlite://".count))
                guard path.hasPrefix("/") else { throw Invalid(description: "DATABASE_URL sqlite:// needs an absolute path (sqlite:///…)") }
                database = .sqlite(path: path)
            } else {
                guard url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") else {
                    throw Invalid(description: "DATABASE_URL must start with postgres:// or sqlite:/// (or leave it unset for SQLite in DATA_DIR)")
                }
                database = .postgres(url: url)
            }
        }
        var configuration = Configuration(host: host, port: port, dataDirectory: value("DATA_DIR") ?? "./data", database: database,
                                          logLevel: level, baseURL: value("BASE_URL"), demoDirectory: value("DEMO_DIR"),
                                          pageCacheEntries: pageCacheEntries, searchLogRetentionDays: retention)
        configuration.smtp = smtp
        if let mailFrom { configuration.mailFrom = mailFrom }
        if let address = value("NEWSLETTER_SENDER_ADDRESS") { configuration.newsletterSenderAddress = address }
        func number(_ name: String, _ range: ClosedRange<Double>, _ what: String) throws -> Double? {
            guard let text = value(name) else { return nil }
            guard let parsed = Double(text), range.contains(parsed) else {
                throw Invalid(description: "\(name) must be \(what) from \(Int(range.lowerBound)) to \(Int(range.upperBound)), not '\(text)'")
            }
            return parsed
        }
        if let seconds = try number("HTTP_IDLE_TIMEOUT_SECONDS", 1...3600, "a number of seconds") {
            configuration.idleTimeoutSeconds = Int(seconds)
        }
        if let connections = try number("HTTP_CONNECTIONS_PER_CLIENT", 1...100_000, "a number of connections") {
            configuration.connectionsPerClient = Int(connections)
        }
        if let connections = try number("NEWSLETTER_SMTP_CONNECTIONS", 1...32, "a number of connections") {
            configuration.newsletterConnections = Int(connections)
        }
        if let rate = try number("NEWSLETTER_RATE", 0...100_000, "messages per second (0 for no limit)") { configuration.newsletterRate = rate }
        if let seconds = try number("NEWSLETTER_RETRY_SECONDS", 1...86_400, "seconds") { configuration.newsletterRetrySeconds = seconds }
        if let months = try number("EVENT_RETENTION_MONTHS", 1...120, "a number of months") {
            configuration.eventRetentionMonths = Int(months)
        }
        if let limit = try number("REGISTRATIONS_PER_CLIENT", 1...1_000_000, "a number of registrations") {
            configuration.registrationsPerClient = Int(limit)
        }
        if let limit = try number("TIPS_PER_CLIENT", 1...1_000_000, "a number of tips") {
            configuration.tipsPerClient = Int(limit)
        }
        if let limit = try number("NEWSLETTER_SIGNUPS_PER_CLIENT", 1...1_000_000, "a number of sign-ups") {
            configuration.newsletterSignUpsPerClient = Int(limit)
        }
        if let seconds = try number("NEWSLETTER_LEASE_SECONDS", 2...3_600, "seconds") { configuration.newsletterLeaseSeconds = seconds }
        if let text = value("TRUSTED_PROXIES") {
            do { configuration.trustedProxies = try TrustedProxies(text) } catch { throw Invalid(description: "TRUSTED_PROXIES: \(error.description)") }
        }
        if let text = value("NEWSLETTER_CLICK_COUNTING") {
            switch text.lowercased() {
            case "aan", "on", "true", "1": configuration.newsletterClickCounting = true
            case "uit", "off", "false", "0": configuration.newsletterClickCounting = false
            default: throw Invalid(description: "NEWSLETTER_CLICK_COUNTING must be aan or uit (on/off), not '\(text)'")
            }
        }
        if let text = value("LINK_SECRET") {
            guard let secret = Data(base64Encoded: text), secret.count >= 32 else {
                throw Invalid(description: "LINK_SECRET must be base64 of at least 32 bytes (openssl rand -base64 32)")
            }
            configuration.linkSecret = secret
        }
        return configuration
    }

    /// `data/demo` beside the working directory when run from the repository, which is how the README runs it.
    /// The demo bundled with the executable (`Sources/WeerbaarApp/Demo`, which `data/demo` links to),
    /// so `weerbaar serve` finds it from any working directory; DEMO_DIR points elsewhere.
    static var defaultDemoDirectory: String {
        Bundle.module.resourceURL.map { $0.appendingPathComponent("Demo").path } ?? "data/demo"
    }
}
