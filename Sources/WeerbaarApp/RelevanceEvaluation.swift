import Catalogue
import CatalogueService
import Foundation
import Logging
import Relevance
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

    /// The query string a search form or API client would send.
    static func rawQuery(for text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let encoded = text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
        return "q=\(encoded)&perPage=\(depth)"
    }
}
