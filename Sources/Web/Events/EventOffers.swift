import Events
import Foundation
import Logging
import Mail

/// Freed seats whose offer ran out go to the next in line, who gets the offer by mail: what the
/// agenda's background job runs every half minute (a cancellation offers at once, in its request).
public struct EventOffers: Sendable {
    let site: SiteServices
    let events: EventServices
    /// True for exactly one caller per job and period, across instances (`ScheduledRuns`).
    let claim: @Sendable (_ job: String, _ period: String) async throws -> Bool

    public init?(site: SiteServices, claim: @escaping @Sendable (_ job: String, _ period: String) async throws -> Bool) {
        guard let events = site.events else { return nil }
        self.site = site
        self.events = events
        self.claim = claim
    }

    /// Reminders 7 days and 1 day before each session, to everyone confirmed, through the agenda's
    /// outbox (a theme day is a mass mailing: durable, once per person). Each reminder of each session
    /// is claimed once across instances, so nobody gets one twice. Returns how many were queued.
    @discardableResult
    public func remind(now: Date, logger: Logger) async -> Int {
        var queued = 0
        for event in events.live.upcoming(at: now) {
            for session in event.sessions {
                for days in [7, 1] {
                    let due = session.starts.addingTimeInterval(-Double(days) * 86_400)
                    // Due, and not so late that the reminder says something untrue.
                    guard now >= due, now < due.addingTimeInterval(12 * 3_600) else { continue }
                    do {
                        guard try await claim("event-reminder-\(days)", "\(event.slug)/\(session.id)") else { continue }
                        let reminder = EventMail.reminder(event, session: session, days: days)
                        queued += try await events.store.queue(EventMessage(event: event.slug, subject: reminder.subject, body: reminder.body,
                                                                            sentBy: "systeem", created: now), to: .confirmed)
                    } catch {
                        logger.error("Queueing event reminders failed", metadata: ["event": "\(event.slug)", "error": "\(error)"])
                    }
                }
            }
        }
        return queued
    }

    /// Every event that has not ended; returns how many registrations got an offer or an assignment.
    @discardableResult
    public func sweep(now: Date, logger: Logger) async -> Int {
        var offered = 0
        // Ranked choices are assigned once registration has closed; a second run finds nothing left.
        for event in events.live.upcoming(at: now) where event.allocation == .rankedChoice && now >= event.registrationCloses {
            do {
                let result = try await events.store.allocate(event, now: now)
                for id in Set(result.assignments.map(\.participant)) {
                    guard let registration = try await events.store.registration(id), let person = registration.person else { continue }
                    offered += 1
                    let mail = EventMail.allocated(registration, event, link: site.absolute(EventPaths.registration(events.token(id))))
                    try? await events.mailer.send(MailMessage(from: events.mailFrom, fromName: "Weerbaar agenda", to: [try MailAddress(person.email)],
                                                              subject: mail.subject, text: mail.text))
                }
            } catch {
                logger.error("Assigning ranked choices failed", metadata: ["event": "\(event.slug)", "error": "\(error)"])
            }
        }
        for event in events.live.upcoming(at: now) {
            do {
                for registration in try await events.store.expireOffers(event: event, now: now) {
                    offered += 1
                    guard let person = registration.person else { continue }
                    let mail = EventMail.offered(registration, event, link: site.absolute(EventPaths.registration(events.token(registration.id))))
                    do {
                        try await events.mailer.send(MailMessage(from: events.mailFrom, fromName: "Weerbaar agenda", to: [try MailAddress(person.email)],
                                                                 subject: mail.subject, text: mail.text))
                    } catch {
                        logger.error("Sending a seat offer failed", metadata: ["error": "\(error)"])
                    }
                }
            } catch {
                logger.error("Offering freed seats failed", metadata: ["event": "\(event.slug)", "error": "\(error)"])
            }
        }
        return offered
    }
}
