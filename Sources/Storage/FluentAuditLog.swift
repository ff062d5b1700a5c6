import Audit
import FluentKit
import FluentSQL
import SQLKit
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

    public func events(_ filter: AuditFilter, offset: Int, limit: Int) async throws -> [AuditEvent] {
        try await query(filter).sort(\.$at, .descending).sort(\.$id)
            .offset(max(0, offset)).limit(max(0, limit)).all().compactMap { $0.domain() }
    }

    public func count(_ filter: AuditFilter) async throws -> Int {
        try await query(filter).count()
    }

    /// Bound parameters only; the person is matched without regard to case on both backends.
    func query(_ filter: AuditFilter) -> QueryBuilder<AuditEventModel> {
        let query = AuditEventModel.query(on: database)
        if let person = filter.person {
            let pattern = "%" + person + "%"
            query.group(.or) { group in
                for column in ["actor", "actor_name", "subject"] {
                    group.filter(.sql(embed: "LOWER(\(ident: column)) LIKE \(bind: pattern)"))
                }
            }
        }
        if let action = filter.action { query.filter(\.$action == action.rawValue) }
        if let from = filter.from { query.filter(\.$at >= from) }
        if let until = filter.until { query.filter(\.$at < until) }
        return query
    }
}
