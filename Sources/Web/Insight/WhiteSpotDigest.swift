import Accounts
import Catalogue
import Foundation
import Insight
import SearchLog

/// The weekly e-mail to those who asked for it on the white-spot page: the white spots that were not
/// in their previous digest, and last week's searches that found nothing. Nothing new, no e-mail.
public enum WhiteSpotDigest {
    public struct Message: Sendable {
        public var subject: String
        public var text: String
        /// Every gap now ("theme/kind"): what the next digest compares with.
        public var gaps: Set<String>
    }

    /// The message for one reader, or nil when there is nothing new to say; `gaps` is what the next
    /// digest compares with either way.
    public static func message(site: SiteServices, name: String, previous: Set<String>, today: Day) async throws -> (message: Message?, gaps: Set<String>) {
        guard let insight = site.insight else { return (nil, previous) }
        let data = try await WhiteSpotData.load(site, insight, audience: nil, today: today)
        let gaps = data.spots.gaps
        let now = Set(gaps.map { "\($0.theme)/\($0.kind)" })
        let new = gaps.filter { !previous.contains("\($0.theme)/\($0.kind)") }
        let weekAgo = today.adding(days: -7)
        let zero = try await insight.searchLog.report(SearchLogReportRequest(since: "\(weekAgo.description)T00:00Z", maxResults: 0,
                                                                             limit: 10))
        guard !new.isEmpty || !zero.isEmpty else { return (nil, now) }
        let label = { (cell: WhiteSpots.Cell) in
            "\(WhiteSpotPages.label(data.themes, cell.theme)) · \(WhiteSpotPages.label(data.kinds, cell.kind)): kloof \(WhiteSpotPages.points(cell.gap)), "
                + "actueel aanbod (\(cell.current))"
        }
        let text = """
            Beste \(name),

            \(new.isEmpty ? "Er zijn deze week geen nieuwe witte vlekken." : "Nieuwe witte vlekken sinds uw vorige bericht:\n\n" + new.map { "- " + label($0) }.joined(separator: "\n"))

            \(zero.isEmpty ? "Geen zoekvragen zonder resultaat in de afgelopen week." : "Zoekvragen zonder resultaat in de afgelopen week:\n\n" + zero.map { "- ‘\($0.query)’ (\($0.searches)×)" }.joined(separator: "\n"))

            Alle witte vlekken, met hoe de kloof wordt berekend:
            \(site.baseURL)\(InsightPaths.Portal.whiteSpots())

            U krijgt dit bericht omdat u erom vroeg op die pagina; daar zet u het ook uit.
            """
        let subject = new.isEmpty ? "Weerbaar: zoekvragen zonder resultaat (\(zero.count))" : "Weerbaar: nieuwe witte vlekken (\(new.count))"
        return (Message(subject: subject, text: text, gaps: now), now)
    }
}
