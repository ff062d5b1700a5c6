import Catalogue
import FluentKit
import Foundation
import SQLKit

/// The catalogue in the relational database, the same code on SQLite and PostgreSQL.
public struct FluentCatalogueStore: CatalogueStore {
    let database: any Database

    public init(database: WeerbaarDatabase) { self.database = database.database }

    public func taxonomy() async throws -> Taxonomy {
        let terms = try await TermModel.query(on: database).all().compactMap { $0.domain() }
        let withLogo = Set(try await ProviderLogoModel.query(on: database).field(\.$provider).all().map(\.provider))
        let providers = try await ProviderModel.query(on: database).all().map { model in
            var provider = model.domain()
            provider.hasLogo = withLogo.contains(provider.slug)
            return provider
        }
        return Taxonomy(terms: terms, providers: providers)
    }

    public func allOfferings() async throws -> [Offering] {
        try await OfferingModel.query(on: database)
            .filter(\.$status == OfferingStatus.published.rawValue)
            .with(\.$labels)
            .sort(\.$provider).sort(\.$externalID)
            .all()
            .map { $0.domain() }
    }

    public func confirmCurrent(_ key: OfferingKey, checkedOn today: Day, by editor: Editor) async throws -> Bool {
        try await database.transaction { tx in
            guard let model = try await OfferingModel.query(on: tx)
                .filter(\.$provider == key.provider).filter(\.$externalID == key.id).with(\.$labels).first()
            else { return false }
            model.lastChecked = today.description
            model.reviewBy = today.adding(months: Freshness.reviewAfterMonths).description
            model.updatedAt = Date()
            model.version += 1
            try await model.update(on: tx)
            try await Revisions.append(key, record: model.domain().record, action: .confirmed,
                                       status: OfferingStatus(rawValue: model.status) ?? .published, by: editor, on: tx)
            return true
        }
    }

    public func offeringCount() async throws -> Int {
        try await OfferingModel.query(on: database).count()
    }

    public func upsert(_ records: [OfferingRecord], by editor: Editor) async throws -> UpsertSummary {
        try await database.transaction { tx in
            let existing = try await OfferingModel.query(on: tx).with(\.$labels).all()
            var byKey: [OfferingKey: OfferingModel] = [:]
            var takenSlugs = Set<String>()
            for model in existing {
                byKey[OfferingKey(provider: model.provider, id: model.externalID)] = model
                takenSlugs.insert(model.slug)
            }

            // One query for every key's last revision number, not one per record.
            var lastNumber = try await Revisions.lastNumbers(on: tx)
            func nextNumber(_ key: OfferingKey) -> Int {
                let next = (lastNumber[key] ?? 0) + 1
                lastNumber[key] = next
                return next
            }
            var summary = UpsertSummary()
            var revisions: [OfferingRevision] = []
            let now = Date()
            for record in records {
                if let model = byKey[record.key] {
                    guard model.domain().record != record else {
                        summary.unchanged.append(record.key)
                        continue
                    }
                    model.apply(record)
                    model.updatedAt = now
                    model.version += 1
                    try await model.update(on: tx)
                    try await Self.replaceLabels(of: model, with: record, on: tx)
                    revisions.append(OfferingRevision(key: record.key, number: nextNumber(record.key), record: record, action: .imported,
                                                      status: OfferingStatus(rawValue: model.status) ?? .published, editor: editor,
                                                      comment: nil, at: now))
                    summary.updated.append(record.key)
                } else {
                    let model = OfferingModel(published: record, slug: Self.uniqueSlug(for: record, taken: takenSlugs), checkedOn: nil, at: now)
                    takenSlugs.insert(model.slug)
                    try await model.create(on: tx)
                    try await Self.createLabels(for: record, offeringID: model.requireID(), on: tx)
                    byKey[record.key] = model
                    // A key imported before may have history from an earlier life (deleted, re-created).
                    revisions.append(OfferingRevision(key: record.key, number: nextNumber(record.key), record: record, action: .imported, status: .published,
                                                      editor: editor, comment: nil, at: now))
                    summary.created.append(record.key)
                }
            }
            try await Revisions.append(revisions, on: tx)
            return summary
        }
    }

    static func replaceLabels(of model: OfferingModel, with record: OfferingRecord, on database: any Database) async throws {
        try await OfferingLabelModel.query(on: database).filter(\.$offering.$id == model.requireID()).delete()
        try await createLabels(for: record, offeringID: model.requireID(), on: database)
    }

    static func createLabels(for record: OfferingRecord, offeringID: UUID, on database: any Database) async throws {
        var labels: [OfferingLabelModel] = []
        for (list, values) in [(OfferingLabelModel.List.theme, record.themes), (.audience, record.audiences), (.keyword, record.keywords),
                               (.phase, record.phases)] {
            for (position, value) in values.enumerated() {
                labels.append(OfferingLabelModel(offeringID: offeringID, list: list, value: value, position: position))
            }
        }
        guard !labels.isEmpty else { return }
        try await labels.create(on: database)
    }

    /// The title's slug; on a clash the provider is added, then a number. Assigned once and kept.
    static func uniqueSlug(for record: OfferingRecord, taken: Set<String>) -> String {
        var n = 0
        while taken.contains(slugCandidate(n, for: record)) { n += 1 }
        return slugCandidate(n, for: record)
    }

    /// The same choice against the database, for one offering published from the portal.
    static func uniqueSlug(for record: OfferingRecord, on database: any Database) async throws -> String {
        var n = 0
        while try await OfferingModel.query(on: database).filter(\.$slug == slugCandidate(n, for: record)).count() > 0 { n += 1 }
        return slugCandidate(n, for: record)
    }

    /// The n-th choice: the title, then title and provider, then that with 2, 3, …
    private static func slugCandidate(_ n: Int, for record: OfferingRecord) -> String {
        if n == 0 { return Slug.make(record.title) }
        let withProvider = Slug.make(record.title + " " + record.provider)
        return n == 1 ? withProvider : "\(withProvider)-\(n)"
    }
}

/// Appending to `offering_revisions`.
enum Revisions {
    static func lastNumbers(on database: any Database) async throws -> [OfferingKey: Int] {
        let rows = try await database.sql.raw("""
            SELECT provider_slug, external_id, MAX(number) AS last FROM offering_revisions GROUP BY provider_slug, external_id
            """).all()
        var numbers: [OfferingKey: Int] = [:]
        for row in rows {
            numbers[OfferingKey(provider: try row.decode(column: "provider_slug", as: String.self),
                                id: try row.decode(column: "external_id", as: String.self))] = try row.decode(column: "last", as: Int.self)
        }
        return numbers
    }

    static func nextNumber(_ key: OfferingKey, on database: any Database) async throws -> Int {
        let max = try await OfferingRevisionModel.query(on: database)
            .filter(\.$provider == key.provider).filter(\.$externalID == key.id).max(\.$number)
        return (max ?? 0) + 1
    }

    static func append(_ key: OfferingKey, record: OfferingRecord, action: OfferingRevision.Action, status: OfferingStatus,
                       by editor: Editor, comment: String? = nil, on database: any Database) async throws {
        let number = try await nextNumber(key, on: database)
        try await append([OfferingRevision(key: key, number: number, record: record, action: action, status: status, editor: editor,
                                           comment: comment, at: Date())], on: database)
    }

    static func append(_ revisions: [OfferingRevision], on database: any Database) async throws {
        guard !revisions.isEmpty else { return }
        // In slices: one INSERT has a bound on its parameters (SQLite 32,766, PostgreSQL 65,535).
        let models = try revisions.map(OfferingRevisionModel.init)
        for start in stride(from: 0, to: models.count, by: 1_000) {
            try await Array(models[start..<min(start + 1_000, models.count)]).create(on: database)
        }
    }
}
