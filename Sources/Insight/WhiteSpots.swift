import Catalogue
import Foundation

/// Supply against demand per theme × kind: where the offer has white spots (witte vlekken).
///
/// Each source of demand is turned into a share of its own total over the cells, so sources with
/// different units can be added: the needs matrix of the latest survey (per cell: the sum over
/// gemeenten of need/3 for the theme where they ticked that kind of support), searches on the public
/// site read as the theme (a search that found nothing counts twice; a theme's searches are split
/// evenly over the kinds unless a kind was chosen), vraagwijzer questions read as the theme (split
/// evenly), and "not useful" feedback on offerings of the cell. Demand share is the weighted sum
/// of those shares, with the weights of `Weights`; a source without enough data (`Weights`'s
/// minimum volumes) gives its weight to the others in proportion. Supply share is the cell's share of the published, current offerings.
/// The gap index is demand share minus supply share in percentage points: positive where gemeenten
/// ask for more than the offer holds, relative to the rest of the matrix.
public struct WhiteSpots: Sendable {
    public struct Cell: Sendable, Hashable {
        public var theme: String
        public var kind: String
        public var current: Int
        public var stale: Int
        public var surveyPoints: Double
        public var searches: Double
        public var zeroResultSearches: Double
        public var guideQuestions: Double
        public var notUseful: Int
        /// Share of all demand (0…1).
        public var demandShare: Double
        /// Share of all current offerings (0…1).
        public var supplyShare: Double
        /// Percentage points.
        public var gap: Double { (demandShare - supplyShare) * 100 }
    }

    public struct Weights: Sendable, Hashable {
        public var survey = 0.5
        public var searches = 0.3
        public var guide = 0.1
        public var feedback = 0.1
        /// Below these volumes a source says more about chance than about need, and passes its weight
        /// on: a handful of searches must not outweigh 150 gemeenten' answers.
        public var minimumSearches = 50.0
        public var minimumGuideQuestions = 20.0
        public var minimumFeedback = 20.0
        public init() {}
    }

    /// A gap from this many percentage points is a white spot.
    public static let threshold = 3.0

    public struct Input: Sendable {
        public var themes: [String]
        public var kinds: [String]
        /// Current and stale offerings per (theme, kind).
        public var current: [CellKey: Int] = [:]
        public var stale: [CellKey: Int] = [:]
        public var surveyPoints: [CellKey: Double] = [:]
        /// Per theme: searches with no kind chosen are spread; with a kind they are in `searchesByKind`.
        public var searches: [String: Double] = [:]
        public var zeroResultSearches: [String: Double] = [:]
        public var guideQuestions: [String: Double] = [:]
        public var notUseful: [CellKey: Int] = [:]

        public init(themes: [String], kinds: [String]) {
            self.themes = themes
            self.kinds = kinds
        }
    }

    public struct CellKey: Sendable, Hashable {
        public var theme: String
        public var kind: String
        public init(_ theme: String, _ kind: String) {
            self.theme = theme
            self.kind = kind
        }
    }

    public var cells: [Cell]
    /// The weights as applied (after a source without data gave its weight away).
    public var appliedWeights: (survey: Double, searches: Double, guide: Double, feedback: Double)

    public init(_ input: Input, weights: Weights = Weights()) {
        let kinds = Double(max(1, input.kinds.count))
        var keys: [CellKey] = []
        for theme in input.themes { for kind in input.kinds { keys.append(CellKey(theme, kind)) } }
        func searchDemand(_ key: CellKey) -> Double {
            ((input.searches[key.theme] ?? 0) + (input.zeroResultSearches[key.theme] ?? 0)) / kinds
        }
        let totals = (survey: keys.reduce(0) { $0 + (input.surveyPoints[$1] ?? 0) },
                      searches: keys.reduce(0) { $0 + searchDemand($1) },
                      guide: keys.reduce(0) { $0 + (input.guideQuestions[$1.theme] ?? 0) / kinds },
                      feedback: Double(keys.reduce(0) { $0 + (input.notUseful[$1] ?? 0) }),
                      supply: Double(keys.reduce(0) { $0 + (input.current[$1] ?? 0) }))
        let searchCount = input.searches.values.reduce(0, +)
        var w = (survey: totals.survey > 0 ? weights.survey : 0,
                 searches: totals.searches > 0 && searchCount >= weights.minimumSearches ? weights.searches : 0,
                 guide: totals.guide > 0 && totals.guide * kinds >= weights.minimumGuideQuestions ? weights.guide : 0,
                 feedback: totals.feedback > 0 && totals.feedback >= weights.minimumFeedback ? weights.feedback : 0)
        let sum = w.survey + w.searches + w.guide + w.feedback
        if sum > 0 { w = (w.survey / sum, w.searches / sum, w.guide / sum, w.feedback / sum) }
        appliedWeights = w
        func share(_ value: Double, _ total: Double) -> Double { total > 0 ? value / total : 0 }
        cells = keys.map { key in
            let demand = w.survey * share(input.surveyPoints[key] ?? 0, totals.survey)
                + w.searches * share(searchDemand(key), totals.searches)
                + w.guide * share((input.guideQuestions[key.theme] ?? 0) / kinds, totals.guide)
                + w.feedback * share(Double(input.notUseful[key] ?? 0), totals.feedback)
            return Cell(theme: key.theme, kind: key.kind, current: input.current[key] ?? 0, stale: input.stale[key] ?? 0,
                        surveyPoints: input.surveyPoints[key] ?? 0, searches: (input.searches[key.theme] ?? 0) / kinds,
                        zeroResultSearches: (input.zeroResultSearches[key.theme] ?? 0) / kinds,
                        guideQuestions: (input.guideQuestions[key.theme] ?? 0) / kinds, notUseful: input.notUseful[key] ?? 0,
                        demandShare: demand, supplyShare: share(Double(input.current[key] ?? 0), totals.supply))
        }
    }

    public func cell(_ theme: String, _ kind: String) -> Cell? { cells.first { $0.theme == theme && $0.kind == kind } }

    /// White spots, largest gap first.
    public var gaps: [Cell] { cells.filter { $0.gap >= Self.threshold }.sorted { $0.gap > $1.gap } }

    /// Survey points per (theme, kind) from a needs matrix's answers: need/3 of each gemeente for each
    /// kind of support it ticked; with an audience, only rows that named it.
    public static func surveyPoints(_ matrix: Question, _ responses: [SubmittedResponse], audience: String? = nil) -> [CellKey: Double] {
        var points: [CellKey: Double] = [:]
        for response in responses {
            guard let rows = response.answers[matrix.id]?.matrix else { continue }
            for (theme, row) in rows where row.need > 0 {
                if let audience, !row.audiences.contains(audience) { continue }
                for kind in row.supports { points[CellKey(theme, kind), default: 0] += Double(row.need) / 3 }
            }
        }
        return points
    }
}
