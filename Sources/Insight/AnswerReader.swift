import Catalogue
import Foundation

/// Reads the answer to one question from a submitted form (name → values), with the rules a
/// respondent meets: a required question answered, choices from the question's options, a scale
/// from 1 to 5, a ranking with each place used once, a matrix row with a need level before its
/// details. Field names are `AnswerReader.name(…)`, so the page that asks and the reader agree.
public enum AnswerReader {
    public struct Problem: Error, Sendable, Equatable {
        /// The field the message belongs to (the error summary links to it).
        public var field: String
        public var message: String

        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }
    }

    public struct Problems: Error, Sendable, Equatable {
        public var all: [Problem]
    }

    static func fail(_ problems: [Problem]) -> Result<Answer?, Problems> { .failure(Problems(all: problems)) }

    public static let maxTextLength = 4_000

    public static func name(_ question: Question) -> String { "v-\(question.id)" }
    public static func name(_ question: Question, rank option: Option) -> String { "v-\(question.id)-\(option.slug)" }
    public static func name(_ question: Question, row: Option, _ part: MatrixPart) -> String { "v-\(question.id)-\(row.slug)-\(part.rawValue)" }

    public enum MatrixPart: String, Sendable { case need = "behoefte", supports = "vorm", audiences = "doelgroep" }

    /// The answer, nil for a question left empty, or the problems with what was sent.
    public static func read(_ question: Question, from fields: [String: [String]]) -> Result<Answer?, Problems> {
        let field = name(question)
        func values(_ name: String) -> [String] {
            (fields[name] ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        }
        func missing() -> Result<Answer?, Problems> {
            question.required ? fail([Problem(field: field, message: "Beantwoord deze vraag.")]) : .success(nil)
        }
        let known = Set(question.options.map(\.slug))
        switch question.kind {
        case .single:
            let chosen = values(field)
            guard let value = chosen.first else { return missing() }
            guard chosen.count == 1, known.contains(value) else { return fail([Problem(field: field, message: "Kies één van de antwoorden.")]) }
            return .success(Answer(values: [value]))
        case .multiple:
            let chosen = values(field).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            guard !chosen.isEmpty else { return missing() }
            guard chosen.allSatisfy(known.contains) else { return fail([Problem(field: field, message: "Kies uit de antwoorden die er staan.")]) }
            return .success(Answer(values: question.options.map(\.slug).filter(chosen.contains)))
        case .scale:
            guard let raw = values(field).first else { return missing() }
            guard let number = Int(raw), (1...5).contains(number) else {
                return fail([Problem(field: field, message: "Kies een waarde van 1 tot en met 5.")])
            }
            return .success(Answer(number: number))
        case .text:
            let text = (fields[field]?.first ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { return missing() }
            guard text.count <= maxTextLength else {
                return fail([Problem(field: field, message: "Uw antwoord is te lang: ten hoogste \(maxTextLength) tekens.")])
            }
            return .success(Answer(text: text))
        case .ranking:
            var placed: [(rank: Int, slug: String)] = []
            for option in question.options {
                guard let raw = values(name(question, rank: option)).first else { continue }
                guard let rank = Int(raw), (1...question.options.count).contains(rank) else {
                    return fail([Problem(field: name(question, rank: question.options[0]), message: "Kies voor ‘\(option.label)’ een plaats uit de lijst.")])
                }
                placed.append((rank, option.slug))
            }
            guard !placed.isEmpty else {
                return question.required
                    ? fail([Problem(field: name(question, rank: question.options[0]), message: "Zet ten minste uw eerste keus op plaats 1.")])
                    : .success(nil)
            }
            let ranks = placed.map(\.rank).sorted()
            guard ranks == Array(1...placed.count) else {
                return fail([Problem(field: name(question, rank: question.options[0]),
                                         message: "Geef elke plaats één keer, vanaf 1 zonder gaten (1, 2, 3 …).")])
            }
            return .success(Answer(values: placed.sorted { $0.rank < $1.rank }.map(\.slug)))
        case .needsMatrix:
            var rows: [String: Answer.MatrixRow] = [:]
            var problems: [Problem] = []
            let supports = Set(question.supports.map(\.slug)), audiences = Set(question.audiences.map(\.slug))
            for row in question.options {
                let needField = name(question, row: row, .need)
                let chosenSupports = values(name(question, row: row, .supports))
                let chosenAudiences = values(name(question, row: row, .audiences))
                guard let raw = values(needField).first else {
                    if !chosenSupports.isEmpty || !chosenAudiences.isEmpty {
                        problems.append(Problem(field: needField, message: "Kies bij ‘\(row.label)’ eerst hoeveel behoefte er is."))
                    } else if question.required {
                        problems.append(Problem(field: needField, message: "Kies bij ‘\(row.label)’ hoeveel behoefte er is."))
                    }
                    continue
                }
                guard let need = Int(raw), NeedLevel(rawValue: need) != nil else {
                    problems.append(Problem(field: needField, message: "Kies bij ‘\(row.label)’ een van de niveaus van behoefte."))
                    continue
                }
                guard chosenSupports.allSatisfy(supports.contains), chosenAudiences.allSatisfy(audiences.contains) else {
                    problems.append(Problem(field: needField, message: "Kies bij ‘\(row.label)’ uit de vormen en doelgroepen die er staan."))
                    continue
                }
                // "No need" asks for no details: what was ticked with it is dropped, not an error.
                rows[row.slug] = need == 0
                    ? Answer.MatrixRow(need: 0)
                    : Answer.MatrixRow(need: need, supports: question.supports.map(\.slug).filter(chosenSupports.contains),
                                       audiences: question.audiences.map(\.slug).filter(chosenAudiences.contains))
            }
            guard problems.isEmpty else { return fail(problems) }
            return rows.isEmpty ? .success(nil) : .success(Answer(matrix: rows))
        }
    }

    /// The required questions still without an answer among those the answers so far make visible
    /// (an answer to a question a condition now hides does not count, and is not asked for).
    public static func unanswered(_ survey: Survey, _ answers: [String: Answer]) -> [Question] {
        survey.visibleQuestions(answers).filter { $0.required && (answers[$0.id]?.isEmpty ?? true) }
    }
}
