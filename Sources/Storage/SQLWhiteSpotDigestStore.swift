import FluentKit
import Foundation
import Insight
import SQLKit

/// The white-spot digest's subscribers. An account's row goes when it unsubscribes.
public struct SQLWhiteSpotDigestStore: WhiteSpotDigestStore {
    let database: any Database

    public init(database: WeerbaarDatabase) { self.database = database.database }

    struct Row: Decodable {
        var account_id: String
        var last_gaps: String
    }

    public func isSubscribed(_ account: UUID) async throws -> Bool {
        try await database.sql.raw("SELECT account_id, last_gaps FROM white_spot_digest WHERE account_id = \(bind: account.uuidString)")
            .first(decoding: Row.self) != nil
    }

    public func setSubscribed(_ account: UUID, _ subscribed: Bool) async throws {
        if subscribed {
            try await database.sql.raw("""
                INSERT INTO white_spot_digest (account_id, last_gaps) VALUES (\(bind: account.uuidString), '') ON CONFLICT (account_id) DO NOTHING
                """).run()
        } else {
            try await database.sql.raw("DELETE FROM white_spot_digest WHERE account_id = \(bind: account.uuidString)").run()
        }
    }

    public func subscribers() async throws -> [UUID: Set<String>] {
        var result: [UUID: Set<String>] = [:]
        for row in try await database.sql.raw("SELECT account_id, last_gaps FROM white_spot_digest").all(decoding: Row.self) {
            guard let id = UUID(uuidString: row.account_id) else { continue }
            result[id] = Set(row.last_gaps.split(separator: " ").map(String.init))
        }
        return result
    }

    public func recordSent(_ account: UUID, gaps: Set<String>) async throws {
        try await database.sql.raw("""
            UPDATE white_spot_digest SET last_gaps = \(bind: gaps.sorted().joined(separator: " ")) WHERE account_id = \(bind: account.uuidString)
            """).run()
    }
}
