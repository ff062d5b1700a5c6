import Catalogue
import Search

/// A completion offered while typing in a search box.
public struct Suggestion: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// A theme whose name starts with the typed text: leads to the theme's page.
        case theme
        /// The typed text with its last word completed: leads to a search.
        case query
        /// An offering whose title contains the typed text: leads to its page.
        case offering
    }

    public var kind: Kind
    public var text: String
    /// The theme's or the offering's slug; nil for a query.
    public var slug: String?
}

extension LiveCatalogue {
    public static let maxSuggestions = 20

    /// Up to `limit` suggestions for what has been typed so far: matching themes (at most two), then
    /// completed queries (at most four), then offering titles. Fewer than two letters suggest nothing.
    public func suggest(_ typed: String, limit: Int = 8) -> [Suggestion] {
        let current = snapshot
        let normalised = Suggester.normalise(typed)
        guard normalised.count >= 2, limit > 0 else { return [] }
        var suggestions: [Suggestion] = []
        for theme in current.taxonomy.terms(.theme) where suggestions.count < min(2, limit) {
            let label = Suggester.normalise(theme.label)
            if label.hasPrefix(normalised) || label.split(separator: " ").contains(where: { $0.hasPrefix(normalised) }) {
                suggestions.append(Suggestion(kind: .theme, text: theme.label, slug: theme.slug))
            }
        }
        let titleBudget = max(0, limit - suggestions.count)
        let titles = current.suggester.titles(matching: typed, limit: titleBudget)
        let queryBudget = min(4, max(0, limit - suggestions.count - min(titles.count, titleBudget / 2)))
        for word in current.suggester.words(completing: typed, limit: queryBudget) {
            suggestions.append(Suggestion(kind: .query, text: word, slug: nil))
        }
        for match in titles where suggestions.count < limit {
            guard let offering = current.offerings[OfferingDocument.key(from: match.key)] else { continue }
            suggestions.append(Suggestion(kind: .offering, text: offering.title, slug: offering.slug))
        }
        return suggestions
    }
}
