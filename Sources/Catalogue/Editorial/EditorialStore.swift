import Foundation

/// The portal's side of the catalogue: drafts, review, archive and history. Every method that writes
/// does so in one transaction and adds a revision.
public protocol EditorialStore: Sendable {
    /// The offering with its draft, or nil when neither exists.
    func managed(_ key: OfferingKey) async throws -> ManagedOffering?
    /// Every managed offering, of one provider or (nil) of all.
    func managedOfferings(provider: String?) async throws -> [ManagedOffering]
    /// Drafts waiting for a redacteur, oldest first.
    func submittedDrafts() async throws -> [OfferingDraft]

    /// Saves an editor's version. `basedOn` must still be current, or nothing is written and
    /// `EditorialProblem.conflict` is thrown. `.publish` applies the record to the public catalogue
    /// at once; `.concept` and `.submit` keep it as a draft. Returns the offering after the save.
    func save(_ record: OfferingRecord, basedOn: EditToken, intent: SaveIntent, by editor: Editor, today: Day) async throws -> ManagedOffering
    /// Saves many records in one transaction, each based on its own token: all of them or, on any
    /// conflict, none.
    func saveAll(_ items: [(record: OfferingRecord, basedOn: EditToken)], intent: SaveIntent, by editor: Editor, today: Day) async throws

    /// A redacteur publishes a submitted draft.
    func publishDraft(_ key: OfferingKey, version: Int, by editor: Editor, today: Day) async throws
    /// A redacteur returns a submitted draft to concept with a comment for its author.
    func sendBack(_ key: OfferingKey, version: Int, comment: String, by editor: Editor) async throws -> OfferingDraft
    func archive(_ key: OfferingKey, by editor: Editor) async throws
    func unarchive(_ key: OfferingKey, by editor: Editor) async throws
    /// Starts a concept from an earlier revision's content; the public version is untouched.
    func restore(_ key: OfferingKey, revision: Int, by editor: Editor) async throws

    /// Newest first.
    func revisions(_ key: OfferingKey) async throws -> [OfferingRevision]

    /// Bulk uploads between their dry run and their confirmation.
    func stage(_ upload: StagedUpload) async throws
    /// The upload if it exists, belongs to `owner` and has not expired.
    func staged(_ id: UUID, owner: UUID, now: Date) async throws -> StagedUpload?
    func discardStaged(_ id: UUID) async throws

    func trustedProviders() async throws -> Set<String>
    func setTrusted(_ provider: String, _ trusted: Bool) async throws
}
