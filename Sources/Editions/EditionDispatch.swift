import Markup
import CatalogueService
import Foundation
import Knowledge
import Newsletter

/// Starts sending an edition: looks up its catalogue blocks once, renders one variant per combination
/// of sections that subscribers' interests call for (plus the archive's), and enqueues one message
/// per subscriber, all in one transaction. What differs per subscriber (their links) is filled in
/// at sending, so 100,000 subscribers cost a handful of renderings.
public struct EditionDispatch: Sendable {
    public let editions: any EditionStore
    public let subscribers: any SubscriberStore
    public let catalogue: LiveCatalogue
    /// The published articles, for an edition's article blocks.
    public let articles: LiveArticles
    public let baseURL: String
    public let senderAddress: String
    /// Whether the mail's content links are counted (`NEWSLETTER_CLICK_COUNTING`); see `ClickCounting`.
    public let countClicks: Bool

    public init(editions: any EditionStore, subscribers: any SubscriberStore, catalogue: LiveCatalogue, articles: LiveArticles = LiveArticles(),
                baseURL: String, senderAddress: String, countClicks: Bool = false) {
        self.articles = articles
        self.countClicks = countClicks
        self.editions = editions
        self.subscribers = subscribers
        self.catalogue = catalogue
        self.baseURL = baseURL
        self.senderAddress = senderAddress
    }

    /// The archive's rendering, stored beside the variants so the archive shows what was sent.
    public static let archiveVariant = "archief"

    public struct Started: Sendable, Equatable {
        public var messages: Int
        public var variants: Int
    }

    /// Nil when the edition had already started (another instance, or a double click).
    public func start(_ edition: Edition, now: Date = Date()) async throws -> Started? {
        let content = try await resolve(edition, now: now)
        let (mailContent, links) = countClicks ? ClickCounting.counting(content, baseURL: baseURL) : (content, [])
        let recipients = try await subscribers.recipients()
        var variants: [String: EditionVariant] = [:]
        var messages: [NewOutboxMessage] = []
        messages.reserveCapacity(recipients.count)
        for recipient in recipients {
            let key = EditionVariant.key(for: edition.sections, interests: recipient.interests)
            if variants[key] == nil {
                let included = edition.sections.indices.filter { edition.sections[$0].isIncluded(for: recipient.interests) }
                variants[key] = render(mailContent.variant(for: included), key: key)
            }
            messages.append(NewOutboxMessage(variant: key, recipient: recipient.email, subscriberID: recipient.subscriberID))
        }
        let archive = EditionVariant(key: Self.archiveVariant, subject: content.subject, html: EditionFragment.html(content),
                                     text: EditionMail.text(content, senderAddress: senderAddress))
        guard try await editions.startSending(edition.id, variants: Array(variants.values) + [archive], links: links, messages: messages,
                                              now: now) else {
            return nil
        }
        return Started(messages: messages.count, variants: variants.count)
    }

    /// The content as it would go out now (the preview and the test mail use it too).
    public func resolve(_ edition: Edition, now: Date = Date()) async throws -> EditionContent {
        let since = try await editions.previousSendStart(before: now)
        return EditionContent.resolve(edition, catalogue: catalogue, articles: articles.collection, baseURL: baseURL, since: since)
    }

    public func render(_ content: EditionContent, key: String) -> EditionVariant {
        EditionVariant(key: key, subject: content.subject, html: EditionMail.html(content, senderAddress: senderAddress),
                       text: EditionMail.text(content, senderAddress: senderAddress))
    }
}
