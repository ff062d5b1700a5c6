import Catalogue
import FluentKit
import Foundation
import Knowledge
import SQLKit

/// Tips from readers in the relational database. Every step reads the tip and writes it back with an
/// update conditional on the state it read, in one transaction: two editors claiming at once cannot
/// both win, on SQLite or PostgreSQL. Bound parameters only.
public struct SQLTipStore: TipStore {
    let database: any Database

    public init(database: WeerbaarDatabase) { self.database = database.database }

    struct Row: Decodable {
        var id: String
        var state: String
        var body: String
        var claimed_by_email: String?
        var claimed_by_name: String?
        var claimed_at: Double?
        var request_note: String?
        var decline_reason: String?
        var decision_note: String?
        var article_id: String?
        var created_at: Double
        var submitted_at: Double?
        var decided_at: Double?
        var updated_at: Double
        // The sender, joined: absent once erased.
        var name: String?
        var email: String?
        var organisation: String?
        var show_name: Bool?
    }

    static let select: SQLQueryString = """
        SELECT t.id, t.state, t.body, t.claimed_by_email, t.claimed_by_name, t.claimed_at, t.request_note, t.decline_reason, t.decision_note,
               t.article_id, t.created_at, t.submitted_at, t.decided_at, t.updated_at, s.name, s.email, s.organisation, s.show_name
        FROM tips t LEFT JOIN tip_senders s ON s.tip_id = t.id
        """

    static func tip(_ row: Row) throws -> (Tip, TipSender?) {
        func date(_ value: Double?) -> Date? { value.map(Date.init(timeIntervalSince1970:)) }
        let claimer = row.claimed_by_email.map { Editor(email: $0, name: row.claimed_by_name ?? $0) }
        let tip = Tip(id: UUID(uuidString: row.id) ?? UUID(), state: Tip.State(rawValue: row.state) ?? .submitted,
                      content: try JSONDecoder().decode(Tip.Content.self, from: Data(row.body.utf8)), claimedBy: claimer,
                      claimedAt: date(row.claimed_at), requestNote: row.request_note, declineReason: row.decline_reason.flatMap(Tip.DeclineReason.init),
                      decisionNote: row.decision_note, articleID: row.article_id, created: Date(timeIntervalSince1970: row.created_at),
                      submitted: date(row.submitted_at), decided: date(row.decided_at), updated: Date(timeIntervalSince1970: row.updated_at))
        let sender = row.email.map { TipSender(name: row.name ?? "", email: $0, organisation: row.organisation ?? "", showName: row.show_name ?? false) }
        return (tip, sender)
    }

    static func body(_ content: Tip.Content) throws -> String { String(decoding: try JSONEncoder().encode(content), as: UTF8.self) }
    /// Themes between commas, so a filter is one LIKE with the commas around the slug.
    static func themes(_ content: Tip.Content) -> String { "," + content.themes.joined(separator: ",") + "," }

    @discardableResult
    public func create(_ id: UUID, _ content: Tip.Content, sender: TipSender, tokenHash: String, now: Date) async throws -> Tip {
        let tip = Tip(id: id, state: .unconfirmed, content: content, created: now, updated: now)
        try await database.transaction { tx in
            let sql = tx.sql
            try await sql.raw("""
                INSERT INTO tips (id, token_hash, state, kind, themes, body, created_at, updated_at)
                VALUES (\(bind: tip.id.uuidString), \(bind: tokenHash), \(bind: tip.state.rawValue), \(bind: content.kind.rawValue),
                        \(bind: Self.themes(content)), \(bind: try Self.body(content)), \(bind: now.timeIntervalSince1970), \(bind: now.timeIntervalSince1970))
                """).run()
            try await sql.raw("""
                INSERT INTO tip_senders (tip_id, name, email, organisation, show_name)
                VALUES (\(bind: tip.id.uuidString), \(bind: sender.name), \(bind: sender.email), \(bind: sender.organisation), \(bind: sender.showName))
                """).run()
        }
        return tip
    }

    public func tip(tokenHash: String) async throws -> (Tip, TipSender?)? {
        try await database.sql.raw("\(Self.select) WHERE t.token_hash = \(bind: tokenHash)").first(decoding: Row.self).map(Self.tip)
    }

    public func tip(_ id: UUID) async throws -> (Tip, TipSender?)? { try await Self.read(id, on: database.sql) }

    static func read(_ id: UUID, on sql: any SQLDatabase) async throws -> (Tip, TipSender?)? {
        try await sql.raw("\(Self.select) WHERE t.id = \(bind: id.uuidString)").first(decoding: Row.self).map(Self.tip)
    }

    public func tips(_ filter: TipFilter) async throws -> [Tip] {
        var query: SQLQueryString = "\(Self.select) WHERE 1 = 1"
        if !filter.states.isEmpty { query.appendInterpolation(unsafeRaw: " AND t.state IN ("); query.appendInterpolation(binds: filter.states.map(\.rawValue).sorted()); query.appendLiteral(")") }
        if let theme = filter.theme { query.appendLiteral(" AND t.themes LIKE "); query.appendInterpolation(bind: "%," + theme + ",%") }
        query.appendLiteral(" ORDER BY COALESCE(t.submitted_at, t.created_at), t.id")
        return try await database.sql.raw(query).all(decoding: Row.self).map { try Self.tip($0).0 }
    }

    /// Writes the tip's mutable fields back, conditional on the state it was read in.
    static func write(_ tip: Tip, readIn state: Tip.State, articleID: String? = nil, on sql: any SQLDatabase) async throws {
        let rows = try await sql.raw("""
            UPDATE tips SET state = \(bind: tip.state.rawValue), kind = \(bind: tip.content.kind.rawValue), themes = \(bind: themes(tip.content)),
                   body = \(bind: try body(tip.content)), claimed_by_email = \(bind: tip.claimedBy?.email), claimed_by_name = \(bind: tip.claimedBy?.name),
                   claimed_at = \(bind: tip.claimedAt?.timeIntervalSince1970), request_note = \(bind: tip.requestNote),
                   decline_reason = \(bind: tip.declineReason?.rawValue), decision_note = \(bind: tip.decisionNote), article_id = \(bind: tip.articleID),
                   submitted_at = \(bind: tip.submitted?.timeIntervalSince1970), decided_at = \(bind: tip.decided?.timeIntervalSince1970),
                   updated_at = \(bind: tip.updated.timeIntervalSince1970)
            WHERE id = \(bind: tip.id.uuidString) AND state = \(bind: state.rawValue) RETURNING id
            """).all()
        guard rows.count == 1 else {
            let now = try await read(tip.id, on: sql)?.0.state
            throw now.map(TipProblem.wrongState) ?? TipProblem.notFound
        }
    }

    /// The tip after a step, or the problem: not found, a state the step does not start from, or
    /// claimed by another editor.
    static func step(_ tip: Tip, from: Set<Tip.State>, to: Tip.State, now: Date, change: TipChange) throws -> Tip {
        guard from.contains(tip.state), tip.state.next.contains(to) else { throw TipProblem.wrongState(tip.state) }
        if let claimer = change.byClaimer, tip.claimedBy?.email != claimer.email { throw TipProblem.claimedByOther(tip.claimedBy?.name ?? "") }
        var next = tip
        next.state = to
        next.updated = now
        if let claim = change.claim {
            next.claimedBy = claim
            next.claimedAt = now
        }
        if change.releaseClaim {
            next.claimedBy = nil
            next.claimedAt = nil
        }
        if to == .submitted, next.submitted == nil { next.submitted = now }
        if to.isFinal { next.decided = now }
        if let note = change.requestNote { next.requestNote = note }
        if let reason = change.declineReason { next.declineReason = reason }
        if let note = change.decisionNote { next.decisionNote = note }
        return next
    }

    @discardableResult
    public func move(_ id: UUID, from: Set<Tip.State>, to: Tip.State, now: Date, change: TipChange) async throws -> Tip {
        try await database.transaction { tx in
            guard let (tip, _) = try await Self.read(id, on: tx.sql) else { throw TipProblem.notFound }
            let next = try Self.step(tip, from: from, to: to, now: now, change: change)
            try await Self.write(next, readIn: tip.state, on: tx.sql)
            return next
        }
    }

    @discardableResult
    public func accept(_ id: UUID, article: Article, by editor: Editor, note: String?, now: Date) async throws -> Tip {
        try await database.transaction { tx in
            let sql = tx.sql
            guard let (tip, _) = try await Self.read(id, on: sql) else { throw TipProblem.notFound }
            var next = try Self.step(tip, from: [.inReview], to: .accepted, now: now, change: TipChange(byClaimer: editor, decisionNote: note))
            next.articleID = article.id
            try await Self.write(next, readIn: tip.state, on: sql)
            // In the same transaction: a tip is accepted with its draft, or not at all.
            try await SQLArticleStore.insert(article, status: .concept, provider: nil, by: editor, on: sql)
            return next
        }
    }

    public func resubmit(_ id: UUID, content: Tip.Content, now: Date) async throws -> Tip {
        try await database.transaction { tx in
            guard let (tip, _) = try await Self.read(id, on: tx.sql) else { throw TipProblem.notFound }
            var next = try Self.step(tip, from: [.changesRequested], to: .inReview, now: now, change: TipChange())
            next.content = content
            try await Self.write(next, readIn: tip.state, on: tx.sql)
            return next
        }
    }

    public func decisionTimes(since: Date) async throws -> (median: TimeInterval?, count: Int) {
        struct Times: Decodable { var submitted_at: Double; var decided_at: Double }
        let durations = try await database.sql.raw("""
            SELECT submitted_at, decided_at FROM tips WHERE decided_at >= \(bind: since.timeIntervalSince1970) AND submitted_at IS NOT NULL
            AND state IN (\(binds: [Tip.State.accepted.rawValue, Tip.State.declined.rawValue]))
            """).all(decoding: Times.self).map { $0.decided_at - $0.submitted_at }.sorted()
        guard !durations.isEmpty else { return (nil, 0) }
        let middle = durations.count / 2
        let median = durations.count % 2 == 1 ? durations[middle] : (durations[middle - 1] + durations[middle]) / 2
        return (median, durations.count)
    }

    public func purge(decidedBefore: Date, unconfirmedBefore: Date) async throws -> Int {
        try await database.transaction { tx in
            let sql = tx.sql
            struct ID: Decodable { var id: String }
            let decided = try await sql.raw("SELECT id FROM tips WHERE decided_at < \(bind: decidedBefore.timeIntervalSince1970)")
                .all(decoding: ID.self).map(\.id)
            let unconfirmed = try await sql.raw("""
                SELECT id FROM tips WHERE state = \(bind: Tip.State.unconfirmed.rawValue) AND created_at < \(bind: unconfirmedBefore.timeIntervalSince1970)
                """).all(decoding: ID.self).map(\.id)
            let senders = decided + unconfirmed
            guard !senders.isEmpty else { return 0 }
            let erased = try await sql.raw("DELETE FROM tip_senders WHERE tip_id IN (\(binds: senders)) RETURNING tip_id").all().count
            // A declined or withdrawn tip, or one never confirmed, goes whole: only an accepted tip
            // lives on, in its article.
            let gone = try await sql.raw("""
                DELETE FROM tips WHERE id IN (\(binds: senders)) AND state <> \(bind: Tip.State.accepted.rawValue) RETURNING id
                """).all().count
            return erased + gone
        }
    }
}
