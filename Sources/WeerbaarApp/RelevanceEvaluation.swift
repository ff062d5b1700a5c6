import Catalogue
import CatalogueService
import Foundation
import Knowledge
import Logging
import Relevance
import Search
import Web

/// Runs an evaluation set against a catalogue file: the catalogue goes into a throwaway SQLite
/// database through the normal import, each query goes through exactly what `GET /api/v1/offerings`
/// runs, and the ranked ids are scored against the judgments.
public enum RelevanceEvaluation {
    /// How many results per query are scored; nDCG and recall look at the first 10, MRR at all of them.
    static let depth = 100

    public static func run(catalogue: CatalogueImporter.File, judgments: Judgments, logger: Logger) async throws -> RelevanceReport {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("weerbaar-eval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let configuration = Configuration(dataDirectory: directory.path, demoDirectory: directory.path)
        let platform = try await Platform.start(configuration, logger: logger, seedDemoWhenEmpty: false)
        do {
            _ = try await platform.importer.importFiles([catalogue])
            var ranked: [String: [String]] = [:]
            for query in judgments.queries {
                let keys = try OfferingsEndpoint.resultKeys(rawQuery: rawQuery(for: query.query), catalogue: platform.catalogue)
                ranked[query.id] = keys.map(\.id)
            }
            await platform.shutdown()
            return RelevanceReport(judgments: judgments, ranked: ranked)
        } catch {
            await platform.shutdown()
            throw error
        }
    }

    /// Runs an evaluation set against an articles file (`weerbaar.articles/v1`): the articles go into
    /// the index `/zoeken` searches, with the catalogue's analyzer, and each query is ranked exactly as
    /// `LiveArticles.search` ranks it there. The judgments' types are article kinds, so the report is
    /// per kind.
    public static func runArticles(_ data: Data, judgments: Judgments) throws -> RelevanceReport {
        let analyzer = DutchAnalyzer()
        // Related offerings are not what is scored: any key is accepted.
        let collection: ArticleCollection
        switch ArticleFile.read(data, taxonomy: .standard, offering: { _ in true }) {
        case .success(let read): collection = read
        case .failure(let rejected): throw rejected
        }
        let articles = LiveArticles()
        articles.replace(with: collection, analyzer: analyzer)
        var ranked: [String: [String]] = [:]
        for query in judgments.queries {
            ranked[query.id] = articles.search(query.query, limit: depth).articles.map(\.id)
        }
        return RelevanceReport(judgments: judgments, ranked: ranked)
    }

    /// The query string a search form or API client would send.
    static func rawQuery(for text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let encoded = text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
        return "q=\(encoded)&perPage=\(depth)"
    }
}
