import Events
import Foundation
import Knowledge
import Logging
import Newsletter
import SearchLog
import ServiceLifecycle

/// One rule of what the platform keeps and for how long: a name for the log and the statement, and
/// the purge that deletes what is past its time (returning how many rows went). A feature with
/// personal data joins the retention by adding its rule to `Platform.retentionRules`.
struct RetentionRule: Sendable {
    let name: String
    let purge: @Sendable (Date) async throws -> Int
}

/// Inside `weerbaar serve`: once an hour, every retention rule. Deleting what is already gone changes
/// nothing, so every instance may run it without a claim; a rule that fails is logged and the
/// others still run.
struct RetentionJob: Service {
    let rules: [RetentionRule]
    let logger: Logger
    var interval: Duration = .seconds(3600)

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            await tick(now: Date())
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }

    /// Runs every rule once; the rows each removed, by name (a failed rule is absent).
    @discardableResult
    func tick(now: Date) async -> [String: Int] {
        var removed: [String: Int] = [:]
        for rule in rules {
            do {
                let count = try await rule.purge(now)
                removed[rule.name] = count
                if count > 0 { logger.info("Retention: removed what is past its time", metadata: ["rule": "\(rule.name)", "rows": "\(count)"]) }
            } catch {
                logger.error("Retention rule failed", metadata: ["rule": "\(rule.name)", "error": "\(error)"])
            }
        }
        return removed
    }
}

extension RetentionRule {
    /// Newsletter sign-ups and alerts not confirmed within seven days.
    static func unconfirmedSignUps(_ subscribers: any SubscriberStore, alerts: (any AlertStore)?) -> RetentionRule {
        RetentionRule(name: "nieuwsbrief: onbevestigde aanmeldingen (7 dagen)") { now in
            let before = now.addingTimeInterval(-Subscriber.confirmWithin)
            return try await subscribers.purgeUnconfirmed(before: before) + (try await alerts?.purgeUnconfirmed(before: before) ?? 0)
        }
    }

    /// Whom the outbox's finished messages went to.
    static func outboxRecipients(_ outbox: any OutboxStore, name: String = "nieuwsbrief: ontvangers van verstuurde berichten") -> RetentionRule {
        RetentionRule(name: name) { now in
            try await outbox.forgetRecipients(finishedBefore: now.addingTimeInterval(-OutboxRetention.recipients))
            return 0
        }
    }

    /// Hours of the search log older than the retention period.
    static func searchLog(_ store: any SearchLogStore, days: Int) -> RetentionRule {
        RetentionRule(name: "zoeklogboek (\(days) dagen)") { now in
            try await store.purge(before: LoggedSearch.hour(of: now.addingTimeInterval(-Double(days) * 86_400)))
        }
    }

    /// Who registered, `months` after an event's last session (the gemeente stays, for counts); what
    /// someone wrote about accessibility, the day after.
    static func events(_ store: any EventStore, months: Int) -> RetentionRule {
        RetentionRule(name: "agenda: deelnemers (\(months) maanden na de laatste bijeenkomst), toegankelijkheid (de dag erna)") { now in
            let personal = Calendar(identifier: .gregorian).date(byAdding: .month, value: -months, to: now) ?? now
            return try await store.purge(personalBefore: personal, accessibilityBefore: now.addingTimeInterval(-86_400))
        }
    }

    /// A tip's sender a year after the decision (a declined or withdrawn tip whole), and tips never
    /// confirmed after seven days.
    static func tips(_ store: any TipStore) -> RetentionRule {
        RetentionRule(name: "tips: inzenders (12 maanden na het besluit), onbevestigde inzendingen (7 dagen)") { now in
            try await store.purge(decidedBefore: now.addingTimeInterval(-TipRetention.senderData),
                                  unconfirmedBefore: now.addingTimeInterval(-TipRetention.unconfirmed))
        }
    }
}
