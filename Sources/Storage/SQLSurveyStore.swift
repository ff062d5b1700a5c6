import Catalogue
import FluentKit
import Foundation
import Insight
import SQLKit

/// Needs surveys in the relational database. The survey with its questions is one JSON document;
/// a gemeente's shared draft is one row per answered question, so colleagues answering different
/// questions never overwrite each other; the submit is one transaction whose conditional update
/// of the participant row lets exactly one of two colleagues through. Bound parameters only.
public struct SQLSurveyStore: SurveyStore, FeedbackStore {
    let database: any Database

    public init(database: WeerbaarDatabase) { self.database = database.database }

    static func encode<T: Encodable>(_ value: T) throws -> String { String(decoding: try JSONEncoder().encode(value), as: UTF8.self) }
    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T { try JSONDecoder().decode(type, from: Data(text.utf8)) }

    struct Body: Decodable { var body: String }

    public func surveys() async throws -> [Survey] {
        try await database.sql.raw("SELECT body FROM surveys ORDER BY year DESC, updated_at DESC").all(decoding: Body.self)
            .map { try Self.decode(Survey.self, $0.body) }
    }

    public func survey(_ id: UUID) async throws -> Survey? {
        try await Self.survey(id, on: database.sql)
    }

    static func survey(_ id: UUID, on sql: any SQLDatabase) async throws -> Survey? {
        try await sql.raw("SELECT body FROM surveys WHERE id = \(bind: id.uuidString)").first(decoding: Body.self)
            .map { try decode(Survey.self, $0.body) }
    }

    public func save(_ survey: Survey) async throws {
        try await database.transaction { tx in
            let sql = tx.sql
            let body = try Self.encode(survey)
            let now = Date().timeIntervalSince1970
            if let current = try await Self.survey(survey.id, on: sql) {
                if current.questionsFrozen && current.questions != survey.questions { throw SurveyProblem.questionsFrozen }
                try await sql.raw("""
                    UPDATE surveys SET body = \(bind: body), year = \(bind: survey.year), status = \(bind: survey.status.rawValue),
                           updated_at = \(bind: now) WHERE id = \(bind: survey.id.uuidString)
                    """).run()
            } else {
                try await sql.raw("""
                    INSERT INTO surveys (id, body, year, status, updated_at)
                    VALUES (\(bind: survey.id.uuidString), \(bind: body), \(bind: survey.year), \(bind: survey.status.rawValue), \(bind: now))
                    """).run()
            }
        }
    }

    // MARK: Invitations

    public func invite(_ invitation: Invitation, tokenHash: String) async throws {
        try await database.transaction { tx in
            let sql = tx.sql
            try await sql.raw("""
                INSERT INTO survey_participants (survey_id, municipality, responded) VALUES (\(bind: invitation.survey.uuidString),
                \(bind: invitation.municipality), \(bind: false)) ON CONFLICT (survey_id, municipality) DO NOTHING
                """).run()
            try await sql.raw("""
                INSERT INTO survey_invitations (id, survey_id, municipality, email, name, token_hash, sent_at)
                VALUES (\(bind: invitation.id), \(bind: invitation.survey.uuidString), \(bind: invitation.municipality), \(bind: invitation.email),
                        \(bind: invitation.name), \(bind: tokenHash), \(bind: invitation.sentAt.timeIntervalSince1970))
                """).run()
        }
    }

    struct InvitationRow: Decodable {
        var id: UUID
        var survey_id: String
        var municipality: String
        var email: String
        var name: String
        var sent_at: Double
        var reminded_at: Double?
        var opened_at: Double?

        var invitation: Invitation {
            Invitation(id: id, survey: UUID(uuidString: survey_id) ?? UUID(), municipality: municipality, email: email, name: name,
                       sentAt: Date(timeIntervalSince1970: sent_at), remindedAt: reminded_at.map(Date.init(timeIntervalSince1970:)),
                       openedAt: opened_at.map(Date.init(timeIntervalSince1970:)))
        }
    }

    static let invitationColumns: SQLQueryString = "id, survey_id, municipality, email, name, sent_at, reminded_at, opened_at"

    public func invitations(_ survey: UUID) async throws -> [Invitation] {
        try await database.sql.raw("""
            SELECT \(Self.invitationColumns) FROM survey_invitations WHERE survey_id = \(bind: survey.uuidString) ORDER BY municipality, sent_at
            """).all(decoding: InvitationRow.self).map(\.invitation)
    }

    public func openInvitation(tokenHash: String, at date: Date) async throws -> Invitation? {
        let rows = try await database.sql.raw("""
            UPDATE survey_invitations SET opened_at = \(bind: date.timeIntervalSince1970) WHERE token_hash = \(bind: tokenHash)
            RETURNING \(Self.invitationColumns)
            """).all(decoding: InvitationRow.self)
        return rows.first?.invitation
    }

    public func remind(_ invitation: UUID, tokenHash: String, at date: Date) async throws {
        try await database.sql.raw("""
            UPDATE survey_invitations SET token_hash = \(bind: tokenHash), reminded_at = \(bind: date.timeIntervalSince1970) WHERE id = \(bind: invitation)
            """).run()
    }

    // MARK: Answering

    struct AnswerRow: Decodable {
        var question: String
        var body: String
    }

    public func draft(_ survey: UUID, municipality: String) async throws -> [String: Answer] {
        try await Self.draft(survey, municipality, on: database.sql)
    }

    static func draft(_ survey: UUID, _ municipality: String, on sql: any SQLDatabase) async throws -> [String: Answer] {
        var answers: [String: Answer] = [:]
        for row in try await sql.raw("""
            SELECT question, body FROM survey_answers WHERE survey_id = \(bind: survey.uuidString) AND municipality = \(bind: municipality)
            """).all(decoding: AnswerRow.self) {
            answers[row.question] = try decode(Answer.self, row.body)
        }
        return answers
    }

    struct Responded: Decodable { var responded: Bool }

    public func saveAnswer(_ survey: UUID, municipality: String, question: String, answer: Answer?, at date: Date) async throws {
        try await database.transaction { tx in
            let sql = tx.sql
            let state = try await sql.raw("""
                SELECT responded FROM survey_participants WHERE survey_id = \(bind: survey.uuidString) AND municipality = \(bind: municipality)
                """).first(decoding: Responded.self)
            if state?.responded == true { throw SurveyProblem.alreadySubmitted }
            guard let answer, !answer.isEmpty else {
                try await sql.raw("""
                    DELETE FROM survey_answers WHERE survey_id = \(bind: survey.uuidString) AND municipality = \(bind: municipality)
                    AND question = \(bind: question)
                    """).run()
                return
            }
            try await sql.raw("""
                INSERT INTO survey_answers (survey_id, municipality, question, body, updated_at)
                VALUES (\(bind: survey.uuidString), \(bind: municipality), \(bind: question), \(bind: try Self.encode(answer)),
                        \(bind: date.timeIntervalSince1970))
                ON CONFLICT (survey_id, municipality, question) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at
                """).run()
        }
    }

    public func submit(_ survey: Survey, municipality: Municipality, at date: Date) async throws -> SubmitOutcome {
        try await database.transaction { tx in
            let sql = tx.sql
            try await sql.raw("""
                INSERT INTO survey_participants (survey_id, municipality, responded) VALUES (\(bind: survey.id.uuidString),
                \(bind: municipality.code), \(bind: false)) ON CONFLICT (survey_id, municipality) DO NOTHING
                """).run()
            // The claim: of two colleagues submitting at once, one row changes; the other's update waits
            // for the first transaction (PostgreSQL re-reads the row; SQLite writes one at a time) and
            // finds it already responded.
            let claimed = try await sql.raw("""
                UPDATE survey_participants SET responded = \(bind: true), responded_at = \(bind: survey.anonymous ? nil : date.timeIntervalSince1970)
                WHERE survey_id = \(bind: survey.id.uuidString) AND municipality = \(bind: municipality.code) AND responded = \(bind: false)
                RETURNING municipality
                """).all()
            guard claimed.count == 1 else { return .alreadySubmitted }
            let answers = try await Self.draft(survey.id, municipality.code, on: sql)
            let visible = Set(survey.visibleQuestions(answers).map(\.id))
            let response = SubmittedResponse(municipality: survey.anonymous ? nil : municipality.code, province: municipality.province,
                                             sizeClass: municipality.sizeClass, submitted: survey.anonymous ? "" : Day(date).description,
                                             answers: answers.filter { visible.contains($0.key) })
            try await Self.insert(response, survey: survey.id, on: sql)
            try await sql.raw("""
                DELETE FROM survey_answers WHERE survey_id = \(bind: survey.id.uuidString) AND municipality = \(bind: municipality.code)
                """).run()
            return .submitted
        }
    }

    static func insert(_ response: SubmittedResponse, survey: UUID, on sql: any SQLDatabase) async throws {
        try await sql.raw("""
            INSERT INTO survey_responses (id, survey_id, municipality, province, size_class, submitted, body)
            VALUES (\(bind: response.id), \(bind: survey.uuidString), \(bind: response.municipality), \(bind: response.province),
                    \(bind: response.sizeClass?.rawValue), \(bind: response.submitted), \(bind: try encode(response.answers)))
            """).run()
    }

    public func participations(_ survey: UUID) async throws -> [Participation] {
        struct Row: Decodable {
            var municipality: String
            var responded: Bool
            var invitations: Int
            var answered: Int
        }
        return try await database.sql.raw("""
            SELECT p.municipality AS municipality, p.responded AS responded,
                   (SELECT COUNT(*) FROM survey_invitations i WHERE i.survey_id = p.survey_id AND i.municipality = p.municipality) AS invitations,
                   (SELECT COUNT(*) FROM survey_answers a WHERE a.survey_id = p.survey_id AND a.municipality = p.municipality) AS answered
            FROM survey_participants p WHERE p.survey_id = \(bind: survey.uuidString) ORDER BY p.municipality
            """).all(decoding: Row.self).map {
            Participation(municipality: $0.municipality, invitations: $0.invitations, answered: $0.answered, responded: $0.responded)
        }
    }

    public func responses(_ survey: UUID) async throws -> [SubmittedResponse] {
        struct Row: Decodable {
            var id: UUID
            var municipality: String?
            var province: String
            var size_class: String?
            var submitted: String
            var body: String
        }
        return try await database.sql.raw("""
            SELECT id, municipality, province, size_class, submitted, body FROM survey_responses WHERE survey_id = \(bind: survey.uuidString)
            ORDER BY province, id
            """).all(decoding: Row.self).map { row in
            SubmittedResponse(id: row.id, municipality: row.municipality, province: row.province, sizeClass: row.size_class.flatMap(SizeClass.init(rawValue:)),
                              submitted: row.submitted, answers: try Self.decode([String: Answer].self, row.body))
        }
    }

    public func importResponses(_ survey: UUID, _ responses: [SubmittedResponse], respondedMunicipalities: [String]) async throws {
        try await database.transaction { tx in
            let sql = tx.sql
            for code in respondedMunicipalities {
                try await sql.raw("""
                    INSERT INTO survey_participants (survey_id, municipality, responded) VALUES (\(bind: survey.uuidString), \(bind: code), \(bind: true))
                    ON CONFLICT (survey_id, municipality) DO UPDATE SET responded = excluded.responded
                    """).run()
            }
            for response in responses { try await Self.insert(response, survey: survey, on: sql) }
        }
    }

    // MARK: Feedback

    public func add(_ feedback: Feedback) async throws {
        try await database.sql.raw("""
            INSERT INTO offering_feedback (id, offering, useful, reason, role, day, state)
            VALUES (\(bind: feedback.id), \(bind: feedback.offering), \(bind: feedback.useful), \(bind: feedback.reason), \(bind: feedback.role),
                    \(bind: feedback.day), \(bind: feedback.state.rawValue))
            """).run()
    }

    public func counts(provider: String?) async throws -> [FeedbackCount] {
        struct Row: Decodable {
            var offering: String
            var useful: Int
            var not_useful: Int
        }
        var query: SQLQueryString = """
            SELECT offering, CAST(SUM(CASE WHEN useful THEN 1 ELSE 0 END) AS BIGINT) AS useful,
                   CAST(SUM(CASE WHEN useful THEN 0 ELSE 1 END) AS BIGINT) AS not_useful FROM offering_feedback
            """
        if let provider { query = query + " WHERE offering LIKE \(bind: Self.likePrefix(provider + "/"))  ESCAPE '\\'" }
        query = query + " GROUP BY offering ORDER BY offering"
        return try await database.sql.raw(query).all(decoding: Row.self).map {
            FeedbackCount(offering: $0.offering, useful: $0.useful, notUseful: $0.not_useful)
        }
    }

    static func likePrefix(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"
    }

    public func reasons(_ state: Feedback.State, limit: Int) async throws -> [Feedback] {
        struct Row: Decodable {
            var id: UUID
            var offering: String
            var useful: Bool
            var reason: String
            var role: String
            var day: String
            var state: String
        }
        return try await database.sql.raw("""
            SELECT id, offering, useful, reason, role, day, state FROM offering_feedback
            WHERE state = \(bind: state.rawValue) AND reason <> '' ORDER BY day DESC, id LIMIT \(bind: max(1, limit))
            """).all(decoding: Row.self).map {
            Feedback(id: $0.id, offering: $0.offering, useful: $0.useful, reason: $0.reason, role: $0.role, day: $0.day,
                     state: Feedback.State(rawValue: $0.state) ?? .new)
        }
    }

    public func moderate(_ id: UUID, to state: Feedback.State) async throws {
        try await database.sql.raw("UPDATE offering_feedback SET state = \(bind: state.rawValue) WHERE id = \(bind: id)").run()
    }
}
