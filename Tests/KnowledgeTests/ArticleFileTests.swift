import Catalogue
import Foundation
import Knowledge
import Testing
import TestSupport

@Suite struct ArticleFileTests {
    /// The demo catalogue's offering keys, read from its files.
    static let demoOfferings: Set<String> = {
        var keys = Set<String>()
        let directory = URL(fileURLWithPath: Repository.demoDirectory)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [] where name.hasSuffix(".json") {
            guard let data = try? Data(contentsOf: directory.appendingPathComponent(name)),
                  let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let offerings = root["offerings"] as? [[String: Any]] else { continue }
            for offering in offerings { keys.insert("\(offering["provider"] ?? "")/\(offering["id"] ?? "")") }
        }
        return keys
    }()

    static func demo() throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: Repository.demoDirectory).appendingPathComponent("artikelen/artikelen.json"))
    }

    @Test func theDemoArticlesAreValidAndCoverTheField() throws {
        let collection = try ArticleFile.read(try Self.demo(), taxonomy: .standard, offering: Self.demoOfferings.contains).get()
        #expect(collection.articles.count >= 30)
        let practice = collection.articles.filter { $0.kind == .practice }
        #expect(practice.count >= 15)
        #expect(Set(practice.compactMap(\.gemeente)).count == practice.count, "each practice example in a gemeente of its own")
        #expect(collection.articles.count { $0.kind == .infoblad } >= 5)
        #expect(collection.editions.count == 2)
        #expect(collection.editions.allSatisfy { $0.articles.allSatisfy { collection.article($0) != nil } })
        // Newest first, and related articles share a theme.
        #expect(collection.articles.first!.published >= collection.articles.last!.published)
        let some = practice[0]
        #expect(collection.related(to: some).allSatisfy { !Set($0.themes).isDisjoint(with: some.themes) && $0.id != some.id })
    }

    @Test func datesMoveTogether() throws {
        let written = try ArticleFile.read(try Self.demo(), taxonomy: .standard, offering: Self.demoOfferings.contains).get()
        let moved = try ArticleFile.read(try Self.demo(), taxonomy: .standard, offering: Self.demoOfferings.contains, movingDays: 100).get()
        let a = try #require(written.articles.first), b = try #require(moved.article(a.id))
        #expect(b.published == a.published.adding(days: 100))
        #expect(b.reviewBy == a.reviewBy?.adding(days: 100))
        #expect(moved.edition(1)?.date == written.edition(1)?.date.adding(days: 100))
    }

    @Test func everyProblemIsReportedInDutchAndNothingIsRead() {
        let json = """
        {"format": "weerbaar.articles/v1", "articles": [
          {"id": "Geen Slug", "kind": "praktijkvoorbeeld", "title": "<b>Titel</b>", "lead": "Kort.", "body": "Tekst.", "authors": [],
           "themes": ["bestaat-niet"], "offerings": ["vng/bestaat-niet"], "gemeente": "GM9999", "published": "2026-01-01",
           "changeNotes": [], "practice": null},
          {"id": "interview-met-velden", "kind": "interview", "title": "Interview", "lead": "Kort.", "body": "Tekst.", "authors": ["A"],
           "themes": ["polarisatie"], "offerings": [], "gemeente": null, "published": "2026-01-01", "changeNotes": [],
           "practice": {"aanleiding": "a", "aanpak": "b", "resultaat": "c", "lessen": "d", "betrokken": "e"}}],
         "editions": [{"number": 1, "title": "E", "date": "2026-02-01", "theme": "polarisatie", "intro": "I", "articles": ["ontbreekt"]}]}
        """
        guard case .failure(let rejected) = ArticleFile.read(Data(json.utf8), taxonomy: .standard, offering: { _ in false }) else {
            Issue.record("accepted"); return
        }
        let text = rejected.description
        for expected in ["het kenmerk moet kleine letters", "‘bestaat-niet’ is geen thema", "aanbod ‘vng/bestaat-niet’ bestaat niet",
                         "‘GM9999’ is geen gemeente", "een praktijkvoorbeeld vertelt aanleiding", "geen HTML",
                         "alleen een praktijkvoorbeeld heeft de velden", "artikel ‘ontbreekt’ staat niet in het bestand"] {
            #expect(text.contains(expected), "missing: \(expected)\n\(text)")
        }
        guard case .failure = ArticleFile.read(Data("{}".utf8), taxonomy: .standard, offering: { _ in true }) else { Issue.record("{} accepted"); return }
    }
}
