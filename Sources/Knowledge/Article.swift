import Catalogue
import Foundation

/// An article: a practice example, interview, background piece, news item, infoblad or column, with
/// its themes, the offerings it relates to and, for a practice example, the fields practitioners look
/// for. Articles and magazine editions are read from `weerbaar.articles/v1` (`ArticleFile`).
public struct Article: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case practice = "praktijkvoorbeeld"
        case interview
        case background = "achtergrond"
        case news = "nieuws"
        case infoblad
        case column

        public var label: String {
            switch self {
            case .practice: "Praktijkvoorbeeld"
            case .interview: "Interview"
            case .background: "Achtergrond"
            case .news: "Nieuws"
            case .infoblad: "Infoblad"
            case .column: "Column"
            }
        }
    }

    /// What a practice example tells, in the order practitioners read it.
    public struct Practice: Sendable, Hashable, Codable {
        public var aanleiding: String
        public var aanpak: String
        public var resultaat: String
        public var lessen: String
        public var betrokken: String
        /// Only with the consent of the person named; a role "via de redactie" otherwise.
        public var contact: String?

        public init(aanleiding: String, aanpak: String, resultaat: String, lessen: String, betrokken: String, contact: String? = nil) {
            self.aanleiding = aanleiding
            self.aanpak = aanpak
            self.resultaat = resultaat
            self.lessen = lessen
            self.betrokken = betrokken
            self.contact = contact
        }

        /// The fields with their Dutch headings, in reading order.
        public var sections: [(heading: String, text: String)] {
            [("Aanleiding", aanleiding), ("Aanpak", aanpak), ("Resultaat", resultaat), ("Lessen", lessen), ("Wie waren betrokken", betrokken)]
        }
    }

    /// A public note for a major edit (as GOV.UK keeps them); minor edits have none.
    public struct ChangeNote: Sendable, Hashable, Codable {
        public var date: Day
        public var note: String
        public init(date: Day, note: String) {
            self.date = date
            self.note = note
        }
    }

    public var id: String
    public var kind: Kind
    public var title: String
    public var lead: String
    /// Safe Markdown, as offerings' descriptions.
    public var body: String
    public var authors: [String]
    public var themes: [String]
    /// Related offerings as "provider/id".
    public var offerings: [String]
    /// A CBS code.
    public var gemeente: String?
    public var published: Day
    public var updated: Day?
    public var changeNotes: [ChangeNote]
    public var reviewBy: Day?
    public var practice: Practice?

    public init(id: String, kind: Kind, title: String, lead: String, body: String, authors: [String] = [], themes: [String] = [],
                offerings: [String] = [], gemeente: String? = nil, published: Day, updated: Day? = nil, changeNotes: [ChangeNote] = [],
                reviewBy: Day? = nil, practice: Practice? = nil) {
        self.id = id
        self.kind = kind
        self.title = title
        self.lead = lead
        self.body = body
        self.authors = authors
        self.themes = themes
        self.offerings = offerings
        self.gemeente = gemeente
        self.published = published
        self.updated = updated
        self.changeNotes = changeNotes
        self.reviewBy = reviewBy
        self.practice = practice
    }

    /// The last change a reader should know of: the newest change note's day, or the update, or publication.
    public var lastUpdated: Day { ([updated, changeNotes.map(\.date).max()].compactMap { $0 }.max()) ?? published }
}

/// An edition of the online magazine: its articles in order.
public struct MagazineEdition: Sendable, Hashable, Codable {
    public struct Cover: Sendable, Hashable, Codable {
        public var url: String
        public var alt: String
    }

    public var number: Int
    public var title: String
    public var date: Day
    public var theme: String
    public var intro: String
    public var cover: Cover?
    public var articles: [String]

    public init(number: Int, title: String, date: Day, theme: String, intro: String, cover: Cover? = nil, articles: [String]) {
        self.number = number
        self.title = title
        self.date = date
        self.theme = theme
        self.intro = intro
        self.cover = cover
        self.articles = articles
    }
}

/// The published articles and magazine editions, with lookups.
public struct ArticleCollection: Sendable {
    public let articles: [Article]
    public let editions: [MagazineEdition]
    private let byID: [String: Article]

    public init(articles: [Article], editions: [MagazineEdition]) {
        self.articles = articles.sorted { ($0.published, $0.id) > ($1.published, $1.id) }
        self.editions = editions.sorted { $0.number > $1.number }
        byID = Dictionary(articles.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public static let empty = ArticleCollection(articles: [], editions: [])

    public func article(_ id: String) -> Article? { byID[id] }
    public func edition(_ number: Int) -> MagazineEdition? { editions.first { $0.number == number } }

    /// Other articles sharing most themes with this one, newest first.
    public func related(to article: Article, limit: Int = 3) -> [Article] {
        let themes = Set(article.themes)
        return articles.filter { $0.id != article.id }
            .map { ($0, Set($0.themes).intersection(themes).count) }
            .filter { $0.1 > 0 }
            .sorted { ($0.1, $0.0.published) > ($1.1, $1.0.published) }
            .prefix(limit).map(\.0)
    }

    /// The edition an article appeared in.
    public func edition(containing id: String) -> MagazineEdition? { editions.first { $0.articles.contains(id) } }
}
