import Foundation
import Logging
import Newsletter
import Storage
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
