import Catalogue
import FluentKit
import Foundation

/// The catalogue in the relational database, the same code on SQLite and PostgreSQL.
public struct FluentCatalogueStore: CatalogueStore {
    let database: any Database

    public init(database: WeerbaarDatabase) { self.database = database.database }

    public func taxonomy() async throws -> Taxonomy {
        let terms = try await TermModel.query(on: database).all().compactMap { $0.domain() }
        let providers = try await ProviderModel.query(on: database).all().map { $0.domain() }
        return Taxonomy(terms: terms, providers: providers)
    }

    public func allOfferings() async throws -> [Offering] {
        try await OfferingModel.query(on: database)
            .with(\.$labels)
            .sort(\.$provider).sort(\.$externalID)
            .all()
            .map { $0.domain() }
    }

    public func confirmCurrent(_ key: OfferingKey, checkedOn today: Day) async throws -> Bool {
        guard let model = try await OfferingModel.query(on: database)
            .filter(\.$provider == key.provider).filter(\.$externalID == key.id).first()
        else { return false }
        model.lastChecked = today.description
        model.reviewBy = today.adding(months: Freshness.reviewAfterMonths).description
        model.updatedAt = Date()
        try await model.update(on: database)
        return true
    }

    public func offeringCount() async throws -> Int {
        try await OfferingModel.query(on: database).count()
    }

    public func upsert(_ records: [OfferingRecord], checkedOn today: Day) async throws -> UpsertSummary {
        try await database.transaction { tx in
            let existing = try await OfferingModel.query(on: tx).with(\.$labels).all()
            var byKey: [OfferingKey: OfferingModel] = [:]
            var takenSlugs = Set<String>()
            for model in existing {
                byKey[OfferingKey(provider: model.provider, id: model.externalID)] = model
                takenSlugs.insert(model.slug)
            }

            var summary = UpsertSummary()
            let now = Date()
            for record in records {
                if let model = byKey[record.key] {
                    guard model.domain().record != record else {
                        summary.unchanged.append(record.key)
                        continue
                    }
                    model.apply(record)
                    model.lastChecked = today.description
                    model.updatedAt = now
                    try await model.update(on: tx)
                    try await OfferingLabelModel.query(on: tx).filter(\.$offering.$id == model.requireID()).delete()
                    try await Self.createLabels(for: record, offeringID: model.requireID(), on: tx)
                    summary.updated.append(record.key)
                } else {
                    let model = OfferingModel()
                    model.id = UUID()
                    model.apply(record)
                    model.slug = Self.uniqueSlug(for: record, taken: takenSlugs)
                    takenSlugs.insert(model.slug)
                    model.lastChecked = today.description
                    model.createdAt = now
                    model.updatedAt = now
                    try await model.create(on: tx)
                    try await Self.createLabels(for: record, offeringID: model.requireID(), on: tx)
                    byKey[record.key] = model
                    summary.created.append(record.key)
                }
            }
            return summary
        }
    }

    private static func createLabels(for record: OfferingRecord, offeringID: UUID, on database: any Database) async throws {
        var labels: [OfferingLabelModel] = []
        for (list, values) in [(OfferingLabelModel.List.theme, record.themes), (.audience, record.audiences), (.keyword, record.keywords)] {
            for (position, value) in values.enumerated() {
                labels.append(OfferingLabelModel(offeringID: offeringID, list: list, value: value, position: position))
            }
        }
        guard !labels.isEmpty else { return }
        try await labels.create(on: database)
    }

    /// The title's slug; on a clash the provider is added, then a number. Assigned once and kept.
    static func uniqueSlug(for record: OfferingRecord, taken: Set<String>) -> String {
        let base = Slug.make(record.title)
        if !taken.contains(base) { return base }
        let withProvider = Slug.make(record.title + " " + record.provider)
        if !taken.contains(withProvider) { return withProvider }
        var n = 2
        while taken.contains("\(withProvider)-\(n)") { n += 1 }
        return "\(withProvider)-\(n)"
    }
}
