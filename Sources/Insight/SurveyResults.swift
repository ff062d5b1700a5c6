import Catalogue
import Foundation

/// A submitted response as the results read it: never more than the province and size class of the
/// gemeente (the code only where the survey is not anonymous, for the editors' export).
public struct SubmittedResponse: Sendable, Hashable, Codable {
    public var id: UUID
    public var municipality: String?
    public var province: String
    public var sizeClass: SizeClass?
    public var submitted: String
    public var answers: [String: Answer]

    public init(id: UUID = UUID(), municipality: String?, province: String, sizeClass: SizeClass?, submitted: String, answers: [String: Answer]) {
        self.id = id
        self.municipality = municipality
        self.province = province
        self.sizeClass = sizeClass
        self.submitted = submitted
        self.answers = answers
    }
}

/// Which responses the results count: all, or one province and/or size class.
public struct ResultsFilter: Sendable, Hashable {
    public var province: String?
    public var sizeClass: SizeClass?
    public init(province: String? = nil, sizeClass: SizeClass? = nil) {
        self.province = province
        self.sizeClass = sizeClass
    }
    public func admits(_ response: SubmittedResponse) -> Bool {
        (province == nil || response.province == province) && (sizeClass == nil || response.sizeClass == sizeClass)
    }
    public var isEmpty: Bool { province == nil && sizeClass == nil }
}

/// The results of a survey per question, over the responses a filter admits. A question answered by
/// fewer than `minimumGroup` gemeenten is suppressed whole, so that no figure can be traced to a
/// handful of gemeenten (a province with few of them, a size class within it).
public struct SurveyResults: Sendable {
    public static let minimumGroup = 5

    public struct Count: Sendable, Hashable {
        public var slug: String
        public var label: String
        public var count: Int
    }

    public struct MatrixRowResult: Sendable, Hashable {
        public var slug: String
        public var label: String
        /// Gemeenten that rated this row.
        public var respondents: Int
        /// Mean need on 0–3.
        public var meanNeed: Double
        /// How many chose each level, 0…3.
        public var levels: [Int]
        public var supports: [Count]
        public var audiences: [Count]
    }

    public enum Figures: Sendable {
        /// Fewer than `minimumGroup` gemeenten answered: nothing is shown.
        case suppressed
        /// Single and multiple choice: gemeenten per option.
        case counts([Count])
        /// A scale: gemeenten per value 1…5 and the mean.
        case scale([Count], mean: Double)
        /// A ranking: per option the mean place (lower is more important) and how often it was first.
        case ranking([(option: Count, meanRank: Double, first: Int)])
        /// Open answers: how many; the texts are for the editors only.
        case texts([String])
        case matrix([MatrixRowResult])
    }

    public struct QuestionResult: Sendable {
        public var question: Question
        /// Gemeenten that answered this question.
        public var answered: Int
        public var figures: Figures
    }

    public var responses: Int
    public var questions: [QuestionResult]

    public init(_ survey: Survey, responses all: [SubmittedResponse], filter: ResultsFilter = ResultsFilter()) {
        let responses = all.filter(filter.admits)
        self.responses = responses.count
        questions = survey.questions.map { question in
            let answers = responses.compactMap { $0.answers[question.id] }.filter { !$0.isEmpty }
            guard answers.count >= Self.minimumGroup else { return QuestionResult(question: question, answered: answers.count, figures: .suppressed) }
            func counts(_ options: [Option], _ chosen: [[String]]) -> [Count] {
                options.map { option in Count(slug: option.slug, label: option.label, count: chosen.count { $0.contains(option.slug) }) }
            }
            let figures: Figures
            switch question.kind {
            case .single, .multiple:
                figures = .counts(counts(question.options, answers.map(\.values)))
            case .scale:
                let numbers = answers.compactMap(\.number)
                let labels = (1...5).map { value -> String in
                    value == 1 && !question.scaleLabels.isEmpty ? "1 – \(question.scaleLabels[0])"
                        : value == 5 && question.scaleLabels.count > 1 ? "5 – \(question.scaleLabels[1])" : String(value)
                }
                figures = .scale((1...5).map { value in Count(slug: String(value), label: labels[value - 1], count: numbers.count { $0 == value }) },
                                 mean: numbers.isEmpty ? 0 : Double(numbers.reduce(0, +)) / Double(numbers.count))
            case .text:
                figures = .texts(answers.compactMap(\.text))
            case .ranking:
                // An option left unranked counts as the place after the last one given.
                let rows = question.options.map { option -> (option: Count, meanRank: Double, first: Int) in
                    let ranks = answers.map { answer in (answer.values.firstIndex(of: option.slug).map { $0 + 1 } ?? answer.values.count + 1) }
                    return (Count(slug: option.slug, label: option.label, count: answers.count { $0.values.contains(option.slug) }),
                            Double(ranks.reduce(0, +)) / Double(ranks.count), answers.count { $0.values.first == option.slug })
                }
                figures = .ranking(rows.sorted { $0.meanRank < $1.meanRank })
            case .needsMatrix:
                figures = .matrix(question.options.map { row in
                    let cells = answers.compactMap { $0.matrix?[row.slug] }
                    return MatrixRowResult(slug: row.slug, label: row.label, respondents: cells.count,
                                           meanNeed: cells.isEmpty ? 0 : Double(cells.map(\.need).reduce(0, +)) / Double(cells.count),
                                           levels: NeedLevel.allCases.map { level in cells.count { $0.need == level.rawValue } },
                                           supports: counts(question.supports, cells.map(\.supports)),
                                           audiences: counts(question.audiences, cells.map(\.audiences)))
                })
            }
            return QuestionResult(question: question, answered: answers.count, figures: figures)
        }
    }
}

/// Response rate per province: how many gemeenten there are, how many were invited, how many answered.
public struct ResponseRate: Sendable, Hashable {
    public var province: String
    public var municipalities: Int
    public var invited: Int
    public var responded: Int

    public var percent: Int { municipalities == 0 ? 0 : Int((Double(responded) * 100 / Double(municipalities)).rounded()) }

    public static func perProvince(_ list: MunicipalityList, _ participations: [Participation]) -> [ResponseRate] {
        perProvince(list, invited: Set(participations.map(\.municipality)), responded: Set(participations.filter(\.responded).map(\.municipality)))
    }

    public static func perProvince(_ list: MunicipalityList, invited: Set<String>, responded: Set<String>) -> [ResponseRate] {
        list.provinces.map { province in
            let codes = list.all.filter { $0.province == province }.map(\.code)
            return ResponseRate(province: province, municipalities: codes.count, invited: codes.count(where: invited.contains),
                                responded: codes.count(where: responded.contains))
        }
    }
}
