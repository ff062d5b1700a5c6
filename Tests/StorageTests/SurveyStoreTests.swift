import Catalogue
import Foundation
import Insight
import Logging
import SearchLog
import SQLKit
@testable import Storage
import Testing
import TestSupport

/// Surveys, their shared drafts and responses, and feedback, on SQLite and on PostgreSQL.
@Suite struct SurveyStoreTests {
    static func withStore(_ backend: TestBackend, _ body: (SQLSurveyStore, WeerbaarDatabase) async throws -> Void) async throws {
        try await ScratchDatabase.with(backend) { location in
            let database = try WeerbaarDatabase.open(location, logger: Logger(label: "test"))
            do {
                try await database.migrate()
                try await body(SQLSurveyStore(database: database), database)
            } catch {
                await database.shutdown()
                throw error
            }
            await database.shutdown()
        }
    }

    static let utrecht = Municipality(code: "GM0344", name: "Utrecht", province: "Utrecht", inhabitants: 374_000)

    static func survey(anonymous: Bool = false) -> Survey {
        Survey(title: "Peiling", year: 2026, opens: Day("2026-01-01")!, closes: Day("2026-12-31")!, anonymous: anonymous, status: .open,
               questions: [Question(id: "rol", kind: .single, text: "Rol", required: true, options: [Option(slug: "oov", label: "OOV"), Option(slug: "sd", label: "SD")]),
                           Question(id: "toelichting", kind: .text, text: "Toelichting")])
    }

    @Test(arguments: TestBackend.available)
    func theQuestionsOfAnOpenedSurveyAreFrozen(backend: TestBackend) async throws {
        try await Self.withStore(backend) { store, _ in
            var survey = Self.survey()
            survey.status = .concept
            try await store.save(survey)
            survey.questions.append(Question(id: "extra", kind: .text, text: "Nog iets"))
            try await store.save(survey)  // a concept changes freely
            survey.status = .open
            try await store.save(survey)
            var changed = survey
            changed.questions.removeLast()
            await #expect(throws: SurveyProblem.questionsFrozen) { try await store.save(changed) }
            // Even a value claiming to be a concept again cannot change them.
            changed.status = .concept
            await #expect(throws: SurveyProblem.questionsFrozen) { try await store.save(changed) }
            // The details may change.
            var renamed = survey
            renamed.title = "Peiling, nieuwe titel"
            try await store.save(renamed)
            #expect(try await store.survey(survey.id)?.title == "Peiling, nieuwe titel")
            #expect(try await store.survey(survey.id)?.questions.count == 3)
        }
    }

    @Test(arguments: TestBackend.available)
    func colleaguesShareADraftThatResumesAndIsSubmittedOnce(backend: TestBackend) async throws {
        try await Self.withStore(backend) { store, _ in
            let survey = Self.survey()
            try await store.save(survey)
            for (index, email) in ["a@utrecht.example", "b@utrecht.example"].enumerated() {
                try await store.invite(Invitation(id: UUID(), survey: survey.id, municipality: "GM0344", email: email, name: "Collega \(index)", sentAt: Date()),
                                       tokenHash: "hash-\(index)")
            }
            #expect(try await store.openInvitation(tokenHash: "hash-1", at: Date())?.email == "b@utrecht.example")
            #expect(try await store.openInvitation(tokenHash: "onbekend", at: Date()) == nil)
            // One colleague answers the first question, the other the second: neither overwrites the other.
            try await store.saveAnswer(survey.id, municipality: "GM0344", question: "rol", answer: Answer(values: ["oov"]), at: Date())
            try await store.saveAnswer(survey.id, municipality: "GM0344", question: "toelichting", answer: Answer(text: "Van collega b"), at: Date())
            // Resumed later: the draft holds both.
            let draft = try await store.draft(survey.id, municipality: "GM0344")
            #expect(draft == ["rol": Answer(values: ["oov"]), "toelichting": Answer(text: "Van collega b")])
            #expect(try await store.participations(survey.id) == [Participation(municipality: "GM0344", invitations: 2, answered: 2, responded: false)])

            // Both press "send" at the same moment, ten times over on fresh gemeenten too: exactly one wins each time.
            let outcomes = try await withThrowingTaskGroup(of: SubmitOutcome.self) { group in
                for _ in 0..<2 { group.addTask { try await store.submit(survey, municipality: Self.utrecht, at: Date()) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.sorted { "\($0)" < "\($1)" } == [.alreadySubmitted, .submitted])
            for round in 0..<10 {
                let gemeente = Municipality(code: String(format: "GM%04d", 9000 + round), name: "G\(round)", province: "Zeeland", inhabitants: 10_000)
                try await store.saveAnswer(survey.id, municipality: gemeente.code, question: "rol", answer: Answer(values: ["sd"]), at: Date())
                let results = try await withThrowingTaskGroup(of: SubmitOutcome.self) { group in
                    for _ in 0..<3 { group.addTask { try await store.submit(survey, municipality: gemeente, at: Date()) } }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                #expect(results.count { $0 == .submitted } == 1, "round \(round): \(results)")
            }
            let responses = try await store.responses(survey.id)
            #expect(responses.count == 11)
            let utrecht = try #require(responses.first { $0.municipality == "GM0344" })
            #expect(utrecht.answers == draft)
            #expect(utrecht.province == "Utrecht" && utrecht.sizeClass == .over100k)
            // After the submit the answers no longer change, and the draft is gone.
            await #expect(throws: SurveyProblem.alreadySubmitted) {
                try await store.saveAnswer(survey.id, municipality: "GM0344", question: "rol", answer: Answer(values: ["sd"]), at: Date())
            }
            #expect(try await store.draft(survey.id, municipality: "GM0344").isEmpty)
        }
    }

    @Test(arguments: TestBackend.available)
    func anAnonymousResponseKeepsNothingThatLinksItToTheGemeenteOrItsInvitees(backend: TestBackend) async throws {
        try await Self.withStore(backend) { store, database in
            let survey = Self.survey(anonymous: true)
            try await store.save(survey)
            try await store.invite(Invitation(id: UUID(), survey: survey.id, municipality: "GM0344", email: "oov@utrecht.example", name: "Sanne",
                                              sentAt: Date()), tokenHash: "h")
            try await store.saveAnswer(survey.id, municipality: "GM0344", question: "rol", answer: Answer(values: ["oov"]), at: Date())
            #expect(try await store.submit(survey, municipality: Self.utrecht, at: Date()) == .submitted)

            struct Row: Decodable {
                var municipality: String?
                var province: String
                var size_class: String?
                var submitted: String
                var body: String
            }
            let rows = try await database.database.sql.raw("SELECT municipality, province, size_class, submitted, body FROM survey_responses")
                .all(decoding: Row.self)
            #expect(rows.count == 1)
            let row = try #require(rows.first)
            #expect(row.municipality == nil && row.submitted == "" && row.province == "Utrecht")
            for identifying in ["GM0344", "Utrecht\"", "oov@utrecht", "Sanne"] { #expect(!row.body.contains(identifying), "\(identifying) in \(row.body)") }
            // The gemeente keeps "has responded", without a time that could be matched to a row.
            struct Participant: Decodable {
                var responded: Bool
                var responded_at: Double?
            }
            let participant = try #require(try await database.database.sql.raw("SELECT responded, responded_at FROM survey_participants")
                .first(decoding: Participant.self))
            #expect(participant.responded && participant.responded_at == nil)
            #expect(try await database.database.sql.raw("SELECT question FROM survey_answers").all().isEmpty)
            // Nor does any column of the response row name the invitation.
            #expect(try await store.responses(survey.id).first?.municipality == nil)
        }
    }

    @Test(arguments: TestBackend.available)
    func feedbackIsCountedPerOfferingAndReasonsWaitForAnEditor(backend: TestBackend) async throws {
        try await Self.withStore(backend) { store, _ in
            try await store.add(Feedback(offering: "vng/a", useful: true, reason: "", role: "", day: "2026-11-01"))
            try await store.add(Feedback(offering: "vng/a", useful: false, reason: "Te algemeen", role: "bestuurders", day: "2026-11-02"))
            try await store.add(Feedback(offering: "vng_x/b", useful: false, reason: "", role: "", day: "2026-11-02"))
            try await store.add(Feedback(offering: "nctv/c", useful: true, reason: "Helder", role: "", day: "2026-11-03"))
            #expect(try await store.counts(provider: "vng") == [FeedbackCount(offering: "vng/a", useful: 1, notUseful: 1)])
            #expect(try await store.counts(provider: nil).count == 3)
            let waiting = try await store.reasons(.new, limit: 10)
            #expect(waiting.map(\.reason) == ["Helder", "Te algemeen"])
            try await store.moderate(waiting[1].id, to: .approved)
            #expect(try await store.reasons(.approved, limit: 10).map(\.reason) == ["Te algemeen"])
            #expect(try await store.reasons(.new, limit: 10).map(\.reason) == ["Helder"])
        }
    }

    @Test(arguments: TestBackend.available)
    func searchesAreRolledUpPerDayAndTheme(backend: TestBackend) async throws {
        try await Self.withStore(backend) { _, database in
            let log = SQLSearchLogStore(database: database)
            func key(_ hour: String, _ query: String) -> SearchLogKey { SearchLogKey(hour: hour, source: .catalogue, query: query, filters: "") }
            try await log.add([key("2026-11-20T10:00Z", "azc onrust"): SearchTally(searches: 3, results: 0, themes: ["maatschappelijke-onrust"]),
                               key("2026-11-20T11:00Z", "polarisatie school"): SearchTally(searches: 2, results: 5, themes: ["polarisatie", "inclusie"])])
            try await log.add([key("2026-11-20T10:00Z", "azc onrust"): SearchTally(searches: 1, results: 0, themes: ["maatschappelijke-onrust"]),
                               key("2026-11-19T09:00Z", "oud"): SearchTally(searches: 7, results: 0, themes: ["polarisatie"])])
            let totals = try await log.themeTotals(since: "2026-11-20")
            #expect(totals == [ThemeSearchTotal(theme: "inclusie", source: .catalogue, searches: 2, zeroResults: 0),
                               ThemeSearchTotal(theme: "maatschappelijke-onrust", source: .catalogue, searches: 4, zeroResults: 4),
                               ThemeSearchTotal(theme: "polarisatie", source: .catalogue, searches: 2, zeroResults: 0)])
            let inTheme = try await log.report(SearchLogReportRequest(since: "2026-11-01T00:00Z", theme: "polarisatie"))
            #expect(inTheme.map(\.query) == ["oud", "polarisatie school"])
            try await log.purge(before: "2026-11-20T00:00Z")
            #expect(try await log.themeTotals(since: "2026-01-01").map(\.theme) == ["inclusie", "maatschappelijke-onrust", "polarisatie"])
            #expect(try await log.themeTotals(since: "2026-01-01").first { $0.theme == "polarisatie" }?.searches == 2)
        }
    }
}

