import CatalogueService
import Foundation
import Logging
import Relevance
import Testing
import TestSupport
import WeerbaarApp

@Suite struct RelevanceEvaluationTests {
    /// The evaluation imports the catalogue and ranks through the API's code path: a query for a word
    /// only one offering has finds that offering first, and a judgment for an offering that does not
    /// match scores zero.
    @Test func scoresTheAPIRankingOfAnImportedCatalogue() async throws {
        let catalogue = """
            {"format":"weerbaar.offerings/v1","offerings":[
             {"id":"gids-kraaienmars","provider":"vng","title":"Gids bij een kraaienmars","summary":"Over een kraaienmars in de stad.",
              "kind":"publicatie","form":"handreiking","themes":["maatschappelijke-onrust"]},
             {"id":"training-dialoog","provider":"kis","title":"Training dialoog in de wijk","summary":"Gesprekken voeren in de wijk.",
              "kind":"training","form":"workshop","themes":["polarisatie"]}]}
            """
        let judgments = Judgments(queries: [
            .init(id: "q1", query: "kraaienmars", type: "keyword", relevant: ["gids-kraaienmars": 3]),
            .init(id: "q2", query: "kraaienmars", type: "synonym", relevant: ["training-dialoog": 2]),
        ])
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let report = try await RelevanceEvaluation.run(
            catalogue: .init(name: "c.json", data: Data(catalogue.utf8)), judgments: judgments, logger: logger)
        let byID = Dictionary(uniqueKeysWithValues: report.scores.map { ($0.query.id, $0) })
        #expect(byID["q1"]?.ranked == ["gids-kraaienmars"])
        #expect(byID["q1"]?.ndcg == 1)
        #expect(byID["q2"]?.ndcg == 0)
        #expect(report.overall.ndcg == 0.5)
    }
}
