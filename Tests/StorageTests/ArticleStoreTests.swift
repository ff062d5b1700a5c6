import Catalogue
import Foundation
import Knowledge
@testable import Storage
import Testing
import TestSupport

/// Articles are replaced in one transaction and read back whole, on SQLite and PostgreSQL.
@Suite struct ArticleStoreTests {
    @Test(arguments: TestBackend.available)
    func aReplacementIsReadBackWhole(backend: TestBackend) async throws {
        try await SurveyStoreTests.withStore(backend) { _, database in
            let store = SQLArticleStore(database: database)
            #expect(try await store.published().articles.isEmpty)
            let practice = Article(id: "buurtgesprek", kind: .practice, title: "Buurtgesprek na de brand", lead: "Kort.", body: "## Wat\nTekst met ‘quotes’.",
                                   authors: ["A. Auteur"], themes: ["polarisatie"], offerings: ["vng/x"], gemeente: "GM0344", published: Day("2026-01-02")!,
                                   changeNotes: [.init(date: Day("2026-02-01")!, note: "Resultaat aangevuld")], reviewBy: Day("2027-01-02"),
                                   practice: .init(aanleiding: "a", aanpak: "b", resultaat: "c", lessen: "d", betrokken: "e", contact: nil))
            let news = Article(id: "nieuws", kind: .news, title: "Nieuws", lead: "Kort.", body: "Tekst.", themes: ["vertrouwen"], published: Day("2026-03-01")!)
            let edition = MagazineEdition(number: 1, title: "Werken aan vertrouwen", date: Day("2026-03-05")!, theme: "vertrouwen", intro: "Intro.",
                                          articles: ["nieuws", "buurtgesprek"])
            try await store.replace(with: ArticleCollection(articles: [practice, news], editions: [edition]))
            let read = try await store.published()
            #expect(read.articles == [news, practice])
            #expect(read.editions == [edition])
            try await store.replace(with: ArticleCollection(articles: [news], editions: []))
            #expect(try await store.published().articles.map(\.id) == ["nieuws"])
            #expect(try await store.published().editions.isEmpty)
        }
    }
}
