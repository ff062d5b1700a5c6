import Catalogue
import FluentKit
import Foundation
import SQLKit

/// Drafts, review, archive and history in the relational database, the same code on SQLite and
/// PostgreSQL. Each write is one transaction that first claims the version it was based on with a
/// conditional UPDATE: of two saves of the same version, one changes a row and the other gets a conflict.
public struct FluentEditorialStore: EditorialStore {
    let database: any Database

    public init(database: WeerbaarDatabase) { self.database = database.database }

    // MARK: - Reading

    public func managed(_ key: OfferingKey) async throws -> ManagedOffering? {
        try await Self.managed(key, on: database)
    }

    static func managed(_ key: OfferingKey, on database: any Database) async throws -> ManagedOffering? {
        let stored = try await storedModel(key, on: database)
        let draft = try await draftModel(key, on: database)
        guard stored != nil || draft != nil else { return nil }
        return ManagedOffering(stored: stored?.domain(), storedStatus: stored.flatMap { OfferingStatus(rawValue: $0.status) },
                               storedVersion: stored?.version ?? 0, draft: try draft?.domain())
    }

    public func managedOfferings(provider: String?) async throws -> [ManagedOffering] {
        var storedQuery = OfferingModel.query(on: database).with(\.$labels)
        var draftQuery = OfferingDraftModel.query(on: database)
        if let provider {
            storedQuery = storedQuery.filter(\.$provider == provider)
            draftQuery = draftQuery.filter(\.$provider == provider)
        }
        var drafts: [OfferingKey: OfferingDraft] = [:]
        for model in try await draftQuery.all() {
            let draft = try model.domain()
            drafts[draft.key] = draft
        }
        var result: [ManagedOffering] = []
        for model in try await storedQuery.all() {
            let offering = model.domain()
            result.append(ManagedOffering(stored: offering, storedStatus: OfferingStatus(rawValue: model.status), storedVersion: model.version,
                                          draft: drafts.removeValue(forKey: offering.key)))
        }
        result += drafts.values.map { ManagedOffering(stored: nil, storedStatus: nil, storedVersion: 0, draft: $0) }
        return result
    }

    public func submittedDrafts() async throws -> [OfferingDraft] {
        try await OfferingDraftModel.query(on: database).filter(\.$status == OfferingStatus.submitted.rawValue)
            .sort(\.$updatedAt).all().map { try $0.domain() }
    }

    public func revisions(_ key: OfferingKey) async throws -> [OfferingRevision] {
        try await OfferingRevisionModel.query(on: database)
            .filter(\.$provider == key.provider).filter(\.$externalID == key.id)
            .sort(\.$number, .descending).all().map { try $0.domain() }
    }

    // MARK: - Saving

    public func save(_ record: OfferingRecord, basedOn: EditToken, intent: SaveIntent, by editor: Editor, today: Day) async throws -> ManagedOffering {
        let key = record.key
        return try await database.transaction { tx in
            try await Self.claim(key, basedOn: basedOn, on: tx)
            switch intent {
            case .concept, .submit:
                let status: OfferingStatus = intent == .submit ? .submitted : .concept
                try await Self.writeDraft(record, status: status, by: editor, comment: nil, on: tx)
                try await Revisions.append(key, record: record, action: intent == .submit ? .submitted : .saved, status: status, by: editor, on: tx)
            case .publish:
                try await Self.publish(record, by: editor, today: today, on: tx)
            }
            return try await Self.managed(key, on: tx)!
        }
    }

    public func saveAll(_ items: [(record: OfferingRecord, basedOn: EditToken)], intent: SaveIntent, by editor: Editor, today: Day) async throws {
        try await database.transaction { tx in
            for (record, basedOn) in items {
                try await Self.claim(record.key, basedOn: basedOn, on: tx)
                switch intent {
                case .concept, .submit:
                    let status: OfferingStatus = intent == .submit ? .submitted : .concept
                    try await Self.writeDraft(record, status: status, by: editor, comment: nil, on: tx)
                    try await Revisions.append(record.key, record: record, action: intent == .submit ? .submitted : .saved, status: status,
                                               by: editor, comment: "bulkupload", on: tx)
                case .publish:
                    try await Self.publish(record, by: editor, today: today, on: tx)
                }
            }
        }
    }

    // MARK: - Staged uploads

    public func stage(_ upload: StagedUpload) async throws {
        // Expired dry runs go when a new one arrives; nothing else needs them.
        try await StagedUploadModel.query(on: database).filter(\.$createdAt < Date().addingTimeInterval(-StagedUpload.lifetime)).delete()
        try await StagedUploadModel(upload).create(on: database)
    }

    public func staged(_ id: UUID, owner: UUID, now: Date) async throws -> StagedUpload? {
        guard let model = try await StagedUploadModel.query(on: database).filter(\.$id == id).filter(\.$owner == owner).first(),
              model.createdAt > now.addingTimeInterval(-StagedUpload.lifetime)
        else { return nil }
        return try model.domain()
    }

    public func discardStaged(_ id: UUID) async throws {
        try await StagedUploadModel.query(on: database).filter(\.$id == id).delete()
    }

    public func publishDraft(_ key: OfferingKey, version: Int, by editor: Editor, today: Day) async throws {
        try await database.transaction { tx in
            let draft = try await Self.claimDraft(key, version: version, status: .submitted, on: tx)
            try await Self.publish(draft.record, by: editor, today: today, on: tx)
        }
    }

    public func sendBack(_ key: OfferingKey, version: Int, comment: String, by editor: Editor) async throws -> OfferingDraft {
        try await database.transaction { tx in
            let draft = try await Self.claimDraft(key, version: version, status: .submitted, on: tx)
            try await Self.writeDraft(draft.record, status: .concept, by: nil, comment: comment, on: tx)
            try await Revisions.append(key, record: draft.record, action: .sentBack, status: .concept, by: editor, comment: comment, on: tx)
            return try await Self.draftModel(key, on: tx)!.domain()
        }
    }

    public func archive(_ key: OfferingKey, by editor: Editor) async throws {
        try await changeStatus(key, from: .published, to: .archived, action: .archived, by: editor)
    }

    public func unarchive(_ key: OfferingKey, by editor: Editor) async throws {
        try await changeStatus(key, from: .archived, to: .published, action: .unarchived, by: editor)
    }

    public func restore(_ key: OfferingKey, revision number: Int, by editor: Editor) async throws {
        try await database.transaction { tx in
            guard let revision = try await OfferingRevisionModel.query(on: tx)
                .filter(\.$provider == key.provider).filter(\.$externalID == key.id).filter(\.$number == number).first()?.domain()
            else { throw EditorialProblem.notFound }
            let draft = try await Self.draftModel(key, on: tx)
            let stored = try await Self.storedModel(key, on: tx)
            try await Self.claim(key, basedOn: draft.map { .draft($0.version) } ?? .stored(stored?.version ?? 0), on: tx)
            try await Self.writeDraft(revision.record, status: .concept, by: editor, comment: nil, on: tx)
            try await Revisions.append(key, record: revision.record, action: .restored, status: .concept, by: editor,
                                       comment: "versie \(number)", on: tx)
        }
    }

    private func changeStatus(_ key: OfferingKey, from: OfferingStatus, to: OfferingStatus, action: OfferingRevision.Action,
                              by editor: Editor) async throws {
        try await database.transaction { tx in
            guard let model = try await Self.storedModel(key, on: tx) else { throw EditorialProblem.notFound }
            guard model.status == from.rawValue else { throw EditorialProblem.wrongStatus(OfferingStatus(rawValue: model.status) ?? .published) }
            let changed = try await tx.sql.raw("""
                UPDATE offerings SET status = \(bind: to.rawValue), version = version + 1, updated_at = \(bind: Date())
                WHERE id = \(bind: model.requireID()) AND status = \(bind: from.rawValue) RETURNING id
                """).all()
            guard changed.count == 1 else { throw EditorialProblem.wrongStatus(to) }
            try await Revisions.append(key, record: model.domain().record, action: action, status: to, by: editor, on: tx)
        }
    }

    // MARK: - Trusted providers

    public func trustedProviders() async throws -> Set<String> {
        Set(try await ProviderModel.query(on: database).filter(\.$trusted == true).all().map(\.slug))
    }

    public func setTrusted(_ provider: String, _ trusted: Bool) async throws {
        try await ProviderModel.query(on: database).filter(\.$slug == provider).set(\.$trusted, to: trusted).update()
    }

    // MARK: - Steps inside a transaction

    static func storedModel(_ key: OfferingKey, on database: any Database) async throws -> OfferingModel? {
        try await OfferingModel.query(on: database).filter(\.$provider == key.provider).filter(\.$externalID == key.id)
            .with(\.$labels).first()
    }

    static func draftModel(_ key: OfferingKey, on database: any Database) async throws -> OfferingDraftModel? {
        try await OfferingDraftModel.query(on: database).filter(\.$provider == key.provider).filter(\.$externalID == key.id).first()
    }

    /// Makes sure nobody saved since `basedOn`, and raises the version that says so, so a concurrent
    /// save based on the same version finds it changed.
    static func claim(_ key: OfferingKey, basedOn: EditToken, on tx: any Database) async throws {
        let sql = tx.sql
        switch basedOn {
        case .new:
            let stored = try await storedModel(key, on: tx)
            let draft = try await draftModel(key, on: tx)
            if stored != nil || draft != nil { throw EditorialProblem.keyTaken }
        case .draft(let version):
            let claimed = try await sql.raw("""
                UPDATE offering_drafts SET version = version + 1
                WHERE provider_slug = \(bind: key.provider) AND external_id = \(bind: key.id) AND version = \(bind: version) RETURNING id
                """).all()
            if claimed.count != 1 { throw try await conflict(key, on: tx) }
        case .stored(let version):
            if try await draftModel(key, on: tx) != nil { throw try await conflict(key, on: tx) }
            let claimed = try await sql.raw("""
                UPDATE offerings SET version = version + 1
                WHERE provider_slug = \(bind: key.provider) AND external_id = \(bind: key.id) AND version = \(bind: version) RETURNING id
                """).all()
            if claimed.count != 1 { throw try await conflict(key, on: tx) }
        }
    }

    /// The draft at `version` in `status`, claimed as in `claim`.
    static func claimDraft(_ key: OfferingKey, version: Int, status: OfferingStatus, on tx: any Database) async throws -> OfferingDraft {
        guard let model = try await draftModel(key, on: tx) else { throw EditorialProblem.notFound }
        guard model.status == status.rawValue else { throw EditorialProblem.wrongStatus(OfferingStatus(rawValue: model.status) ?? .concept) }
        try await claim(key, basedOn: .draft(version), on: tx)
        return try model.domain()
    }

    /// Who saved last, for the conflict message; the notFound problem when the offering is gone.
    static func conflict(_ key: OfferingKey, on tx: any Database) async throws -> EditorialProblem {
        guard let last = try await OfferingRevisionModel.query(on: tx).filter(\.$provider == key.provider)
            .filter(\.$externalID == key.id).sort(\.$number, .descending).first()
        else { return .notFound }
        return .conflict(by: Editor(email: last.editorEmail, name: last.editorName), at: last.createdAt)
    }

    /// Creates or replaces the draft. `author` nil keeps the draft's author (a redacteur sending it back
    /// is not its author). The version was already raised by the claim; a new draft starts at 1.
    static func writeDraft(_ record: OfferingRecord, status: OfferingStatus, by author: Editor?, comment: String?, on tx: any Database) async throws {
        let now = Date()
        if let model = try await draftModel(record.key, on: tx) {
            model.record = try RecordJSON.encode(record)
            model.status = status.rawValue
            if let author {
                model.authorEmail = author.email
                model.authorName = author.name
            }
            model.reviewComment = comment
            model.updatedAt = now
            try await model.update(on: tx)
        } else {
            let model = OfferingDraftModel()
            model.id = UUID()
            model.provider = record.provider
            model.externalID = record.id
            model.record = try RecordJSON.encode(record)
            model.status = status.rawValue
            model.version = 1
            model.authorEmail = (author ?? .system).email
            model.authorName = (author ?? .system).name
            model.reviewComment = comment
            model.createdAt = now
            model.updatedAt = now
            try await model.create(on: tx)
        }
    }

    /// Puts the record on the site: updates or creates the stored offering as published, checked
    /// today, and removes the draft. Publishing is a check by a person, so a "herzien vóór" date already
    /// past moves to twelve months from today, and the overdue notice goes.
    static func publish(_ record: OfferingRecord, by editor: Editor, today: Day, on tx: any Database) async throws {
        var record = record
        if let due = record.reviewBy, due < today { record.reviewBy = today.adding(months: Freshness.reviewAfterMonths) }
        let now = Date()
        if let model = try await storedModel(record.key, on: tx) {
            model.apply(record)
            model.status = OfferingStatus.published.rawValue
            model.lastChecked = today.description
            model.updatedAt = now
            // Raise the version again when the claim was on the draft, so a form on the stored version is stale.
            model.version += 1
            try await model.update(on: tx)
            try await FluentCatalogueStore.replaceLabels(of: model, with: record, on: tx)
        } else {
            let model = OfferingModel(published: record, slug: try await FluentCatalogueStore.uniqueSlug(for: record, on: tx), checkedOn: today, at: now)
            try await model.create(on: tx)
            try await FluentCatalogueStore.createLabels(for: record, offeringID: model.requireID(), on: tx)
        }
        try await OfferingDraftModel.query(on: tx).filter(\.$provider == record.provider).filter(\.$externalID == record.id).delete()
        try await Revisions.append(record.key, record: record, action: .published, status: .published, by: editor, on: tx)
    }
}
