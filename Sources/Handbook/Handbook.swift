import Catalogue
import Foundation

/// The Handboek maatschappelijke onrust and what hangs on it: the four phases of unrest with what to
/// see and do in each, the entries (a publication with an editorial analysis), the glossary
/// (begrippenkader), cases from practice, learning routes across partners, and per theme the
/// contact points to call. Pure data and rules; stored through `HandbookStore`, shown by Web/Handbook.
public struct Handbook: Sendable, Equatable, Codable {
    public static let formatName = "weerbaar.handbook/v1"

    public var format: String
    public var introduction: String
    public var phases: [PhaseGuide]
    public var topics: [Topic]
    public var entries: [HandbookEntry]
    public var glossary: [GlossaryTerm]
    public var cases: [HandbookCase]
    public var routes: [LearningRoute]
    public var experts: [ThemeExperts]

    public init(introduction: String = "", phases: [PhaseGuide] = [], topics: [Topic] = [], entries: [HandbookEntry] = [],
                glossary: [GlossaryTerm] = [], cases: [HandbookCase] = [], routes: [LearningRoute] = [], experts: [ThemeExperts] = []) {
        self.format = Self.formatName
        self.introduction = introduction
        self.phases = phases
        self.topics = topics
        self.entries = entries
        self.glossary = glossary
        self.cases = cases
        self.routes = routes
        self.experts = experts
    }

    public static let empty = Handbook()

    public func phase(_ slug: String) -> PhaseGuide? { phases.first { $0.phase == slug } }
    public func entry(_ id: String) -> HandbookEntry? { entries.first { $0.id == id } }
    public func route(_ slug: String) -> LearningRoute? { routes.first { $0.slug == slug } }
    public func topic(_ slug: String) -> Topic? { topics.first { $0.slug == slug } }
    public func entries(inPhase phase: String) -> [HandbookEntry] { entries.filter { $0.phases.contains(phase) } }
    public func experts(forTheme theme: String) -> [ExpertContact] { experts.first { $0.theme == theme }?.contacts ?? [] }
}

/// One phase of unrest: what you see, what experience teaches, what to do.
public struct PhaseGuide: Sendable, Equatable, Codable {
    public var phase: String
    public var summary: String
    public var signals: [String]
    public var lessons: [String]
    public var actions: [String]

    public init(phase: String, summary: String, signals: [String], lessons: [String], actions: [String]) {
        self.phase = phase
        self.summary = summary
        self.signals = signals
        self.lessons = lessons
        self.actions = actions
    }
}

public struct Topic: Sendable, Equatable, Codable {
    public var slug: String
    public var label: String
    public init(slug: String, label: String) {
        self.slug = slug
        self.label = label
    }
}

/// A document outside the catalogue, described well enough to find it: what document collections
/// of the field leave out (date, author, type, length).
public struct OutsideDocument: Sendable, Equatable, Codable {
    public var title: String
    public var organisation: String
    public var year: Int
    public var type: String
    public var pages: Int?
    public var url: String?

    public init(title: String, organisation: String, year: Int, type: String, pages: Int? = nil, url: String? = nil) {
        self.title = title
        self.organisation = organisation
        self.year = year
        self.type = type
        self.pages = pages
        self.url = url
    }
}

/// A publication with an editorial analysis: what it offers, for whom, and a caveat.
public struct HandbookEntry: Sendable, Equatable, Codable {
    public var id: String
    public var phases: [String]
    public var topic: String
    /// A catalogue publication, by key ("vng/handreiking-…"), or else `document`.
    public var offering: String?
    public var document: OutsideDocument?
    public var analysis: String
    public var author: String
    public var date: Day?
    public var reviewBy: Day?
    public var evidence: String?

    public init(id: String, phases: [String], topic: String, offering: String? = nil, document: OutsideDocument? = nil, analysis: String,
                author: String, date: Day?, reviewBy: Day?, evidence: String? = nil) {
        self.id = id
        self.phases = phases
        self.topic = topic
        self.offering = offering
        self.document = document
        self.analysis = analysis
        self.author = author
        self.date = date
        self.reviewBy = reviewBy
        self.evidence = evidence
    }

    public var offeringKey: OfferingKey? { offering.flatMap { OfferingKey(parsing: $0) } }
}

public struct GlossaryTerm: Sendable, Equatable, Codable {
    public var slug: String
    public var term: String
    public var definition: String
    public var related: [String]

    public init(slug: String, term: String, definition: String, related: [String] = []) {
        self.slug = slug
        self.term = term
        self.definition = definition
        self.related = related
    }
}

/// A lesson from practice, one per phase in the demo, anonymised.
public struct HandbookCase: Sendable, Equatable, Codable {
    public var id: String
    public var phase: String
    public var title: String
    public var situation: String
    public var approach: String
    public var lessons: [String]
}

/// A route through offerings of several partners for one theme and audience, from basis to expert.
public struct LearningRoute: Sendable, Equatable, Codable {
    public struct Step: Sendable, Equatable, Codable {
        public var offering: String
        public var note: String
        public init(offering: String, note: String) {
            self.offering = offering
            self.note = note
        }
        public var offeringKey: OfferingKey? { OfferingKey(parsing: offering) }
    }

    public var slug: String
    public var title: String
    public var theme: String
    public var audience: String
    public var introduction: String
    public var steps: [Step]

    public init(slug: String, title: String, theme: String, audience: String, introduction: String, steps: [Step]) {
        self.slug = slug
        self.title = title
        self.theme = theme
        self.audience = audience
        self.introduction = introduction
        self.steps = steps
    }
}

/// The contact points to call about one theme, in the order the editors chose.
public struct ThemeExperts: Sendable, Equatable, Codable {
    public var theme: String
    public var contacts: [ExpertContact]
    public init(theme: String, contacts: [ExpertContact]) {
        self.theme = theme
        self.contacts = contacts
    }
}

public struct ExpertContact: Sendable, Equatable, Codable {
    public var offering: String
    public var question: String
    public var reach: String
    public var speed: String
    public init(offering: String, question: String, reach: String, speed: String) {
        self.offering = offering
        self.question = question
        self.reach = reach
        self.speed = speed
    }
    public var offeringKey: OfferingKey? { OfferingKey(parsing: offering) }
}
