import Foundation

/// The standard ranking measures over one ranked result list and graded judgments.
///
/// nDCG uses linear gain (the grade itself) and a log2(rank + 1) discount, as trec_eval's
/// `ndcg_cut` does; the ideal ranking is the judged offerings by grade. Recall and reciprocal rank
/// count every judged offering (grade ≥ 1) as relevant.
public enum RankingMetrics {
    public static func ndcg(ranked: [String], grades: [String: Int], cutoff: Int = 10) -> Double {
        let ideal = grades.values.sorted(by: >).prefix(cutoff)
        let idcg = discounted(ideal.map(Double.init))
        guard idcg > 0 else { return 0 }
        let gains = ranked.prefix(cutoff).map { Double(grades[$0] ?? 0) }
        return discounted(gains) / idcg
    }

    public static func recall(ranked: [String], grades: [String: Int], cutoff: Int = 10) -> Double {
        guard !grades.isEmpty else { return 0 }
        let found = Set(ranked.prefix(cutoff)).filter { (grades[$0] ?? 0) > 0 }.count
        return Double(found) / Double(grades.count)
    }

    public static func reciprocalRank(ranked: [String], grades: [String: Int]) -> Double {
        guard let index = ranked.firstIndex(where: { (grades[$0] ?? 0) > 0 }) else { return 0 }
        return 1 / Double(index + 1)
    }

    static func discounted(_ gains: [Double]) -> Double {
        var sum = 0.0
        for (index, gain) in gains.enumerated() { sum += gain / log2(Double(index + 2)) }
        return sum
    }
}
