import Foundation

/// One edition of WeerbaarNL as a redacteur composes it: a subject, an intro and sections of blocks.
/// A section marked for themes goes only to subscribers interested in one of them (and to those
/// without interests, who get everything).
public struct Edition: Sendable, Equatable, Codable {
    public var id: UUID
    /// The archive address: /nieuwsbrief/archief/{slug}. Fixed once sending starts.
    public var slug: String
    public var subject: String
    /// Markdown.
    public var intro: String
    public var sections: [EditionSection]
    public var status: EditionStatus
    public var scheduledAt: Date?
    /// When sending began; an edition with this set is in the archive.
    public var sendStartedAt: Date?
    /// Counts saves, for optimistic locking: a save names the version it started from.
    public var version: Int
    public var updatedAt: Date
    public var updatedBy: String

    public init(id: UUID = UUID(), slug: String, subject: String, intro: String = "", sections: [EditionSection] = [],
                status: EditionStatus = .concept, scheduledAt: Date? = nil, sendStartedAt: Date? = nil, version: Int = 1,
                updatedAt: Date, updatedBy: String) {
        self.id = id
        self.slug = slug
        self.subject = subject
        self.intro = intro
        self.sections = sections
        self.status = status
        self.scheduledAt = scheduledAt
        self.sendStartedAt = sendStartedAt
        self.version = version
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
    }

    /// Whether the content can still change.
    public var isEditable: Bool { status == .concept || status == .scheduled }
}

public enum EditionStatus: String, Sendable, Codable, CaseIterable {
    case concept
    /// Waiting for `scheduledAt`; still editable.
    case scheduled = "gepland"
    /// Enqueued: the outbox holds its messages, the archive shows it.
    case sending = "verzonden"

    public var label: String {
        switch self {
        case .concept: "Concept"
        case .scheduled: "Gepland"
        case .sending: "Verstuurd"
        }
    }
}

public struct EditionSection: Sendable, Equatable, Codable {
    public var title: String
    /// Theme slugs; empty means for everyone.
    public var themes: [String]
    public var blocks: [EditionBlock]

    public init(title: String, themes: [String] = [], blocks: [EditionBlock] = []) {
        self.title = title
        self.themes = themes
        self.blocks = blocks
    }

    /// Whether a subscriber with these interests gets this section.
    public func isIncluded(for interests: [String]) -> Bool {
        themes.isEmpty || interests.isEmpty || themes.contains(where: interests.contains)
    }
}

/// The building blocks of a section.
public enum EditionBlock: Sendable, Equatable, Codable {
    /// A free text article in Markdown, with an optional image (https URL and its alt text).
    case article(title: String, markdown: String, imageURL: String?, imageAlt: String?)
    /// One offering from the catalogue, by its key "provider/id".
    case offering(key: String)
    /// Offerings new or updated since the previous edition went out, optionally of one theme.
    case newOfferings(theme: String?, limit: Int)
    /// Upcoming items, one per line: "date | title | link".
    case agenda(items: [AgendaItem])
    /// A published article of Weerbaar (a practice example, an interview, an infoblad, …) by its id.
    case knowledge(id: String)

    public var kindLabel: String {
        switch self {
        case .article: "Artikel"
        case .offering: "Aanbod uit de catalogus"
        case .newOfferings: "Nieuw en bijgewerkt aanbod (automatisch)"
        case .agenda: "Agenda"
        case .knowledge: "Artikel van Weerbaar"
        }
    }
}

public struct AgendaItem: Sendable, Equatable, Codable {
    public var date: String
    public var title: String
    public var url: String?

    public init(date: String, title: String, url: String?) {
        self.date = date
        self.title = title
        self.url = url
    }
}

/// The text an edition is sent as for one combination of sections. `key` names the sections it
/// includes ("0-2", or "alles"), so subscribers with the same combination share one rendering.
public struct EditionVariant: Sendable, Equatable {
    public var key: String
    public var subject: String
    public var html: String
    public var text: String

    public init(key: String, subject: String, html: String, text: String) {
        self.key = key
        self.subject = subject
        self.html = html
        self.text = text
    }

    /// Where the worker puts each subscriber's personal links. A redacteur who types one of these gets
    /// the reader's own link there, which gives nobody anything they did not have.
    public static let preferencesPlaceholder = "%%WEERBAAR-VOORKEUREN%%"
    public static let unsubscribePlaceholder = "%%WEERBAAR-AFMELDEN%%"

    /// The variant key for a subscriber's interests.
    public static func key(for sections: [EditionSection], interests: [String]) -> String {
        let included = sections.indices.filter { sections[$0].isIncluded(for: interests) }
        return included.count == sections.count ? "alles" : (included.isEmpty ? "geen" : included.map(String.init).joined(separator: "-"))
    }
}
