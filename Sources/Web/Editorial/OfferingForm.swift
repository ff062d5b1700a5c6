import Catalogue
import Foundation

/// The values of the offering form exactly as the editor typed them, so a form that fails validation
/// comes back with every character kept. It turns into the exchange format's raw record, which the
/// same `RecordValidator` as the import checks: the portal and a file obey one set of rules.
struct OfferingForm: Sendable, Equatable {
    /// Text fields by their form name.
    var text: [String: String] = [:]
    var themes: [String] = []
    var audiences: [String] = []
    var phases: [String] = []

    /// Form names of the text fields, and the exchange format field each fills (every field but the
    /// vocabularies, which are checkboxes), from `OfferingField.all`.
    static let textFields: [(name: String, field: String)] = OfferingField.all.filter { $0.shape != .vocabulary }.map { ($0.formName, $0.name) }

    /// The form name that shows a validator's field, so its message stands next to the right input.
    static func formName(of field: String) -> String {
        OfferingField.named(field)?.formName ?? OfferingField.all.first { $0.topLevelName == field }?.formName ?? "titel"
    }

    subscript(_ name: String) -> String { text[name] ?? "" }

    /// Reads a posted form. Every value is capped well above the validator's limits, so a huge post
    /// cannot make the page that repeats it huge, yet a too-long value still gets its message.
    init(form: QueryString) {
        for (name, _) in Self.textFields { text[name] = String((form.first(name) ?? "").prefix(25_000)) }
        themes = Array(form.values("themas").prefix(50))
        audiences = Array(form.values("doelgroepen").prefix(50))
        phases = Array(form.values("fases").prefix(50))
    }

    init(record: OfferingRecord) {
        for field in OfferingField.all where field.shape != .vocabulary { text[field.formName] = field.text(record) }
        themes = record.themes
        audiences = record.audiences
        phases = record.phases
    }

    init() {}

    /// The record as the exchange format has it, for the validator. Empty texts are absent; keywords
    /// are separated by commas.
    func raw() -> [String: JSONValue] {
        var raw: [String: JSONValue] = [:]
        for (name, field) in Self.textFields where !field.contains(".") && field != "keywords" {
            let value = self[name]
            if !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { raw[field] = .string(value) }
        }
        raw["keywords"] = .array(self["trefwoorden"].split(separator: ",").map { .string(String($0)) })
        raw["themes"] = .array(themes.map(JSONValue.string))
        raw["audiences"] = .array(audiences.map(JSONValue.string))
        raw["phases"] = .array(phases.map(JSONValue.string))
        // `contact.name`, `evidence.level`: the parts of an object, each its own input.
        var objects: [String: [String: JSONValue]] = [:]
        for field in OfferingField.all where field.name.contains(".") && !self[field.formName].trimmingCharacters(in: .whitespaces).isEmpty {
            objects[field.topLevelName, default: [:]][String(field.name.dropFirst(field.topLevelName.count + 1))] = .string(self[field.formName])
        }
        for (name, object) in objects { raw[name] = .object(object) }
        return raw
    }

    /// Validates against the taxonomy: the clean record, or the Dutch messages by form name.
    func validate(_ taxonomy: Taxonomy) -> Result<OfferingRecord, FormErrors> {
        switch RecordValidator(taxonomy: taxonomy).validate(raw(), at: .file) {
        case .success(let record): return .success(record)
        case .failure(let rejected):
            var errors = FormErrors()
            for problem in rejected.problems {
                errors.add(Self.formName(of: problem.field ?? ""), Self.sentence(problem.message))
            }
            return .failure(errors)
        }
    }

    /// The validator writes for files ("verplicht veld ontbreekt"); a form says it as a sentence.
    static func sentence(_ message: String) -> String {
        // The list of allowed values is for files; the form shows its choices.
        let replaced = String(message[..<(message.range(of: "; toegestaan")?.lowerBound ?? message.endIndex)])
            .replacingOccurrences(of: "verplicht veld ontbreekt", with: "vul dit veld in")
            .replacingOccurrences(of: "verplicht veld is leeg", with: "vul dit veld in")
            .replacingOccurrences(of: "minstens één waarde nodig", with: "kies er minstens één")
        let sentence = replaced.prefix(1).uppercased() + replaced.dropFirst()
        return sentence.hasSuffix(".") ? sentence : sentence + "."
    }
}
