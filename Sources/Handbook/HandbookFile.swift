import Catalogue
import Foundation

/// Reads a handbook file (`weerbaar.handbook/v1`) and checks it against the catalogue: every
/// offering it names exists (and is of the right kind), every phase, topic, theme and audience is
/// known. Problems come back in Dutch, all at once; nothing is half-read.
public enum HandbookFile {
    public static func read(_ data: Data, offerings: [OfferingKey: Offering], taxonomy: Taxonomy) -> Result<Handbook, ImportRejected> {
        let handbook: Handbook
        do {
            handbook = try JSONDecoder().decode(Handbook.self, from: data)
        } catch {
            return .failure(ImportRejected(problems: [ImportProblem(.file, "geen geldig handboekbestand: \(error.localizedDescription)")]))
        }
        var problems: [ImportProblem] = []
        func fail(_ field: String, _ message: String) { problems.append(ImportProblem(.file, field: field, message)) }
        if handbook.format != Handbook.formatName { fail("format", "verwacht '\(Handbook.formatName)'") }
        let phases = Set(taxonomy.terms(.phase).map(\.slug))
        let topics = Set(handbook.topics.map(\.slug))
        for guide in handbook.phases where !phases.contains(guide.phase) { fail("phases", "onbekende fase '\(guide.phase)'") }
        func offering(_ key: String, _ field: String, kind: String? = nil) {
            guard let parsed = OfferingKey(parsing: key), let found = offerings[parsed] else {
                fail(field, "aanbod '\(key)' staat niet in de catalogus")
                return
            }
            if let kind, found.kind != kind { fail(field, "'\(key)' is geen \(kind)") }
        }
        var ids = Set<String>()
        for entry in handbook.entries {
            let field = "entries.\(entry.id)"
            if !ids.insert(entry.id).inserted { fail(field, "kenmerk staat er dubbel in") }
            if !Slug.isKebabCase(entry.id) { fail(field, "kenmerk moet kebab-case zijn") }
            for phase in entry.phases where !phases.contains(phase) { fail(field, "onbekende fase '\(phase)'") }
            if !topics.contains(entry.topic) { fail(field, "onbekend onderwerp '\(entry.topic)'") }
            switch (entry.offering, entry.document) {
            case (let key?, nil): offering(key, field, kind: "publicatie")
            case (nil, .some): break
            default: fail(field, "noem óf een publicatie uit de catalogus óf een document daarbuiten")
            }
            if entry.analysis.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { fail(field, "de analyse ontbreekt") }
            if let level = entry.evidence, taxonomy.term(.evidence, level) == nil { fail(field, "onbekende erkenning '\(level)'") }
        }
        let terms = Set(handbook.glossary.map(\.slug))
        for term in handbook.glossary {
            for related in term.related where !terms.contains(related) { fail("glossary.\(term.slug)", "onbekend verwant begrip '\(related)'") }
        }
        for item in handbook.cases where !phases.contains(item.phase) { fail("cases.\(item.id)", "onbekende fase '\(item.phase)'") }
        for route in handbook.routes {
            let field = "routes.\(route.slug)"
            if taxonomy.term(.theme, route.theme) == nil { fail(field, "onbekend thema '\(route.theme)'") }
            if taxonomy.term(.audience, route.audience) == nil { fail(field, "onbekende doelgroep '\(route.audience)'") }
            if route.steps.isEmpty { fail(field, "een leerroute heeft stappen") }
            for step in route.steps { offering(step.offering, field) }
        }
        for group in handbook.experts {
            if taxonomy.term(.theme, group.theme) == nil { fail("experts.\(group.theme)", "onbekend thema") }
            for contact in group.contacts { offering(contact.offering, "experts.\(group.theme)", kind: "contactpunt") }
        }
        return problems.isEmpty ? .success(handbook) : .failure(ImportRejected(problems: problems))
    }
}

/// How complete the handbook's entries are, for the editors: the share with an analysis, a phase,
/// a date, an author and a review date less than 18 months ahead that has not passed.
public struct HandbookQuality: Sendable, Equatable {
    public var entries: Int
    public var withAnalysis: Int
    public var withPhase: Int
    public var withDate: Int
    public var withAuthor: Int
    public var withCurrentReview: Int

    public init(_ entries: [HandbookEntry], today: Day) {
        self.entries = entries.count
        withAnalysis = entries.filter { !$0.analysis.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }.count
        withPhase = entries.filter { !$0.phases.isEmpty }.count
        withDate = entries.filter { $0.date != nil }.count
        withAuthor = entries.filter { !$0.author.trimmingCharacters(in: .whitespaces).isEmpty }.count
        withCurrentReview = entries.filter { entry in
            guard let review = entry.reviewBy else { return false }
            return review >= today && review.ordinal - today.ordinal <= 548
        }.count
    }

    /// The share as a whole percentage (100 for no entries: nothing is missing).
    public func percent(_ count: Int) -> Int { entries == 0 ? 100 : Int((Double(count) * 100 / Double(entries)).rounded()) }
}
