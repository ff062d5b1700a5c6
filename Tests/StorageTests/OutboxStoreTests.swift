import Foundation
import Logging
import Newsletter
import SQLKit
@testable import Storage
import Testing
import TestSupport

@Suite struct OutboxStoreTests {
    struct Stores {
        var editions: SQLEditionStore
        var outbox: SQLOutboxStore
        var subscribers: FluentSubscriberStore
    }

    static func withStores(_ backend: TestBackend, _ body: (Stores) async throws -> Void) async throws {
        try await ScratchDatabase.with(backend) { location in
            let database = try WeerbaarDatabase.open(location, logger: Logger(label: "test"))
            do {
                try await database.migrate()
                try await body(Stores(editions: SQLEditionStore(database: database), outbox: SQLOutboxStore(database: database),
                                      subscribers: FluentSubscriberStore(database: database)))
            } catch {
                await database.shutdown()
                throw error
            }
            await database.shutdown()
        }
    }

    static func edition(_ slug: String = "november-2026") -> Edition {
        Edition(slug: slug, subject: "WeerbaarNL november", intro: "Welkom",
                sections: [EditionSection(title: "Polarisatie", themes: ["polarisatie"], blocks: [.offering(key: "vng/1")])],
                // Whole seconds: both backends keep less than Date's precision.
                updatedAt: Date(timeIntervalSince1970: 1_795_000_000), updatedBy: "redactie@weerbaar.example")
    }

    static func enqueue(_ stores: Stores, count: Int, now: Date = Date()) async throws -> Edition {
        let edition = Self.edition()
        try await stores.editions.create(edition)
        let messages = (0..<count).map { NewOutboxMessage(variant: "alles", recipient: "lezer\($0)@gemeente.nl", subscriberID: UUID()) }
        #expect(try await stores.editions.startSending(edition.id, variants: [EditionVariant(key: "alles", subject: "s", html: "<p>h</p>", text: "t")],
                                                       messages: messages, now: now))
        return edition
    }

    @Test(arguments: TestBackend.available)
    func anEditionIsEnqueuedOnceAndOnlyForConfirmedActiveSubscribers(backend: TestBackend) async throws {
        try await Self.withStores(backend) { stores in
            let now = Date()
            var ids: [UUID] = []
            for (index, email) in ["a@x.nl", "b@x.nl", "c@x.nl", "d@x.nl"].enumerated() {
                guard case .pending(let subscriber) = try await stores.subscribers.subscribe(
                    email: email, name: nil, organisation: nil, interests: index == 0 ? ["polarisatie"] : [], source: "/", now: now)
                else { Issue.record("pending"); return }
                ids.append(subscriber.id)
            }
            _ = try await stores.subscribers.confirm(ids[0], now: now)
            _ = try await stores.subscribers.confirm(ids[1], now: now)
            _ = try await stores.subscribers.confirm(ids[2], now: now)
            _ = try await stores.subscribers.update(ids[2], name: nil, organisation: nil, interests: [], paused: true)
            let recipients = try await stores.subscribers.recipients()
            #expect(recipients.map(\.email) == ["a@x.nl", "b@x.nl"], "unconfirmed and paused subscribers get nothing")
            #expect(recipients.first?.interests == ["polarisatie"])

            let edition = Self.edition()
            try await stores.editions.create(edition)
            let messages = recipients.map { NewOutboxMessage(variant: "alles", recipient: $0.email, subscriberID: $0.subscriberID) }
            let variant = EditionVariant(key: "alles", subject: "WeerbaarNL", html: "<p>Hallo</p>", text: "Hallo")
            // Two instances start the same scheduled edition at once: one wins, nobody is enqueued twice.
            async let first = stores.editions.startSending(edition.id, variants: [variant], messages: messages, now: now)
            async let second = stores.editions.startSending(edition.id, variants: [variant], messages: messages, now: now)
            let started = try await [first, second]
            #expect(started.filter { $0 }.count == 1)
            #expect(try await stores.outbox.progress(edition: edition.id)[.queued] == 2)
            #expect(try await stores.editions.variant(edition: edition.id, key: "alles") == variant)
            #expect(try await stores.editions.edition(edition.id)?.status == .sending)
            #expect(try await stores.editions.sentEditions().map(\.id) == [edition.id])

            // Erasure cancels what had not gone yet and leaves no address in the outbox.
            #expect(try await stores.subscribers.erase(ids[0]))
            let progress = try await stores.outbox.progress(edition: edition.id)
            #expect(progress[.cancelled] == 1 && progress[.queued] == 1)
            let claimed = try await stores.outbox.claim(worker: "w", limit: 10, now: now, leaseUntil: now.addingTimeInterval(60))
            #expect(claimed.map(\.recipient) == ["b@x.nl"])
        }
    }

    @Test(arguments: TestBackend.available)
    func concurrentWorkersClaimDisjointBatches(backend: TestBackend) async throws {
        try await Self.withStores(backend) { stores in
            let now = Date()
            _ = try await Self.enqueue(stores, count: 300, now: now)
            let outbox = stores.outbox
            let batches = try await withThrowingTaskGroup(of: [Int64].self) { group in
                for worker in 0..<6 {
                    group.addTask {
                        var mine: [Int64] = []
                        while true {
                            let rows = try await outbox.claim(worker: "w\(worker)", limit: 20, now: now, leaseUntil: now.addingTimeInterval(60))
                            if rows.isEmpty { return mine }
                            mine += rows.map(\.id)
                        }
                    }
                }
                var all: [[Int64]] = []
                for try await batch in group { all.append(batch) }
                return all
            }
            let claimed = batches.flatMap { $0 }
            #expect(claimed.count == 300, "every row claimed")
            #expect(Set(claimed).count == 300, "no row claimed by two workers")
        }
    }

    @Test(arguments: TestBackend.available)
    func finishedMessagesForgetWhomTheyWentToAfterTheRetentionAndKeepTheirCounts(backend: TestBackend) async throws {
        try await Self.withStores(backend) { stores in
            let sent = Date().addingTimeInterval(-40 * 24 * 3600)
            let edition = try await Self.enqueue(stores, count: 4, now: sent)
            let outbox = stores.outbox
            let rows = try await outbox.claim(worker: "a", limit: 4, now: sent, leaseUntil: sent.addingTimeInterval(60))
            _ = try await outbox.markSending(rows.map(\.id), worker: "a", leaseUntil: sent.addingTimeInterval(60))
            try await outbox.markSent([rows[0].id], now: sent)
            try await outbox.markBounced(rows[1].id, reason: "SMTP 550 <lezer1@gemeente.nl>: no such user", now: sent)
            try await outbox.markSent([rows[2].id], now: Date())  // finished yesterday-ish: kept
            // rows[3] is still sending: never touched, whatever its age.
            let before = try await outbox.progress(edition: edition.id)

            try await outbox.forgetRecipients(finishedBefore: Date().addingTimeInterval(-OutboxRetention.recipients))

            struct Row: Decodable { var id: Int64; var recipient: String?; var subscriber_id: UUID?; var reason: String? }
            let stored = Dictionary(uniqueKeysWithValues: try await outbox.database.sql.raw("""
                SELECT id, recipient, subscriber_id, reason FROM newsletter_outbox WHERE edition_id = \(bind: edition.id)
                """).all(decoding: Row.self).map { ($0.id, $0) })
            for old in rows.prefix(2) {
                #expect(stored[old.id]?.recipient == nil && stored[old.id]?.subscriber_id == nil && stored[old.id]?.reason == nil)
            }
            #expect(stored[rows[2].id]?.recipient != nil, "recently finished: still known")
            #expect(stored[rows[3].id]?.recipient != nil && stored[rows[3].id]?.subscriber_id != nil, "in flight: untouched")
            #expect(try await outbox.progress(edition: edition.id) == before, "the counts stay")
        }
    }

    @Test(arguments: TestBackend.available)
    func rowsMoveOnlyForTheirWorkerAndACrashNeverLeadsToASecondSend(backend: TestBackend) async throws {
        try await Self.withStores(backend) { stores in
            let now = Date()
            let edition = try await Self.enqueue(stores, count: 5, now: now)
            let outbox = stores.outbox
            let rows = try await outbox.claim(worker: "a", limit: 5, now: now, leaseUntil: now.addingTimeInterval(60))
            #expect(rows.count == 5)
            #expect(try await outbox.claim(worker: "b", limit: 5, now: now, leaseUntil: now.addingTimeInterval(60)).isEmpty, "leased rows are not claimable")
            #expect(try await outbox.markSending(rows.map(\.id), worker: "b", leaseUntil: now.addingTimeInterval(60)).isEmpty,
                    "another worker cannot move them")
            let moving = try await outbox.markSending(Array(rows.map(\.id).prefix(4)), worker: "a", leaseUntil: now.addingTimeInterval(60))
            #expect(moving.count == 4)
            try await outbox.markSent([rows[0].id], now: now)
            try await outbox.scheduleRetry(rows[1].id, reason: "SMTP 451", retryAt: now.addingTimeInterval(300))
            try await outbox.markBounced(rows[2].id, reason: "SMTP 550", now: now)
            // rows[3] stays in sending: its worker "dies". rows[4] stays queued and leased.
            var progress = try await outbox.progress(edition: edition.id)
            #expect(progress[.sent] == 1 && progress[.queued] == 2 && progress[.bounced] == 1 && progress[.sending] == 1)

            // Before the lease runs out nothing is recovered or reclaimed.
            #expect(try await outbox.recoverInterrupted(now: now) == 0)
            // After it: the row in doubt fails for good, the untouched one is claimable again, the retry waits its turn.
            let later = now.addingTimeInterval(120)
            #expect(try await outbox.recoverInterrupted(now: later) == 1)
            let reclaimed = try await outbox.claim(worker: "b", limit: 5, now: later, leaseUntil: later.addingTimeInterval(60))
            #expect(reclaimed.map(\.id) == [rows[4].id])
            let retry = try await outbox.claim(worker: "b", limit: 5, now: now.addingTimeInterval(301), leaseUntil: now.addingTimeInterval(400))
            // By then b's lease on rows[4] has run out as well, so it comes along (b never marked it sending).
            #expect(retry.map(\.id) == [rows[1].id, rows[4].id] && retry.first?.attempts == 1)
            progress = try await outbox.progress(edition: edition.id)
            #expect(progress[.failed] == 1 && progress.remaining == 2)
            let reasons = try await outbox.failureReasons(edition: edition.id, limit: 5)
            #expect(reasons.map(\.reason).contains { $0.hasPrefix("Onderbroken") })
            #expect(reasons.map(\.reason).contains("SMTP 550"))
        }
    }

    @Test(arguments: TestBackend.available)
    func oneWriteMarksThePreviousMessageSentAndTheNextSending(backend: TestBackend) async throws {
        try await Self.withStores(backend) { stores in
            let now = Date()
            let edition = try await Self.enqueue(stores, count: 3, now: now)
            let outbox = stores.outbox
            let rows = try await outbox.claim(worker: "a", limit: 3, now: now, leaseUntil: now.addingTimeInterval(60)).map(\.id)
            #expect(try await outbox.advance(sent: [], sending: [rows[0]], worker: "a", leaseUntil: now.addingTimeInterval(60), now: now) == [rows[0]])
            #expect(try await outbox.advance(sent: [rows[0]], sending: [rows[1]], worker: "a", leaseUntil: now.addingTimeInterval(60), now: now)
                    == [rows[1]])
            // Another worker's write marks its own sent row but cannot take a row leased to "a".
            #expect(try await outbox.advance(sent: [rows[1]], sending: [rows[2]], worker: "b", leaseUntil: now.addingTimeInterval(60), now: now)
                    .isEmpty)
            let progress = try await outbox.progress(edition: edition.id)
            #expect(progress[.sent] == 2 && progress[.queued] == 1 && progress[.sending] == 0)
        }
    }

    @Test(arguments: TestBackend.available)
    func editionsSaveWithOptimisticLockingAndFreezeOnceSent(backend: TestBackend) async throws {
        try await Self.withStores(backend) { stores in
            var edition = Self.edition()
            try await stores.editions.create(edition)
            await #expect(throws: EditionProblem.slugTaken) { try await stores.editions.create(Self.edition()) }
            edition.subject = "Nieuw onderwerp"
            edition.sections.append(EditionSection(title: "Agenda", blocks: [.agenda(items: [AgendaItem(date: "2026-12-10", title: "Netwerkdag", url: nil)])]))
            let saved = try await stores.editions.save(edition, expectedVersion: 1)
            #expect(saved.version == 2)
            #expect(try await stores.editions.edition(edition.id) == saved)
            // A second editor still on version 1 is refused and nothing changes.
            var stale = edition
            stale.subject = "Oud"
            await #expect(throws: EditionProblem.changedMeanwhile) { _ = try await stores.editions.save(stale, expectedVersion: 1) }
            #expect(try await stores.editions.edition(slug: "november-2026")?.subject == "Nieuw onderwerp")

            #expect(try await stores.editions.startSending(edition.id, variants: [], messages: [], now: Date()))
            await #expect(throws: EditionProblem.notEditable) { _ = try await stores.editions.save(saved, expectedVersion: 2) }
            await #expect(throws: EditionProblem.notEditable) { try await stores.editions.delete(edition.id) }
        }
    }
}
