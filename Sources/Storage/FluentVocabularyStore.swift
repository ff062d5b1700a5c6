import Catalogue
import FluentKit
import Foundation

/// Vocabularies in the relational database. A merge rewrites offerings, their labels and drafts in
/// one transaction, and gives every published or archived offering it touched a revision.
public struct FluentVocabularyStore: VocabularyStore {
    let database: any Database

    public init(database: WeerbaarDatabase) { self.database = database.database }

    public func add(_ term: Term) async throws {
        guard term.vocabulary != .kind else { throw VocabularyProblem.fixedVocabulary }
        try await database.transaction { tx in
            guard try await Self.term(term.vocabulary, term.slug, on: tx) == nil else { throw VocabularyProblem.slugTaken }
            var term = term
            let last = try await TermModel.query(on: tx).filter(\.$vocabulary == term.vocabulary.rawValue).max(\.$position)
            term.position = (last ?? 0) + 1
            try await TermModel(term).create(on: tx)
        }
    }

    public func rename(_ vocabulary: Vocabulary, _ slug: String, label: String, description: String) async throws {
        guard let model = try await Self.term(vocabulary, slug, on: database) else { throw VocabularyProblem.notFound }
        model.label = label
        model.description = description
        try await model.update(on: database)
    }

    public func move(_ vocabulary: Vocabulary, _ slug: String, by offset: Int) async throws {
        try await database.transaction { tx in
            var terms = try await TermModel.query(on: tx).filter(\.$vocabulary == vocabulary.rawValue).sort(\.$position).sort(\.$slug).all()
            // Forms are ordered within their kind.
            if vocabulary == .form, let parent = terms.first(where: { $0.slug == slug })?.parent {
                terms = terms.filter { $0.parent == parent }
            }
            guard let index = terms.firstIndex(where: { $0.slug == slug }) else { throw VocabularyProblem.notFound }
            let other = index + (offset < 0 ? -1 : 1)
            guard terms.indices.contains(other) else { return }
            // Positions are renumbered in order first, so equal or missing positions cannot block a swap.
            for (position, term) in terms.enumerated() { term.position = position + 1 }
            terms[index].position = other + 1
            terms[other].position = index + 1
            for term in terms where term.hasChanges { try await term.update(on: tx) }
        }
    }

    public func merge(_ vocabulary: Vocabulary, from: String, into: String, by editor: Editor) async throws -> Int {
        guard vocabulary != .kind else { throw VocabularyProblem.fixedVocabulary }
        guard from != into else { throw VocabularyProblem.sameTerm }
        return try await database.transaction { tx in
            guard let source = try await Self.term(vocabulary, from, on: tx), let target = try await Self.term(vocabulary, into, on: tx) else {
                throw VocabularyProblem.notFound
            }
            if vocabulary == .form && source.parent != target.parent { throw VocabularyProblem.differentParent }

            var touched = Set<UUID>()
            switch vocabulary {
            case .theme, .audience, .phase:
                let list: OfferingLabelModel.List = vocabulary == .theme ? .theme : vocabulary == .audience ? .audience : .phase
                let labels = try await OfferingLabelModel.query(on: tx).filter(\.$list == list.rawValue).filter(\.$value == from).all()
                for label in labels {
                    let offering = label.$offering.id
                    let hasTarget = try await OfferingLabelModel.query(on: tx).filter(\.$offering.$id == offering)
                        .filter(\.$list == list.rawValue).filter(\.$value == into).count() > 0
                    if hasTarget { try await label.delete(on: tx) } else {
                        label.value = into
                        try await label.update(on: tx)
                    }
                    touched.insert(offering)
                }
            case .form, .cost, .delivery, .level, .evidence:
                let field: FieldKey = switch vocabulary {
                case .form: "form"
                case .cost: "cost"
                case .level: "level"
                case .evidence: "evidence_level"
                default: "delivery"
                }
                let models = try await OfferingModel.query(on: tx).filter(field, .equal, from).all()
                for model in models {
                    switch vocabulary {
                    case .form: model.form = into
                    case .cost: model.cost = into
                    case .level: model.level = into
                    case .evidence: model.evidenceLevel = into
                    default: model.delivery = into
                    }
                    try await model.update(on: tx)
                    touched.insert(try model.requireID())
                }
            case .kind:
                throw VocabularyProblem.fixedVocabulary
            }

            // A revision for each offering that changed, with its version raised so open forms see the change.
            for id in touched {
                guard let model = try await OfferingModel.query(on: tx).filter(\.$id == id).with(\.$labels).first() else { continue }
                model.version += 1
                model.updatedAt = Date()
                try await model.update(on: tx)
                try await Revisions.append(OfferingKey(provider: model.provider, id: model.externalID), record: model.domain().record,
                                           action: .termMerged, status: OfferingStatus(rawValue: model.status) ?? .published, by: editor,
                                           comment: "\(vocabulary.rawValue): \(from) → \(into)", on: tx)
            }

            // Drafts hold the record as JSON.
            var drafts = 0
            for draft in try await OfferingDraftModel.query(on: tx).all() {
                var record = try RecordJSON.decode(draft.record)
                let before = record
                switch vocabulary {
                case .theme: record.themes = Self.replacing(from, with: into, in: record.themes)
                case .audience: record.audiences = Self.replacing(from, with: into, in: record.audiences)
                case .form: if record.form == from { record.form = into }
                case .cost: if record.cost == from { record.cost = into }
                case .delivery: if record.delivery == from { record.delivery = into }
                case .level: if record.level == from { record.level = into }
                case .phase: record.phases = Self.replacing(from, with: into, in: record.phases)
                case .evidence: if record.evidence?.level == from { record.evidence?.level = into }
                case .kind: break
                }
                guard record != before else { continue }
                draft.record = try RecordJSON.encode(record)
                draft.version += 1
                try await draft.update(on: tx)
                drafts += 1
            }
            try await source.delete(on: tx)
            return touched.count + drafts
        }
    }

    static func replacing(_ from: String, with into: String, in values: [String]) -> [String] {
        var result: [String] = []
        for value in values.map({ $0 == from ? into : $0 }) where !result.contains(value) { result.append(value) }
        return result
    }

    static func term(_ vocabulary: Vocabulary, _ slug: String, on database: any Database) async throws -> TermModel? {
        try await TermModel.query(on: database).filter(\.$vocabulary == vocabulary.rawValue).filter(\.$slug == slug).first()
    }
}
