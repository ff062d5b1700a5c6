import Editions
import Foundation
import Logging
import Mail
import Newsletter
import ServiceLifecycle
import Web

/// Inside `weerbaar serve`: starts scheduled editions when their time comes, and drains an outbox
/// (the newsletter's, or the agenda's messages to participants, which has no editions). Every
/// instance runs it. Starting is a conditional update, so one instance enqueues an edition;
/// claiming is row-locked, so instances send disjoint messages. Rows left in doubt by a crashed
/// instance are closed as failed once their lease runs out, never sent twice.
struct NewsletterSending: Service {
    /// Nil for a queue without scheduled editions.
    let dispatch: EditionDispatch?
    let outbox: any OutboxStore
    /// Nil without SMTP_URL: editions are still enqueued, and wait in the outbox.
    let sender: OutboxSender?
    let logger: Logger
    /// How often scheduled editions and stranded rows are looked at; at most the lease.
    var housekeepingEvery: Duration = .seconds(30)
    var idle: Duration = .seconds(2)

    func run() async throws {
        var lastHousekeeping = ContinuousClock.now - .seconds(3600)
        var pause: Duration = .zero
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            if ContinuousClock.now - lastHousekeeping >= housekeepingEvery {
                await housekeeping(now: Date())
                lastHousekeeping = .now
            }
            // A shutdown cancels the round: messages waiting for the rate go back to the queue, none is left in doubt.
            let next = await cancelWhenGracefulShutdown { await sendRound() }
            if Task.isShuttingDownGracefully || Task.isCancelled { break }
            pause = next ?? min(max(pause * 2, .seconds(5)), .seconds(300))
            let wait = pause
            if wait > .zero { try? await cancelWhenGracefulShutdown { try await Task.sleep(for: wait) } }
        }
    }

    /// Scheduled editions whose time has come, and rows stranded by a crashed instance.
    func housekeeping(now: Date) async {
        do {
            for edition in try await dispatch?.editions.dueEditions(now: now) ?? [] {
                if let started = try await dispatch?.start(edition, now: now) {
                    logger.info("Scheduled edition started", metadata: ["edition": "\(edition.slug)", "messages": "\(started.messages)"])
                }
            }
            let recovered = try await outbox.recoverInterrupted(now: now)
            if recovered > 0 {
                logger.warning("Messages left in doubt by an interrupted worker are closed as failed, not resent",
                               metadata: ["count": "\(recovered)"])
            }
        } catch {
            logger.error("Newsletter housekeeping failed", metadata: ["error": "\(error)"])
        }
    }

    /// One round of sending. The pause before the next: none after work, `idle` when nothing was due,
    /// nil (back off) when the SMTP server could not be reached.
    func sendRound() async -> Duration? {
        guard let sender else { return .seconds(30) }
        do {
            let round = try await sender.sendDue()
            if let problem = round.connectionProblem {
                logger.warning("Newsletter sending paused: the SMTP server is not reachable", metadata: ["error": "\(problem)"])
                return nil
            }
            if round.claimed > 0 {
                logger.debug("Newsletter round", metadata: ["sent": "\(round.sent)", "retried": "\(round.retried)",
                                                            "failed": "\(round.failed)", "bounced": "\(round.bounced)"])
                return .zero
            }
            return idle
        } catch {
            logger.error("Newsletter sending failed", metadata: ["error": "\(error)"])
            return nil
        }
    }
}
