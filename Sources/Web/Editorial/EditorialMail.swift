import Catalogue

/// The notices of the editorial steps: something to review, published, sent back.
enum EditorialMail {
    static func toReview(_ record: OfferingRecord, count: Int, editorName: String, by author: String, link: String) -> (subject: String, text: String) {
        let what = count == 1 ? "‘\(record.title)’" : "een upload met \(count) wijzigingen in het aanbod"
        return (count == 1 ? "Ter beoordeling: \(record.title)" : "Ter beoordeling: upload met \(count) wijzigingen", """
            Beste \(editorName),

            \(author) heeft \(what) ingediend ter beoordeling. U vindt het in de lijst:

            \(link)
            """)
    }

    static func published(title: String, authorName: String, by editor: String, link: String) -> (subject: String, text: String) {
        ("Gepubliceerd: \(title)", """
            Beste \(authorName),

            \(editor) heeft ‘\(title)’ gepubliceerd. Het staat nu op Weerbaar:

            \(link)
            """)
    }

    static func sentBack(title: String, authorName: String, by editor: String, comment: String, link: String) -> (subject: String, text: String) {
        ("Teruggestuurd: \(title)", """
            Beste \(authorName),

            \(editor) van de redactie heeft ‘\(title)’ teruggestuurd met deze opmerking:

            \(comment)

            Pas het aan en dien het opnieuw in:

            \(link)
            """)
    }
}
