import Catalogue
import Foundation

/// The exchange format `weerbaar.articles/v1`: articles and magazine editions as one JSON document,
/// and the rules they obey before anything is stored. Every problem is reported at once, in Dutch.
public enum ArticleFile {
    public static let format = "weerbaar.articles/v1"

    struct Document: Codable {
        var format: String
        var writtenAsOf: Day?
        var articles: [Article]
        var editions: [MagazineEdition]
    }

    public struct Rejected: Error, Sendable, CustomStringConvertible {
        public var problems: [String]
        public var description: String { problems.joined(separator: "\n") }
    }

    /// The file read and checked against the vocabularies, the offerings and the CBS list; with
    /// `moving`, every date moved by that many days (the demo, written as of a fixed day).
    public static func read(_ data: Data, taxonomy: Taxonomy, offering: (String) -> Bool, municipalities: MunicipalityList = .cbs,
                            movingDays: Int = 0) -> Result<ArticleCollection, Rejected> {
        let document: Document
        do { document = try JSONDecoder().decode(Document.self, from: data) } catch {
            return .failure(Rejected(problems: ["Het bestand is geen geldig \(format)-document: \(error)"]))
        }
        var problems: [String] = []
        if document.format != format { problems.append("Het formaat is ‘\(document.format)’; verwacht: \(format).") }
        var seen = Set<String>()
        for article in document.articles {
            let name = "Artikel ‘\(article.id)’"
            if !Slug.isKebabCase(article.id) || article.id.count > 80 { problems.append("\(name): het kenmerk moet kleine letters en streepjes zijn (ten hoogste 80).") }
            if !seen.insert(article.id).inserted { problems.append("\(name) staat er twee keer in.") }
            if article.title.trimmingCharacters(in: .whitespaces).isEmpty || article.title.count > 200 { problems.append("\(name): een titel van 1 tot 200 tekens.") }
            if article.lead.isEmpty || article.lead.count > 600 { problems.append("\(name): een inleiding van 1 tot 600 tekens.") }
            if article.body.isEmpty || article.body.count > 40_000 { problems.append("\(name): een tekst van 1 tot 40.000 tekens.") }
            if article.themes.isEmpty { problems.append("\(name): ten minste één thema.") }
            for theme in article.themes where taxonomy.term(.theme, theme) == nil { problems.append("\(name): ‘\(theme)’ is geen thema.") }
            for key in article.offerings where !offering(key) { problems.append("\(name): aanbod ‘\(key)’ bestaat niet.") }
            if let code = article.gemeente, municipalities.municipality(code) == nil { problems.append("\(name): ‘\(code)’ is geen gemeente van de CBS-lijst.") }
            if article.kind == .practice {
                if let practice = article.practice {
                    for (heading, text) in practice.sections where text.trimmingCharacters(in: .whitespaces).isEmpty {
                        problems.append("\(name): ‘\(heading)’ is leeg.")
                    }
                } else {
                    problems.append("\(name): een praktijkvoorbeeld vertelt aanleiding, aanpak, resultaat, lessen en wie betrokken waren.")
                }
                if article.gemeente == nil { problems.append("\(name): een praktijkvoorbeeld noemt zijn gemeente.") }
            } else if article.practice != nil {
                problems.append("\(name): alleen een praktijkvoorbeeld heeft de velden van een praktijkvoorbeeld.")
            }
            for text in [article.title, article.lead] + article.authors where text.contains("<") {
                problems.append("\(name): geen HTML in titel, inleiding of auteurs.")
                break
            }
        }
        var numbers = Set<Int>()
        for edition in document.editions {
            let name = "Editie \(edition.number)"
            if !numbers.insert(edition.number).inserted { problems.append("\(name) staat er twee keer in.") }
            if taxonomy.term(.theme, edition.theme) == nil { problems.append("\(name): ‘\(edition.theme)’ is geen thema.") }
            for id in edition.articles where !seen.contains(id) { problems.append("\(name): artikel ‘\(id)’ staat niet in het bestand.") }
            if let cover = edition.cover, cover.alt.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("\(name): een omslag heeft een alt-tekst.") }
        }
        guard problems.isEmpty else { return .failure(Rejected(problems: problems)) }
        func move(_ day: Day) -> Day { day.adding(days: movingDays) }
        let articles = document.articles.map { article -> Article in
            var moved = article
            moved.published = move(article.published)
            moved.updated = article.updated.map(move)
            moved.reviewBy = article.reviewBy.map(move)
            moved.changeNotes = article.changeNotes.map { Article.ChangeNote(date: move($0.date), note: $0.note) }
            return moved
        }
        let editions = document.editions.map { edition -> MagazineEdition in
            var moved = edition
            moved.date = move(edition.date)
            return moved
        }
        return .success(ArticleCollection(articles: articles, editions: editions))
    }

    /// The collection as a document of the format, for storing and exporting.
    public static func write(_ collection: ArticleCollection) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(Document(format: format, writtenAsOf: nil, articles: collection.articles, editions: collection.editions))
    }
}
