import Events
import CatalogueService
import Handbook
import Knowledge
import SearchLog

/// What every page and route needs from the application, passed in once at composition.
public struct SiteServices: Sendable {
    public var catalogue: LiveCatalogue
    /// The published Handboek maatschappelijke onrust, learning routes and experts per theme.
    public var handbook = LiveHandbook()
    /// The published articles and magazine editions.
    public var articles = LiveArticles()
    /// The public address without a trailing slash, for canonical links, the sitemap and the feed.
    public var baseURL: String

    /// Rendered public pages; see `PageCache` for what may go in.
    public var pages: PageCache
    /// Searches made on the public pages, without anything about who made them.
    public var searchLog: SearchLogRecorder
    /// The portal at /beheer; nil serves the public site only.
    public var portal: PortalServices?
    /// WeerbaarNL subscriptions; nil serves no newsletter pages (and no footer form).
    public var newsletter: NewsletterServices?
    /// Needs surveys, feedback on offerings and the white spots; nil serves none of them.
    public var insight: InsightServices?
    /// Tips from readers (`/tip-ons`) and their moderation; nil serves neither.
    public var tips: TipServices?
    /// The agenda, events and registrations; nil serves none of them.
    public var events: EventServices?
    /// Whether the database answers (for `/readyz`); nil: not checked.
    public var databaseAnswers: (@Sendable () async -> Bool)?
    /// The catalogue is the demo's: every page says, in a banner, that its content is example data.
    public var isDemo = false
    /// Reverse proxies whose `X-Forwarded-For` names the client (TRUSTED_PROXIES); none by default.
    public var trustedProxies: TrustedProxies = .none

    public init(catalogue: LiveCatalogue, baseURL: String, pageCache: PageCache = PageCache(capacity: 500),
                searchLog: SearchLogRecorder = SearchLogRecorder(), portal: PortalServices? = nil, newsletter: NewsletterServices? = nil) {
        self.newsletter = newsletter
        self.catalogue = catalogue
        self.pages = pageCache
        self.searchLog = searchLog
        self.portal = portal
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
    }

    func absolute(_ path: String) -> String { baseURL + path }

    /// What a cached public page depends on: the catalogue, the handbook (theme pages show the
    /// handbook's experts and routes) and the articles. Any of them changing makes every cached page stale.
    var contentGeneration: Int {
        ((catalogue.generation &* 1_000_003 &+ handbook.generation) &* 1_000_033 &+ articles.generation) &* 1_000_037 &+ (events?.live.generation ?? 0)
    }
}
