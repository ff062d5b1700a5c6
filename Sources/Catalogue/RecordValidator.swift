import Foundation

/// Checks one raw record of an import file against the exchange format and the current taxonomy, and
/// either returns the clean `OfferingRecord` or every problem found. JSON and CSV records both arrive
/// here as a `[String: JSONValue]`, so both formats obey exactly the same rules.
public struct RecordValidator: Sendable {
    public static let maxTitle = 200
    public static let maxSummary = 300
    public static let maxDescription = 20_000
    public static let maxKeywords = 30
    public static let maxKeyword = 60
    public static let maxShortText = 200
    public static let maxURL = 2_000

    public let taxonomy: Taxonomy

    public init(taxonomy: Taxonomy) { self.taxonomy = taxonomy }

    public func validate(_ raw: [String: JSONValue], at location: ImportProblem.Location)
        -> Result<OfferingRecord, ImportRejected>
    {
        var reader = FieldReader(raw: raw, location: location)

        for name in raw.keys.sorted() where !OfferingRecord.fieldNames.contains(name) {
            reader.fail(name, "onbekend veld; toegestaan zijn: \(OfferingRecord.fieldNames.joined(separator: ", "))")
        }

        let id = reader.text("id", required: true, max: 100)
        if let id, !id.isEmpty, !Slug.isKebabCase(id) {
            reader.fail("id", "moet kebab-case zijn: kleine letters, cijfers en koppeltekens, zoals 'handreiking-demonstraties'")
        }
        let provider = reader.text("provider", required: true, max: 100)
        if let provider, taxonomy.provider(provider) == nil {
            reader.fail("provider", "onbekende aanbieder '\(provider)'; toegestaan: \(taxonomy.providers.map(\.slug).sorted().joined(separator: ", "))")
        }
        let title = reader.text("title", required: true, max: Self.maxTitle, singleLine: true)
        let summary = reader.text("summary", required: true, max: Self.maxSummary)
        let description = reader.text("description", max: Self.maxDescription, multiLine: true) ?? ""
        let kind = reader.slug("kind", in: taxonomy.terms(.kind), required: true)
        let form = reader.slug("form", in: taxonomy.terms(.form), required: true)
        if let kind, let form, let term = taxonomy.term(.form, form), term.parent != kind {
            reader.fail("form", "vorm '\(form)' hoort niet bij soort '\(kind)'; bij '\(kind)' horen: \(taxonomy.forms(of: kind).map(\.slug).joined(separator: ", "))")
        }
        let themes = reader.slugs("themes", in: taxonomy.terms(.theme), atLeastOne: true)
        let audiences = reader.slugs("audiences", in: taxonomy.terms(.audience), atLeastOne: false)
        let keywords = reader.keywords("keywords")
        let cost = reader.slug("cost", in: taxonomy.terms(.cost), required: false)
        let delivery = reader.slug("delivery", in: taxonomy.terms(.delivery), required: false)
        let duration = reader.text("duration", max: Self.maxShortText, singleLine: true)
        let level = reader.slug("level", in: taxonomy.terms(.level), required: false)
        let phases = reader.slugs("phases", in: taxonomy.terms(.phase), atLeastOne: false)
        let price = reader.price("price")
        let schedule = reader.text("schedule", max: Self.maxShortText, singleLine: true)
        let language = reader.text("language", max: 60, singleLine: true)
        let accreditation = reader.text("accreditation", max: Self.maxShortText, singleLine: true)
        let evidence = reader.evidence("evidence", levels: taxonomy.terms(.evidence))
        let url = reader.url("url")
        let contact = reader.contact("contact")
        let published = reader.day("published")
        let reviewBy = reader.day("reviewBy")

        guard reader.problems.isEmpty, let id, let provider, let title, let summary, let kind, let form else {
            return .failure(ImportRejected(problems: reader.problems))
        }
        return .success(
            OfferingRecord(
                id: id, provider: provider, title: title, summary: summary, description: description,
                kind: kind, form: form, themes: themes, audiences: audiences, keywords: keywords, cost: cost,
                delivery: delivery, duration: duration, level: level, phases: phases, price: price, schedule: schedule,
                language: language, accreditation: accreditation, evidence: evidence, url: url, contact: contact,
                published: published, reviewBy: reviewBy))
    }
}

/// Reads typed fields from a raw record and collects what is wrong with them.
private struct FieldReader {
    let raw: [String: JSONValue]
    let location: ImportProblem.Location
    var problems: [ImportProblem] = []

    mutating func fail(_ field: String, _ message: String) {
        problems.append(ImportProblem(location, field: field, message))
    }

    /// A trimmed text; empty counts as absent. Control characters are refused because they are never
    /// intended and can break CSV, e-mail headers or terminals downstream.
    mutating func text(
        _ field: String, required: Bool = false, max: Int, singleLine: Bool = false, multiLine: Bool = false
    ) -> String? {
        switch raw[field] {
        case nil, .null?:
            if required { fail(field, "verplicht veld ontbreekt") }
            return nil
        case .string(let value)?:
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
                .replacingOccurrences(of: "\r\n", with: "\n")
            if trimmed.isEmpty {
                if required { fail(field, "verplicht veld is leeg") }
                return nil
            }
            if trimmed.count > max {
                fail(field, "te lang: \(trimmed.count) tekens, maximaal \(max)")
                return nil
            }
            let allowedControls: Set<Unicode.Scalar> = multiLine ? ["\n", "\t"] : (singleLine ? [] : ["\n"])
            if trimmed.unicodeScalars.contains(where: { isControl($0) && !allowedControls.contains($0) }) {
                fail(field, singleLine ? "mag geen regeleinden of stuurtekens bevatten" : "bevat ongeldige stuurtekens")
                return nil
            }
            return trimmed
        case let other?:
            fail(field, "verwacht tekst, gevonden \(other.typeName)")
            return nil
        }
    }

    mutating func slug(_ field: String, in terms: [Term], required: Bool) -> String? {
        guard let value = text(field, required: required, max: 100, singleLine: true) else { return nil }
        guard terms.contains(where: { $0.slug == value }) else {
            fail(field, "onbekende waarde '\(value)'; toegestaan: \(terms.map(\.slug).joined(separator: ", "))")
            return nil
        }
        return value
    }

    mutating func list(_ field: String) -> [String]? {
        switch raw[field] {
        case nil, .null?: return []
        case .array(let items)?:
            var values: [String] = []
            for (index, item) in items.enumerated() {
                guard case .string(let value) = item else {
                    fail(field, "element \(index + 1): verwacht tekst, gevonden \(item.typeName)")
                    return nil
                }
                let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
                if !trimmed.isEmpty { values.append(trimmed) }
            }
            return values
        case let other?:
            fail(field, "verwacht een lijst, gevonden \(other.typeName)")
            return nil
        }
    }

    mutating func slugs(_ field: String, in terms: [Term], atLeastOne: Bool) -> [String] {
        guard let values = list(field) else { return [] }
        if atLeastOne && values.isEmpty {
            fail(field, "minstens één waarde nodig; toegestaan: \(terms.map(\.slug).joined(separator: ", "))")
        }
        var seen = Set<String>()
        for value in values {
            if !terms.contains(where: { $0.slug == value }) {
                fail(field, "onbekende waarde '\(value)'; toegestaan: \(terms.map(\.slug).joined(separator: ", "))")
            } else if !seen.insert(value).inserted {
                fail(field, "waarde '\(value)' staat er dubbel in")
            }
        }
        return values
    }

    mutating func keywords(_ field: String) -> [String] {
        guard let values = list(field) else { return [] }
        if values.count > RecordValidator.maxKeywords {
            fail(field, "te veel trefwoorden: \(values.count), maximaal \(RecordValidator.maxKeywords)")
        }
        for value in values {
            if value.count > RecordValidator.maxKeyword {
                fail(field, "trefwoord '\(value.prefix(20))…' is te lang: maximaal \(RecordValidator.maxKeyword) tekens")
            } else if value.contains(";") || value.unicodeScalars.contains(where: isControl) {
                fail(field, "trefwoord '\(value)' mag geen puntkomma of regeleinde bevatten")
            }
        }
        return values
    }

    mutating func url(_ field: String) -> String? {
        guard let value = text(field, max: RecordValidator.maxURL, singleLine: true) else { return nil }
        guard let url = URL(string: value), let scheme = url.scheme?.lowercased(),
            scheme == "https" || scheme == "http", let host = url.host, !host.isEmpty
        else {
            fail(field, "geen geldige webadres; begin met https://")
            return nil
        }
        return value
    }

    mutating func contact(_ field: String) -> Contact? {
        switch raw[field] {
        case nil, .null?: return nil
        case .object(let object)?:
            for key in object.keys.sorted() where !["name", "email", "phone"].contains(key) {
                fail("\(field).\(key)", "onbekend veld; toegestaan zijn: name, email, phone")
            }
            var inner = FieldReader(raw: object, location: location)
            let name = inner.text("name", max: RecordValidator.maxShortText, singleLine: true)
            let email = inner.text("email", max: 254, singleLine: true)
            let phone = inner.text("phone", max: 40, singleLine: true)
            problems += inner.problems.map { ImportProblem($0.location, field: "\(field).\($0.field ?? "")", $0.message) }
            if let email, !EmailAddress.isPlausible(email) {
                fail("\(field).email", "geen geldig e-mailadres: '\(email)'")
            }
            if let phone, !phone.allSatisfy({ $0.isASCII && ($0.isNumber || " +-()".contains($0)) }) {
                fail("\(field).phone", "telefoonnummer mag alleen cijfers, spaties, +, - en haakjes bevatten")
            }
            let contact = Contact(name: name, email: email, phone: phone)
            return contact.isEmpty ? nil : contact
        case let other?:
            fail(field, "verwacht een object met name, email en phone, gevonden \(other.typeName)")
            return nil
        }
    }

    /// Euros: digits, optionally a decimal point or comma and one or two digits ("395", "87.50",
    /// "87,50"); stored with a point. A number in a JSON file is read the same way.
    mutating func price(_ field: String) -> String? {
        var typed: String?
        if case .number(let number)? = raw[field] {
            typed = number == number.rounded() ? String(Int(number)) : String(format: "%.2f", number)
        } else {
            typed = text(field, max: 20, singleLine: true)
        }
        guard var value = typed?.replacingOccurrences(of: ",", with: ".") else { return nil }
        if value.hasPrefix("€") { value = String(value.dropFirst()).trimmingCharacters(in: .whitespaces) }
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), (1...6).contains(parts[0].count), parts[0].allSatisfy({ $0.isASCII && $0.isNumber }),
              parts.count == 1 || ((1...2).contains(parts[1].count) && parts[1].allSatisfy({ $0.isASCII && $0.isNumber }))
        else {
            fail(field, "geen bedrag in euro's: '\(value)'; schrijf alleen het getal, zoals 395 of 87.50")
            return nil
        }
        return value
    }

    mutating func evidence(_ field: String, levels: [Term]) -> Evidence? {
        switch raw[field] {
        case nil, .null?: return nil
        case .object(let object)?:
            for key in object.keys.sorted() where !["level", "date", "by"].contains(key) {
                fail("\(field).\(key)", "onbekend veld; toegestaan zijn: level, date, by")
            }
            var inner = FieldReader(raw: object, location: location)
            let level = inner.slug("level", in: levels, required: true)
            let date = inner.day("date")
            let by = inner.text("by", max: RecordValidator.maxShortText, singleLine: true)
            problems += inner.problems.map { ImportProblem($0.location, field: "\(field).\($0.field ?? "")", $0.message) }
            guard let level else { return nil }
            return Evidence(level: level, date: date, by: by)
        case let other?:
            fail(field, "verwacht een object met level, date en by, gevonden \(other.typeName)")
            return nil
        }
    }

    mutating func day(_ field: String) -> Day? {
        guard let value = text(field, max: 100, singleLine: true) else { return nil }
        guard let day = Day(value) else {
            fail(field, "geen geldige datum '\(value)'; schrijf JJJJ-MM-DD, bijvoorbeeld 2025-03-14")
            return nil
        }
        return day
    }
}

private func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.generalCategory == .control
}
