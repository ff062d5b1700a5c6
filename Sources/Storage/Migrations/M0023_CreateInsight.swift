import FluentKit

/// Insight for the partners: needs surveys (the wave with its questions as one document, the
/// gemeenten taking part, invitations by token hash, the shared drafts one answer per row, the
/// submitted responses) and feedback on offerings.
struct M0023_CreateInsight: AsyncMigration {
    var name: String { "0023-create-insight" }

    func prepare(on database: any Database) async throws {
        try await database.schema("surveys")
            .field("id", .string, .identifier(auto: false))
            .field("body", .string, .required)
            .field("year", .int, .required)
            .field("status", .string, .required)
            .field("updated_at", .double, .required)
            .create()
        try await database.schema("survey_participants")
            .field("survey_id", .string, .required)
            .field("municipality", .string, .required)
            .field("responded", .bool, .required)
            // Kept only where the survey is not anonymous.
            .field("responded_at", .double)
            .unique(on: "survey_id", "municipality")
            .create()
        try await database.schema("survey_invitations")
            .id()
            .field("survey_id", .string, .required)
            .field("municipality", .string, .required)
            .field("email", .string, .required)
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("sent_at", .double, .required)
            .field("reminded_at", .double)
            .field("opened_at", .double)
            .unique(on: "token_hash")
            .create()
        try await database.schema("survey_answers")
            .field("survey_id", .string, .required)
            .field("municipality", .string, .required)
            .field("question", .string, .required)
            .field("body", .string, .required)
            .field("updated_at", .double, .required)
            .unique(on: "survey_id", "municipality", "question")
            .create()
        try await database.schema("survey_responses")
            .id()
            .field("survey_id", .string, .required)
            .field("municipality", .string)
            .field("province", .string, .required)
            .field("size_class", .string)
            .field("submitted", .string, .required)
            .field("body", .string, .required)
            .create()
        try await database.schema("offering_feedback")
            .id()
            .field("offering", .string, .required)
            .field("useful", .bool, .required)
            .field("reason", .string, .required)
            .field("role", .string, .required)
            .field("day", .string, .required)
            .field("state", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        for table in ["offering_feedback", "survey_responses", "survey_answers", "survey_invitations", "survey_participants", "surveys"] {
            try await database.schema(table).delete()
        }
    }
}
