import Catalogue
import Foundation

/// A tip, practice example or dilemma sent in by a reader through `/tip-ons`. Nothing of it is public
/// before an editor has read it: it is confirmed by the sender's link, claimed by an editor, sent back
/// for changes, and accepted (it becomes a draft article) or declined with a fixed reason. The sender's
/// contact data are kept apart (`TipSender`) and erased a year after the decision.
public struct Tip: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case tip
        case practice = "praktijkvoorbeeld"
        case dilemma

        public var label: String {
            switch self {
            case .tip: "Tip"
            case .practice: "Praktijkvoorbeeld"
            case .dilemma: "Dilemma"
            }
        }
    }

    public enum State: String, Sendable, Codable, CaseIterable {
        case unconfirmed = "onbevestigd"
        case submitted = "ingediend"
        case inReview = "in-behandeling"
        case changesRequested = "aanpassing-gevraagd"
        case accepted = "geaccepteerd"
        case declined = "afgewezen"
        case withdrawn = "ingetrokken"

        public var label: String {
            switch self {
            case .unconfirmed: "Nog niet bevestigd"
            case .submitted: "Ingediend, wacht op een redacteur"
            case .inReview: "In behandeling"
            case .changesRequested: "Aanpassing gevraagd"
            case .accepted: "Geaccepteerd"
            case .declined: "Afgewezen"
            case .withdrawn: "Ingetrokken"
            }
        }

        /// A decision ends the moderation: accepted, declined or withdrawn.
        public var isFinal: Bool { [.accepted, .declined, .withdrawn].contains(self) }

        /// The states a tip may move to from this one. The sender confirms, edits and withdraws; an
        /// editor claims, asks for changes and decides.
        public var next: Set<State> {
            switch self {
            case .unconfirmed: [.submitted, .withdrawn]
            case .submitted: [.inReview, .withdrawn]
            case .inReview: [.changesRequested, .accepted, .declined, .submitted, .withdrawn]
            case .changesRequested: [.inReview, .declined, .withdrawn]
            case .accepted, .declined, .withdrawn: []
            }
        }

        /// The sender may still withdraw.
        public var canWithdraw: Bool { next.contains(.withdrawn) }
    }

    /// Why a tip is declined: a fixed list, so the sender gets a reason the redactie stands by.
    public enum DeclineReason: String, Sendable, Codable, CaseIterable {
        case outsideTheme = "buiten-thema"
        case duplicate = "dubbel"
        case thirdPartyData = "persoonsgegevens-derden"
        case promotional = "promotioneel"
        case notVerifiable = "niet-controleerbaar"

        public var label: String {
            switch self {
            case .outsideTheme: "Valt buiten de thema’s van Weerbaar"
            case .duplicate: "Dit hebben we al (dubbel)"
            case .thirdPartyData: "Bevat persoonsgegevens van anderen"
            case .promotional: "Is vooral reclame voor een product of dienst"
            case .notVerifiable: "Is niet na te gaan"
            }
        }

        /// The sentence the sender reads in the decision mail and on the status page.
        public var explanation: String {
            switch self {
            case .outsideTheme: "Uw inzending valt buiten de thema’s waarover Weerbaar publiceert."
            case .duplicate: "Er staat al een artikel of voorbeeld op Weerbaar dat hetzelfde vertelt."
            case .thirdPartyData: "Uw inzending noemt mensen die niet zelf hebben ingestemd; die gegevens publiceren we niet."
            case .promotional: "Uw inzending gaat vooral over een product of dienst; Weerbaar publiceert geen reclame."
            case .notVerifiable: "We konden de feiten in uw inzending niet nagaan."
            }
        }
    }

    /// What the sender wrote: the story, and for a practice example the fields practitioners look for.
    public struct Content: Sendable, Equatable, Codable {
        public var kind: Kind
        public var title: String
        public var story: String
        public var aanleiding: String
        public var aanpak: String
        public var resultaat: String
        public var lessen: String
        public var betrokken: String
        /// A CBS code.
        public var gemeente: String?
        public var themes: [String]
        /// Links only: files are not accepted.
        public var links: [String]

        public init(kind: Kind, title: String, story: String, aanleiding: String = "", aanpak: String = "", resultaat: String = "", lessen: String = "",
                    betrokken: String = "", gemeente: String? = nil, themes: [String] = [], links: [String] = []) {
            self.kind = kind
            self.title = title
            self.story = story
            self.aanleiding = aanleiding
            self.aanpak = aanpak
            self.resultaat = resultaat
            self.lessen = lessen
            self.betrokken = betrokken
            self.gemeente = gemeente
            self.themes = themes
            self.links = links
        }
    }

    public var id: UUID
    public var state: State
    public var content: Content
    /// The editor who claimed it.
    public var claimedBy: Editor?
    public var claimedAt: Date?
    /// What the editor asked the sender to change.
    public var requestNote: String?
    public var declineReason: DeclineReason?
    /// The editor's note to the sender with the decision.
    public var decisionNote: String?
    /// The draft article an accepted tip became.
    public var articleID: String?
    public var created: Date
    /// When the sender confirmed the address: the start of the time to a decision.
    public var submitted: Date?
    public var decided: Date?
    public var updated: Date

    public init(id: UUID, state: State, content: Content, claimedBy: Editor? = nil, claimedAt: Date? = nil, requestNote: String? = nil,
                declineReason: DeclineReason? = nil, decisionNote: String? = nil, articleID: String? = nil, created: Date, submitted: Date? = nil,
                decided: Date? = nil, updated: Date) {
        self.id = id
        self.state = state
        self.content = content
        self.claimedBy = claimedBy
        self.claimedAt = claimedAt
        self.requestNote = requestNote
        self.declineReason = declineReason
        self.decisionNote = decisionNote
        self.articleID = articleID
        self.created = created
        self.submitted = submitted
        self.decided = decided
        self.updated = updated
    }

    /// The draft article an accepted tip becomes: the sender's words, for the editor to finish. The
    /// sender is named as author only if they allowed it.
    public func draftArticle(id articleID: String, sender: TipSender?, today: Day) -> Article {
        let practice: Article.Practice? = content.kind == .practice
            ? .init(aanleiding: content.aanleiding, aanpak: content.aanpak, resultaat: content.resultaat, lessen: content.lessen,
                    betrokken: content.betrokken)
            : nil
        let links = content.links.isEmpty ? "" : "\n\n## Links van de inzender\n" + content.links.map { "- <\($0)>" }.joined(separator: "\n")
        let lead = String(content.story.split(whereSeparator: \.isNewline).first.map(String.init)?.prefix(600) ?? "")
        return Article(id: articleID, kind: content.kind == .practice ? .practice : .news, title: content.title, lead: lead,
                       body: content.story + links, authors: sender.flatMap { $0.showName ? [$0.name] : nil } ?? [], themes: content.themes,
                       gemeente: content.gemeente, published: today, practice: practice)
    }
}

/// Whom a tip came from: kept in a table of its own, never public without consent, erased twelve
/// months after the decision.
public struct TipSender: Sendable, Equatable {
    public var name: String
    public var email: String
    public var organisation: String
    /// The sender allows their name under the article.
    public var showName: Bool

    public init(name: String, email: String, organisation: String, showName: Bool) {
        self.name = name
        self.email = email
        self.organisation = organisation
        self.showName = showName
    }
}

public enum TipProblem: Error, Sendable, Equatable {
    case notFound
    /// The tip is not in a state this step starts from (someone else claimed or decided it first).
    case wrongState(Tip.State)
    /// Claimed by another editor.
    case claimedByOther(String)
}

/// Which tips the moderation queue shows.
public struct TipFilter: Sendable, Equatable {
    public var states: Set<Tip.State>
    public var theme: String?
    public init(states: Set<Tip.State> = [], theme: String? = nil) {
        self.states = states
        self.theme = theme
    }
}

public protocol TipStore: Sendable {
    /// Stores a new, unconfirmed tip with its sender; the personal link's token is kept as a hash.
    @discardableResult
    func create(_ id: UUID, _ content: Tip.Content, sender: TipSender, tokenHash: String, now: Date) async throws -> Tip
    /// The tip a personal link names, with its sender while their data are kept.
    func tip(tokenHash: String) async throws -> (Tip, TipSender?)?
    func tip(_ id: UUID) async throws -> (Tip, TipSender?)?
    /// The queue, oldest submission first.
    func tips(_ filter: TipFilter) async throws -> [Tip]
    /// Moves a tip from one of `from` to `to`, atomically: the update is conditional on the state
    /// read, so of two editors claiming at once exactly one wins. `change` sets the step's fields.
    @discardableResult
    func move(_ id: UUID, from: Set<Tip.State>, to: Tip.State, now: Date, change: TipChange) async throws -> Tip
    /// Accepts a tip in review: its draft article is stored as a concept in the same transaction.
    @discardableResult
    func accept(_ id: UUID, article: Article, by editor: Editor, note: String?, now: Date) async throws -> Tip
    /// The sender's edit while changes are requested; the tip goes back to its editor.
    func resubmit(_ id: UUID, content: Tip.Content, now: Date) async throws -> Tip
    /// The median time from submission to decision over tips decided since `since`, and how many.
    func decisionTimes(since: Date) async throws -> (median: TimeInterval?, count: Int)
    /// Retention: erases the sender data of tips decided before `decidedBefore`, and deletes tips never
    /// confirmed that were made before `unconfirmedBefore`. Returns how many rows went.
    func purge(decidedBefore: Date, unconfirmedBefore: Date) async throws -> Int
}

/// What a step sets besides the state.
public struct TipChange: Sendable, Equatable {
    public var claim: Editor?
    /// Only the editor who claimed the tip may take this step (asking for changes, declining).
    public var byClaimer: Editor?
    public var releaseClaim = false
    public var requestNote: String?
    public var declineReason: Tip.DeclineReason?
    public var decisionNote: String?

    public init(claim: Editor? = nil, byClaimer: Editor? = nil, releaseClaim: Bool = false, requestNote: String? = nil,
                declineReason: Tip.DeclineReason? = nil, decisionNote: String? = nil) {
        self.claim = claim
        self.byClaimer = byClaimer
        self.releaseClaim = releaseClaim
        self.requestNote = requestNote
        self.declineReason = declineReason
        self.decisionNote = decisionNote
    }
}

/// The retention of tips: sender data a year after the decision, unconfirmed tips after a week.
public enum TipRetention {
    public static let senderData: TimeInterval = 365 * 24 * 3600
    public static let unconfirmed: TimeInterval = 7 * 24 * 3600
}
