import Catalogue
import CatalogueService
import Foundation
import Logging
import Storage
import Testing
import TestSupport

/// Every storage test runs on SQLite and on PostgreSQL.
@Suite struct CatalogueStoreTests {
    static func withStore(_ backend: TestBackend, _ body: (FluentCatalogueStore) async throws -> Void) async throws {
        try await ScratchDatabase.with(backend) { location in
            let database = try WeerbaarDatabase.open(location, logger: Logger(label: "test"))
            do {
                try await database.migrate()
                try await body(FluentCatalogueStore(database: database))
            } catch {
                await database.shutdown()
                throw error
            }
            await database.shutdown()
        }
    }

    static func demoFiles() throws -> [CatalogueImporter.File] {
        try FileManager.default.contentsOfDirectory(atPath: Repository.demoDirectory).filter { $0.hasSuffix(".json") }.sorted().map {
            CatalogueImporter.File(name: $0, data: try Data(contentsOf: URL(fileURLWithPath: Repository.demoDirectory).appendingPathComponent($0)))
        }
    }

    @Test(arguments: TestBackend.available)
    func migrationSeedsTheVocabulariesAndProviders(backend: TestBackend) async throws {
        try await Self.withStore(backend) { store in
            let taxonomy = try await store.taxonomy()
            #expect(taxonomy == Taxonomy.standard)
            #expect(taxonomy.terms(.theme).count == 8)
            #expect(taxonomy.providers.count == 12)
            #expect(taxonomy.forms(of: "contactpunt").map(\.slug) == ["expertiseteam", "vraagbaak", "adviesdienst", "netwerk"])
        }
    }

    @Test(arguments: TestBackend.available)
    func importingTwiceChangesNothingAndExportImportIsLossless(backend: TestBackend) async throws {
        try await Self.withStore(backend) { store in
            let importer = CatalogueImporter(store: store)
            let first = try await importer.importFiles(try Self.demoFiles())
            #expect(first.created.count == 120)
            let before = try await store.allOfferings()

            let second = try await importer.importFiles(try Self.demoFiles())
            #expect(second.unchanged.count == 120)
            #expect(!second.changed)

            for format in ExchangeFile.Format.allCases {
                let exported = try await importer.export(format: format)
                let again = try await importer.importFiles([.init(name: "export.\(format.rawValue)", data: exported)])
                #expect(again.unchanged.count == 120, "\(format) round trip changed something")
            }
            #expect(try await store.allOfferings() == before)
        }
    }

    @Test(arguments: TestBackend.available)
    func theSharedDevelopmentCatalogueImports(backend: TestBackend) async throws {
        try await Self.withStore(backend) { store in
            let data = try Data(contentsOf: Repository.sharedRelevance.appendingPathComponent("dev-catalogue.json"))
            let summary = try await CatalogueImporter(store: store).importFiles([.init(name: "dev-catalogue.json", data: data)])
            #expect(summary.created.count == (try await store.offeringCount()))
            #expect(summary.created.count > 40)
        }
    }

    @Test(arguments: TestBackend.available)
    func oneBadRecordMeansNothingIsWritten(backend: TestBackend) async throws {
        try await Self.withStore(backend) { store in
            var files = try Self.demoFiles()
            files.append(.init(name: "fout.csv", data: Data("id,provider,title,summary,kind,form,themes\nx,vng,T,S,publicatie,rapport,geen-thema\n".utf8)))
            await #expect(throws: FileImportRejected.self) { try await CatalogueImporter(store: store).importFiles(files) }
            #expect(try await store.offeringCount() == 0)
        }
    }

    @Test(arguments: TestBackend.available)
    func anImportedUpdateKeepsTheSlugAndIsNotACheck(backend: TestBackend) async throws {
        try await Self.withStore(backend) { store in
            var record = OfferingRecord(id: "test", provider: "vng", title: "Oude titel", summary: "S", description: "",
                                        kind: "publicatie", form: "rapport", themes: ["vertrouwen"], keywords: ["a", "b"])
            _ = try await store.upsert([record])
            record.title = "Nieuwe titel"
            record.keywords = ["b", "a", "c"]
            let summary = try await store.upsert([record])
            #expect(summary.updated == [record.key])
            let stored = try #require(try await store.allOfferings().first)
            #expect(stored.slug == "oude-titel")
            #expect(stored.title == "Nieuwe titel")
            #expect(stored.keywords == ["b", "a", "c"])
            #expect(stored.lastChecked == nil, "an import is never a check by a person")
            #expect(try await store.confirmCurrent(record.key, checkedOn: Day("2024-07-01")!))
            #expect(try await store.allOfferings().first?.lastChecked == Day("2024-07-01"))
            _ = try await store.upsert([record])
            #expect(try await store.allOfferings().first?.lastChecked == Day("2024-07-01"), "a later import keeps the last check")
        }
    }

    @Test(arguments: TestBackend.available)
    func equalTitlesGetDistinctSlugs(backend: TestBackend) async throws {
        try await Self.withStore(backend) { store in
            let records = ["vng", "bzk", "vng"].enumerated().map { index, provider in
                OfferingRecord(id: "zelfde-\(index)", provider: provider, title: "Zelfde titel", summary: "S", description: "",
                               kind: "training", form: "workshop", themes: ["inclusie"])
            }
            _ = try await store.upsert(records)
            let slugs = try await store.allOfferings().map(\.slug)
            #expect(Set(slugs) == ["zelfde-titel", "zelfde-titel-bzk", "zelfde-titel-vng"])
        }
    }
}
