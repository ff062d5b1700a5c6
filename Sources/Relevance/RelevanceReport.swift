import Foundation

/// The outcome of running an evaluation set: a score per query, averages overall and per query type,
/// and whether they clear the floors.
public struct RelevanceReport: Sendable {
    public struct QueryScore: Sendable {
        public var query: Judgments.Query
        public var ranked: [String]
        public var ndcg: Double
        public var recall: Double
        public var reciprocalRank: Double
    }

    public struct Average: Sendable {
        public var count: Int
        public var ndcg: Double
        public var recall: Double
        public var mrr: Double
    }

    public var scores: [QueryScore]

    /// Scores every query of `judgments` given its ranked offering ids.
    public init(judgments: Judgments, ranked: [String: [String]]) {
        scores = judgments.queries.map { query in
            let list = ranked[query.id] ?? []
            return QueryScore(
                query: query, ranked: list,
                ndcg: RankingMetrics.ndcg(ranked: list, grades: query.relevant),
                recall: RankingMetrics.recall(ranked: list, grades: query.relevant),
                reciprocalRank: RankingMetrics.reciprocalRank(ranked: list, grades: query.relevant))
        }
    }

    public var overall: Average { Self.average(scores) }

    /// Per query type, in the order the types first appear in the set.
    public var byType: [(type: String, average: Average)] {
        var order: [String] = []
        for score in scores where !order.contains(score.query.type) { order.append(score.query.type) }
        return order.map { type in (type, Self.average(scores.filter { $0.query.type == type })) }
    }

    static func average(_ scores: [QueryScore]) -> Average {
        let n = Double(max(scores.count, 1))
        return Average(count: scores.count,
                       ndcg: scores.map(\.ndcg).reduce(0, +) / n,
                       recall: scores.map(\.recall).reduce(0, +) / n,
                       mrr: scores.map(\.reciprocalRank).reduce(0, +) / n)
    }

    /// The floors that are not met, as sentences; empty when all are.
    public func failures(minimumOverall: Double, minimumPerType: Double) -> [String] {
        var failures: [String] = []
        if overall.ndcg < minimumOverall {
            failures.append(String(format: "nDCG@10 overall %.3f is below the floor %.3f", overall.ndcg, minimumOverall))
        }
        for (type, average) in byType where average.ndcg < minimumPerType {
            failures.append(String(format: "nDCG@10 for %@ queries %.3f is below the floor %.3f", type, average.ndcg, minimumPerType))
        }
        return failures
    }

    /// A plain-text table: overall, per type, then the worst queries with what they found.
    public func text(worst: Int = 5) -> String {
        var lines: [String] = []
        func row(_ label: String, _ a: Average) -> String {
            label.padding(toLength: 14, withPad: " ", startingAt: 0)
                + String(format: "%3d   %.3f     %.3f      %.3f", a.count, a.ndcg, a.recall, a.mrr)
        }
        lines.append("type          queries nDCG@10  recall@10  MRR")
        lines.append(row("overall", overall))
        for (type, average) in byType { lines.append(row(type, average)) }
        lines.append("")
        lines.append("worst queries:")
        for score in scores.sorted(by: { ($0.ndcg, $0.query.id) < ($1.ndcg, $1.query.id) }).prefix(worst) {
            lines.append(String(format: "  %.3f  %@ [%@] %@", score.ndcg, score.query.id, score.query.type, score.query.query))
            let missing = score.query.relevant.keys.filter { !score.ranked.prefix(10).contains($0) }.sorted()
            lines.append("         top 3: \(score.ranked.prefix(3).joined(separator: ", "))")
            if !missing.isEmpty { lines.append("         missed in top 10: \(missing.joined(separator: ", "))") }
        }
        return lines.joined(separator: "\n")
    }
}
