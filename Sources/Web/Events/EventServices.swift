import Events
import Foundation
import Logging
import Mail
import Newsletter
import CatalogueService

/// What the events feature is given: the events as published, the store of registrations, the
/// signed personal links, the mailer, and a per-client limit on registrations.
public struct EventServices: Sendable {
    public var live: LiveEvents
    public var store: any EventStore
    public var links: SignedLink
    public var mailer: any Mailer
    public var mailFrom: MailAddress
    public var limiter: ClientRateLimiter
    public var secureCookies: Bool

    public init(live: LiveEvents, store: any EventStore, links: SignedLink, mailer: any Mailer, mailFrom: MailAddress,
                limiter: ClientRateLimiter = ClientRateLimiter(limit: 10, window: 3600), secureCookies: Bool) {
        self.live = live
        self.store = store
        self.links = links
        self.mailer = mailer
        self.mailFrom = mailFrom
        self.limiter = limiter
        self.secureCookies = secureCookies
    }

    static let formCookie = "weerbaar_aanmelding"

    /// Reads the events from the store into the live agenda (after an organiser's save).
    func reload(catalogue: LiveCatalogue, logger: Logger) async {
        do {
            live.replace(with: try await store.events(), analyzer: catalogue.analyzer)
        } catch {
            logger.error("Reloading the agenda failed", metadata: ["error": "\(error)"])
        }
    }

    func token(_ registration: UUID) -> String { links.token(.registration, subscriber: registration, expires: nil) }
}
