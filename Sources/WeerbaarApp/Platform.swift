import Editions
import Accounts
import Audit
import Catalogue
import CatalogueService
import Events
import Foundation
import Handbook
import Insight
import Knowledge
import Hummingbird
import Logging
import Mail
import Newsletter
import SearchLog
import Storage
import Web

/// The composition root: opens the database, migrates, wires stores, services and routes. Commands
/// and tests build the platform through here and nowhere else.
public struct Platform: Sendable {
    public let configuration: Configuration
    public let database: WeerbaarDatabase
    public let store: FluentCatalogueStore
    public let catalogue: LiveCatalogue
    /// The published handbook, as the public pages read it; reloaded after every change.
    public let handbook = LiveHandbook()
    /// The published articles and magazine editions, as the public pages read them.
    public let articles = LiveArticles()
    /// The published events, as the agenda reads them; seats are read from the store.
    public let events = LiveEvents()
    /// Searches made on public pages, waiting to be written; see `SearchLogFlusher`.
    public let searchLog = SearchLogRecorder()
    public let logger: Logger
    /// The catalogue is the demo's (loaded by `serve` into an empty database, or by `weerbaar demo`).
    public let isDemo: Bool
    /// Signs the newsletter's personal links.
    public let links: SignedLink
    /// Delivers mail that public forms ask for (newsletter and alert confirmations, reset links) off
    /// the request path; runs as a service of `application()` (tests that build their own add it).
    public let backgroundMailer: BackgroundMailer
    /// Newsletter sign-ups and link actions per client, shared by every router this platform builds.
    var newsletterLimiter: ClientRateLimiter { limiterBox }
    private let limiterBox: ClientRateLimiter
    /// Tips per client and address: one limiter for every `site()` of this process.
    let tipLimiter: ClientRateLimiter
    /// Event registrations per client: one limiter for every `site()` of this process.
    let registrationLimiter: ClientRateLimiter

    /// Opens and migrates the database and loads the live catalogue.
    public static func start(_ configuration: Configuration, logger: Logger, seedDemoWhenEmpty: Bool = false) async throws -> Platform {
        let database = try WeerbaarDatabase.open(configuration.database, logger: logger)
        do {
            try await database.migrate()
            let store = FluentCatalogueStore(database: database)
            if seedDemoWhenEmpty, try await store.offeringCount() == 0 {
                do {
                    let summary = try await DemoCatalogue.load(from: configuration.demoDirectory, into: CatalogueImporter(store: store),
                                                               database: database)
                    logger.info("Loaded the demo catalogue", metadata: ["offerings": "\(summary.created.count)"])
                } catch let missing as DemoCatalogue.Missing {
                    // Started outside the repository: serve an empty catalogue rather than refuse to start.
                    logger.warning("\(missing); starting with an empty catalogue (set DEMO_DIR to load it)")
                }
            }
            let catalogue = LiveCatalogue(taxonomy: try await store.taxonomy(), offerings: try await store.allOfferings())
            let published = try await SQLHandbookStore(database: database).published()
            let secret: Data
            if let configured = configuration.linkSecret { secret = configured } else { secret = try await SiteSecrets.secret("links", database: database) }
            let isDemo = try await SiteSettings.value(SiteSettings.demoCatalogue, database: database) != nil
            let platform = Platform(configuration: configuration, database: database, store: store, catalogue: catalogue, logger: logger, isDemo: isDemo,
                            links: SignedLink(secret: secret), backgroundMailer: BackgroundMailer(mailer: mailer(configuration, logger), logger: logger),
                            limiterBox: ClientRateLimiter(limit: configuration.newsletterSignUpsPerClient, window: 15 * 60),
                            tipLimiter: ClientRateLimiter(limit: configuration.tipsPerClient, window: 3600),
                            registrationLimiter: ClientRateLimiter(limit: configuration.registrationsPerClient, window: 3600))
            platform.handbook.replace(with: published)
            platform.articles.replace(with: try await SQLArticleStore(database: database).published(), analyzer: catalogue.analyzer)
            platform.events.replace(with: try await SQLEventStore(database: database).events(), analyzer: catalogue.analyzer)
            return platform
        } catch {
            await database.shutdown()
            throw error
        }
    }

    public var importer: CatalogueImporter { CatalogueImporter(store: store, live: catalogue) }

    public var searchLogStore: any SearchLogStore { SQLSearchLogStore(database: database) }

    public var accounts: any AccountStore { FluentAccountStore(database: database) }

    public var handbookStore: any HandbookStore { SQLHandbookStore(database: database) }
    public var articleStore: any ArticleStore { SQLArticleStore(database: database) }
    public var tipStore: any TipStore { SQLTipStore(database: database) }
    public var eventStore: any EventStore { SQLEventStore(database: database) }
    public var surveyStore: any SurveyStore { SQLSurveyStore(database: database) }
    public var audit: any AuditLog { FluentAuditLog(database: database) }
    public var editorial: any EditorialStore { FluentEditorialStore(database: database) }
    public var subscribers: any SubscriberStore { FluentSubscriberStore(database: database) }
    public var editions: any EditionStore { SQLEditionStore(database: database) }
    public var outbox: any OutboxStore { SQLOutboxStore(database: database) }
    /// Organisers' messages to an event's participants: an outbox of the same shape.
    public var eventOutbox: any OutboxStore { SQLOutboxStore(database: database, queue: .agenda) }
    public var alerts: any AlertStore { FluentAlertStore(database: database) }
    public var alertDigest: AlertDigest {
        AlertDigest(alerts: alerts, catalogue: catalogue, mailer: mailer, links: links, from: configuration.mailFrom, baseURL: configuration.baseURL,
                    senderAddress: configuration.newsletterSenderAddress)
    }
    public var editionDispatch: EditionDispatch {
        EditionDispatch(editions: editions, subscribers: subscribers, catalogue: catalogue, articles: articles, baseURL: configuration.baseURL,
                        senderAddress: configuration.newsletterSenderAddress, countClicks: configuration.newsletterClickCounting)
    }
    /// The outbox's sender, or nil without SMTP_URL (the outbox then waits).
    public func outboxSender(worker: String? = nil) -> OutboxSender? {
        sender(outbox, EditionComposer(editions: editions, links: links, baseURL: configuration.baseURL, from: configuration.mailFrom),
               connections: configuration.newsletterConnections, worker: worker)
    }
    /// The agenda outbox's sender, or nil without SMTP_URL.
    public func eventOutboxSender(worker: String? = nil) -> OutboxSender? {
        sender(eventOutbox, EventMessageComposer(store: eventStore, links: links, baseURL: configuration.baseURL, from: configuration.mailFrom,
                                                 organiser: { [catalogue] in catalogue.taxonomy.provider($0)?.name }),
               connections: 2, worker: worker)
    }
    /// A sender for one outbox, with the newsletter's lease, retries and rate.
    private func sender(_ store: any OutboxStore, _ composer: any OutboxComposer, connections: Int, worker: String?) -> OutboxSender? {
        guard let smtp = configuration.smtp else { return nil }
        let settings = OutboxSender.Settings(connections: connections, lease: configuration.newsletterLeaseSeconds,
                                             retry: RetryPolicy(base: configuration.newsletterRetrySeconds))
        return OutboxSender(store: store, composer: composer, client: SMTPClient(configuration: smtp),
                            rate: SendRate(perSecond: configuration.newsletterRate), settings: settings,
                            worker: worker ?? OutboxSender.newWorkerName())
    }
    /// SMTP when SMTP_URL is set, else the log.
    public var mailer: any Mailer { Self.mailer(configuration, logger) }
    private static func mailer(_ configuration: Configuration, _ logger: Logger) -> any Mailer {
        configuration.smtp.map { SMTPClient(configuration: $0) } ?? LogMailer(logger: logger)
    }
    public var whiteSpotDigest: WhiteSpotDigestRun {
        WhiteSpotDigestRun(site: site(), accounts: accounts, subscribers: SQLWhiteSpotDigestStore(database: database), mailer: mailer,
                           from: configuration.mailFrom)
    }
    public var freshnessDigest: FreshnessDigest {
        FreshnessDigest(accounts: accounts, catalogue: catalogue, mailer: mailer, from: configuration.mailFrom, baseURL: configuration.baseURL)
    }

    public func router() -> Router<WeerbaarRequestContext> {
        WebRouter.build(site: site(), context: WeerbaarRequestContext.self)
    }

    /// What the web layer is given: the catalogue, the portal's and the newsletter's services.
    public func site() -> SiteServices {
        let mailer = self.mailer
        let portal = PortalServices(accounts: accounts, signIn: SignInService(store: accounts, cost: configuration.bcryptCost),
                                   links: AccountLinks(store: accounts, cost: configuration.bcryptCost), mailer: mailer,
                                   mailFrom: configuration.mailFrom, audit: audit, catalogueStore: store, editorial: editorial,
                                   providers: FluentProviderStore(database: database),
                                   vocabularies: FluentVocabularyStore(database: database), secureCookies: configuration.baseURL.hasPrefix("https://"),
                                   newsletter: PortalNewsletter(dispatch: editionDispatch, outbox: outbox, links: links),
                                   anonymousMailer: backgroundMailer)
        // With no retention there is no search log: the recorder keeps nothing.
        var site = SiteServices(catalogue: catalogue, baseURL: configuration.baseURL,
                               pageCache: PageCache(capacity: configuration.pageCacheEntries),
                               searchLog: configuration.searchLogRetentionDays > 0 ? searchLog : SearchLogRecorder(capacity: 0),
                               portal: portal,
                               newsletter: NewsletterServices(subscribers: subscribers, links: links, mailer: backgroundMailer,
                                                             mailFrom: configuration.mailFrom, limiter: newsletterLimiter,
                                                             senderAddress: configuration.newsletterSenderAddress,
                                                             secureCookies: configuration.baseURL.hasPrefix("https://"), editions: editions,
                                                             alerts: alerts))
        site.trustedProxies = configuration.trustedProxies
        site.databaseAnswers = { [database] in await database.answers() }
        site.isDemo = isDemo
        site.handbook = handbook
        site.articles = articles
        site.portal?.handbook = handbookStore
        site.portal?.articles = articleStore
        site.events = EventServices(live: events, store: eventStore, links: links, mailer: backgroundMailer, mailFrom: configuration.mailFrom,
                                    limiter: registrationLimiter, secureCookies: configuration.baseURL.hasPrefix("https://"))
        site.tips = TipServices(store: tipStore, links: links, articles: articleStore, mailer: backgroundMailer,
                                mailFrom: configuration.mailFrom, limiter: tipLimiter, secureCookies: configuration.baseURL.hasPrefix("https://"))
        let surveys = SQLSurveyStore(database: database)  // surveys and feedback share one store
        let secure = configuration.baseURL.hasPrefix("https://")
        site.insight = InsightServices(surveys: surveys, feedback: surveys, searchLog: searchLogStore, secureCookies: secure,
                                       digest: SQLWhiteSpotDigestStore(database: database))
        return site
    }

    /// Every feature's retention: what is deleted, and after how long (the privacy statement says the same).
    var retentionRules: [RetentionRule] {
        [.unconfirmedSignUps(subscribers, alerts: alerts), .outboxRecipients(outbox),
         .outboxRecipients(eventOutbox, name: "agenda: ontvangers van berichten aan deelnemers"),
         .searchLog(searchLogStore, days: max(configuration.searchLogRetentionDays, 1)), .tips(tipStore),
         .events(eventStore, months: configuration.eventRetentionMonths)]
    }

    public func application() -> some ApplicationProtocol {
        // One set of services for the routes and the agenda's job: one page cache, one of each limiter.
        let site = site()
        return Application(
            router: WebRouter.build(site: site, context: WeerbaarRequestContext.self),
            server: ConnectionsPerClient(limit: configuration.connectionsPerClient, trustedProxies: configuration.trustedProxies)
                .http1(.init(idleTimeout: .seconds(Int64(configuration.idleTimeoutSeconds)))),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Weerbaar"),
            services: [
                backgroundMailer,
                SearchLogFlusher(recorder: searchLog, store: searchLogStore, interval: .seconds(5), logger: logger),
                WeeklyJob(job: "freshness-digest", label: "Freshness digest", fromHour: 7, runs: ScheduledRuns(database: database), logger: logger,
                          send: { [digest = freshnessDigest] in try await digest.send(today: $0, logger: $1) }),
                WeeklyJob(job: "white-spot-digest", label: "White-spot digest", fromHour: 8, runs: ScheduledRuns(database: database), logger: logger,
                          send: { [digest = whiteSpotDigest] in try await digest.send(today: $0, logger: $1) }),
                RetentionJob(rules: retentionRules, logger: logger),
                EventOfferJob(offers: EventOffers(site: site, claim: { [runs = ScheduledRuns(database: database)] in
                    try await runs.claim(job: $0, period: $1)
                })!, logger: logger),
                AlertDigestService(digest: alertDigest, runs: ScheduledRuns(database: database), logger: logger),
                NewsletterSending(dispatch: editionDispatch, outbox: outbox, sender: outboxSender(), logger: logger,
                                  housekeepingEvery: .seconds(min(30, configuration.newsletterLeaseSeconds))),
                NewsletterSending(dispatch: nil, outbox: eventOutbox, sender: eventOutboxSender(), logger: logger,
                                  housekeepingEvery: .seconds(min(30, configuration.newsletterLeaseSeconds))),
            ],
            logger: logger)
    }

    public func shutdown() async {
        await database.shutdown()
    }
}

/// The demo catalogue: exchange files under `data/demo/`.
public enum DemoCatalogue {
    public struct Missing: Error, CustomStringConvertible {
        public var directory: String
        public var description: String { "No demo catalogue found in \(directory) (expected *.json exchange files)" }
    }

    /// The demo handbook beside the demo files (`handboek/handboek.json`), if there is one.
    public static func handbookFile(in directory: String) -> URL? {
        let url = URL(fileURLWithPath: directory).appendingPathComponent("handboek/handboek.json")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// Loads the demo handbook, checked against the catalogue just loaded, with its entries' dates
    /// moved like the catalogue's; replaces what was there.
    public static func loadHandbook(from directory: String, store: any CatalogueStore, into handbook: any HandbookStore,
                                    today: Day = Day(Date())) async throws {
        guard let url = handbookFile(in: directory) else { return }
        let offerings = Dictionary(try await store.allOfferings().map { ($0.key, $0) }) { a, _ in a }
        switch HandbookFile.read(try Data(contentsOf: url), offerings: offerings, taxonomy: try await store.taxonomy()) {
        case .success(var read):
            read.entries = read.entries.map { entry in
                var entry = entry
                entry.date = moved(entry.date, to: today)
                entry.reviewBy = moved(entry.reviewBy, to: today)
                return entry
            }
            try await handbook.replace(with: read, by: .system)
        case .failure(let rejected): throw rejected
        }
    }

    /// Loads the demo's articles and magazine editions (`artikelen/artikelen.json`), checked against the
    /// catalogue just loaded, their dates moved like the catalogue's; replaces what was there.
    public static func loadArticles(from directory: String, store: any CatalogueStore, into articles: any ArticleStore,
                                    today: Day = Day(Date())) async throws {
        let url = URL(fileURLWithPath: directory).appendingPathComponent("artikelen/artikelen.json")
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        let keys = Set(try await store.allOfferings().map(\.key.description))
        switch ArticleFile.read(try Data(contentsOf: url), taxonomy: try await store.taxonomy(), offering: keys.contains,
                                movingDays: today.ordinal - writtenAsOf.ordinal) {
        case .success(let collection): try await articles.replace(with: collection)
        case .failure(let rejected): throw rejected
        }
    }

    /// Records that this installation runs on the demo catalogue, so its pages say so.
    public static func mark(_ database: WeerbaarDatabase) async throws {
        try await SiteSettings.set(SiteSettings.demoCatalogue, to: ISO8601DateFormatter().string(from: Date()), database: database)
    }

    /// The day the demo's files are written as of. A load moves every date by the days since, so a demo
    /// loaded today shows what the files show as of this day: most offerings current, a few due soon, a
    /// few overdue (data/demo/README.md), whenever it is loaded.
    public static let writtenAsOf = Day("2026-06-01")!

    /// The record as it reads when loaded on `today`: its dates moved by the days since `writtenAsOf`.
    public static func moved(_ record: OfferingRecord, to today: Day) -> OfferingRecord {
        var record = record
        record.published = moved(record.published, to: today)
        record.reviewBy = moved(record.reviewBy, to: today)
        return record
    }

    /// A date of the demo files as it reads when loaded on `today`: moved by the days since `writtenAsOf`.
    static func moved(_ day: Day?, to today: Day) -> Day? {
        day?.adding(days: today.ordinal - writtenAsOf.ordinal)
    }

    /// Imports the demo files in one transaction, with their dates moved to today, and marks the site as
    /// a demo.
    public static func load(from directory: String, into importer: CatalogueImporter, database: WeerbaarDatabase,
                            today: Day = Day(Date())) async throws -> UpsertSummary {
        let summary = try await importer.importFiles(try files(in: directory)) { moved($0, to: today) }
        try await loadHandbook(from: directory, store: importer.store, into: SQLHandbookStore(database: database), today: today)
        try await DemoSurveys.load(into: SQLSurveyStore(database: database), taxonomy: try await importer.store.taxonomy(), today: today)
        try await loadArticles(from: directory, store: importer.store, into: SQLArticleStore(database: database), today: today)
        try await DemoTips.load(into: SQLTipStore(database: database))
        try await SQLEventStore(database: database).replace(with: DemoEvents.events())
        try await mark(database)
        return summary
    }

    public static func files(in directory: String) throws -> [CatalogueImporter.File] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let files = try names.filter { $0.hasSuffix(".json") || $0.hasSuffix(".csv") }.sorted().map { name in
            CatalogueImporter.File(name: name, data: try Data(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent(name)))
        }
        guard !files.isEmpty else { throw Missing(directory: directory) }
        return files
    }
}
