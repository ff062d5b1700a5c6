import Accounts
import Catalogue
import CatalogueService
import Foundation
import Logging
import Mail
import ServiceLifecycle
import Storage
import Web

/// The weekly e-mail to every partner editor: their provider's offerings that are overdue or due in
/// the next 30 days, with the link to confirm them. Nothing is sent to someone with nothing due.
public struct FreshnessDigest: Sendable {
    let accounts: any AccountStore
    let catalogue: LiveCatalogue
    let mailer: any Mailer
    let from: MailAddress
    let baseURL: String

    /// The messages this week's digest consists of (for `send-digest --dry-run` and the tests).
    public func messages(today: Day) async throws -> [MailMessage] {
        var messages: [MailMessage] = []
        for account in try await accounts.allAccounts() where account.role == .partnerEditor && !account.disabled {
            guard let provider = account.provider, let to = try? MailAddress(account.email) else { continue }
            let due = catalogue.offerings { $0.provider == provider }
                .map { ($0, Freshness.of($0, today: today)) }
                .filter { $0.1 != .current }
                .sorted { Freshness.reviewBy($0.0) < Freshness.reviewBy($1.0) }
            guard !due.isEmpty else { continue }
            let lines = due.map { offering, state in
                "- \(offering.title) (\(state == .overdue ? "verlopen sinds" : "herzien vóór") \(Freshness.reviewBy(offering)))"
            }
            let overdue = due.filter { $0.1 == .overdue }.count
            messages.append(MailMessage(
                from: from, fromName: "Weerbaar", to: [to],
                subject: "Weerbaar: aanbod om te herzien (\(due.count)" + (overdue > 0 ? ", waarvan \(overdue) verlopen)" : ")"),
                text: """
                Beste \(account.name),

                Van het aanbod dat u bijhoudt moet dit worden herzien:

                \(lines.joined(separator: "\n"))

                Klopt een aanbod nog? Kies dan 'Nog actueel' in het beheer:
                \(baseURL)\(PortalLinks.offerings)

                U krijgt deze e-mail wekelijks zolang er iets te herzien is.
                """))
        }
        return messages
    }

    /// Sends this week's digest; returns how many were sent. A failed message is logged and the rest go on.
    public func send(today: Day, logger: Logger) async throws -> Int {
        var sent = 0
        for message in try await messages(today: today) {
            do {
                try await mailer.send(message)
                sent += 1
            } catch {
                logger.error("Sending a freshness digest failed", metadata: ["to": "\(message.to.map(\.description))", "error": "\(error)"])
            }
        }
        return sent
    }

    /// The week a day falls in, named by its Monday: the period one digest run is claimed for.
    public static func week(of day: Day) -> String {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .gmt
        let date = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12)) ?? Date()
        let monday = calendar.dateInterval(of: .weekOfYear, for: date)?.start ?? date
        return Day(monday.addingTimeInterval(12 * 3600)).description
    }
}

/// Inside `weerbaar serve`: once an hour, from a Monday hour (Amsterdam), claims this week's run of
/// a weekly job; the instance that wins runs it. Later in the week a missed Monday is made up. The
/// freshness digest (from 07:00) and the white-spot digest (from 08:00) are such jobs.
struct WeeklyJob: Service {
    /// The job's name in `scheduled_runs` and, capitalised, in the log.
    let job: String
    let label: String
    let fromHour: Int
    let runs: ScheduledRuns
    let logger: Logger
    /// Runs this week's job for the day; returns how many messages went out.
    let send: @Sendable (Day, Logger) async throws -> Int

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            await tick(now: Date())
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(3600)) }
        }
    }

    func tick(now: Date) async {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .gmt
        let parts = calendar.dateComponents([.weekday, .hour], from: now)
        // Monday is weekday 2; later in the week a missed Monday is made up.
        guard parts.weekday != 2 || (parts.hour ?? 0) >= fromHour else { return }
        let today = Day(now)
        do {
            guard try await runs.claim(job: job, period: FreshnessDigest.week(of: today)) else { return }
            let sent = try await send(today, logger)
            logger.info("\(label) sent", metadata: ["messages": "\(sent)"])
        } catch {
            logger.error("\(label) failed", metadata: ["error": "\(error)"])
        }
    }
}
