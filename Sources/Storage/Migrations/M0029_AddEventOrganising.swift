import FluentKit
import FluentSQL
import SQLKit

/// What organisers do with an event: edit it (a revision number for the form's optimistic lock,
/// apart from `version`, which every registration bumps), write to its participants (messages, sent
/// through an outbox of the newsletter's shape), and check people in per session.
struct M0029_AddEventOrganising: AsyncMigration {
    var name: String { "0029-add-event-organising" }

    func prepare(on database: any Database) async throws {
        try await database.schema("events").field("revision", .int, .required, .sql(.default(1))).update()
        try await database.schema("event_messages")
            .id()
            .field("event", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            // Who wrote it (an organiser's e-mail, or "systeem" for a change notice).
            .field("sent_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        // The same columns as newsletter_outbox, so one OutboxStore and one OutboxSender serve both;
        // edition_id is the message, subscriber_id the registration.
        try await database.schema("event_outbox")
            .field("id", .int64, .identifier(auto: true))
            .field("edition_id", .uuid, .required, .references("event_messages", "id", onDelete: .cascade))
            .field("variant_key", .string, .required)
            .field("recipient", .string)
            .field("subscriber_id", .uuid)
            .field("state", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("worker", .string)
            .field("lease_until", .datetime)
            .field("reason", .string)
            .field("updated_at", .datetime, .required)
            .unique(on: "edition_id", "subscriber_id")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX event_outbox_due ON event_outbox (state, next_attempt_at)").run()
        try await database.schema("session_attendance")
            .field("registration_id", .string, .required)
            .field("event", .string, .required)
            .field("session", .string, .required)
            .field("attended", .bool, .required)
            .unique(on: "registration_id", "session")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("session_attendance").delete()
        try await database.schema("event_outbox").delete()
        try await database.schema("event_messages").delete()
        try await database.schema("events").deleteField("revision").update()
    }
}
