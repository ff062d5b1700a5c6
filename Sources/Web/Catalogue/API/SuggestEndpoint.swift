import CatalogueService
import HTTPTypes
import Search

/// `GET /api/v1/suggest?q=…&limit=…`: completions for a search box while the user types. The search
/// boxes' script uses it; without JavaScript nothing depends on it.
enum SuggestEndpoint {
    static let defaultLimit = 8

    struct Document: Encodable {
        var query: String
        var suggestions: [Item]
    }

    struct Item: Encodable {
        /// `theme`, `query` or `offering`.
        var kind: String
        var text: String
        /// Where choosing it leads: the theme's page, the search, or the offering's page.
        var url: String
    }

    static func suggest(rawQuery: String?, catalogue: LiveCatalogue) throws(ProblemError) -> Document {
        let raw = QueryString(raw: rawQuery)
        var problems: [ProblemError.InvalidParameter] = []
        if raw.hadUndecodableParts { problems.append(.init(name: "q", reason: "niet te decoderen (ongeldige procentcodering of UTF-8)")) }
        let text = raw.pairs.last { $0.0 == "q" }?.1
        if text == nil { problems.append(.init(name: "q", reason: "ontbreekt: geef de getypte tekst mee")) }
        if let text, text.count > Suggester.maxQueryLength {
            problems.append(.init(name: "q", reason: "langer dan \(Suggester.maxQueryLength) tekens"))
        }
        var limit = defaultLimit
        if let value = raw.pairs.last(where: { $0.0 == "limit" })?.1 {
            if let parsed = Int(value), (1...LiveCatalogue.maxSuggestions).contains(parsed) {
                limit = parsed
            } else {
                problems.append(.init(name: "limit", reason: "een geheel getal van 1 tot en met \(LiveCatalogue.maxSuggestions)"))
            }
        }
        guard problems.isEmpty, let text else {
            throw ProblemError(status: .badRequest, title: "Ongeldige parameters",
                               detail: problems.map { "\($0.name): \($0.reason)." }.joined(separator: " "), invalidParams: problems)
        }
        let items = catalogue.suggest(text, limit: limit).map { suggestion -> Item in
            switch suggestion.kind {
            case .theme: Item(kind: "theme", text: suggestion.text, url: CataloguePaths.theme(suggestion.slug ?? ""))
            case .query: Item(kind: "query", text: suggestion.text, url: CataloguePaths.finder(query: QueryString.encode([("q", suggestion.text)])))
            case .offering: Item(kind: "offering", text: suggestion.text, url: CataloguePaths.offering(suggestion.slug ?? ""))
            }
        }
        return Document(query: text, suggestions: items)
    }
}
