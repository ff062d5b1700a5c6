import Catalogue
import Foundation

/// Where an entry stands: a partner's proposal or an editor's concept is not public until published.
public enum EntryStatus: String, Sendable, Codable, CaseIterable {
    case concept
    case submitted = "ingediend"
    case published = "gepubliceerd"

    public var label: String {
        switch self {
        case .concept: "Concept"
        case .submitted: "Ter beoordeling"
        case .published: "Gepubliceerd"
        }
    }
}

/// An entry as the portal keeps it: content, status, whose proposal, and its version for the
/// optimistic lock of the form.
public struct ManagedEntry: Sendable, Equatable {
    public var entry: HandbookEntry
    public var status: EntryStatus
    /// For a partner editor's proposal: their provider.
    public var provider: String?
    public var version: Int
    public var updated: Date
    public var updatedBy: String
    /// The redactie's comment when it sent the entry back; cleared by the next save.
    public var reviewComment: String?

    public init(entry: HandbookEntry, status: EntryStatus, provider: String?, version: Int, updated: Date, updatedBy: String,
                reviewComment: String? = nil) {
        self.entry = entry
        self.status = status
        self.provider = provider
        self.version = version
        self.updated = updated
        self.updatedBy = updatedBy
        self.reviewComment = reviewComment
    }
}

/// One step in an entry's history: the whole entry as it was, who and when.
public struct EntryRevision: Sendable, Equatable {
    public var number: Int
    public var entry: HandbookEntry
    public var status: EntryStatus
    public var editor: Editor
    public var at: Date

    public init(number: Int, entry: HandbookEntry, status: EntryStatus, editor: Editor, at: Date) {
        self.number = number
        self.entry = entry
        self.status = status
        self.editor = editor
        self.at = at
    }
}

public enum HandbookProblem: Error, Sendable, Equatable {
    /// Someone saved the entry since the form was opened.
    case staleVersion
    case notFound
}

public protocol HandbookStore: Sendable {
    /// What the public site shows: the handbook with its published entries only.
    func published() async throws -> Handbook
    /// Replaces the whole handbook (the demo, an import) in one transaction; every entry published.
    func replace(with handbook: Handbook, by editor: Editor) async throws
    /// Every entry with its status, for the portal.
    func managedEntries() async throws -> [ManagedEntry]
    /// Saves an entry; `version` nil for a new one, otherwise the version the form was opened on.
    /// Adds a revision. Throws `staleVersion` when another save came first.
    @discardableResult
    func save(_ entry: HandbookEntry, status: EntryStatus, provider: String?, version: Int?, by editor: Editor) async throws -> ManagedEntry
    /// The redactie returns a submitted entry to its author as a concept, with a comment.
    func sendBack(_ id: String, version: Int, comment: String, by editor: Editor) async throws
    func revisions(_ id: String) async throws -> [EntryRevision]
    /// Adds a learning route, or replaces the one with its slug.
    func saveRoute(_ route: LearningRoute, by editor: Editor) async throws
    /// Sets the contact points of one theme, in this order (none removes the theme's list).
    func saveExperts(_ experts: ThemeExperts, by editor: Editor) async throws
}
