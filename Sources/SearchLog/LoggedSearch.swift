import Foundation

/// One search as the private search log keeps it: what was asked and how much was found, never who
/// asked. No IP address, user id, cookie or user agent ever reaches this type, and the time is kept
/// only to the hour, so a row cannot be matched to a request in a server log.
public struct LoggedSearch: Sendable, Hashable {
    /// Where the search was made.
    public enum Source: String, Sendable, CaseIterable {
        case catalogue = "aanbod"
        case guide = "vraagwijzer"
        /// `/zoeken`, over offerings and articles.
        case site = "zoeken"
    }

    public var source: Source
    /// The query text, normalised (see `normalise`).
    public var query: String
    /// The selected filters as `name=value` pairs, sorted and joined with `&`: one spelling per selection.
    public var filters: String
    public var results: Int
    /// The themes the search was read as (chosen as a filter, read in the words, or what most of its
    /// results are about): what the white spots count it under. Not part of what identifies a search.
    public var themes: [String]

    public static let maxQueryLength = 200

    public init(source: Source, text: String, filters: [(name: String, value: String)], results: Int, themes: [String] = []) {
        self.source = source
        self.query = Self.normalise(text)
        self.filters = filters.map { "\($0.name)=\($0.value)" }.sorted().joined(separator: "&")
        self.results = results
        self.themes = themes.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
    }

    /// Case and accents folded, whitespace collapsed, at most `maxQueryLength` characters, so that
    /// "Polarisatie " and "polarisatie" count as one query. Words that look like personal data, which
    /// people do paste into search boxes, are replaced: an e-mail address by "[e-mail]", a run of six
    /// or more digits (a phone number, a citizen service number) by "[nummer]". Control characters
    /// (a NUL, which PostgreSQL refuses in text) count as spaces.
    public static func normalise(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(scalar.properties.generalCategory == .control ? " " : scalar)
        }
        let folded = String(scalars).folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        let words = folded.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).map { word -> String in
            if word.contains("@") { return "[e-mail]" }
            if word.count(where: \.isNumber) >= 6 { return "[nummer]" }
            return String(word)
        }
        return String(words.joined(separator: " ").prefix(maxQueryLength))
    }

    /// The start of the UTC hour a moment falls in, as stored: "2026-11-27T14:00Z".
    public static func hour(of date: Date) -> String {
        let start = Date(timeIntervalSince1970: (date.timeIntervalSince1970 / 3600).rounded(.down) * 3600)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour], from: start)
        return String(format: "%04d-%02d-%02dT%02d:00Z", c.year!, c.month!, c.day!, c.hour!)
    }
}
