import Foundation

/// Where the catalogue is kept. Storage implements it for SQLite and PostgreSQL; the domain and the web
/// layer only know this protocol.
public protocol CatalogueStore: Sendable {
    func taxonomy() async throws -> Taxonomy
    /// Every published offering, ordered by provider and id: what the public site, the API, the feed
    /// and search show. Drafts and archived offerings are never among them.
    func allOfferings() async throws -> [Offering]
    func offeringCount() async throws -> Int
    /// Inserts new records and updates changed ones in one transaction; records equal to what is stored
    /// are left alone. Either every record is applied or none is. New offerings are published; an
    /// archived one stays archived. Each change adds a revision by `editor`. An import is not a check:
    /// the offerings' "last checked" day stays as it was (nil for new ones).
    func upsert(_ records: [OfferingRecord], by editor: Editor) async throws -> UpsertSummary
    /// "Nog actueel": the offering was checked today; it is due again twelve months later. False when
    /// there is no such offering.
    func confirmCurrent(_ key: OfferingKey, checkedOn today: Day, by editor: Editor) async throws -> Bool
}

extension CatalogueStore {
    /// Work without a person behind it: the command line's import, the demo seed.
    public func upsert(_ records: [OfferingRecord]) async throws -> UpsertSummary {
        try await upsert(records, by: .system)
    }

    public func confirmCurrent(_ key: OfferingKey, checkedOn today: Day) async throws -> Bool {
        try await confirmCurrent(key, checkedOn: today, by: .system)
    }
}

/// What an upsert did, by key.
public struct UpsertSummary: Sendable, Equatable {
    public var created: [OfferingKey] = []
    public var updated: [OfferingKey] = []
    public var unchanged: [OfferingKey] = []

    public init(created: [OfferingKey] = [], updated: [OfferingKey] = [], unchanged: [OfferingKey] = []) {
        self.created = created
        self.updated = updated
        self.unchanged = unchanged
    }

    public var changed: Bool { !created.isEmpty || !updated.isEmpty }
}
