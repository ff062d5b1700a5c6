import Foundation
import Logging
import Newsletter
@testable import Storage
import SQLKit
import Testing
import TestSupport
@testable import WeerbaarApp

@Suite struct SubscriberStoreTests {
    static func withStore(_ backend: TestBackend, _ body: (FluentSubscriberStore, WeerbaarDatabase) async throws -> Void) async throws {
        try await ScratchDatabase.with(backend) { location in
            let database = try WeerbaarDatabase.open(location, logger: Logger(label: "test"))
            do {
                try await database.migrate()
                try await body(FluentSubscriberStore(database: database), database)
            } catch {
                await database.shutdown()
                throw error
            }
            await database.shutdown()
        }
    }

    /// A double click, ten times over: twelve sign-ups for one address at once never fail (on
    /// PostgreSQL the read-then-insert met the unique key and answered 21 of 120 with a 500); one of
    /// the first twelve makes the subscriber, every other finds it.
    @Test(arguments: TestBackend.available)
    func concurrentSignUpsForOneAddressAllSucceed(backend: TestBackend) async throws {
        try await Self.withStore(backend) { store, _ in
            for round in 0..<10 {
                let outcomes = await withTaskGroup(of: String.self) { group in
                    for _ in 0..<12 {
                        group.addTask {
                            do {
                                switch try await store.subscribe(email: "dubbel@gemeente.example", name: nil, organisation: nil, interests: [],
                                                                 source: "/nieuwsbrief", now: Date()) {
                                case .pending: return "pending"
                                case .pendingAgain: return "again"
                                case .alreadyConfirmed: return "confirmed"
                                }
                            } catch { return "error: \(error)" }
                        }
                    }
                    var all: [String] = []
                    for await outcome in group { all.append(outcome) }
                    return all
                }
                #expect(!outcomes.contains { $0.hasPrefix("error") }, "round \(round): \(outcomes.filter { $0.hasPrefix("error") })")
                #expect(outcomes.filter { $0 == "pending" }.count == (round == 0 ? 1 : 0), "round \(round): \(outcomes)")
            }
        }
    }

    /// The same alert asked twelve times at once, five times over: no request fails, one alert is made.
    @Test(arguments: TestBackend.available)
    func concurrentAlertRequestsMakeOneAlert(backend: TestBackend) async throws {
        try await Self.withStore(backend) { _, database in
            let alerts = FluentAlertStore(database: database)
            for round in 0..<5 {
                let failures = await withTaskGroup(of: Int.self) { group in
                    for _ in 0..<12 {
                        group.addTask {
                            do {
                                _ = try await alerts.create(email: "melding@gemeente.example", query: "q=polarisatie", label: "Polarisatie",
                                                            frequency: .weekly, source: "/aanbod", now: Date())
                                return 0
                            } catch { return 1 }
                        }
                    }
                    return await group.reduce(0, +)
                }
                #expect(failures == 0, "round \(round)")
            }
            struct Count: Decodable { var n: Int }
            let made = try await database.database.sql.raw("SELECT COUNT(*) AS n FROM newsletter_alerts").first(decoding: Count.self)?.n
            #expect(made == 1)
            let subscribers = try await database.database.sql.raw("SELECT COUNT(*) AS n FROM subscribers").first(decoding: Count.self)?.n
            #expect(subscribers == 1)
        }
    }

    @Test(arguments: TestBackend.available)
    func doubleOptInConfirmsOnceAndErasureLeavesOnlyACount(backend: TestBackend) async throws {
        try await Self.withStore(backend) { store, _ in
            let now = Date()
            guard case .pending(let first) = try await store.subscribe(email: "Jan@Gemeente.nl", name: "Jan", organisation: nil,
                                                                       interests: ["polarisatie"], source: "/aanbod", now: now)
            else { Issue.record("a new address is pending"); return }
            #expect(first.confirmedAt == nil && first.consentSource == "/aanbod" && first.interests == ["polarisatie"])
            // The same address in other capitals is the same subscriber; a new consent replaces the old.
            guard case .pendingAgain(let again) = try await store.subscribe(email: "jan@gemeente.nl", name: nil, organisation: "Gemeente",
                                                                            interests: [], source: "/nieuwsbrief", now: now)
            else { Issue.record("unconfirmed: pending again"); return }
            #expect(again.id == first.id && again.organisation == "Gemeente" && again.consentSource == "/nieuwsbrief")

            // Two confirmations at once: exactly one confirms.
            async let a = store.confirm(first.id, now: now)
            async let b = store.confirm(first.id, now: now)
            let outcomes = try await [a, b]
            #expect(outcomes.filter { if case .confirmed = $0 { true } else { false } }.count == 1)
            #expect(outcomes.filter { if case .alreadyConfirmed = $0 { true } else { false } }.count == 1)
            guard case .alreadyConfirmed = try await store.subscribe(email: "JAN@gemeente.nl", name: "X", organisation: nil, interests: [],
                                                                     source: "/", now: now)
            else { Issue.record("confirmed stays confirmed"); return }
            #expect(try await store.subscriber(first.id)?.name == nil, "a sign-up of a confirmed address changes nothing")
            #expect(try await store.confirmedCount() == 1)

            #expect(try await store.update(first.id, name: "Jan", organisation: nil, interests: ["extremisme"], paused: true))
            #expect(try await store.subscriber(first.id)?.paused == true)
            #expect(try await store.erase(first.id))
            #expect(try await store.subscriber(first.id) == nil)
            #expect(try await !store.erase(first.id), "erased once")
            #expect(try await store.erasureCount() == 1)
            #expect(try await store.confirm(first.id, now: now) == .unknown)
        }
    }

    @Test(arguments: TestBackend.available)
    func unconfirmedSignUpsArePurgedAfterSevenDays(backend: TestBackend) async throws {
        try await Self.withStore(backend) { store, database in
            let now = Date()
            _ = try await store.subscribe(email: "oud@example.org", name: nil, organisation: nil, interests: [], source: "/",
                                          now: now.addingTimeInterval(-Subscriber.confirmWithin - 60))
            let confirmed = try #require((try await store.subscribe(email: "bevestigd@example.org", name: nil, organisation: nil,
                                                                           interests: [], source: "/", now: now.addingTimeInterval(-30 * 86_400))).pendingSubscriber, "a new address is pending")
            _ = try await store.confirm(confirmed.id, now: now)
            _ = try await store.subscribe(email: "nieuw@example.org", name: nil, organisation: nil, interests: [], source: "/", now: now)
            // The hourly job inside serve does the purge.
            #expect(await RetentionJob(rules: [.unconfirmedSignUps(store, alerts: nil)], logger: Logger(label: "test")).tick(now: now).values.first == 1)
            #expect(try await store.purgeUnconfirmed(before: now.addingTimeInterval(-Subscriber.confirmWithin)) == 0)
            #expect(try await store.confirmedCount() == 1)
            // The link secret is made once and then the same for every caller.
            let one = try await SiteSecrets.secret("links", database: database), two = try await SiteSecrets.secret("links", database: database)
            #expect(one == two && one.count == 32)
        }
    }
}

extension SubscribeOutcome {
    /// The subscriber of a first sign-up, for `#require`.
    var pendingSubscriber: Subscriber? { if case .pending(let subscriber) = self { subscriber } else { nil } }
}
