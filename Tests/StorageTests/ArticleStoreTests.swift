import Catalogue
import Foundation
import Knowledge
import SQLKit
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

    @Test(arguments: TestBackend.available)
    func anArticleGoesThroughReviewWithItsHistory(backend: TestBackend) async throws {
        try await SurveyStoreTests.withStore(backend) { _, database in
            let store = SQLArticleStore(database: database)
            let partner = Editor(email: "partner@example.org", name: "Partner")
            let redactie = Editor(email: "redactie@example.org", name: "Redactie")
            var article = Article(id: "leernetwerk", kind: .background, title: "Wat een leernetwerk oplevert", lead: "Kort.", body: "Eerste versie.",
                                  themes: ["polarisatie"], published: Day("2026-05-01")!)
            try await store.save(article, status: .submitted, provider: "kis", version: nil, by: partner)
            #expect(try await store.published().articles.isEmpty, "a proposal is not public")
            await #expect(throws: ContentProblem.staleVersion) {
                try await store.save(article, status: .concept, provider: nil, version: nil, by: partner)
            }
            try await store.sendBack("leernetwerk", version: 1, comment: "Noem een gemeente.", by: redactie)
            var managed = try #require(try await store.managedArticle("leernetwerk"))
            #expect(managed.status == .concept && managed.reviewComment == "Noem een gemeente." && managed.provider == "kis" && managed.version == 2)

            article.body = "Tweede versie, met Zwolle."
            article.kind = .practice
            try await store.save(article, status: .published, provider: nil, version: 2, by: redactie)
            managed = try #require(try await store.managedArticle("leernetwerk"))
            #expect(managed.reviewComment == nil && managed.provider == "kis", "a save clears the comment and keeps whose proposal it was")
            #expect(try await store.published().articles == [article])
            await #expect(throws: ContentProblem.staleVersion, "a form opened on version 2 is stale after the publication") {
                try await store.save(article, status: .concept, provider: nil, version: 2, by: partner)
            }
            let history = try await store.revisions("leernetwerk")
            #expect(history.map(\.number) == [3, 2, 1])
            #expect(history.map(\.status) == [.published, .concept, .submitted])
            #expect(history.last?.content.body == "Eerste versie." && history.last?.editor == partner)
            struct Kind: Decodable { var kind: String }
            #expect(try await database.database.sql.raw("SELECT kind FROM articles WHERE id = 'leernetwerk'").first(decoding: Kind.self)?.kind
                == "praktijkvoorbeeld", "the mirrored column follows the document")
        }
    }

    @Test(arguments: TestBackend.available)
    func twoSavesOnOneVersionCannotBothWin(backend: TestBackend) async throws {
        try await SurveyStoreTests.withStore(backend) { _, database in
            let store = SQLArticleStore(database: database)
            let editor = Editor(email: "redactie@example.org", name: "Redactie")
            let article = Article(id: "gelijktijdig", kind: .news, title: "Nieuws", lead: "Kort.", body: "Tekst.", published: Day("2026-05-01")!)
            try await store.save(article, status: .concept, provider: nil, version: nil, by: editor)
            let outcomes = await withTaskGroup(of: Bool.self) { group in
                for n in 0..<6 {
                    group.addTask {
                        var changed = article
                        changed.body = "Versie \(n)"
                        return (try? await store.save(changed, status: .concept, provider: nil, version: 1, by: editor)) != nil
                    }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            #expect(try await store.revisions("gelijktijdig").count == 2)
        }
    }
}
