import Foundation

/// Searches counted per hour, query and filters: what the recorder hands to the store.
public struct SearchTally: Sendable, Equatable {
    /// How many times the search was made in the hour.
    public var searches: Int
    /// The number of results the last of them found.
    public var results: Int
    /// The themes the search was read as (the last reading counts).
    public var themes: [String]

    public init(searches: Int, results: Int, themes: [String] = []) {
        self.searches = searches
        self.results = results
        self.themes = themes
    }
}

/// The key a tally is counted under.
public struct SearchLogKey: Sendable, Hashable {
    public var hour: String
    public var source: LoggedSearch.Source
    public var query: String
    public var filters: String

    public init(hour: String, source: LoggedSearch.Source, query: String, filters: String) {
        self.hour = hour
        self.source = source
        self.query = query
        self.filters = filters
    }
}

/// What editors ask of the log: searches over a period, optionally only those that found little.
public struct SearchLogReportRequest: Sendable {
    /// First hour included, as `LoggedSearch.hour(of:)` writes it.
    public var since: String
    /// Only searches that never found more than this many results in the period (0: zero-result searches).
    public var maxResults: Int?
    public var source: LoggedSearch.Source?
    public var limit: Int

    /// Only searches read as this theme.
    public var theme: String?

    public init(since: String, maxResults: Int? = nil, source: LoggedSearch.Source? = nil, limit: Int = 100, theme: String? = nil) {
        self.since = since
        self.maxResults = maxResults
        self.source = source
        self.limit = limit
        self.theme = theme
    }
}

/// One line of the report: a query and filters over the whole period, the most searched first.
public struct SearchLogReportRow: Sendable, Equatable {
    public var source: LoggedSearch.Source
    public var query: String
    public var filters: String
    public var searches: Int
    /// The most results the search found in the period.
    public var maxResults: Int
    /// The last hour it was made.
    public var lastHour: String

    public init(source: LoggedSearch.Source, query: String, filters: String, searches: Int, maxResults: Int, lastHour: String) {
        self.source = source
        self.query = query
        self.filters = filters
        self.searches = searches
        self.maxResults = maxResults
        self.lastHour = lastHour
    }
}

/// Searches read as one theme over a period, from the log's daily roll-up per theme.
public struct ThemeSearchTotal: Sendable, Hashable {
    public var theme: String
    public var source: LoggedSearch.Source
    public var searches: Int
    /// Searches that found nothing: the clearest signal of a white spot.
    public var zeroResults: Int

    public init(theme: String, source: LoggedSearch.Source, searches: Int, zeroResults: Int) {
        self.theme = theme
        self.source = source
        self.searches = searches
        self.zeroResults = zeroResults
    }
}

/// Where the tallies are kept. The storage layer implements it on SQLite and PostgreSQL.
public protocol SearchLogStore: Sendable {
    /// Adds tallies to what is stored: searches are summed, the result count is the latest.
    func add(_ tallies: [SearchLogKey: SearchTally]) async throws
    func report(_ request: SearchLogReportRequest) async throws -> [SearchLogReportRow]
    /// Searches per theme and source since a day ("2026-11-01"), from the roll-up: a few rows per
    /// day and theme whatever the size of the log.
    func themeTotals(since day: String) async throws -> [ThemeSearchTotal]
    /// Deletes hours before `hour`; returns how many rows went.
    @discardableResult func purge(before hour: String) async throws -> Int
}
