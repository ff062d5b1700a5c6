import Audit
import FluentKit
import Foundation

final class AuditEventModel: Model, @unchecked Sendable {
    static let schema = "audit_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "at") var at: Date
    @Field(key: "actor") var actor: String
    @Field(key: "actor_name") var actorName: String
    @Field(key: "action") var action: String
    @Field(key: "subject") var subject: String
    @Field(key: "details") var details: String

    init() {}

    init(_ event: AuditEvent) {
        id = event.id
        at = event.at
        actor = event.actor
        actorName = event.actorName
        action = event.action.rawValue
        subject = event.subject
        details = event.details
    }

    func domain() -> AuditEvent? {
        guard let id, let action = AuditEvent.Action(rawValue: action) else { return nil }
        return AuditEvent(id: id, at: at, actor: actor, actorName: actorName, action: action, subject: subject, details: details)
    }
}

/// The audit log in the relational database: insert and select only.
public struct FluentAuditLog: AuditLog {
    let database: any Database

    public init(database: WeerbaarDatabase) { self.database = database.database }

    public func append(_ event: AuditEvent) async throws {
        try await AuditEventModel(event).create(on: database)
    }

    public func events(offset: Int, limit: Int) async throws -> [AuditEvent] {
        try await AuditEventModel.query(on: database).sort(\.$at, .descending).sort(\.$id)
            .offset(max(0, offset)).limit(max(0, limit)).all().compactMap { $0.domain() }
    }

    public func count() async throws -> Int {
        try await AuditEventModel.query(on: database).count()
    }
}
