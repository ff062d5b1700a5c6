import Events
import Foundation
import Newsletter
import SQLKit
@testable import Storage
import Testing
import TestSupport

/// An organiser's edits are checked against the registrations in the same transaction; messages go
/// to exactly the audience asked for; attendance is kept per session — on SQLite and PostgreSQL.
@Suite struct EventOrganisingStoreTests {
    @Test(arguments: TestBackend.available)
    func anEditIsRefusedWhenStaleOrWhenItWouldTakeAwayWhatPeopleHold(backend: TestBackend) async throws {
        try await EventStoreTests.withPatientDatabase(backend) { database in
            let store = SQLEventStore(database: database)
            let event = EventStoreTests.event(capacity: 3, workshops: [("a", 1), ("b", 5)])
            #expect(try await store.save(event, revision: nil) == nil)
            await #expect(throws: EventEditProblem.exists) { try await store.save(event, revision: nil) }
            let stored = try #require(try await store.storedEvent(event.slug))
            #expect(stored.event == event && stored.revision == 1)
            _ = try await store.register(EventStoreTests.request(1, workshop: "a"), for: event, id: UUID(), tokenHash: "t1", now: Date())
            _ = try await store.register(EventStoreTests.request(2, workshop: "b"), for: event, id: UUID(), tokenHash: "t2", now: Date())
            // Registrations do not move the revision: the organiser's form is still current.
            #expect(try await store.storedEvent(event.slug)?.revision == 1)

            var withoutA = event
            withoutA.sessions[0].rounds[0].workshops.removeAll { $0.id == "a" }
            await #expect(throws: EventEditProblem.inUse(["a"])) { try await store.save(withoutA, revision: 1) }
            var smaller = event
            smaller.capacity = 1
            await #expect(throws: EventEditProblem.belowSeats(held: 2)) { try await store.save(smaller, revision: 1) }
            var zeroB = event
            zeroB.sessions[0].rounds[0].workshops[1].capacity = 0
            await #expect(throws: EventEditProblem.workshopBelowSeats(workshop: "b", held: 1)) { try await store.save(zeroB, revision: 1) }
            #expect(try await store.storedEvent(event.slug)?.event == event, "a refused save writes nothing")

            var renamed = event
            renamed.title = "Proef, verplaatst"
            let before = try await store.save(renamed, revision: 1)
            #expect(before == event)
            #expect(try await store.storedEvent(event.slug) == StoredEvent(event: renamed, revision: 2))
            await #expect(throws: EventEditProblem.stale) { try await store.save(event, revision: 1) }
        }
    }

    @Test(arguments: TestBackend.available)
    func aMessageIsQueuedOnceForItsAudience(backend: TestBackend) async throws {
        try await EventStoreTests.withPatientDatabase(backend) { database in
            let store = SQLEventStore(database: database)
            let event = EventStoreTests.event(capacity: 2)
            try await store.replace(with: [event])
            var ids: [UUID] = []
            for n in 0..<4 {
                let id = UUID()
                ids.append(id)
                _ = try await store.register(EventStoreTests.request(n), for: event, id: id, tokenHash: "t\(n)", now: Date())
            }
            _ = try await store.cancel(ids[0], event: event, now: Date())  // 1 confirmed, 1 offered, 1 waiting, 1 cancelled
            let now = Date(timeIntervalSince1970: Double(Int(Date().timeIntervalSince1970)))  // whole seconds: both backends keep them exactly
            let seated = EventMessage(event: event.slug, subject: "Route", body: "Neem de trein.", sentBy: "org@vng.example", created: now)
            #expect(try await store.queue(seated, to: .seated) == 2)
            let all = EventMessage(event: event.slug, subject: "Iedereen", body: "Hallo.", sentBy: "org@vng.example", created: Date())
            #expect(try await store.queue(all, to: .everyone) == 3)
            #expect(try await store.message(seated.id) == seated)
            let listed = try await store.messages(event: event.slug)
            #expect(listed.map(\.message.subject).sorted() == ["Iedereen", "Route"] && listed.map(\.recipients).sorted() == [2, 3])
            // The agenda's outbox hands each row out once.
            let outbox = SQLOutboxStore(database: database, queue: .agenda)
            let claimed = try await outbox.claim(worker: "w1", limit: 10, now: Date(), leaseUntil: Date().addingTimeInterval(60))
            #expect(claimed.count == 5)
            #expect(Set(claimed.compactMap(\.subscriberID)).isSubset(of: Set(ids)) && !claimed.contains { $0.subscriberID == ids[0] })
            #expect(try await outbox.claim(worker: "w2", limit: 10, now: Date(), leaseUntil: Date().addingTimeInterval(60)).isEmpty)
            #expect(try await outbox.progress(edition: all.id).total == 3)
        }
    }

    @Test(arguments: TestBackend.available)
    func attendanceIsKeptPerSession(backend: TestBackend) async throws {
        try await EventStoreTests.withPatientDatabase(backend) { database in
            let store = SQLEventStore(database: database)
            var event = EventStoreTests.event(capacity: 5)
            event.sessions.append(Event.Session(id: "2", title: "Dag 2", starts: event.sessions[0].starts.addingTimeInterval(86_400 * 30),
                                                ends: event.sessions[0].ends.addingTimeInterval(86_400 * 30)))
            try await store.replace(with: [event])
            let id = UUID()
            _ = try await store.register(EventStoreTests.request(1), for: event, id: id, tokenHash: "t1", now: Date())
            #expect(try await store.markAttendance(id, event: event, session: "1", attended: false).state == .noShow)
            #expect(try await store.markAttendance(id, event: event, session: "2", attended: true).state == .attended)
            #expect(try await store.attendance(event: event.slug) == [id: ["1": false, "2": true]])
            #expect(try await store.markAttendance(id, event: event, session: "2", attended: false).state == .noShow)
            await #expect(throws: EventProblem.notFound) { try await store.markAttendance(id, event: event, session: "9", attended: true) }
        }
    }
}
