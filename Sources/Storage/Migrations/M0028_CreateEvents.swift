import FluentKit

/// Events as documents, their registrations (the person's data in the row, erased by the retention)
/// and one workshop place per registration and round.
struct M0028_CreateEvents: AsyncMigration {
    var name: String { "0028-create-events" }

    func prepare(on database: any Database) async throws {
        try await database.schema("events")
            .field("slug", .string, .identifier(auto: false))
            .field("body", .string, .required)
            .field("starts_at", .double, .required)
            .field("ends_at", .double, .required)
            // Every write about an event's seats first bumps this: the row lock that serialises them.
            .field("version", .int, .required)
            .create()
        try await database.schema("event_registrations")
            .field("id", .string, .identifier(auto: false))
            .field("event", .string, .required)
            .field("token_hash", .string, .required)
            .field("state", .string, .required)
            .field("name", .string)
            .field("email", .string)
            .field("organisation", .string)
            .field("gemeente", .string)
            .field("role", .string)
            .field("accessibility", .string)
            .field("created_at", .double, .required)
            .field("offered_until", .double)
            .unique(on: "token_hash")
            .create()
        try await database.schema("workshop_places")
            .field("registration_id", .string, .required)
            .field("event", .string, .required)
            .field("round", .string, .required)
            .field("workshop", .string)
            .field("state", .string, .required)
            .field("ranking", .string, .required)
            .field("offered_until", .double)
            .unique(on: "registration_id", "round")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("workshop_places").delete()
        try await database.schema("event_registrations").delete()
        try await database.schema("events").delete()
    }
}
