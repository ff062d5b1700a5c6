import Catalogue
import CatalogueService
import Foundation
import Testing
import TestSupport
import WeerbaarApp

@Suite struct APITests {
    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test(arguments: TestBackend.available)
    func listsFiltersAndCountsFacetsDisjunctively(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            let response = try await client.get("/api/v1/offerings?kind=training&theme=polarisatie&theme=inclusie&perPage=5")
            #expect(response.status == 200)
            let body = try Self.json(response.body)
            let all = platform.catalogue.offerings { _ in true }
            let matching = all.filter { $0.kind == "training" && !Set($0.themes).isDisjoint(with: ["polarisatie", "inclusie"]) }
            #expect(body["total"] as? Int == matching.count)
            #expect((body["results"] as? [Any])?.count == min(5, matching.count))
            let facets = try #require(body["facets"] as? [String: [[String: Any]]])
            // Theme counts ignore the theme selection but respect kind=training.
            for value in try #require(facets["theme"]) {
                let slug = value["value"] as! String
                let expected = all.filter { $0.kind == "training" && $0.themes.contains(slug) }.count
                #expect(value["count"] as? Int == expected, "theme \(slug)")
            }
            // Kind counts ignore the kind selection but respect the themes.
            for value in try #require(facets["kind"]) {
                let slug = value["value"] as! String
                let expected = all.filter { $0.kind == slug && !Set($0.themes).isDisjoint(with: ["polarisatie", "inclusie"]) }.count
                #expect(value["count"] as? Int == expected, "kind \(slug)")
                #expect(value["selected"] as? Bool == (slug == "training"))
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func badParametersAreProblemsNamingTheParameter(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, _ in
            let cases: [(String, String)] = [
                ("/api/v1/offerings?theme=onbekend", "theme"), ("/api/v1/offerings?page=0", "page"),
                ("/api/v1/offerings?page=-3", "page"), ("/api/v1/offerings?perPage=1000", "perPage"),
                ("/api/v1/offerings?sort=random", "sort"), ("/api/v1/offerings?q=" + String(repeating: "x", count: 501), "q"),
                ("/api/v1/offerings?q=%zz", "query"), ("/api/v1/offerings?q=%C3%28", "query"),
            ]
            for (path, parameter) in cases {
                let response = try await client.get(path)
                #expect(response.status == 400, "\(path)")
                #expect(response.type.hasPrefix("application/problem+json"), "\(path)")
                let body = try Self.json(response.body)
                let params = try #require(body["invalidParams"] as? [[String: Any]])
                #expect(params.contains { $0["name"] as? String == parameter }, "\(path)")
            }
            let problem = try Self.json(try await client.get("/api/v1/offerings?theme=onbekend").body)
            let allowed = (problem["invalidParams"] as? [[String: Any]])?.first?["allowed"] as? [String]
            #expect(allowed == Taxonomy.standard.terms(.theme).map(\.slug))
        }
    }

    @Test(arguments: TestBackend.available)
    func singleOfferingTaxonomyAndProviders(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, _ in
            let detail = try Self.json(try await client.get("/api/v1/offerings/vng/handboek-maatschappelijke-onrust").body)
            #expect(detail["title"] as? String == "Handboek maatschappelijke onrust")
            #expect(detail["page"] as? String == "https://weerbaar.example/aanbod/handboek-maatschappelijke-onrust")
            let missing = try await client.get("/api/v1/offerings/vng/bestaat-niet")
            #expect(missing.status == 404)
            #expect(missing.type.hasPrefix("application/problem+json"))
            let taxonomy = try Self.json(try await client.get("/api/v1/taxonomy").body)
            #expect((taxonomy["form"] as? [Any])?.count == 16)
            let providers = try Self.json(try await client.get("/api/v1/providers").body)
            #expect((providers["providers"] as? [Any])?.count == 12)
            let unknown = try await client.get("/api/v1/bestaat-niet")
            #expect(unknown.status == 404)
            #expect(unknown.type.hasPrefix("application/problem+json"))
        }
    }
}

@Suite struct SuggestAPITests {
    @Test(arguments: TestBackend.available)
    func suggestionsCompleteThemesQueriesAndTitles(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, _ in
            let response = try await client.get("/api/v1/suggest?q=pola")
            #expect(response.status == 200)
            let document = try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as! [String: Any]
            let suggestions = document["suggestions"] as! [[String: String]]
            #expect(suggestions.count <= 8 && suggestions.count >= 3)
            #expect(suggestions.first == ["kind": "theme", "text": "Polarisatie", "url": "/themas/polarisatie"])
            #expect(suggestions.contains { $0["kind"] == "query" && $0["text"] == "polarisatie" && $0["url"] == "/aanbod?q=polarisatie" })
            #expect(suggestions.contains { $0["kind"] == "offering" && $0["url"]!.hasPrefix("/aanbod/") && $0["text"]!.lowercased().contains("polaris") })
            let limited = try await client.get("/api/v1/suggest?q=pola&limit=2")
            #expect((try JSONSerialization.jsonObject(with: Data(limited.body.utf8)) as! [String: Any])["suggestions"].map { ($0 as! [Any]).count } == 2)
            #expect(try await client.get("/api/v1/suggest?q=p").body.contains("\"suggestions\":[]"))
        }
    }

    @Test(arguments: TestBackend.available)
    func badSuggestParametersGetAProblemDocument(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, _ in
            for path in ["/api/v1/suggest", "/api/v1/suggest?q=po&limit=0", "/api/v1/suggest?q=po&limit=x",
                         "/api/v1/suggest?q=" + String(repeating: "a", count: 101), "/api/v1/suggest?q=%FF"] {
                let response = try await client.get(path)
                #expect(response.status == 400, "\(path)")
                #expect(response.type.hasPrefix("application/problem+json"), "\(path)")
                #expect(response.body.contains("\"invalidParams\""), "\(path)")
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func theSuggestionScriptIsSmallAndOnEveryPage(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, _ in
            let home = try await client.get("/")
            let path = try #require(home.body.range(of: "/static/suggest\\.js\\?v=[0-9a-f]+", options: .regularExpression).map { String(home.body[$0]) })
            let script = try await client.get(path)
            #expect(script.status == 200)
            #expect(script.type.hasPrefix("text/javascript"))
            #expect(script.body.utf8.count <= 10 * 1024, "the brief allows at most 10 KB")
            #expect(script.body.contains("/api/v1/suggest?q="))
            #expect(try await client.get("/aanbod").body.contains(path))
        }
    }
}
