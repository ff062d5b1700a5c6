// Registrations under load (bench/events.sh runs it):
//   EventsBench [CLIENTS] [SEATS] [ROUNDS]
// ROUNDS times, CLIENTS registrations at once for an event of SEATS seats (with one workshop round of
// four workshops of SEATS / 4), through the store the registration form uses. Prints the time, the
// registrations per second, and any overbooking (there must be none). SQLite in a temporary
// directory unless DATABASE_URL is set.
import Events
import Foundation
import Logging
import Storage

let arguments = CommandLine.arguments
let clients = arguments.count > 1 ? Int(arguments[1]) ?? 200 : 200
let seats = arguments.count > 2 ? Int(arguments[2]) ?? 20 : 20
let rounds = arguments.count > 3 ? Int(arguments[3]) ?? 5 : 5

var logger = Logger(label: "events-bench")
logger.logLevel = .warning
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("weerbaar-events-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }
var location = DatabaseLocation.sqlite(path: directory.appendingPathComponent("bench.sqlite").path)
if let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty { location = .postgres(url: url) }
let database = try WeerbaarDatabase.open(location, logger: logger)
try await database.migrate()
let store = SQLEventStore(database: database)
print("backend=\(ProcessInfo.processInfo.environment["DATABASE_URL"].map { _ in "postgresql" } ?? "sqlite") clients=\(clients) seats=\(seats) rounds=\(rounds)")

var rates: [Double] = []
var overbooked = 0
for round in 0..<rounds {
    let now = Date()
    let workshops = (0..<4).map { Event.Workshop(id: "w\($0)", title: "W\($0)", host: "h", room: "r", theme: "polarisatie", capacity: max(1, seats / 4)) }
    let event = Event(slug: "bench-\(round)", kind: .themeDay, provider: "vng", title: "Bench", description: "Bench.", themes: ["polarisatie"], venue: "Zaal",
                      online: false, registrationOpens: now.addingTimeInterval(-3_600), registrationCloses: now.addingTimeInterval(86_400), capacity: seats,
                      privacyNotice: "p", sessions: [Event.Session(id: "1", title: "Dag", starts: now.addingTimeInterval(86_400 * 7), ends: now.addingTimeInterval(86_400 * 7 + 3_600),
                      rounds: [Event.Round(id: "1", title: "Ronde", starts: now.addingTimeInterval(86_400 * 7), ends: now.addingTimeInterval(86_400 * 7 + 1_800), workshops: workshops)])])
    try await store.replace(with: [event])
    let start = ContinuousClock.now
    let outcomes = await withTaskGroup(of: String.self) { group in
        for n in 0..<clients {
            group.addTask {
                let request = RegistrationRequest(person: .init(name: "P\(n)", email: "p\(n)-\(round)@bench.example", organisation: "", gemeente: nil, role: ""),
                                                  choices: ["1": ["w\(n % 4)"]])
                do {
                    switch try await store.register(request, for: event, id: UUID(), tokenHash: "\(round)-\(n)", now: Date()) {
                    case .confirmed: return "confirmed"
                    case .waitlisted: return "waitlisted"
                    default: return "other"
                    }
                } catch { return "error" }
            }
        }
        var counts: [String: Int] = [:]
        for await outcome in group { counts[outcome, default: 0] += 1 }
        return counts
    }
    let elapsed = ContinuousClock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let counts = try await store.seatCounts(event)
    let workshopOver = workshops.filter { (counts.workshops[$0.id] ?? 0) > $0.capacity }.count
    overbooked += max(0, counts.event - seats) + workshopOver
    rates.append(Double(clients) / seconds)
    print(String(format: "round=%d seconds=%.3f registrations_per_s=%.0f confirmed=%d waitlisted=%d errors=%d seats_taken=%d",
                 round + 1, seconds, Double(clients) / seconds, outcomes["confirmed"] ?? 0, outcomes["waitlisted"] ?? 0, outcomes["error"] ?? 0, counts.event))
}
rates.sort()
print(String(format: "median_registrations_per_s=%.0f overbookings=%d", rates[rates.count / 2], overbooked))
await database.shutdown()
