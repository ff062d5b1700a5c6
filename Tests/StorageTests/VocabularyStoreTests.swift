import Catalogue
import Foundation
import Logging
import Storage
import Testing
import TestSupport

@Suite struct VocabularyStoreTests {
    static func withStores(_ backend: TestBackend,
                           _ body: (FluentCatalogueStore, FluentEditorialStore, FluentVocabularyStore) async throws -> Void) async throws {
        try await ScratchDatabase.with(backend) { location in
            let database = try WeerbaarDatabase.open(location, logger: Logger(label: "test"))
            do {
                try await database.migrate()
                try await body(FluentCatalogueStore(database: database), FluentEditorialStore(database: database), FluentVocabularyStore(database: database))
            } catch {
                await database.shutdown()
                throw error
            }
            await database.shutdown()
        }
    }

    static func record(_ id: String, themes: [String], form: String = "handreiking") -> OfferingRecord {
        OfferingRecord(id: id, provider: "vng", title: "Titel \(id)", summary: "S.", description: "", kind: "publicatie", form: form, themes: themes)
    }

    let beheerder = Editor(email: "beheer@example.org", name: "Beheer")
    let today = Day("2026-11-27")!

    @Test(arguments: TestBackend.available)
    func mergingATermMovesPublishedAndDraftOfferingsAlongAndRemovesIt(backend: TestBackend) async throws {
        try await Self.withStores(backend) { catalogue, editorial, vocabularies in
            _ = try await catalogue.upsert([Self.record("een", themes: ["radicalisering"]),
                                            Self.record("beide", themes: ["polarisatie", "radicalisering", "extremisme"]),
                                            Self.record("ander", themes: ["extremisme"])])
            _ = try await editorial.save(Self.record("concept", themes: ["radicalisering", "polarisatie"]), basedOn: .new, intent: .concept,
                                         by: beheerder, today: today)
            let moved = try await vocabularies.merge(.theme, from: "radicalisering", into: "polarisatie", by: beheerder)
            #expect(moved == 3, "two published offerings and one draft")
            let byID = Dictionary(uniqueKeysWithValues: try await catalogue.allOfferings().map { ($0.id, $0) })
            #expect(byID["een"]?.themes == ["polarisatie"])
            #expect(byID["beide"]?.themes == ["polarisatie", "extremisme"], "no duplicate; order kept")
            #expect(byID["ander"]?.themes == ["extremisme"])
            #expect(try await editorial.managed(OfferingKey(provider: "vng", id: "concept"))?.draft?.record.themes == ["polarisatie"])
            #expect(try await catalogue.taxonomy().term(.theme, "radicalisering") == nil)
            let history = try await editorial.revisions(OfferingKey(provider: "vng", id: "een"))
            #expect(history.first?.action == .termMerged && history.first?.record.themes == ["polarisatie"])
        }
    }

    @Test(arguments: TestBackend.available)
    func mergesThatWouldBreakTheStructureAreRefused(backend: TestBackend) async throws {
        try await Self.withStores(backend) { catalogue, _, vocabularies in
            _ = try await catalogue.upsert([Self.record("een", themes: ["polarisatie"])])
            await #expect(throws: VocabularyProblem.fixedVocabulary) { _ = try await vocabularies.merge(.kind, from: "training", into: "publicatie", by: beheerder) }
            await #expect(throws: VocabularyProblem.differentParent) { _ = try await vocabularies.merge(.form, from: "handreiking", into: "workshop", by: beheerder) }
            await #expect(throws: VocabularyProblem.sameTerm) { _ = try await vocabularies.merge(.theme, from: "polarisatie", into: "polarisatie", by: beheerder) }
            await #expect(throws: VocabularyProblem.notFound) { _ = try await vocabularies.merge(.theme, from: "bestaat-niet", into: "polarisatie", by: beheerder) }
            #expect(try await catalogue.allOfferings().first?.form == "handreiking", "nothing changed")
        }
    }

    @Test(arguments: TestBackend.available)
    func termsAreAddedAtTheEndRenamedAndReordered(backend: TestBackend) async throws {
        try await Self.withStores(backend) { catalogue, _, vocabularies in
            try await vocabularies.add(Term(vocabulary: .theme, slug: "digitale-onrust", label: "Digitale onrust", description: "", position: 0))
            await #expect(throws: VocabularyProblem.slugTaken) {
                try await vocabularies.add(Term(vocabulary: .theme, slug: "digitale-onrust", label: "Dubbel", description: "", position: 0))
            }
            var themes = try await catalogue.taxonomy().terms(.theme).map(\.slug)
            #expect(themes.last == "digitale-onrust")
            try await vocabularies.move(.theme, "digitale-onrust", by: -1)
            themes = try await catalogue.taxonomy().terms(.theme).map(\.slug)
            #expect(themes[themes.count - 2] == "digitale-onrust")
            try await vocabularies.move(.theme, themes[0], by: -1)
            #expect(try await catalogue.taxonomy().terms(.theme).map(\.slug) == themes, "the first cannot move up")
            try await vocabularies.rename(.theme, "digitale-onrust", label: "Onrust online", description: "Op sociale media.")
            #expect(try await catalogue.taxonomy().term(.theme, "digitale-onrust")?.label == "Onrust online")
        }
    }
}
