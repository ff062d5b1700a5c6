// The white-spot page at scale (bench/insight.sh runs it):
//   InsightBench [OFFERINGS] [SEARCH_LOG_ROWS] [RUNS]
// A live catalogue of OFFERINGS synthetic offerings (100,000), a search log of SEARCH_LOG_ROWS rows
// (1,000,000) over the last year written through the store (so its daily roll-up per theme too), a
// needs survey answered by all 342 gemeenten, 2,000 feedback answers; then the page's own work
// (`WhiteSpotReport.html`: gather, compute, render) RUNS times. SQLite in a temporary directory
// unless DATABASE_URL is set. Prints its figures.
import Catalogue
import CatalogueService
import Foundation
import Insight
import Logging
import SearchLog
import Storage
import Web

func milliseconds(_ start: ContinuousClock.Instant) -> Double {
    let d = ContinuousClock.now - start
    return Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
}

struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state >> 33
    }
    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    mutating func unit() -> Double { Double(next() % 1_000_000) / 1_000_000 }
}

let arguments = CommandLine.arguments
let offeringCount = arguments.count > 1 ? Int(arguments[1]) ?? 100_000 : 100_000
let rowCount = arguments.count > 2 ? Int(arguments[2]) ?? 1_000_000 : 1_000_000
let runs = arguments.count > 3 ? Int(arguments[3]) ?? 20 : 20

var logger = Logger(label: "insight-bench")
logger.logLevel = .warning
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("weerbaar-insight-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }
var location = DatabaseLocation.sqlite(path: directory.appendingPathComponent("bench.sqlite").path)
if let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty { location = .postgres(url: url) }
let database = try WeerbaarDatabase.open(location, logger: logger)
try await database.migrate()
if case .postgres = location { print("backend: PostgreSQL") } else { print("backend: SQLite") }

let taxonomy = Taxonomy.standard
var g = Generator(state: 42)
let themes = taxonomy.terms(.theme).map(\.slug), kinds = taxonomy.terms(.kind).map(\.slug), audiences = taxonomy.terms(.audience).map(\.slug)
let providers = taxonomy.providers.map(\.slug)

var start = ContinuousClock.now
let offerings = (0..<offeringCount).map { i in
    let kind = g.pick(kinds)
    let day = Day(Date()).adding(months: -Int(g.next() % 20))
    return Offering(provider: g.pick(providers), id: "synthetisch-\(i)", slug: "synthetisch-\(i)", title: "Synthetisch aanbod \(i)",
                    summary: "Een synthetisch aanbod over \(g.pick(themes)).", description: "", kind: kind,
                    form: g.pick(taxonomy.forms(of: kind).map(\.slug)), themes: Array(Set((0..<(1 + Int(g.next() % 3))).map { _ in g.pick(themes) })),
                    audiences: Array(Set((0..<(1 + Int(g.next() % 3))).map { _ in g.pick(audiences) })), keywords: [], cost: "gratis", delivery: "online",
                    duration: nil, url: nil, contact: nil, published: day, reviewBy: nil, lastChecked: day,
                    created: Date(timeIntervalSince1970: 1_600_000_000), updated: Date(timeIntervalSince1970: 1_600_000_000))
}
let catalogue = LiveCatalogue(taxonomy: taxonomy, offerings: offerings)
print(String(format: "catalogue: %d offerings in memory (%.1f s)", catalogue.count, milliseconds(start) / 1000))

// The search log: rows spread over the last 365 days' hours, 50,000 distinct queries, 8 % finding nothing.
start = ContinuousClock.now
let log = SQLSearchLogStore(database: database)
let firstHour = Date().addingTimeInterval(-365 * 86_400)
var written = 0
while written < rowCount {
    var batch: [SearchLogKey: SearchTally] = [:]
    for index in written..<min(rowCount, written + 2_000) {
        let hour = LoggedSearch.hour(of: firstHour.addingTimeInterval(Double(index % 8_760) * 3600))
        let key = SearchLogKey(hour: hour, source: index % 10 == 0 ? .guide : .catalogue, query: "zoekvraag \(index / 8_760) \(index % 50_000)", filters: "")
        batch[key] = SearchTally(searches: 1 + Int(g.next() % 3), results: g.unit() < 0.08 ? 0 : Int(g.next() % 40), themes: [g.pick(themes)])
    }
    try await log.add(batch)
    written += batch.count
}
print(String(format: "search log: %d rows (%.1f s)", written, milliseconds(start) / 1000))

// A needs survey answered by every gemeente, and feedback.
start = ContinuousClock.now
let surveys = SQLSurveyStore(database: database)
let options = { (vocabulary: Vocabulary) in taxonomy.terms(vocabulary).map { Option(slug: $0.slug, label: $0.label) } }
let matrix = Question(id: "behoefte", kind: .needsMatrix, text: "Behoefte per thema", options: options(.theme), supports: options(.kind),
                      audiences: options(.audience))
let survey = Survey(title: "Benchmark", year: 2026, opens: Day("2026-01-01")!, closes: Day("2026-02-01")!, anonymous: true, status: .closed,
                    questions: [matrix])
try await surveys.save(survey)
let responses = MunicipalityList.cbs.all.map { municipality in
    var rows: [String: Answer.MatrixRow] = [:]
    for theme in themes {
        rows[theme] = Answer.MatrixRow(need: Int(g.next() % 4), supports: kinds.filter { _ in g.unit() < 0.5 }, audiences: audiences.filter { _ in g.unit() < 0.3 })
    }
    return SubmittedResponse(municipality: nil, province: municipality.province, sizeClass: municipality.sizeClass, submitted: "",
                             answers: ["behoefte": Answer(matrix: rows)])
}
try await surveys.importResponses(survey.id, responses, respondedMunicipalities: MunicipalityList.cbs.all.map(\.code))
for index in 0..<2_000 {
    try await surveys.add(Feedback(offering: offerings[index * 37 % offerings.count].key.description, useful: g.unit() < 0.7, reason: "",
                                   role: "", day: Day(Date()).description))
}
print(String(format: "survey: %d responses; feedback: 2000 (%.1f s)", responses.count, milliseconds(start) / 1000))

var site = SiteServices(catalogue: catalogue, baseURL: "http://127.0.0.1")
site.insight = InsightServices(surveys: surveys, feedback: surveys, searchLog: log, secureCookies: false)

for (label, audience) in [("all audiences", nil), ("one audience", "bestuurders")] as [(String, String?)] {
    var times: [Double] = []
    var bytes = 0
    for _ in 0..<runs {
        let t = ContinuousClock.now
        bytes = try await WhiteSpotReport.html(site: site, audience: audience).utf8.count
        times.append(milliseconds(t))
    }
    let sorted = times.sorted()
    print(String(format: "white-spot page, %@: first %.1f ms, median %.1f ms, p95 %.1f ms, max %.1f ms over %d runs (%d kB)",
                 label, times[0], sorted[sorted.count / 2], sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.95))], sorted.last!, runs, bytes / 1024))
}
await database.shutdown()
