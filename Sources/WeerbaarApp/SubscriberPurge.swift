import Foundation
import Logging
import Newsletter
import ServiceLifecycle

/// Inside `weerbaar serve`: once an hour, removes newsletter sign-ups not confirmed within seven days,
/// and forgets whom the outbox's finished messages went to after `OutboxRetention.recipients`.
/// Deleting what is already gone changes nothing, so every instance may run it without a claim.
struct SubscriberPurge: Service {
    let subscribers: any SubscriberStore
    var alerts: (any AlertStore)? = nil
    var outbox: (any OutboxStore)? = nil
    let logger: Logger

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            await tick(now: Date())
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(3600)) }
        }
    }

    @discardableResult
    func tick(now: Date) async -> Int {
        do {
            let before = now.addingTimeInterval(-Subscriber.confirmWithin)
            let purged = try await subscribers.purgeUnconfirmed(before: before) + (try await alerts?.purgeUnconfirmed(before: before) ?? 0)
            if purged > 0 { logger.info("Purged unconfirmed newsletter sign-ups", metadata: ["count": "\(purged)"]) }
            try await outbox?.forgetRecipients(finishedBefore: now.addingTimeInterval(-OutboxRetention.recipients))
            return purged
        } catch {
            logger.error("Purging unconfirmed newsletter sign-ups failed", metadata: ["error": "\(error)"])
            return 0
        }
    }
}
