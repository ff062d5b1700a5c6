import Catalogue
import Foundation

/// One wave of the needs survey among gemeenten (behoeftepeiling): its details and its questions.
/// A survey is built as a concept; once opened its questions are frozen, and a later wave starts as a
/// copy (`nextWave`), so the results of every wave keep the questions they were answered on.
public struct Survey: Sendable, Hashable, Codable {
    public var id: UUID
    public var title: String
    public var year: Int
    public var opens: Day
    public var closes: Day
    public var intro: String
    /// Anonymous: a submitted response keeps no link to the gemeente or the invitees, only the
    /// province and size class the results are filtered by; the gemeente keeps "has responded".
    public var anonymous: Bool
    public var status: SurveyStatus
    public var resultsPublished: Bool
    public var questions: [Question]
    /// The wave this one was copied from: its results are the trend's baseline.
    public var previousWave: UUID?

    public init(id: UUID = UUID(), title: String, year: Int, opens: Day, closes: Day, intro: String = "", anonymous: Bool = false,
                status: SurveyStatus = .concept, resultsPublished: Bool = false, questions: [Question] = [], previousWave: UUID? = nil) {
        self.id = id
        self.title = title
        self.year = year
        self.opens = opens
        self.closes = closes
        self.intro = intro
        self.anonymous = anonymous
        self.status = status
        self.resultsPublished = resultsPublished
        self.questions = questions
        self.previousWave = previousWave
    }

    /// Questions change only while the survey is a concept.
    public var questionsFrozen: Bool { status != .concept }

    /// Gemeenten can answer: opened by the editors and within its dates.
    public func acceptsAnswers(on day: Day) -> Bool { status == .open && opens <= day && day <= closes }

    public func question(_ id: String) -> Question? { questions.first { $0.id == id } }

    /// The questions a respondent sees given the answers so far: a conditional question only when the
    /// earlier answer it depends on is one of its values.
    public func visibleQuestions(_ answers: [String: Answer]) -> [Question] {
        questions.filter { question in
            guard let condition = question.condition else { return true }
            guard let answer = answers[condition.question] else { return false }
            return !Set(answer.conditionValues).isDisjoint(with: condition.values)
        }
    }

    /// The needs matrix of the survey, if it has one (the white spots read it).
    public var needsMatrix: Question? { questions.first { $0.kind == .needsMatrix } }

    /// A new concept wave with the same questions, a year on.
    public func nextWave(id: UUID = UUID()) -> Survey {
        Survey(id: id, title: title, year: year + 1, opens: opens.adding(months: 12), closes: closes.adding(months: 12), intro: intro,
               anonymous: anonymous, questions: questions, previousWave: self.id)
    }
}

public enum SurveyStatus: String, Sendable, Codable, CaseIterable {
    case concept
    case open
    case closed = "gesloten"

    public var label: String {
        switch self {
        case .concept: "Concept"
        case .open: "Open"
        case .closed: "Gesloten"
        }
    }
}

/// One question. Options are (slug, label) pairs; a needs matrix has the themes as its rows, the
/// kinds of support and the audiences as what each row asks.
public struct Question: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case single = "enkele-keuze"
        case multiple = "meerkeuze"
        case scale = "schaal"
        case text = "open"
        case ranking = "rangorde"
        case needsMatrix = "behoeftematrix"

        public var label: String {
            switch self {
            case .single: "Eén antwoord kiezen"
            case .multiple: "Meer antwoorden kiezen"
            case .scale: "Schaal van 1 tot 5"
            case .text: "Open vraag"
            case .ranking: "Rangorde"
            case .needsMatrix: "Behoeftematrix (thema’s × vorm van steun × doelgroep)"
            }
        }
    }

    public var id: String
    public var kind: Kind
    public var text: String
    public var hint: String
    public var required: Bool
    public var options: [Option]
    /// For a needs matrix: the kinds of support and the audiences each theme asks about.
    public var supports: [Option]
    public var audiences: [Option]
    /// For a scale: what 1 and 5 mean.
    public var scaleLabels: [String]
    public var condition: Condition?

    public init(id: String, kind: Kind, text: String, hint: String = "", required: Bool = false, options: [Option] = [],
                supports: [Option] = [], audiences: [Option] = [], scaleLabels: [String] = [], condition: Condition? = nil) {
        self.id = id
        self.kind = kind
        self.text = text
        self.hint = hint
        self.required = required
        self.options = options
        self.supports = supports
        self.audiences = audiences
        self.scaleLabels = scaleLabels
        self.condition = condition
    }

    public func option(_ slug: String) -> Option? { options.first { $0.slug == slug } }
}

public struct Option: Sendable, Hashable, Codable {
    public var slug: String
    public var label: String
    public init(slug: String, label: String) {
        self.slug = slug
        self.label = label
    }
}

/// Show a question only when the answer to an earlier one is one of `values`.
public struct Condition: Sendable, Hashable, Codable {
    public var question: String
    public var values: [String]
    public init(question: String, values: [String]) {
        self.question = question
        self.values = values
    }
}

/// The levels of need a matrix row asks for.
public enum NeedLevel: Int, Sendable, CaseIterable, Codable {
    case none = 0, some, much, great

    public var label: String {
        switch self {
        case .none: "Geen behoefte"
        case .some: "Enige behoefte"
        case .much: "Veel behoefte"
        case .great: "Grote behoefte"
        }
    }
}

/// One answer, whatever the kind of question: choices (single, multiple, or a ranking in order), a
/// number (a scale), a text, or a matrix of rows.
public struct Answer: Sendable, Hashable, Codable {
    public var values: [String]
    public var number: Int?
    public var text: String?
    public var matrix: [String: MatrixRow]?

    public init(values: [String] = [], number: Int? = nil, text: String? = nil, matrix: [String: MatrixRow]? = nil) {
        self.values = values
        self.number = number
        self.text = text
        self.matrix = matrix
    }

    public struct MatrixRow: Sendable, Hashable, Codable {
        public var need: Int
        public var supports: [String]
        public var audiences: [String]
        public init(need: Int, supports: [String] = [], audiences: [String] = []) {
            self.need = need
            self.supports = supports
            self.audiences = audiences
        }
    }

    /// What a condition compares with: the choices, or a scale's number as text.
    var conditionValues: [String] { values + (number.map { [String($0)] } ?? []) }

    public var isEmpty: Bool { values.isEmpty && number == nil && (text ?? "").isEmpty && (matrix ?? [:]).isEmpty }
}
