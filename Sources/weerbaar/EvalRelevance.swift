import ArgumentParser
import CatalogueService
import Foundation
import Logging
import Relevance
import WeerbaarApp

struct EvalRelevance: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-relevance",
        abstract: "Score search against graded judgments: nDCG@10, recall@10 and MRR, overall and per query type.",
        discussion: """
            The catalogue is imported into a throwaway database; every query runs through exactly what
            GET /api/v1/offerings runs. With --ranking instead, a ranking made elsewhere (a baseline) is
            scored the same way. Exits with status 1 when a floor is not met.
            """)

    @Option(help: "An exchange file (weerbaar.offerings/v1, JSON or CSV) with the catalogue to search.")
    var catalogue: String?

    @Option(help: "Instead of searching: a JSON object of query id → ranked offering ids, to score as it is.")
    var ranking: String?

    @Option(help: "An articles file (weerbaar.articles/v1) to search as /zoeken searches articles; the judgments' types are article kinds.")
    var articles: String?

    @Option(help: "A judgments file (weerbaar.judgments/v1).")
    var judgments: String

    @Option(help: "Fail when overall nDCG@10 is below this.")
    var minNdcg: Double = 0

    @Option(help: "Fail when the nDCG@10 of any query type is below this.")
    var minTypeNdcg: Double = 0

    @Option(help: "How many of the worst queries to show.")
    var worst: Int = 8

    func validate() throws {
        guard [catalogue, ranking, articles].compactMap({ $0 }).count == 1 else {
            throw ValidationError("give one of --catalogue (to search it), --articles (to search articles) or --ranking (to score a ranking made elsewhere)")
        }
    }

    func run() async throws {
        guard let judgmentsData = FileManager.default.contents(atPath: judgments) else {
            throw ValidationError("cannot read \(judgments)")
        }
        let set: Judgments
        do {
            set = try Judgments.decode(judgmentsData)
        } catch {
            throw ValidationError("\(judgments): \(error)")
        }
        let report: RelevanceReport
        if let ranking {
            guard let data = FileManager.default.contents(atPath: ranking),
                let ranked = try? JSONDecoder().decode([String: [String]].self, from: data)
            else {
                throw ValidationError("\(ranking) is not a JSON object of query id → list of offering ids")
            }
            report = RelevanceReport(judgments: set, ranked: ranked)
        } else if let articles {
            guard let data = FileManager.default.contents(atPath: articles) else { throw ValidationError("cannot read \(articles)") }
            do { report = try RelevanceEvaluation.runArticles(data, judgments: set) } catch { throw ValidationError("\(articles): \(error)") }
        } else if let catalogue {
            guard let catalogueData = FileManager.default.contents(atPath: catalogue) else {
                throw ValidationError("cannot read \(catalogue)")
            }
            var logger = Logger(label: "eval-relevance")
            logger.logLevel = .warning
            let file = CatalogueImporter.File(name: (catalogue as NSString).lastPathComponent, data: catalogueData)
            report = try await RelevanceEvaluation.run(catalogue: file, judgments: set, logger: logger)
        } else {
            return
        }
        print(report.text(worst: worst))
        let failures = report.failures(minimumOverall: minNdcg, minimumPerType: minTypeNdcg)
        if !failures.isEmpty {
            var stderr = StandardError()
            for failure in failures { print("FAIL: \(failure)", to: &stderr) }
            throw ExitCode(1)
        }
    }
}
