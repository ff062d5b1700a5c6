import Catalogue
import Foundation
import Insight
import Testing

@Suite struct MunicipalityListTests {
    @Test func theShippedListIsCBSsThreeHundredAndFortyTwoGemeenten() {
        let list = MunicipalityList.cbs
        #expect(list.all.count == 342)
        #expect(list.provinces.count == 12)
        #expect(list.municipality("GM0363")?.name == "Amsterdam")
        #expect(list.municipality("GM0363")?.province == "Noord-Holland")
        #expect(list.municipality("GM0363")?.sizeClass == .over100k)
        #expect(list.all.allSatisfy { $0.inhabitants != nil })
        #expect(Set(list.all.map(\.code)).count == 342)
    }

    @Test func aListThatIsNotOneIsRefusedWithTheLine() {
        #expect(throws: MunicipalityList.Problem.self) { try MunicipalityList.parse(csv: "code,naam,provincie,inwoners\nXX01,Ergens,Utrecht,10\n") }
        #expect(throws: MunicipalityList.Problem.self) {
            try MunicipalityList.parse(csv: "code,naam,provincie,inwoners\nGM0001,A,Utrecht,1\nGM0001,B,Utrecht,2\n")
        }
        #expect(throws: MunicipalityList.Problem.self) { try MunicipalityList.parse(csv: "naam,code\n") }
    }
}

@Suite struct AnswerReaderTests {
    static let choice = Question(id: "rol", kind: .single, text: "Uw rol", required: true,
                                 options: [Option(slug: "oov", label: "OOV"), Option(slug: "sociaal", label: "Sociaal domein")])
    static let ranking = Question(id: "prio", kind: .ranking, text: "Volgorde",
                                  options: [Option(slug: "a", label: "A"), Option(slug: "b", label: "B"), Option(slug: "c", label: "C")])
    static let matrix = Question(id: "m", kind: .needsMatrix, text: "Behoefte",
                                 options: [Option(slug: "polarisatie", label: "Polarisatie"), Option(slug: "extremisme", label: "Extremisme")],
                                 supports: [Option(slug: "publicatie", label: "Publicatie"), Option(slug: "training", label: "Training")],
                                 audiences: [Option(slug: "bestuurders", label: "Bestuurders")])

    @Test func aRequiredChoiceMustBeAnsweredFromItsOptions() throws {
        #expect(throws: Never.self) { try AnswerReader.read(Self.choice, from: ["v-rol": ["oov"]]).get() }
        #expect(try AnswerReader.read(Self.choice, from: ["v-rol": ["oov"]]).get()?.values == ["oov"])
        guard case .failure(let missing) = AnswerReader.read(Self.choice, from: [:]) else { Issue.record("no error"); return }
        #expect(missing.all == [AnswerReader.Problem(field: "v-rol", message: "Beantwoord deze vraag.")])
        guard case .failure = AnswerReader.read(Self.choice, from: ["v-rol": ["<script>"]]) else { Issue.record("unknown option accepted"); return }
    }

    @Test func aRankingUsesEachPlaceOnceFromOne() throws {
        let ordered = try AnswerReader.read(Self.ranking, from: ["v-prio-a": ["2"], "v-prio-b": ["1"], "v-prio-c": [""]]).get()
        #expect(ordered?.values == ["b", "a"])
        guard case .failure = AnswerReader.read(Self.ranking, from: ["v-prio-a": ["1"], "v-prio-b": ["1"]]) else { Issue.record("twice 1"); return }
        guard case .failure = AnswerReader.read(Self.ranking, from: ["v-prio-a": ["2"]]) else { Issue.record("gap accepted"); return }
    }

    @Test func aMatrixRowNeedsItsLevelAndNoNeedDropsTheDetails() throws {
        let answer = try AnswerReader.read(Self.matrix, from: [
            "v-m-polarisatie-behoefte": ["3"], "v-m-polarisatie-vorm": ["training", "publicatie"], "v-m-polarisatie-doelgroep": ["bestuurders"],
            "v-m-extremisme-behoefte": ["0"], "v-m-extremisme-vorm": ["training"],
        ]).get()
        #expect(answer?.matrix?["polarisatie"] == Answer.MatrixRow(need: 3, supports: ["publicatie", "training"], audiences: ["bestuurders"]))
        #expect(answer?.matrix?["extremisme"] == Answer.MatrixRow(need: 0))
        guard case .failure(let problems) = AnswerReader.read(Self.matrix, from: ["v-m-extremisme-vorm": ["training"]]) else {
            Issue.record("details without a level accepted"); return
        }
        #expect(problems.all.map(\.field) == ["v-m-extremisme-behoefte"])
    }

    @Test func aConditionalQuestionIsAskedOnlyAfterItsAnswer() {
        var follow = Question(id: "waarom", kind: .text, text: "Waarom?", required: true)
        follow.condition = Condition(question: "rol", values: ["oov"])
        let survey = Survey(title: "T", year: 2026, opens: Day("2026-01-01")!, closes: Day("2026-02-01")!, questions: [Self.choice, follow])
        #expect(survey.visibleQuestions([:]).map(\.id) == ["rol"])
        #expect(survey.visibleQuestions(["rol": Answer(values: ["sociaal"])]).map(\.id) == ["rol"])
        #expect(survey.visibleQuestions(["rol": Answer(values: ["oov"])]).map(\.id) == ["rol", "waarom"])
        #expect(AnswerReader.unanswered(survey, ["rol": Answer(values: ["oov"])]).map(\.id) == ["waarom"])
        #expect(AnswerReader.unanswered(survey, ["rol": Answer(values: ["sociaal"])]).isEmpty)
    }
}

@Suite struct SurveyResultsTests {
    static let survey = Survey(title: "T", year: 2026, opens: Day("2026-01-01")!, closes: Day("2026-02-01")!,
                               questions: [AnswerReaderTests.choice, AnswerReaderTests.matrix])

    static func response(_ province: String, _ role: String, need: Int) -> SubmittedResponse {
        SubmittedResponse(municipality: nil, province: province, sizeClass: .upTo20k, submitted: "",
                          answers: ["rol": Answer(values: [role]),
                                    "m": Answer(matrix: ["polarisatie": .init(need: need, supports: ["training"], audiences: [])])])
    }

    @Test func groupsOfFewerThanFiveGemeentenAreSuppressed() {
        let responses = (0..<6).map { Self.response("Utrecht", $0 < 4 ? "oov" : "sociaal", need: $0 % 4) }
            + (0..<4).map { _ in Self.response("Zeeland", "oov", need: 3) }
        let all = SurveyResults(Self.survey, responses: responses)
        guard case .counts(let counts) = all.questions[0].figures else { Issue.record("not counted"); return }
        #expect(counts.map(\.count) == [8, 2])
        guard case .matrix(let rows) = all.questions[1].figures else { Issue.record("no matrix"); return }
        // (0+1+2+3+0+1 + 3·4) / 10
        #expect(abs(rows[0].meanNeed - 1.9) < 1e-9)
        #expect(rows[0].levels == [2, 2, 1, 5])
        #expect(rows[0].supports.first { $0.slug == "training" }?.count == 10)

        let zeeland = SurveyResults(Self.survey, responses: responses, filter: ResultsFilter(province: "Zeeland"))
        #expect(zeeland.responses == 4)
        for question in zeeland.questions {
            guard case .suppressed = question.figures else { Issue.record("\(question.question.id) shown for 4 gemeenten"); continue }
        }
        let utrecht = SurveyResults(Self.survey, responses: responses, filter: ResultsFilter(province: "Utrecht"))
        guard case .counts = utrecht.questions[0].figures else { Issue.record("6 gemeenten suppressed"); return }
    }
}

@Suite struct WhiteSpotsTests {
    /// Worked by hand in the test's comments; the page's explanation describes the same sum.
    @Test func theGapIndexOfASmallExample() throws {
        var input = WhiteSpots.Input(themes: ["a", "b"], kinds: ["p", "t"])
        typealias K = WhiteSpots.CellKey
        // Supply: 4 current offerings → shares a·p .50, a·t .25, b·p .25, b·t 0.
        input.current = [K("a", "p"): 2, K("a", "t"): 1, K("b", "p"): 1]
        input.stale = [K("b", "t"): 3]
        // Survey: 4 points → a·p .25, b·t .75.
        input.surveyPoints = [K("a", "p"): 1, K("b", "t"): 3]
        // Searches: a 100 (20 found nothing) → 120/2 = 60 per kind; b 40 (all nothing) → 80/2 = 40 per kind; total 200.
        input.searches = ["a": 100, "b": 40]
        input.zeroResultSearches = ["a": 20, "b": 40]
        // No guide questions and no feedback: their weights go to survey and searches, .5/.8 and .3/.8.
        let spots = WhiteSpots(input)
        let weights = spots.appliedWeights
        #expect(abs(weights.survey - 0.625) < 1e-12)
        #expect(abs(weights.searches - 0.375) < 1e-12)
        #expect(weights.guide == 0)
        #expect(weights.feedback == 0)
        // a·p: .625·.25 + .375·.30 = .26875 → 26.875 − 50 = −23.125
        #expect(abs(try #require(spots.cell("a", "p")).gap - -23.125) < 1e-9)
        // a·t: .375·.30 = .1125 → 11.25 − 25 = −13.75
        #expect(abs(try #require(spots.cell("a", "t")).gap - -13.75) < 1e-9)
        // b·p: .375·.20 = .075 → 7.5 − 25 = −17.5
        #expect(abs(try #require(spots.cell("b", "p")).gap - -17.5) < 1e-9)
        // b·t: .625·.75 + .375·.20 = .54375 → 54.375 − 0
        #expect(abs(try #require(spots.cell("b", "t")).gap - 54.375) < 1e-9)
        #expect(spots.gaps.map(\.theme) == ["b"])
        #expect(spots.cell("b", "t")?.stale == 3)
        // Demand shares add up to one, as supply shares do.
        #expect(abs(spots.cells.map(\.demandShare).reduce(0, +) - 1) < 1e-12)

        // A handful of searches (14, under the minimum of 50) says more about chance than need: the survey alone counts.
        input.searches = ["a": 10, "b": 4]
        input.zeroResultSearches = ["a": 2, "b": 4]
        let few = WhiteSpots(input)
        #expect(few.appliedWeights.survey == 1 && few.appliedWeights.searches == 0)
        // b·t: all of the survey's .75, none of the supply.
        #expect(abs(try #require(few.cell("b", "t")).gap - 75) < 1e-9)
    }

    @Test func surveyPointsAreNeedOverThreePerTickedKind() {
        let responses = [
            SurveyResultsTests.response("Utrecht", "oov", need: 3),
            SubmittedResponse(municipality: nil, province: "Utrecht", sizeClass: nil, submitted: "",
                              answers: ["m": Answer(matrix: ["polarisatie": .init(need: 1, supports: ["training", "publicatie"], audiences: ["bestuurders"])])]),
        ]
        let points = WhiteSpots.surveyPoints(AnswerReaderTests.matrix, responses)
        let training: Double = points[WhiteSpots.CellKey("polarisatie", "training")] ?? 0
        let publication: Double = points[WhiteSpots.CellKey("polarisatie", "publicatie")] ?? 0
        #expect(abs(training - 4.0 / 3) < 1e-12)
        #expect(abs(publication - 1.0 / 3) < 1e-12)
        let forBestuurders = WhiteSpots.surveyPoints(AnswerReaderTests.matrix, responses, audience: "bestuurders")
        let forThem: Double = forBestuurders[WhiteSpots.CellKey("polarisatie", "training")] ?? 0
        #expect(abs(forThem - 1.0 / 3) < 1e-12)
    }
}
