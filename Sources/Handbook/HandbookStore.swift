import Catalogue
import Foundation

/// A handbook entry's status, its managed form and its revisions are the editorial model every
/// piece of content shares (`Catalogue/Editorial/ManagedContent.swift`).
public typealias EntryStatus = ContentStatus
public typealias ManagedEntry = ManagedContent<HandbookEntry>
public typealias EntryRevision = ContentRevision<HandbookEntry>
public typealias HandbookProblem = ContentProblem

extension ManagedContent where Content == HandbookEntry {
    public var entry: HandbookEntry {
        get { content }
        set { content = newValue }
    }
}

extension ContentRevision where Content == HandbookEntry {
    public var entry: HandbookEntry { content }
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
