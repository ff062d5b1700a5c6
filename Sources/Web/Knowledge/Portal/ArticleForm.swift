import Catalogue
import Foundation
import Knowledge

/// The article form as typed, and its rules (the same limits `ArticleFile` holds a file to). The
/// publication date and the change notes are not typed: the first publication sets the date, and a
/// major edit of a published article adds a public note of its own.
struct ArticleForm: Sendable, Equatable {
    var id = "", kind = Knowledge.Article.Kind.news.rawValue, title = "", lead = "", body = "", authors = "", offerings = "", gemeente = "", reviewBy = ""
    var themes: [String] = []
    var aanleiding = "", aanpak = "", resultaat = "", lessen = "", betrokken = "", contact = ""
    /// A major edit: readers get a public change note.
    var major = false
    var changeNote = ""

    init() {}

    init(form: QueryString) {
        func text(_ name: String, _ limit: Int = 300) -> String { String((form.first(name) ?? "").prefix(limit)).trimmingCharacters(in: .whitespacesAndNewlines) }
        id = text("kenmerk", 100)
        kind = text("soort", 40)
        title = text("titel", 201)
        lead = text("inleiding", 601)
        body = text("tekst", 40_001)
        authors = text("auteurs", 1_000)
        offerings = text("aanbod", 4_000)
        gemeente = text("gemeente", 10)
        reviewBy = text("herzien-voor", 20)
        themes = Array(form.values("themas").prefix(20))
        aanleiding = text("aanleiding", 4_001)
        aanpak = text("aanpak", 4_001)
        resultaat = text("resultaat", 4_001)
        lessen = text("lessen", 4_001)
        betrokken = text("betrokken", 1_001)
        contact = text("contact", 301)
        major = form.first("belangrijke-wijziging") == "ja"
        changeNote = text("wijzigingsnotitie", 301)
    }

    init(article: Knowledge.Article) {
        id = article.id
        kind = article.kind.rawValue
        title = article.title
        lead = article.lead
        body = article.body
        authors = article.authors.joined(separator: "\n")
        offerings = article.offerings.joined(separator: "\n")
        gemeente = article.gemeente ?? ""
        reviewBy = article.reviewBy?.description ?? ""
        themes = article.themes
        if let practice = article.practice {
            aanleiding = practice.aanleiding
            aanpak = practice.aanpak
            resultaat = practice.resultaat
            lessen = practice.lessen
            betrokken = practice.betrokken
            contact = practice.contact ?? ""
        }
    }

    static let labels: [String: String] = [
        "kenmerk": "Kenmerk", "soort": "Soort", "titel": "Titel", "inleiding": "Inleiding", "tekst": "Tekst", "auteurs": "Auteurs",
        "themas": "Thema’s", "aanbod": "Gerelateerd aanbod", "gemeente": "Gemeente", "herzien-voor": "Herzien vóór", "aanleiding": "Aanleiding",
        "aanpak": "Aanpak", "resultaat": "Resultaat", "lessen": "Lessen", "betrokken": "Wie waren betrokken", "contact": "Contact",
        "wijzigingsnotitie": "Wijzigingsnotitie",
    ]

    static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The article, or the Dutch messages by field name. `existing` is the article as stored (its
    /// publication date and notes carry over); `everPublished` says whether readers have seen it,
    /// which is when a major edit gets a public note.
    func validate(taxonomy: Taxonomy, offering: (String) -> Bool, municipalities: MunicipalityList = .cbs, existing: Knowledge.Article?,
                  everPublished: Bool, today: Day) -> Result<Knowledge.Article, FormErrors> {
        var errors = FormErrors()
        if existing == nil, !Slug.isKebabCase(id) || id.count > 80 {
            errors.add("kenmerk", "Gebruik kleine letters, cijfers en koppeltekens (ten hoogste 80), zoals buurtgesprekken-zwolle.")
        }
        let kind = Knowledge.Article.Kind(rawValue: kind)
        if kind == nil { errors.add("soort", "Kies een soort artikel.") }
        if title.isEmpty { errors.add("titel", "Vul een titel in.") } else if title.count > 200 { errors.add("titel", "Houd de titel onder 200 tekens.") }
        if lead.isEmpty { errors.add("inleiding", "Vul een inleiding in van een paar zinnen.") } else if lead.count > 600 {
            errors.add("inleiding", "Houd de inleiding onder 600 tekens.")
        }
        if body.isEmpty { errors.add("tekst", "Vul de tekst van het artikel in.") } else if body.count > 40_000 {
            errors.add("tekst", "De tekst is langer dan 40.000 tekens.")
        }
        for (name, value) in [("titel", title), ("inleiding", lead), ("auteurs", authors)] where value.contains("<") {
            errors.add(name, "Gebruik hier geen HTML.")
        }
        let terms = Set(taxonomy.terms(.theme).map(\.slug))
        if themes.isEmpty || !themes.allSatisfy(terms.contains) { errors.add("themas", "Kies minstens één thema.") }
        let keys = Self.lines(offerings)
        if let unknown = keys.first(where: { !offering($0) }) {
            errors.add("aanbod", "‘\(unknown)’ staat niet in de catalogus. Schrijf per regel een kenmerk als vng/handreiking-demonstraties.")
        }
        if !gemeente.isEmpty, municipalities.municipality(gemeente) == nil { errors.add("gemeente", "Kies een gemeente uit de lijst.") }
        let review = Day(reviewBy)
        if !reviewBy.isEmpty, review == nil { errors.add("herzien-voor", "Vul een datum in als 2027-11-30, of laat het leeg.") }
        if let review, review <= today { errors.add("herzien-voor", "Deze datum ligt in de toekomst.") }
        var practice: Knowledge.Article.Practice? = nil
        if kind == .practice {
            for (name, value, label) in [("aanleiding", aanleiding, "de aanleiding"), ("aanpak", aanpak, "de aanpak"), ("resultaat", resultaat, "het resultaat"),
                                         ("lessen", lessen, "de lessen"), ("betrokken", betrokken, "wie betrokken waren")] {
                if value.isEmpty { errors.add(name, "Beschrijf \(label).") } else if value.count > (name == "betrokken" ? 1_000 : 4_000) {
                    errors.add(name, "Dit veld is te lang.")
                }
            }
            if gemeente.isEmpty { errors.add("gemeente", "Een praktijkvoorbeeld noemt zijn gemeente.") }
            if contact.count > 300 { errors.add("contact", "Houd het contact onder 300 tekens.") }
            practice = .init(aanleiding: aanleiding, aanpak: aanpak, resultaat: resultaat, lessen: lessen, betrokken: betrokken,
                             contact: contact.isEmpty ? nil : contact)
        }
        if major, everPublished {
            if changeNote.isEmpty { errors.add("wijzigingsnotitie", "Schrijf in één zin wat er veranderde; lezers zien deze notitie.") }
            if changeNote.count > 300 { errors.add("wijzigingsnotitie", "Houd de notitie onder 300 tekens.") }
        }
        guard errors.isEmpty, let kind else { return .failure(errors) }
        var notes = existing?.changeNotes ?? []
        var updated = existing?.updated
        if major, everPublished {
            notes.append(.init(date: today, note: changeNote))
            updated = today
        }
        return .success(Knowledge.Article(id: existing?.id ?? id, kind: kind, title: title, lead: lead, body: body, authors: Self.lines(authors),
                                          themes: themes, offerings: keys, gemeente: gemeente.isEmpty ? nil : gemeente,
                                          published: existing?.published ?? today, updated: updated, changeNotes: notes, reviewBy: review,
                                          practice: practice))
    }
}
