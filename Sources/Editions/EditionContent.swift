import Markup
import Catalogue
import CatalogueService
import Foundation
import Knowledge
import Newsletter

/// An edition with its catalogue blocks looked up: what the mail, the preview and the archive show.
/// Resolved once when sending starts, so every variant and the archive show the same offer.
public struct EditionContent: Sendable, Equatable {
    public struct Card: Sendable, Equatable {
        public var title: String
        public var summary: String
        public var url: String
        public var provider: String
        public var kind: String
    }

    public enum Block: Sendable, Equatable {
        case article(title: String, markdown: String, imageURL: String?, imageAlt: String?)
        case cards([Card])
        case agenda([AgendaItem])
    }

    public struct Section: Sendable, Equatable {
        public var title: String
        public var themes: [String]
        public var blocks: [Block]
    }

    public var subject: String
    public var intro: String
    public var sections: [Section]
    /// The archive address of the edition.
    public var archiveURL: String

    /// Only the sections a subscriber with these interests gets; sections left without blocks drop out.
    public func variant(for sections: [Int]) -> EditionContent {
        var copy = self
        copy.sections = sections.map { self.sections[$0] }
        return copy
    }

    /// Looks up every block in the live catalogue. `since`: where "new and updated" lists start (the
    /// previous edition); offerings no longer published are left out.
    /// Articles are looked up in `articles`; one no longer published is left out.
    public static func resolve(_ edition: Edition, catalogue: LiveCatalogue, articles: ArticleCollection = .empty, baseURL: String,
                               since: Date?) -> EditionContent {
        let taxonomy = catalogue.taxonomy
        func card(_ offering: Offering) -> Card {
            Card(title: offering.title, summary: offering.summary, url: baseURL + MailLinks.fill(MailLinks.offering, offering.slug),
                 provider: taxonomy.provider(offering.provider)?.name ?? offering.provider, kind: taxonomy.label(.kind, offering.kind))
        }
        let sections = edition.sections.map { section in
            Section(title: section.title, themes: section.themes, blocks: section.blocks.compactMap { block -> Block? in
                switch block {
                case .article(let title, let markdown, let imageURL, let imageAlt):
                    return .article(title: title, markdown: markdown, imageURL: imageURL, imageAlt: imageAlt)
                case .offering(let key):
                    let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
                    guard parts.count == 2, let offering = catalogue.offering(OfferingKey(provider: parts[0], id: parts[1])) else { return nil }
                    return .cards([card(offering)])
                case .newOfferings(let theme, let limit):
                    let found = catalogue.offerings(where: { offering in
                        (since.map { offering.updated > $0 } ?? true) && (theme.map { offering.themes.contains($0) } ?? true)
                    })
                    .sorted { ($0.updated, $0.title) > ($1.updated, $1.title) }
                    .prefix(max(limit, 1))
                    return found.isEmpty ? nil : .cards(found.map(card))
                case .agenda(let items):
                    return items.isEmpty ? nil : .agenda(items)
                case .knowledge(let id):
                    guard let article = articles.article(id) else { return nil }
                    let place = article.gemeente.flatMap { MunicipalityList.cbs.municipality($0)?.name }
                    return .cards([Card(title: article.title, summary: article.lead, url: baseURL + MailLinks.fill(MailLinks.article, article.id),
                                        provider: place.map { "Gemeente \($0)" } ?? "Weerbaar", kind: article.kind.label)])
                }
            })
        }
        return EditionContent(subject: edition.subject, intro: edition.intro, sections: sections,
                              archiveURL: baseURL + MailLinks.fill(MailLinks.archivedEdition, edition.slug))
    }
}

extension AgendaItem {
    /// The item's link when it is one the mail and the archive may show (http, https or mailto).
    public var safeURL: String? { url.flatMap { SafeMarkdown.isSafeLink($0) ? $0 : nil } }
}
