import Catalogue
import Foundation
import Logging
import Storage
import Testing
import TestSupport

/// Drafts, publication, archive and revisions, on SQLite and on PostgreSQL.
@Suite struct EditorialStoreTests {
    static func withStores(_ backend: TestBackend, _ body: (FluentCatalogueStore, FluentEditorialStore) async throws -> Void) async throws {
        try await ScratchDatabase.with(backend) { location in
            let database = try WeerbaarDatabase.open(location, logger: Logger(label: "test"))
            do {
                try await database.migrate()
                try await body(FluentCatalogueStore(database: database), FluentEditorialStore(database: database))
            } catch {
                await database.shutdown()
                throw error
            }
            await database.shutdown()
        }
    }

    static func record(_ id: String, title: String = "Handreiking buurtgesprekken") -> OfferingRecord {
        OfferingRecord(id: id, provider: "vng", title: title, summary: "Samenvatting.", description: "Tekst.",
                       kind: "publicatie", form: "handreiking", themes: ["polarisatie"])
    }

    let alice = Editor(email: "alice@example.org", name: "Alice")
    let bob = Editor(email: "bob@example.org", name: "Bob")
    let today = Day("2026-11-27")!

    @Test(arguments: TestBackend.available)
    func onlyPublishedOfferingsReachThePublicCatalogue(backend: TestBackend) async throws {
        try await Self.withStores(backend) { catalogue, editorial in
            _ = try await editorial.save(Self.record("concept"), basedOn: .new, intent: .concept, by: alice, today: today)
            _ = try await editorial.save(Self.record("ingediend", title: "Ingediend"), basedOn: .new, intent: .submit, by: alice, today: today)
            _ = try await editorial.save(Self.record("live", title: "Live"), basedOn: .new, intent: .publish, by: alice, today: today)
            _ = try await editorial.save(Self.record("weg", title: "Weg"), basedOn: .new, intent: .publish, by: alice, today: today)
            try await editorial.archive(OfferingKey(provider: "vng", id: "weg"), by: bob)
            #expect(try await catalogue.allOfferings().map(\.id) == ["live"])
            #expect(try await editorial.managedOfferings(provider: "vng").count == 4)
            #expect(try await editorial.managedOfferings(provider: "lse").isEmpty)
            #expect(try await editorial.submittedDrafts().map(\.key.id) == ["ingediend"])
            // Archiving twice is a state problem, not a second revision.
            await #expect(throws: EditorialProblem.wrongStatus(.archived)) {
                try await editorial.archive(OfferingKey(provider: "vng", id: "weg"), by: bob)
            }
            #expect(try await editorial.revisions(OfferingKey(provider: "vng", id: "weg")).map(\.action) == [.archived, .published])
            // An import updates an archived offering's content but does not bring it back.
            let summary = try await catalogue.upsert([Self.record("weg", title: "Weg, bijgewerkt")])
            #expect(summary.updated.map(\.id) == ["weg"])
            #expect(try await catalogue.allOfferings().map(\.id) == ["live"])
            #expect(try await editorial.revisions(OfferingKey(provider: "vng", id: "weg")).first?.action == .imported)
        }
    }

    @Test(arguments: TestBackend.available)
    func ofTwoSavesBasedOnTheSameVersionExactlyOneWins(backend: TestBackend) async throws {
        try await Self.withStores(backend) { _, editorial in
            let key = OfferingKey(provider: "vng", id: "race")
            let first = try await editorial.save(Self.record("race"), basedOn: .new, intent: .publish, by: alice, today: today)
            let token = first.editToken
            // Several editors at once, all from the same form: one save, every other one a conflict. (Four:
            // on SQLite they queue for its one connection, and with the whole suite running on two cores
            // eight took up to 14 s of the pool's 30 s wait — and once, under more load, longer.)
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for n in 0..<4 {
                    group.addTask {
                        do {
                            _ = try await editorial.save(Self.record("race", title: "Titel \(n)"), basedOn: token, intent: n % 2 == 0 ? .publish : .concept,
                                                         by: Editor(email: "e\(n)@example.org", name: "E\(n)"), today: today)
                            return true
                        } catch EditorialProblem.conflict {
                            return false
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            let revisions = try await editorial.revisions(key)
            #expect(revisions.count == 2, "one revision for the publication, one for the single winner")
            #expect(revisions.map(\.number) == [2, 1])
        }
    }

    /// An imported offering past its "herzien vóór" date is overdue and nobody has checked it; an edit
    /// published by a person is a check: the notice goes, the date moves twelve months on.
    @Test(arguments: TestBackend.available)
    func publishingAnEditOfAnOverdueOfferingIsACheck(backend: TestBackend) async throws {
        try await Self.withStores(backend) { catalogue, editorial in
            var record = Self.record("oud")
            record.reviewBy = today.adding(days: -40)
            _ = try await catalogue.upsert([record])
            let imported = try #require(try await catalogue.allOfferings().first)
            #expect(imported.lastChecked == nil)
            #expect(Freshness.of(imported, today: today) == .overdue)
            let managed = try #require(try await editorial.managed(record.key))
            record.summary = "Bijgewerkte samenvatting."
            _ = try await editorial.save(record, basedOn: managed.editToken, intent: .publish, by: alice, today: today)
            let edited = try #require(try await catalogue.allOfferings().first)
            #expect(edited.lastChecked == today)
            #expect(edited.reviewBy == today.adding(months: 12))
            #expect(Freshness.of(edited, today: today) == .current)
            // A date still ahead is the provider's own choice and stays.
            let current = try #require(try await editorial.managed(record.key))
            record.reviewBy = today.adding(days: 20)
            _ = try await editorial.save(record, basedOn: current.editToken, intent: .publish, by: alice, today: today)
            #expect(try await catalogue.allOfferings().first?.reviewBy == today.adding(days: 20))
        }
    }

    @Test(arguments: TestBackend.available)
    func aDraftOfAPublishedOfferingLeavesTheSiteAloneUntilPublished(backend: TestBackend) async throws {
        try await Self.withStores(backend) { catalogue, editorial in
            let key = OfferingKey(provider: "vng", id: "bestaand")
            let published = try await editorial.save(Self.record("bestaand", title: "Oud"), basedOn: .new, intent: .publish, by: alice, today: today)
            let draft = try await editorial.save(Self.record("bestaand", title: "Nieuw"), basedOn: published.editToken, intent: .submit, by: alice, today: today)
            #expect(try await catalogue.allOfferings().map(\.title) == ["Oud"])
            // The form on the published version is stale once a draft exists.
            await #expect(throws: EditorialProblem.self) {
                _ = try await editorial.save(Self.record("bestaand", title: "Ander"), basedOn: published.editToken, intent: .concept, by: bob, today: today)
            }
            let returned = try await editorial.sendBack(key, version: draft.draft!.version, comment: "Graag een bron.", by: bob)
            #expect(returned.status == .concept && returned.reviewComment == "Graag een bron." && returned.author == alice)
            await #expect(throws: EditorialProblem.wrongStatus(.concept)) {
                try await editorial.publishDraft(key, version: returned.version, by: bob, today: today)
            }
            let resubmitted = try await editorial.save(Self.record("bestaand", title: "Nieuw, met bron"), basedOn: .draft(returned.version),
                                                       intent: .submit, by: alice, today: today)
            #expect(resubmitted.draft?.reviewComment == nil)
            try await editorial.publishDraft(key, version: resubmitted.draft!.version, by: bob, today: today)
            let after = try #require(try await editorial.managed(key))
            #expect(after.draft == nil && after.stored?.title == "Nieuw, met bron")
            #expect(try await catalogue.allOfferings().map(\.title) == ["Nieuw, met bron"])
            // The slug stays what it was when first published.
            #expect(after.stored?.slug == published.stored?.slug)

            let history = try await editorial.revisions(key)
            #expect(history.map(\.action) == [.published, .submitted, .sentBack, .submitted, .published])
            #expect(history[2].comment == "Graag een bron." && history[2].editor == bob)
            try await editorial.restore(key, revision: 1, by: bob)
            #expect(try await editorial.managed(key)?.draft?.record.title == "Oud")
            await #expect(throws: EditorialProblem.notFound) { try await editorial.restore(key, revision: 99, by: bob) }
        }
    }

    @Test(arguments: TestBackend.available)
    func aBulkSaveIsAllOrNothingAndStagedUploadsBelongToTheirOwnerForAnHour(backend: TestBackend) async throws {
        try await Self.withStores(backend) { catalogue, editorial in
            let existing = try await editorial.save(Self.record("bestaand"), basedOn: .new, intent: .publish, by: alice, today: today)
            // The second item is based on a version that is no longer current: neither is written.
            await #expect(throws: EditorialProblem.self) {
                try await editorial.saveAll([(Self.record("nieuw"), .new), (Self.record("bestaand", title: "Anders"), .stored(existing.storedVersion - 1))],
                                            intent: .publish, by: bob, today: today)
            }
            #expect(try await catalogue.allOfferings().map(\.id) == ["bestaand"])
            #expect(try await editorial.managed(OfferingKey(provider: "vng", id: "nieuw")) == nil)
            try await editorial.saveAll([(Self.record("nieuw"), .new), (Self.record("bestaand", title: "Anders"), existing.editToken)],
                                        intent: .submit, by: bob, today: today)
            #expect(try await editorial.submittedDrafts().count == 2)

            let owner = UUID()
            let upload = StagedUpload(owner: owner, fileName: "aanbod.csv", items: [.init(record: Self.record("x"), basedOn: .stored(3))])
            try await editorial.stage(upload)
            let found = try await editorial.staged(upload.id, owner: owner, now: Date())
            #expect(found?.items.first?.token == .stored(3) && found?.fileName == "aanbod.csv")
            #expect(try await editorial.staged(upload.id, owner: UUID(), now: Date()) == nil, "not someone else's")
            #expect(try await editorial.staged(upload.id, owner: owner, now: Date().addingTimeInterval(StagedUpload.lifetime + 1)) == nil)
            try await editorial.discardStaged(upload.id)
            #expect(try await editorial.staged(upload.id, owner: owner, now: Date()) == nil)
        }
    }

    @Test
    func theDiffListsOnlyChangedFieldsInTheFormatsOrder() {
        var after = Self.record("x")
        after.title = "Nieuw"
        after.themes = ["polarisatie", "radicalisering"]
        after.contact = Contact(email: "a@example.org")
        let changes = RecordDiff.changes(from: Self.record("x"), to: after)
        #expect(changes.map(\.field) == ["title", "themes", "contact.email"])
        #expect(changes[1].before == "polarisatie" && changes[1].after == "polarisatie, radicalisering")
        #expect(RecordDiff.changes(from: nil, to: after).contains { $0.field == "summary" })
        #expect(RecordDiff.changes(from: after, to: after).isEmpty)
    }

    @Test
    func editTokensSurviveTheFormAndRefuseNonsense() {
        for token in [EditToken.new, .draft(3), .stored(12)] { #expect(EditToken(token.description) == token) }
        for text in ["", "concept-", "aanbod-x", "anders-3", "concept--1"] { #expect(EditToken(text) == nil, "\(text)") }
    }
}
