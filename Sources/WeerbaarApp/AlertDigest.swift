import Editions
import Catalogue
import CatalogueService
import Foundation
import Logging
import Mail
import Newsletter
import ServiceLifecycle
import Storage
import Web

/// Alerts on saved searches: every morning from 07:00 (Amsterdam) the daily ones, on Mondays the
/// weekly ones too. Each alert mails what newly matches its search and remembers it; nothing new
/// means no mail. One instance runs a day's round: the first to claim it.
public struct AlertDigest: Sendable {
    let alerts: any AlertStore
    let catalogue: LiveCatalogue
    let mailer: any Mailer
    let links: SignedLink
    let from: MailAddress
    let baseURL: String
    let senderAddress: String

    public struct Report: Sendable, Equatable {
        public var looked = 0
        public var mailed = 0
    }

    /// Runs the alerts of these frequencies now.
    public func run(_ frequencies: [AlertFrequency], now: Date, logger: Logger) async throws -> Report {
        var report = Report()
        for frequency in frequencies {
            for due in try await alerts.due(frequency) {
                report.looked += 1
                let matches = AlertSearch.matches(due.alert.query, catalogue: catalogue)
                let seen = Set(due.alert.seen)
                let new = matches.filter { !seen.contains($0.key.description) }
                guard !new.isEmpty else { continue }
                do {
                    let address = try MailAddress(due.email)
                    try await mailer.send(AlertMail.message(due.alert, to: address, offerings: Array(new.prefix(25)), taxonomy: catalogue.taxonomy,
                                                            baseURL: baseURL, links: links, from: from, senderAddress: senderAddress))
                    // Remember what matches now: what left the search and comes back later is new again.
                    try await alerts.markSent(due.alert.id, seen: matches.map(\.key.description), now: now)
                    report.mailed += 1
                } catch {
                    // Not remembered, so tomorrow's round tries again with the same news.
                    logger.error("An alert e-mail failed", metadata: ["error": "\(error)"])
                }
            }
        }
        return report
    }
}

struct AlertDigestService: Service {
    let digest: AlertDigest
    let runs: ScheduledRuns
    let logger: Logger

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            await tick(now: Date())
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(900)) }
        }
    }

    func tick(now: Date) async {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .gmt
        let parts = calendar.dateComponents([.weekday, .hour], from: now)
        guard (parts.hour ?? 0) >= 7 else { return }
        do {
            guard try await runs.claim(job: "alerts", period: Day(now).description) else { return }
            let report = try await digest.run(parts.weekday == 2 ? [.daily, .weekly] : [.daily], now: now, logger: logger)
            logger.info("Alerts sent", metadata: ["alerts": "\(report.looked)", "messages": "\(report.mailed)"])
        } catch {
            logger.error("Alerts failed", metadata: ["error": "\(error)"])
        }
    }
}
