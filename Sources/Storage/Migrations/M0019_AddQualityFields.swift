import Catalogue
import FluentKit

/// What a civil servant needs to judge an offering: level, phases of unrest (as labels), evidence,
/// price, schedule, language and accreditation; and the three vocabularies behind them. A database
/// made before this migration gets the standard terms of those vocabularies; a new one already has
/// them from the first migration, which seeds every vocabulary.
struct M0019_AddQualityFields: AsyncMigration {
    var name: String { "0019-add-quality-fields" }

    static let columns: [FieldKey] = ["level", "price", "schedule", "language", "accreditation", "evidence_level", "evidence_date", "evidence_by"]

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite's ALTER TABLE adds one at a time.
        for column in Self.columns {
            try await database.schema(OfferingModel.schema).field(column, .string).update()
        }
        for vocabulary in [Vocabulary.level, .phase, .evidence] {
            let present = try await TermModel.query(on: database).filter(\.$vocabulary == vocabulary.rawValue).count()
            guard present == 0 else { continue }
            for term in Taxonomy.standard.terms(vocabulary) { try await TermModel(term).create(on: database) }
        }
    }

    func revert(on database: any Database) async throws {
        for vocabulary in [Vocabulary.level, .phase, .evidence] {
            try await TermModel.query(on: database).filter(\.$vocabulary == vocabulary.rawValue).delete()
        }
        for column in Self.columns.reversed() {
            try await database.schema(OfferingModel.schema).deleteField(column).update()
        }
    }
}
