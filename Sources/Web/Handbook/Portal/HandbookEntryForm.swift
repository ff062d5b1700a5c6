import Catalogue
import Foundation
import Handbook

/// The entry form as typed, and its rules. A partner editor writes only about their own provider's
/// publications; the redactie also about documents outside the catalogue.
struct HandbookEntryForm: Sendable, Equatable {
    var id = "", offering = "", documentTitle = "", organisation = "", year = "", type = "", pages = ""
    var phases: [String] = []
    var topic = "", analysis = "", author = "", date = "", reviewBy = "", evidence = ""

    init() {}

    init(form: QueryString) {
        func text(_ name: String, _ limit: Int = 300) -> String { String((form.first(name) ?? "").prefix(limit)).trimmingCharacters(in: .whitespacesAndNewlines) }
        id = text("kenmerk", 100)
        offering = text("publicatie", 210)
        documentTitle = text("document-titel")
        organisation = text("document-organisatie")
        year = text("document-jaar", 10)
        type = text("document-soort", 60)
        pages = text("document-paginas", 10)
        phases = Array(form.values("fases").prefix(10))
        topic = text("onderwerp", 100)
        analysis = text("analyse", 3000)
        author = text("auteur", 200)
        date = text("datum", 20)
        reviewBy = text("herzien-voor", 20)
        evidence = text("erkenning", 100)
    }

    init(entry: HandbookEntry) {
        id = entry.id
        offering = entry.offering ?? ""
        documentTitle = entry.document?.title ?? ""
        organisation = entry.document?.organisation ?? ""
        year = entry.document.map { String($0.year) } ?? ""
        type = entry.document?.type ?? ""
        pages = entry.document?.pages.map(String.init) ?? ""
        phases = entry.phases
        topic = entry.topic
        analysis = entry.analysis
        author = entry.author
        date = entry.date?.description ?? ""
        reviewBy = entry.reviewBy?.description ?? ""
        evidence = entry.evidence ?? ""
    }

    /// The entry, or the Dutch messages by field name. `provider`: a partner editor's own provider.
    func validate(topics: [Topic], offerings: (OfferingKey) -> Offering?, taxonomy: Taxonomy, provider: String?) -> Result<HandbookEntry, FormErrors> {
        var errors = FormErrors()
        if !Slug.isKebabCase(id) || id.count > 100 { errors.add("kenmerk", "Gebruik kleine letters, cijfers en koppeltekens, zoals analyse-handreiking-demonstraties.") }
        let phaseTerms = Set(taxonomy.terms(.phase).map(\.slug))
        if phases.isEmpty || !phases.allSatisfy(phaseTerms.contains) { errors.add("fases", "Kies minstens één fase.") }
        if !topics.contains(where: { $0.slug == topic }) { errors.add("onderwerp", "Kies een onderwerp.") }
        if analysis.count < 40 { errors.add("analyse", "Schrijf een analyse van twee tot vier zinnen: wat het biedt, voor wie, en een kanttekening.") }
        if analysis.count > 1_500 { errors.add("analyse", "Houd de analyse kort: hoogstens 1.500 tekens.") }
        if author.isEmpty { errors.add("auteur", "Vul de auteur van de analyse in.") }
        let day = Day(date), review = Day(reviewBy)
        if day == nil { errors.add("datum", "Vul een datum in als 2026-11-29.") }
        if review == nil { errors.add("herzien-voor", "Vul een datum in als 2027-11-29.") }
        if let day, let review, review <= day { errors.add("herzien-voor", "Deze datum ligt na de datum van schrijven.") }
        if !evidence.isEmpty && taxonomy.term(.evidence, evidence) == nil { errors.add("erkenning", "Kies een erkenning uit de lijst.") }

        var key: String? = nil
        var document: OutsideDocument? = nil
        if !offering.isEmpty {
            if let parsed = OfferingKey(parsing: offering), let found = offerings(parsed), found.kind == "publicatie" {
                if let provider, found.provider != provider {
                    errors.add("publicatie", "U schrijft alleen over publicaties van uw eigen organisatie.")
                }
                key = offering
            } else {
                errors.add("publicatie", "Kies een publicatie uit de catalogus.")
            }
        } else if provider != nil {
            errors.add("publicatie", "Kies een publicatie van uw organisatie.")
        } else {
            if documentTitle.isEmpty { errors.add("document-titel", "Kies een publicatie uit de catalogus, of vul de titel van het document in.") }
            if organisation.isEmpty { errors.add("document-organisatie", "Vul de organisatie in die het document uitgaf.") }
            let yearNumber = Int(year)
            if yearNumber == nil || !(1900...2100).contains(yearNumber!) { errors.add("document-jaar", "Vul een jaartal in, zoals 2024.") }
            if type.isEmpty { errors.add("document-soort", "Vul de soort document in, zoals handreiking of rapport.") }
            if !pages.isEmpty && Int(pages) == nil { errors.add("document-paginas", "Vul een aantal pagina’s in, of laat het leeg.") }
            if let yearNumber, errors["document-titel"] == nil, errors["document-organisatie"] == nil {
                document = OutsideDocument(title: documentTitle, organisation: organisation, year: yearNumber, type: type, pages: Int(pages))
            }
        }
        guard errors.isEmpty, let day, let review else { return .failure(errors) }
        return .success(HandbookEntry(id: id, phases: phases, topic: topic, offering: key, document: document, analysis: analysis,
                                      author: author, date: day, reviewBy: review, evidence: evidence.isEmpty ? nil : evidence))
    }
}
