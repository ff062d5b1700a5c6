import Catalogue
import CatalogueService
import Foundation
import Logging
import Storage
import Testing
import TestSupport
import WeerbaarApp

/// The demo is loaded with its dates moved to the day it is loaded, so a fresh demo looks like a
/// catalogue its providers keep: mostly current, a few due soon, a few overdue; and nobody has
/// "checked" anything by loading it.
@Suite struct DemoCatalogueTests {
    static func freshness(loadedOn today: Day, backend: TestBackend) async throws -> [Freshness: Int] {
        try await ScratchDatabase.with(backend) { location in
            let database = try WeerbaarDatabase.open(location, logger: Logger(label: "demo-test"))
            do {
                try await database.migrate()
                let store = FluentCatalogueStore(database: database)
                _ = try await DemoCatalogue.load(from: Repository.demoDirectory, into: CatalogueImporter(store: store), database: database, today: today)
                let offerings = try await store.allOfferings()
                #expect(offerings.count >= 100)
                #expect(offerings.allSatisfy { $0.lastChecked == nil }, "loading the demo is not a check by a person")
                await database.shutdown()
                return Dictionary(grouping: offerings) { Freshness.of($0, today: today) }.mapValues(\.count)
            } catch {
                await database.shutdown()
                throw error
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func aFreshDemoIsMostlyCurrentWhenEverItIsLoaded(backend: TestBackend) async throws {
        // The day the files were written for, today, and years later: the same mix each time.
        for today in [DemoCatalogue.writtenAsOf, Day(Date()), Day("2031-03-15")!] {
            let counts = try await Self.freshness(loadedOn: today, backend: backend)
            let total = counts.values.reduce(0, +)
            #expect(counts[.current, default: 0] * 100 >= total * 80, "\(today): \(counts)")
            #expect(counts[.dueSoon, default: 0] >= 3, "\(today): \(counts)")
            #expect((3...total / 10).contains(counts[.overdue, default: 0]), "\(today): \(counts)")
        }
    }

    @Test func movingKeepsTheDistancesBetweenDates() {
        let record = OfferingRecord(id: "x", provider: "vng", title: "T", summary: "S", description: "", kind: "publicatie", form: "rapport",
                                    themes: ["polarisatie"], published: Day("2025-03-01"), reviewBy: Day("2026-09-01"))
        let moved = DemoCatalogue.moved(record, to: DemoCatalogue.writtenAsOf.adding(days: 400))
        #expect(moved.published == Day("2025-03-01")!.adding(days: 400))
        #expect(moved.reviewBy == Day("2026-09-01")!.adding(days: 400))
        #expect(DemoCatalogue.moved(record, to: DemoCatalogue.writtenAsOf) == record)
    }
}
