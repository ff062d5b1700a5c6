import Newsletter
import CatalogueService
import Audit
import Accounts
import Catalogue
import Foundation
import Hummingbird
import Insight
import SearchLog
import Workbook

/// The white-spot page as its route renders it; public so that `bench/insight.sh` times the same work.
public enum WhiteSpotReport {
    /// The page, read from the live catalogue and the daily roll-ups only (never the whole search
    /// log), so it stays fast whatever the log's size.
    public static func html(site: SiteServices, audience: String?, digest: Bool? = nil, csrf: String = "", message: String? = nil) async throws -> String {
        guard let insight = site.insight else { return "" }
        let data = try await WhiteSpotData.load(site, insight, audience: audience)
        return WhiteSpotPages.page(.init(data: data, audiences: site.catalogue.taxonomy.terms(.audience), digest: digest, csrf: csrf, message: message),
                                   site: site)
    }
}

/// The white spots for editors, partners and rijkspartners: read-only.
struct WhiteSpotRoutes<Context: RequestContext> {
    let site: SiteServices
    let insight: InsightServices

    var routes: [Route<Context>] {
        typealias Paths = InsightPaths.Portal
        return [
            Route(.get, Paths.whiteSpots, .signedIn(.insight)) { request in
                let subscribed = try await insight.digest?.isSubscribed(request.account.id)
                return Responses.personal(try await WhiteSpotReport.html(site: site, audience: audience(request.query), digest: subscribed,
                                                                         csrf: request.csrf, message: DigestFlash.read(request.query)?.text))
            },
            Route(.get, Paths.cell, .signedIn(.insight)) { request in
                let taxonomy = site.catalogue.taxonomy
                guard let theme = taxonomy.term(.theme, try request.parameter("thema")), let kind = taxonomy.term(.kind, try request.parameter("soort"))
                else { throw HTTPError(.notFound) }
                let audience = audience(request.query)
                let data = try await WhiteSpotData.load(site, insight, audience: audience)
                guard let cell = data.spots.cell(theme.slug, kind.slug) else { throw HTTPError(.notFound) }
                let since = hour(data.since)
                let searches = try await insight.searchLog.report(SearchLogReportRequest(since: since, limit: 20, theme: theme.slug))
                let zero = try await insight.searchLog.report(SearchLogReportRequest(since: since, maxResults: 0, limit: 20, theme: theme.slug))
                let today = Day(Date())
                let offerings = site.catalogue.offerings {
                    $0.kind == kind.slug && $0.themes.contains(theme.slug) && (audience == nil || $0.audiences.contains(audience!))
                }.sorted { $0.title < $1.title }
                let feedback = Dictionary(try await insight.feedback.counts(provider: nil).map { ($0.offering, $0) }, uniquingKeysWith: { a, _ in a })
                return Responses.personal(WhiteSpotPages.cell(
                    .init(data: data, cell: cell, theme: theme, kind: kind, searches: searches, zeroResults: zero,
                          current: offerings.filter { Freshness.of($0, today: today) != .overdue },
                          stale: offerings.filter { Freshness.of($0, today: today) == .overdue }, feedback: feedback), site: site))
            },
            Route(.post, Paths.digest, .signedIn(.insight)) { request in
                guard let digest = insight.digest else { throw HTTPError(.notFound) }
                let on = request.form.first("bericht") == "aan"
                try await digest.setSubscribed(request.account.id, on)
                return Responses.seeOther(Paths.whiteSpots(query: (on ? DigestFlash.aangemeld : DigestFlash.afgemeld).rawValue) + "#bericht")
            },
            Route(.get, Paths.themeSummary, .signedIn(.insight)) { request in
                guard let theme = site.catalogue.taxonomy.term(.theme, try request.parameter("thema")) else { throw HTTPError(.notFound) }
                let data = try await WhiteSpotData.load(site, insight, audience: nil)
                let zero = try await insight.searchLog.report(SearchLogReportRequest(since: hour(data.since), maxResults: 0, limit: 8, theme: theme.slug))
                return Responses.personal(WhiteSpotPages.summary(data, theme: theme, zeroResults: zero, site: site))
            },
            Route(.get, Paths.whiteSpotExport, .signedIn(.insight)) { request in
                let data = try await WhiteSpotData.load(site, insight, audience: audience(request.query))
                let name = "witte-vlekken-\(Day(Date()).description)"
                switch try request.parameter("formaat") {
                case "csv": return Responses.download(Data(CSVTable.write(data.table).utf8), type: "text/csv; charset=utf-8", file: "\(name).csv")
                case "xlsx":
                    guard let workbook = try? XLSXWriter.workbook(sheetName: "Witte vlekken", rows: data.table) else { throw HTTPError(.internalServerError) }
                    return Responses.download(workbook, type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file: "\(name).xlsx")
                default: throw HTTPError(.notFound)
                }
            },
        ]
    }

    enum DigestFlash: String, Flash {
        case aangemeld, afgemeld
        var text: String {
            switch self {
            case .aangemeld: "U krijgt voortaan elke maandag een bericht met nieuwe witte vlekken en zoekvragen zonder resultaat."
            case .afgemeld: "U krijgt het wekelijkse bericht niet meer."
            }
        }
    }

    func audience(_ query: QueryString) -> String? {
        query.first("doelgroep").flatMap { site.catalogue.taxonomy.term(.audience, $0)?.slug }
    }

    func hour(_ day: Day) -> String { "\(day.description)T00:00Z" }
}
