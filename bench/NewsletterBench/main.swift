// Benchmarks of WeerbaarNL's sending path (bench/newsletter.sh runs them):
//   NewsletterBench enqueue N              render and enqueue an edition to N subscribers
//   NewsletterBench send N PORT [CONNS]    the same, then drain the outbox into an SMTP sink on 127.0.0.1:PORT
//   NewsletterBench seed N DATA_DIR        N subscribers and an edition due now, for a `weerbaar serve` to send
// SQLite in a temporary directory unless DATABASE_URL is set. Prints its figures.
import Editions
import Foundation
import Logging
import Mail
import Newsletter
import Storage
import WeerbaarApp
import Web

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

let themes = ["polarisatie", "radicalisering", "extremisme", "maatschappelijke-onrust", "vertrouwen"]

/// N confirmed subscribers: a third without interests (they get everything), the rest one or two themes.
func subscribers(_ count: Int) -> [Subscriber] {
    let now = Date()
    return (0..<count).map { index in
        let interests = index % 3 == 0 ? [] : (index % 2 == 0 ? [themes[index % 5]] : [themes[index % 5], themes[(index + 2) % 5]])
        return Subscriber(email: "lezer\(index)@bench.example", interests: interests, consentAt: now, consentSource: "/bench", confirmedAt: now)
    }
}

/// An edition with a section for everyone and three interest-dependent ones.
func edition(due: Date? = nil) -> Edition {
    Edition(slug: "bench-\(UUID().uuidString.prefix(8).lowercased())", subject: "WeerbaarNL benchmark",
            intro: "Het laatste nieuws uit het netwerk, met **nieuw aanbod** en een [agenda](https://weerbaar.example/agenda).",
            sections: [
                EditionSection(title: "Voor iedereen", blocks: [
                    .article(title: "Terugblik", markdown: String(repeating: "Een alinea over het werk in gemeenten. ", count: 20),
                             imageURL: "https://weerbaar.example/foto.png", imageAlt: "Een bijeenkomst"),
                    .newOfferings(theme: nil, limit: 5),
                ]),
                EditionSection(title: "Polarisatie", themes: ["polarisatie"], blocks: [.newOfferings(theme: "polarisatie", limit: 5)]),
                EditionSection(title: "Radicalisering en extremisme", themes: ["radicalisering", "extremisme"],
                               blocks: [.newOfferings(theme: "radicalisering", limit: 5)]),
                EditionSection(title: "Onrust", themes: ["maatschappelijke-onrust"], blocks: [.newOfferings(theme: "maatschappelijke-onrust", limit: 5)]),
            ],
            status: due == nil ? .concept : .scheduled, scheduledAt: due, updatedAt: Date(), updatedBy: "bench")
}

func configuration(dataDirectory: String) -> Configuration {
    var database: DatabaseLocation? = nil
    if let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty { database = .postgres(url: url) }
    var configuration = Configuration(dataDirectory: dataDirectory, database: database, baseURL: "https://weerbaar.example",
                                      demoDirectory: FileManager.default.currentDirectoryPath + "/data/demo")
    configuration.searchLogRetentionDays = 0
    return configuration
}

let arguments = CommandLine.arguments
guard arguments.count >= 3, let count = Int(arguments[2]) else {
    print("usage: NewsletterBench enqueue N | send N PORT [CONNECTIONS] | seed N DATA_DIR")
    exit(2)
}
var logger = Logger(label: "bench")
logger.logLevel = .warning
let mode = arguments[1]
let directory = mode == "seed" ? arguments[3] : NSTemporaryDirectory() + "weerbaar-bench-\(UUID().uuidString)"
defer { if mode != "seed" { try? FileManager.default.removeItem(atPath: directory) } }

var settings = configuration(dataDirectory: directory)
if mode == "send" {
    settings.smtp = try SMTPConfiguration(url: "smtp://127.0.0.1:\(arguments[3])?tls=none")
    settings.newsletterRate = 0
    settings.newsletterConnections = arguments.count > 4 ? Int(arguments[4]) ?? 8 : 8
}
let platform = try await Platform.start(settings, logger: logger, seedDemoWhenEmpty: true)
let store = FluentSubscriberStore(database: platform.database)
try await store.addConfirmed(subscribers(count))

if mode == "seed" {
    try await platform.editions.create(edition(due: Date()))
    print("seeded \(count) subscribers and an edition due now in \(directory)")
    await platform.shutdown()
    exit(0)
}

let candidate = edition()
try await platform.editions.create(candidate)
let rssBefore = peakRSSMegabytes()
let clock = ContinuousClock()
let started = clock.now
guard let result = try await platform.editionDispatch.start(candidate) else { fatalError("not started") }
let enqueueSeconds = (clock.now - started).components
let seconds = Double(enqueueSeconds.seconds) + Double(enqueueSeconds.attoseconds) / 1e18
print(String(format: "enqueue: %d messages in %d variants: %.2f s; peak RSS %.0f MB (%.0f MB before enqueueing) [%@]",
             result.messages, result.variants, seconds, peakRSSMegabytes(), rssBefore, "\(platform.database.location)"))

if mode == "send" || mode == "compose" {
    // Composition alone, for comparison: the same rows, no SMTP, no outbox writes.
    let composer = EditionComposer(editions: platform.editions, links: platform.links, baseURL: "https://weerbaar.example",
                                   from: try MailAddress("bench@weerbaar.example"))
    let rows = try await platform.outbox.claim(worker: "compose", limit: 1000, now: Date(), leaseUntil: Date())
    let composeStart = clock.now
    var bytes = 0
    var messages: [MailMessage] = []
    for row in rows { messages.append(try await composer.message(for: row)) }
    let made = (clock.now - composeStart).components
    for message in messages { bytes += try message.rendered().utf8.count }
    let composed = (clock.now - composeStart).components
    print("compose: making messages \(made), rendering included \(composed)")
    let composeSeconds = Double(composed.seconds) + Double(composed.attoseconds) / 1e18
    print(String(format: "compose: %d messages (%.0f kB each) in %.2f s on one core: %.0f messages/s",
                 rows.count, Double(bytes) / Double(max(rows.count, 1)) / 1024, composeSeconds, Double(rows.count) / composeSeconds))
}

if mode == "send" {
    let sender = platform.outboxSender(worker: "bench")!
    let sendStart = clock.now
    var rounds = 0
    while true {
        let round = try await sender.sendDue()
        rounds += 1
        if let problem = round.connectionProblem { print("connection problem: \(problem)"); break }
        if round.claimed == 0 { break }
    }
    let elapsed = (clock.now - sendStart).components
    let sendSeconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
    let progress = try await platform.outbox.progress(edition: candidate.id)
    print(String(format: "send: %d sent, %d failed over %d connections in %.1f s: %.0f messages/s",
                 progress[.sent], progress[.failed] + progress[.bounced], settings.newsletterConnections, sendSeconds,
                 Double(progress[.sent]) / sendSeconds))
}
await platform.shutdown()
