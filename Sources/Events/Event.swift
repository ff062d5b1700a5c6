import Catalogue
import Foundation

/// A meeting the partners organise: a theme day with workshop rounds, a regional meeting, a learning
/// network that meets several times, a webinar or a training. One or more sessions (days with a start
/// and an end); a session may have rounds of parallel workshops, each with its own capacity.
public struct Event: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case themeDay = "themadag"
        case regional = "regionale-bijeenkomst"
        case learningNetwork = "leernetwerk"
        case webinar
        case training

        public var label: String {
            switch self {
            case .themeDay: "Themadag"
            case .regional: "Regionale bijeenkomst"
            case .learningNetwork: "Leernetwerk"
            case .webinar: "Webinar"
            case .training: "Training"
            }
        }
    }

    /// How seats in workshops are given, chosen per event and shown to participants.
    public enum Allocation: String, Sendable, Codable {
        /// In order of registration; a full workshop has a waiting list.
        case firstCome = "wie-eerst-komt"
        /// Participants rank the workshops of each round; seats are assigned when registration closes.
        case rankedChoice = "voorkeuren"

        public var explanation: String {
            switch self {
            case .firstCome:
                "Wie zich eerst aanmeldt, krijgt eerst een plaats. Is een workshop vol, dan komt u op de wachtlijst; komt er een plaats vrij, "
                    + "dan krijgt de eerste op de lijst een persoonlijke link om die plaats binnen 48 uur te nemen."
            case .rankedChoice:
                "U zet de workshops van elke ronde in volgorde van voorkeur. Als de aanmelding sluit, verdelen we de plaatsen: in elke ronde "
                    + "krijgt ieder een van de eigen keuzes waar plaats is; wie in een ronde een lagere keuze kreeg, kiest in de volgende ronde eerder."
            }
        }
    }

    public struct Workshop: Sendable, Hashable, Codable {
        public var id: String
        public var title: String
        public var host: String
        public var room: String
        public var theme: String
        public var capacity: Int

        public init(id: String, title: String, host: String, room: String, theme: String, capacity: Int) {
            self.id = id
            self.title = title
            self.host = host
            self.room = room
            self.theme = theme
            self.capacity = capacity
        }
    }

    public struct Round: Sendable, Hashable, Codable {
        public var id: String
        public var title: String
        public var starts: Date
        public var ends: Date
        public var workshops: [Workshop]

        public init(id: String, title: String, starts: Date, ends: Date, workshops: [Workshop]) {
            self.id = id
            self.title = title
            self.starts = starts
            self.ends = ends
            self.workshops = workshops
        }
    }

    public struct Session: Sendable, Hashable, Codable {
        public var id: String
        public var title: String
        public var starts: Date
        public var ends: Date
        public var rounds: [Round]

        public init(id: String, title: String, starts: Date, ends: Date, rounds: [Round] = []) {
            self.id = id
            self.title = title
            self.starts = starts
            self.ends = ends
            self.rounds = rounds
        }
    }

    /// Slides, a report or an infoblad after the event.
    public struct Material: Sendable, Hashable, Codable {
        public var title: String
        /// A site path (an article: /artikelen/…) or an https address.
        public var url: String

        public init(title: String, url: String) {
            self.title = title
            self.url = url
        }
    }

    public var slug: String
    public var kind: Kind
    /// The organising provider's slug.
    public var provider: String
    public var title: String
    /// Safe Markdown.
    public var description: String
    public var themes: [String]
    public var audiences: [String]
    /// The address, or nil for an online event.
    public var venue: String?
    public var online: Bool
    public var province: String?
    public var registrationOpens: Date
    public var registrationCloses: Date
    public var capacity: Int
    public var needsApproval: Bool
    public var allocation: Allocation
    /// Hours a freed seat stays offered to the next in line.
    public var offerHours: Int
    public var privacyNotice: String
    public var sessions: [Session]
    public var materials: [Material]
    /// The catalogue offering this event is a date of (`provider/slug`), shown on both pages.
    public var offering: String?
    /// Being prepared by its organiser: not on the agenda, not open for registration.
    public var isDraft: Bool

    public init(slug: String, kind: Kind, provider: String, title: String, description: String, themes: [String], audiences: [String] = [],
                venue: String?, online: Bool, province: String? = nil, registrationOpens: Date, registrationCloses: Date, capacity: Int,
                needsApproval: Bool = false, allocation: Allocation = .firstCome, offerHours: Int = 48, privacyNotice: String,
                sessions: [Session], materials: [Material] = [], offering: String? = nil, isDraft: Bool = false) {
        self.slug = slug
        self.kind = kind
        self.provider = provider
        self.title = title
        self.description = description
        self.themes = themes
        self.audiences = audiences
        self.venue = venue
        self.online = online
        self.province = province
        self.registrationOpens = registrationOpens
        self.registrationCloses = registrationCloses
        self.capacity = capacity
        self.needsApproval = needsApproval
        self.allocation = allocation
        self.offerHours = offerHours
        self.privacyNotice = privacyNotice
        self.sessions = sessions
        self.materials = materials
        self.offering = offering
        self.isDraft = isDraft
    }

    public var starts: Date { sessions.map(\.starts).min() ?? registrationCloses }
    public var ends: Date { sessions.map(\.ends).max() ?? registrationCloses }
    public var rounds: [Round] { sessions.flatMap(\.rounds) }

    public func workshop(_ id: String) -> (Round, Workshop)? {
        for round in rounds { if let workshop = round.workshops.first(where: { $0.id == id }) { return (round, workshop) } }
        return nil
    }

    public func isOpen(at now: Date) -> Bool { !isDraft && now >= registrationOpens && now < registrationCloses }
    public func isPast(at now: Date) -> Bool { ends < now }
}

extension Event {
    enum CodingKeys: String, CodingKey {
        case slug, kind, provider, title, description, themes, audiences, venue, online, province, registrationOpens, registrationCloses, capacity
        case needsApproval, allocation, offerHours, privacyNotice, sessions, materials, offering, isDraft
    }

    /// Reads events stored before `offering` and `isDraft` existed as well.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(slug: try c.decode(String.self, forKey: .slug), kind: try c.decode(Kind.self, forKey: .kind),
                  provider: try c.decode(String.self, forKey: .provider), title: try c.decode(String.self, forKey: .title),
                  description: try c.decode(String.self, forKey: .description), themes: try c.decode([String].self, forKey: .themes),
                  audiences: try c.decode([String].self, forKey: .audiences), venue: try c.decodeIfPresent(String.self, forKey: .venue),
                  online: try c.decode(Bool.self, forKey: .online), province: try c.decodeIfPresent(String.self, forKey: .province),
                  registrationOpens: try c.decode(Date.self, forKey: .registrationOpens),
                  registrationCloses: try c.decode(Date.self, forKey: .registrationCloses), capacity: try c.decode(Int.self, forKey: .capacity),
                  needsApproval: try c.decode(Bool.self, forKey: .needsApproval), allocation: try c.decode(Allocation.self, forKey: .allocation),
                  offerHours: try c.decode(Int.self, forKey: .offerHours), privacyNotice: try c.decode(String.self, forKey: .privacyNotice),
                  sessions: try c.decode([Session].self, forKey: .sessions), materials: try c.decodeIfPresent([Material].self, forKey: .materials) ?? [],
                  offering: try c.decodeIfPresent(String.self, forKey: .offering),
                  isDraft: try c.decodeIfPresent(Bool.self, forKey: .isDraft) ?? false)
    }
}
