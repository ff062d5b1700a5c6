import Foundation
import Mail
import Newsletter

/// What the newsletter's public pages need, passed in once at composition.
public struct NewsletterServices: Sendable {
    public var subscribers: any SubscriberStore
    public var links: SignedLink
    public var mailer: any Mailer
    public var mailFrom: MailAddress
    /// Sign-ups and link actions per client.
    public var limiter: ClientRateLimiter
    /// The postal address of the sender organisation, in every e-mail.
    public var senderAddress: String
    public var secureCookies: Bool
    /// Editions, for the archive; nil serves no archive.
    public var editions: (any EditionStore)?
    /// Alerts on saved searches; nil offers none.
    public var alerts: (any AlertStore)?

    public init(subscribers: any SubscriberStore, links: SignedLink, mailer: any Mailer, mailFrom: MailAddress,
                limiter: ClientRateLimiter = ClientRateLimiter(limit: 5, window: 15 * 60), senderAddress: String, secureCookies: Bool, editions: (any EditionStore)? = nil,
                alerts: (any AlertStore)? = nil) {
        self.subscribers = subscribers
        self.links = links
        self.mailer = mailer
        self.mailFrom = mailFrom
        self.limiter = limiter
        self.senderAddress = senderAddress
        self.secureCookies = secureCookies
        self.editions = editions
        self.alerts = alerts
    }

    static let formCookie = "weerbaar_nieuwsbrief"
}
