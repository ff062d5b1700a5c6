import Foundation
import Knowledge
import Mail
import Newsletter

/// What the tips feature is given: the store, the mailer for the sender's mail, and a per-client
/// limit on the public form.
public struct TipServices: Sendable {
    public var store: any TipStore
    /// Signs the sender's personal link (purpose `.tip`): it can be mailed again at every step, and
    /// the database keeps only its hash.
    public var links: SignedLink
    /// Where an accepted tip's draft goes, and what the public pages reload after it.
    public var articles: any ArticleStore
    public var mailer: any Mailer
    public var mailFrom: MailAddress
    /// Tips per client (and per address) per hour: a rate limit instead of a CAPTCHA.
    public var limiter: ClientRateLimiter
    public var secureCookies: Bool

    public init(store: any TipStore, links: SignedLink, articles: any ArticleStore, mailer: any Mailer, mailFrom: MailAddress,
                limiter: ClientRateLimiter = ClientRateLimiter(limit: 5, window: 3600), secureCookies: Bool) {
        self.store = store
        self.links = links
        self.articles = articles
        self.mailer = mailer
        self.mailFrom = mailFrom
        self.limiter = limiter
        self.secureCookies = secureCookies
    }

    static let formCookie = "weerbaar_tip"
}
