import Catalogue
import FluentKit
import Foundation

/// A row of `offering_drafts`: an offering's unpublished version, the whole record as JSON because
/// nothing queries inside it.
final class OfferingDraftModel: Model, @unchecked Sendable {
    static let schema = "offering_drafts"

    @ID(key: .id) var id: UUID?
    @Field(key: "provider_slug") var provider: String
    @Field(key: "external_id") var externalID: String
    @Field(key: "record") var record: String
    @Field(key: "status") var status: String
    @Field(key: "version") var version: Int
    @Field(key: "author_email") var authorEmail: String
    @Field(key: "author_name") var authorName: String
    @OptionalField(key: "review_comment") var reviewComment: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    func domain() throws -> OfferingDraft {
        OfferingDraft(record: try RecordJSON.decode(record), status: OfferingStatus(rawValue: status) ?? .concept, version: version,
                      author: Editor(email: authorEmail, name: authorName), reviewComment: reviewComment, updated: updatedAt)
    }
}

/// A row of `offering_revisions`: insert and select only.
final class OfferingRevisionModel: Model, @unchecked Sendable {
    static let schema = "offering_revisions"

    @ID(key: .id) var id: UUID?
    @Field(key: "provider_slug") var provider: String
    @Field(key: "external_id") var externalID: String
    @Field(key: "number") var number: Int
    @Field(key: "record") var record: String
    @Field(key: "action") var action: String
    @Field(key: "status") var status: String
    @Field(key: "editor_email") var editorEmail: String
    @Field(key: "editor_name") var editorName: String
    @OptionalField(key: "comment") var comment: String?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(_ revision: OfferingRevision) throws {
        id = UUID()
        provider = revision.key.provider
        externalID = revision.key.id
        number = revision.number
        record = try RecordJSON.encode(revision.record)
        action = revision.action.rawValue
        status = revision.status.rawValue
        editorEmail = revision.editor.email
        editorName = revision.editor.name
        comment = revision.comment
        createdAt = revision.at
    }

    func domain() throws -> OfferingRevision {
        OfferingRevision(key: OfferingKey(provider: provider, id: externalID), number: number, record: try RecordJSON.decode(record),
                         action: OfferingRevision.Action(rawValue: action) ?? .saved, status: OfferingStatus(rawValue: status) ?? .concept,
                         editor: Editor(email: editorEmail, name: editorName), comment: comment, at: createdAt)
    }
}

/// Records as stored JSON: the exchange format's own encoding, keys sorted so equal records are equal text.
enum RecordJSON {
    static func encode(_ record: OfferingRecord) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(record), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> OfferingRecord {
        try JSONDecoder().decode(OfferingRecord.self, from: Data(text.utf8))
    }
}

/// A row of `staged_uploads`.
final class StagedUploadModel: Model, @unchecked Sendable {
    static let schema = "staged_uploads"

    @ID(key: .id) var id: UUID?
    @Field(key: "owner") var owner: UUID
    @Field(key: "file_name") var fileName: String
    @Field(key: "items") var items: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(_ upload: StagedUpload) throws {
        id = upload.id
        owner = upload.owner
        fileName = upload.fileName
        items = String(decoding: try JSONEncoder().encode(upload.items), as: UTF8.self)
        createdAt = upload.created
    }

    func domain() throws -> StagedUpload {
        StagedUpload(id: try requireID(), owner: owner, fileName: fileName,
                     items: try JSONDecoder().decode([StagedUpload.Item].self, from: Data(items.utf8)), created: createdAt)
    }
}
