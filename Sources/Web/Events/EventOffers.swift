import Events
import Foundation
import Logging
import Mail

/// Freed seats whose offer ran out go to the next in line, who gets the offer by mail: what the
/// agenda's background job runs every half minute (a cancellation offers at once, in its request).
public struct EventOffers: Sendable {
    let site: SiteServices
    let events: EventServices

    public init?(site: SiteServices) {
        guard let events = site.events else { return nil }
        self.site = site
        self.events = events
    }

    /// Every event that has not ended; returns how many registrations got an offer.
    @discardableResult
    public func sweep(now: Date, logger: Logger) async -> Int {
        var offered = 0
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
