import ArgumentParser
import Foundation
import SearchLog
import WeerbaarApp

/// `weerbaar search-log`: what people searched for on the public pages, for the editors' analysis of
/// supply and demand. The log holds no one's identity; see docs/search-log.md.
struct SearchLogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search-log",
        abstract: "List searches made on /aanbod and /vraagwijzer, the most frequent first.")

    @Flag(name: .long, help: "Only searches that found nothing.")
    var zeroResults = false

    @Option(name: .long, help: "Only searches that never found more than this many results.")
    var maxResults: Int?

    @Option(name: .long, help: "How many days back to look (1 to 3650).")
    var days = 30

    @Option(name: .long, help: "Only searches from this page: aanbod or vraagwijzer.")
    var source: String?

    @Option(name: .long, help: "At most this many lines (1 to 100000).")
    var limit = 100

    @Option(name: .long, help: "text or csv.")
    var format = "text"

    func validate() throws {
        guard (1...3650).contains(days) else { throw ValidationError("--days must be from 1 to 3650") }
        guard (1...100_000).contains(limit) else { throw ValidationError("--limit must be from 1 to 100000") }
        if let maxResults, maxResults < 0 { throw ValidationError("--max-results cannot be negative") }
        if zeroResults && maxResults != nil { throw ValidationError("use either --zero-results or --max-results") }
        if let source, LoggedSearch.Source(rawValue: source) == nil {
            throw ValidationError("--source must be one of \(LoggedSearch.Source.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard ["text", "csv"].contains(format) else { throw ValidationError("--format must be text or csv") }
    }

    func run() async throws {
        let request = SearchLogReportRequest(
            since: LoggedSearch.hour(of: Date().addingTimeInterval(-Double(days) * 86_400)),
            maxResults: zeroResults ? 0 : maxResults, source: source.flatMap(LoggedSearch.Source.init(rawValue:)), limit: limit)
        let rows = try await Startup.withPlatform { platform, _ in try await platform.searchLogStore.report(request) }
        print(format == "csv" ? SearchLogReportFormat.csv(rows) : SearchLogReportFormat.table(rows), terminator: "")
        if format == "text" && rows.isEmpty { print("No searches match (since \(request.since)).") }
    }
}
