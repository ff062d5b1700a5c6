import Catalogue
import Foundation

/// A contact of a gemeente invited to answer a survey. The link's token is stored only as its hash.
public struct Invitation: Sendable, Hashable {
    public var id: UUID
    public var survey: UUID
    public var municipality: String
    public var email: String
    public var name: String
    public var sentAt: Date
    public var remindedAt: Date?
    /// The last time the link was opened.
    public var openedAt: Date?

    public init(id: UUID, survey: UUID, municipality: String, email: String, name: String, sentAt: Date, remindedAt: Date? = nil, openedAt: Date? = nil) {
        self.id = id
        self.survey = survey
        self.municipality = municipality
        self.email = email
        self.name = name
        self.sentAt = sentAt
        self.remindedAt = remindedAt
        self.openedAt = openedAt
    }
}

/// Where a gemeente stands in one survey.
public struct Participation: Sendable, Hashable {
    public var municipality: String
    public var invitations: Int
    /// Questions with a saved answer in the shared draft.
    public var answered: Int
    public var responded: Bool

    public init(municipality: String, invitations: Int, answered: Int, responded: Bool) {
        self.municipality = municipality
        self.invitations = invitations
        self.answered = answered
        self.responded = responded
    }
}

public enum SubmitOutcome: Sendable, Equatable {
    case submitted
    /// A colleague submitted first: one response per gemeente.
    case alreadySubmitted
}

public enum SurveyProblem: Error, Sendable, Equatable {
    /// The questions of an opened survey do not change.
    case questionsFrozen
    /// The gemeente has submitted; its answers no longer change.
    case alreadySubmitted
    case notFound
}

/// Surveys, their invitations, the shared drafts of gemeenten and the submitted responses.
public protocol SurveyStore: Sendable {
    /// Every survey, newest year first.
    func surveys() async throws -> [Survey]
    func survey(_ id: UUID) async throws -> Survey?
    /// Creates or replaces a survey. Changing the questions of a survey that was opened throws
    /// `questionsFrozen`, whatever the new value's status says.
    func save(_ survey: Survey) async throws

    /// Records an invitation (and the gemeente as a participant); the token's hash finds it later.
    func invite(_ invitation: Invitation, tokenHash: String) async throws
    func invitations(_ survey: UUID) async throws -> [Invitation]
    /// The invitation of a link, noting that it was opened.
    func openInvitation(tokenHash: String, at: Date) async throws -> Invitation?
    /// A reminder carries a new link: the invitation is found by the new token's hash from now on.
    func remind(_ invitation: UUID, tokenHash: String, at: Date) async throws

    /// The answers a gemeente's colleagues saved so far.
    func draft(_ survey: UUID, municipality: String) async throws -> [String: Answer]
    /// Saves (or, with nil, clears) one answer of the shared draft. Colleagues answering different
    /// questions do not overwrite each other. Throws `alreadySubmitted` after the submit.
    func saveAnswer(_ survey: UUID, municipality: String, question: String, answer: Answer?, at: Date) async throws
    /// Submits the draft as the gemeente's one response, in one transaction: of two colleagues
    /// submitting at once exactly one gets `.submitted`. In an anonymous survey the response keeps
    /// only province and size class, the draft is erased and the gemeente keeps "has responded".
    func submit(_ survey: Survey, municipality: Municipality, at: Date) async throws -> SubmitOutcome
    func participations(_ survey: UUID) async throws -> [Participation]
    func responses(_ survey: UUID) async throws -> [SubmittedResponse]
    /// Stores finished responses as they are (the demo's past waves), in one transaction.
    func importResponses(_ survey: UUID, _ responses: [SubmittedResponse], respondedMunicipalities: [String]) async throws
}

/// "Was this useful?" on an offering page: no cookie, no account, no address; a reason is read by
/// the editors only after one of them has approved it.
public struct Feedback: Sendable, Hashable {
    public enum State: String, Sendable, CaseIterable { case new = "nieuw", approved = "goedgekeurd", rejected = "afgewezen" }

    public var id: UUID
    /// The offering as "provider/id".
    public var offering: String
    public var useful: Bool
    public var reason: String
    /// An audience slug, or empty.
    public var role: String
    public var day: String
    public var state: State

    public static let maxReasonLength = 500

    public init(id: UUID = UUID(), offering: String, useful: Bool, reason: String, role: String, day: String, state: State = .new) {
        self.id = id
        self.offering = offering
        self.useful = useful
        self.reason = reason
        self.role = role
        self.day = day
        self.state = state
    }
}

public struct FeedbackCount: Sendable, Hashable {
    public var offering: String
    public var useful: Int
    public var notUseful: Int
    public init(offering: String, useful: Int, notUseful: Int) {
        self.offering = offering
        self.useful = useful
        self.notUseful = notUseful
    }
}

public protocol FeedbackStore: Sendable {
    func add(_ feedback: Feedback) async throws
    /// Yes and no per offering (all of them, or one provider's: keys starting "provider/").
    func counts(provider: String?) async throws -> [FeedbackCount]
    /// Reasons in a moderation state, newest first.
    func reasons(_ state: Feedback.State, limit: Int) async throws -> [Feedback]
    func moderate(_ id: UUID, to state: Feedback.State) async throws
}

/// Who asked for the weekly white-spot digest, and which gaps their last digest named (so the next
/// one says what is new).
public protocol WhiteSpotDigestStore: Sendable {
    func isSubscribed(_ account: UUID) async throws -> Bool
    func setSubscribed(_ account: UUID, _ subscribed: Bool) async throws
    /// Every subscriber with the gaps ("theme/kind") their last digest named.
    func subscribers() async throws -> [UUID: Set<String>]
    func recordSent(_ account: UUID, gaps: Set<String>) async throws
}
