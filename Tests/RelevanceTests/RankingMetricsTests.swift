import Foundation
import Testing
@testable import Relevance

@Suite struct RankingMetricsTests {
    let grades = ["a": 3, "c": 1, "d": 2]

    @Test func ndcgAgainstAHandComputedValue() {
        // DCG = 3/log2(2) + 0/log2(3) + 1/log2(4) = 3.5; IDCG = 3 + 2/log2(3) + 1/2.
        let expected = 3.5 / (3 + 2 / log2(3.0) + 0.5)
        #expect(abs(RankingMetrics.ndcg(ranked: ["a", "b", "c"], grades: grades) - expected) < 1e-12)
        #expect(RankingMetrics.ndcg(ranked: ["a", "d", "c"], grades: grades) == 1)
        #expect(RankingMetrics.ndcg(ranked: ["x", "y"], grades: grades) == 0)
    }

    @Test func ndcgOnlyLooksAtTheCutoff() {
        let late = (0..<10).map { "filler\($0)" } + ["a", "d", "c"]
        #expect(RankingMetrics.ndcg(ranked: late, grades: grades) == 0)
    }

    @Test func recallAndReciprocalRank() {
        #expect(RankingMetrics.recall(ranked: ["a", "b", "c"], grades: grades) == 2.0 / 3.0)
        #expect(RankingMetrics.reciprocalRank(ranked: ["x", "y", "c"], grades: grades) == 1.0 / 3.0)
        #expect(RankingMetrics.reciprocalRank(ranked: ["x"], grades: grades) == 0)
    }

    @Test func reportAveragesPerTypeAndChecksFloors() throws {
        let judgments = Judgments(queries: [
            .init(id: "q1", query: "een", type: "keyword", relevant: ["a": 3]),
            .init(id: "q2", query: "twee", type: "keyword", relevant: ["b": 3]),
            .init(id: "q3", query: "drie", type: "typo", relevant: ["c": 2]),
        ])
        let report = RelevanceReport(judgments: judgments, ranked: ["q1": ["a"], "q2": ["x", "b"], "q3": []])
        let keyword = try #require(report.byType.first { $0.type == "keyword" }?.average)
        #expect(abs(keyword.ndcg - (1 + 1 / log2(3.0)) / 2) < 1e-12)
        #expect(keyword.mrr == 0.75)
        #expect(report.failures(minimumOverall: 0.5, minimumPerType: 0.5).count == 1)  // typo scores 0
        #expect(report.failures(minimumOverall: 0.9, minimumPerType: 0).count == 1)
        #expect(report.failures(minimumOverall: 0, minimumPerType: 0).isEmpty)
        #expect(report.text().contains("q3 [typo] drie"))
    }

    @Test func judgmentsFilesAreChecked() {
        #expect(throws: Judgments.Invalid.self) { try Judgments.decode(Data(#"{"format":"other","queries":[]}"#.utf8)) }
        #expect(throws: Judgments.Invalid.self) {
            try Judgments.decode(Data(#"{"format":"weerbaar.judgments/v1","queries":[{"id":"q","query":"x","type":"t","relevant":{"a":7}}]}"#.utf8))
        }
    }
}
