import Catalogue
import Search
import Testing
@testable import CatalogueService

@Suite struct QueryParserTests {
    let page = QueryParser(taxonomy: .standard, naming: .page)
    let api = QueryParser(taxonomy: .standard, naming: .api)

    @Test func readsDutchParameterNamesOnPages() {
        let (query, problems) = page.parse([("q", " polarisatie "), ("thema", "polarisatie"), ("thema", "inclusie"),
                                            ("soort", "training"), ("sortering", "nieuwste"), ("pagina", "2")])
        #expect(problems.isEmpty)
        #expect(query.text == "polarisatie")
        #expect(query.filters[.theme] == ["polarisatie", "inclusie"])
        #expect(query.filters[.kind] == ["training"])
        #expect(query.sort == .newest)
        #expect(query.page == 2)
    }

    @Test func unknownValuesAreProblemsThatListTheAllowedOnes() throws {
        let (query, problems) = api.parse([("theme", "bestaat-niet"), ("kind", "training")])
        #expect(query.filters[.theme] == nil)
        #expect(query.filters[.kind] == ["training"])
        let problem = try #require(problems.first)
        #expect(problem.parameter == "theme")
        #expect(problem.allowed == Taxonomy.standard.terms(.theme).map(\.slug))
    }

    @Test(arguments: ["0", "-3", "x", "99999999999999999999"])
    func impossiblePagesFallBackToTheFirst(value: String) {
        let (query, problems) = page.parse([("pagina", value)])
        #expect(query.page == 1)
        #expect(problems.map(\.parameter) == ["pagina"])
    }

    @Test func perPageIsBoundedInTheAPI() {
        #expect(api.parse([("perPage", "1000")]).1.map(\.parameter) == ["perPage"])
        #expect(api.parse([("perPage", "100")]).0.perPage == 100)
        #expect(api.parse([("perPage", "0")]).1.count == 1)
    }

    @Test func overlongQueriesAreCutWithANotice() {
        let (query, problems) = page.parse([("q", String(repeating: "a", count: 600))])
        #expect(query.text.count == CatalogueQuery.maxTextLength)
        #expect(problems.first?.parameter == "q")
    }

    @Test func unrelatedParametersAreIgnored() {
        let (query, problems) = page.parse([("utm_source", "nieuwsbrief")])
        #expect(problems.isEmpty)
        #expect(query == CatalogueQuery())
    }
}
