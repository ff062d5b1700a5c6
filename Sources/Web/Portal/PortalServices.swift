import Editions
import Accounts
import Audit
import Catalogue
import Foundation
import Handbook
import Knowledge
import Mail
import Newsletter

/// What the portal (`/beheer`) needs, passed in once at composition.
public struct PortalServices: Sendable {
    public var accounts: any AccountStore
    public var signIn: SignInService
    /// Cookies get `Secure` when the site is served over TLS (BASE_URL starts with https).
    public var secureCookies: Bool
    public var links: AccountLinks
    public var mailer: any Mailer
    /// For mail a visitor who is not signed in asks for (a reset link). It should deliver in the
    /// background, so the answer does not take longer when the address has an account.
    public var anonymousMailer: any Mailer
    public var mailFrom: MailAddress
    public var audit: any AuditLog
    /// The catalogue's store, for what the portal changes in it.
    public var catalogueStore: any CatalogueStore
    /// Drafts, review, archive and history.
    public var editorial: any EditorialStore
    /// Providers' details and logos.
    public var providers: any ProviderStore
    public var vocabularies: any VocabularyStore
    /// WeerbaarNL editions; nil serves no newsletter pages in the portal.
    public var newsletter: PortalNewsletter?
    /// The handbook's entries, their workflow and history; nil serves no handbook pages in the portal.
    public var handbook: (any HandbookStore)?
    /// Articles with their workflow and history; nil serves no article pages in the portal.
    public var articles: (any ArticleStore)?

    public init(accounts: any AccountStore, signIn: SignInService, links: AccountLinks, mailer: any Mailer, mailFrom: MailAddress,
                audit: any AuditLog, catalogueStore: any CatalogueStore, editorial: any EditorialStore, providers: any ProviderStore,
                vocabularies: any VocabularyStore, secureCookies: Bool, newsletter: PortalNewsletter? = nil, anonymousMailer: (any Mailer)? = nil) {
        self.newsletter = newsletter
        self.vocabularies = vocabularies
        self.editorial = editorial
        self.providers = providers
        self.catalogueStore = catalogueStore
        self.audit = audit
        self.accounts = accounts
        self.signIn = signIn
        self.links = links
        self.mailer = mailer
        self.anonymousMailer = anonymousMailer ?? mailer
        self.mailFrom = mailFrom
        self.secureCookies = secureCookies
    }

    static let sessionCookie = "weerbaar_sessie"
    /// The sign-in form's CSRF token before there is a session (double-submit cookie).
    static let formCookie = "weerbaar_formulier"
}

/// What the portal's newsletter pages need.
public struct PortalNewsletter: Sendable {
    public var dispatch: EditionDispatch
    public var outbox: any OutboxStore
    public var links: SignedLink

    public init(dispatch: EditionDispatch, outbox: any OutboxStore, links: SignedLink) {
        self.dispatch = dispatch
        self.outbox = outbox
        self.links = links
    }

    var editions: any EditionStore { dispatch.editions }
    var subscribers: any SubscriberStore { dispatch.subscribers }
}
