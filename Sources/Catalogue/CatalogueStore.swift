import Foundation

/// Where the catalogue is kept. Storage implements it for SQLite and PostgreSQL; the domain and the web
/// layer only know this protocol.
public protocol CatalogueStore: Sendable {
    func taxonomy() async throws -> Taxonomy
    /// Every offering, ordered by provider and id.
    func allOfferings() async throws -> [Offering]
    func offeringCount() async throws -> Int
    /// Inserts new records and updates changed ones in one transaction; records equal to what is stored
    /// are left alone. Either every record is applied or none is.
    func upsert(_ records: [OfferingRecord], checkedOn today: Day) async throws -> UpsertSummary
    /// "Nog actueel": the offering was checked today; it is due again twelve months later. False when
    /// there is no such offering.
    func confirmCurrent(_ key: OfferingKey, checkedOn today: Day) async throws -> Bool
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
