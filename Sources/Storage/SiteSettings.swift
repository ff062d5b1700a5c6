import FluentKit
import SQLKit

/// Facts about the installation, kept in the database so every instance and restart agrees.
public enum SiteSettings {
    /// Set when the demo catalogue was loaded: every page then says its content is example data.
    public static let demoCatalogue = "demo-catalogue"

    public static func value(_ name: String, database: WeerbaarDatabase) async throws -> String? {
        try await database.database.sql.raw("SELECT value FROM site_settings WHERE name = \(bind: name)")
            .first(decodingColumn: "value", as: String.self)
    }

    public static func set(_ name: String, to value: String, database: WeerbaarDatabase) async throws {
        try await database.database.sql.raw("""
            INSERT INTO site_settings (name, value) VALUES (\(bind: name), \(bind: value))
            ON CONFLICT (name) DO UPDATE SET value = excluded.value
            """).run()
    }
}
