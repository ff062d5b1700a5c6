import Audit
import Foundation
import Logging
import Storage
import Testing
import TestSupport

/// The audit log on SQLite and PostgreSQL, and its CSV.
@Suite struct AuditLogTests {
    @Test(arguments: TestBackend.available)
    func eventsComeBackNewestFirstAndInPages(backend: TestBackend) async throws {
        try await ScratchDatabase.with(backend) { location in
            let database = try WeerbaarDatabase.open(location, logger: Logger(label: "test"))
            do {
                try await database.migrate()
                let log = FluentAuditLog(database: database)
                let start = Date(timeIntervalSince1970: 1_790_000_000)
                for index in 0..<7 {
                    try await log.append(AuditEvent(at: start.addingTimeInterval(Double(index) * 60), actor: "a@b.nl", actorName: "A",
                                                    action: index.isMultiple(of: 2) ? .signedIn : .invited, subject: "onderwerp \(index)"))
                }
                #expect(try await log.count() == 7)
                #expect(try await log.events(offset: 0, limit: 3).map(\.subject) == ["onderwerp 6", "onderwerp 5", "onderwerp 4"])
                #expect(try await log.events(offset: 6, limit: 3).map(\.subject) == ["onderwerp 0"])
                let first = try #require(try await log.events(offset: 6, limit: 1).first)
                #expect(first.at == start && first.action == .signedIn && first.actorName == "A")
            } catch {
                await database.shutdown()
                throw error
            }
            await database.shutdown()
        }
    }

    @Test func theCSVQuotesEveryFieldAndDefusesFormulas() {
        let csv = AuditCSV.render([AuditEvent(at: Date(timeIntervalSince1970: 0), actor: "=HYPERLINK(\"x\")", actorName: "Naam, met komma",
                                              action: .invited, subject: "-2+3", details: "regel\nmet \"aanhalingstekens\"")])
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == "tijdstip,door,naam,actie,onderwerp,details")
        #expect(lines[1].hasPrefix("\"1970-01-01T00:00:00Z\",\"'=HYPERLINK(\"\"x\"\")\",\"Naam, met komma\",\"uitgenodigd\",\"'-2+3\","))
        #expect(csv.contains("\"regel\nmet \"\"aanhalingstekens\"\"\""))
    }
}
