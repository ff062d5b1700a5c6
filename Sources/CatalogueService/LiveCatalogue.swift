import Catalogue
import Foundation
import Search
import Synchronization

/// The published catalogue as users meet it: every offering, the taxonomy and the search index, held
/// as one immutable snapshot that is swapped whole after every change. Readers never wait for a
/// writer and never see half an update.
public final class LiveCatalogue: Sendable {
    public struct Snapshot: Sendable {
        public let taxonomy: Taxonomy
        public let offerings: [OfferingKey: Offering]
        let bySlug: [String: OfferingKey]
        let index: SearchIndex
        let suggester: Suggester
        /// Counts the replacements; anything derived from a snapshot (a rendered page) is valid for one generation.
        public internal(set) var generation = 0

        /// Staleness is judged on the day the snapshot is built; every reload judges again.
        init(taxonomy: Taxonomy, offerings: [Offering], analyzer: DutchAnalyzer, today: Day = Day(Date())) {
            self.taxonomy = taxonomy
            self.offerings = Dictionary(offerings.map { ($0.key, $0) }, uniquingKeysWith: { _, last in last })
            self.bySlug = Dictionary(offerings.map { ($0.slug, $0.key) }, uniquingKeysWith: { _, last in last })
            self.index = SearchIndex(
                documents: offerings.map { OfferingDocument.make($0, today: today) }, facetNames: Facet.allCases.map(\.rawValue),
                analyzer: analyzer, tagFacet: Facet.theme.rawValue)
            self.suggester = Suggester(titles: offerings.map { ($0.key.description, $0.title) }, vocabulary: index.vocabulary())
        }
    }

    private let state: Mutex<Snapshot>
    public let analyzer: DutchAnalyzer

    public init(taxonomy: Taxonomy, offerings: [Offering], analyzer: DutchAnalyzer = DutchAnalyzer()) {
        self.analyzer = analyzer
        self.state = Mutex(Snapshot(taxonomy: taxonomy, offerings: offerings, analyzer: analyzer))
    }

    public var snapshot: Snapshot { state.withLock { $0 } }
    public var taxonomy: Taxonomy { snapshot.taxonomy }
    public var generation: Int { state.withLock { $0.generation } }

    /// Replaces everything, e.g. after an import; the index is rebuilt off the lock.
    public func replace(taxonomy: Taxonomy, offerings: [Offering]) {
        var next = Snapshot(taxonomy: taxonomy, offerings: offerings, analyzer: analyzer)
        state.withLock { current in
            next.generation = current.generation + 1
            current = next
        }
    }

    /// Reloads from the store.
    public func reload(from store: any CatalogueStore) async throws {
        let taxonomy = try await store.taxonomy()
        let offerings = try await store.allOfferings()
        replace(taxonomy: taxonomy, offerings: offerings)
    }

    public func offering(slug: String) -> Offering? {
        let current = snapshot
        return current.bySlug[slug].flatMap { current.offerings[$0] }
    }

    public func offering(_ key: OfferingKey) -> Offering? { snapshot.offerings[key] }

    public var count: Int { snapshot.offerings.count }

    /// The themes a search is about, as the white spots count it: the themes chosen as a filter, else
    /// those its words are read as (the thesaurus's theme words), else the theme most of its first
    /// results share (at least half of them). Empty when none of these says anything.
    public func themes(of page: CataloguePage) -> [String] {
        let current = snapshot
        let chosen = page.query.filters[.theme] ?? []
        if !chosen.isEmpty { return chosen }
        let read = page.query.text.isEmpty ? [] : current.index.inferredTags(page.query.text).filter { current.taxonomy.term(.theme, $0) != nil }
        if !read.isEmpty { return read }
        let top = page.hits.prefix(10).map(\.offering)
        guard !top.isEmpty else { return [] }
        var counts: [String: Int] = [:]
        for offering in top { for theme in offering.themes { counts[theme, default: 0] += 1 } }
        guard let (theme, count) = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }), count * 2 >= top.count
        else { return [] }
        return [theme]
    }

    public func search(_ query: CatalogueQuery) -> CataloguePage {
        let current = snapshot
        var filters: [String: Set<String>] = [:]
        for (facet, values) in query.filters where !values.isEmpty { filters[facet.rawValue] = Set(values) }
        let results = current.index.search(
            SearchQuery(text: query.text, filters: filters, sort: query.sort,
                        offset: (query.page - 1) * query.perPage, limit: query.perPage))
        let hits = results.hits.compactMap { hit -> CataloguePage.Hit? in
            guard let offering = current.offerings[OfferingDocument.key(from: hit.key)] else { return nil }
            return CataloguePage.Hit(offering: offering, score: hit.score)
        }
        let facets = Facet.allCases.map { facet in
            let counts = results.facetCounts[facet.rawValue] ?? [:]
            let values = facet.values(in: current.taxonomy).map { value in
                CataloguePage.FacetValue(value: value.slug, label: value.label, count: counts[value.slug] ?? 0,
                                         selected: query.isSelected(facet, value.slug))
            }
            return (facet: facet, values: values)
        }
        return CataloguePage(query: query, total: results.total, hits: hits, facets: facets,
                             matchedTerms: results.matchedTerms, unmatchedWords: results.unmatchedWords,
                             correctedText: corrected(query.text, results.corrections))
    }

    /// The query text with each corrected word replaced where it stands, the rest as typed.
    func corrected(_ text: String, _ corrections: [String: String]) -> String? {
        guard !corrections.isEmpty else { return nil }
        var result = ""
        var cursor = text.startIndex
        for token in analyzer.tokens(text) {
            guard let replacement = corrections[token.word] else { continue }
            result += text[cursor..<token.range.lowerBound] + replacement
            cursor = token.range.upperBound
        }
        result += text[cursor...]
        return result
    }

    /// The newest offerings by publication date.
    public func newest(_ count: Int) -> [Offering] {
        search(CatalogueQuery(sort: .newest, perPage: count)).hits.map(\.offering)
    }

    /// Offerings that share the most themes and audiences with this one, other kinds first so a reader
    /// of a guide also sees whom to call.
    public func related(to offering: Offering, limit: Int = 3) -> [Offering] {
        let themes = Set(offering.themes), audiences = Set(offering.audiences)
        return snapshot.offerings.values
            .filter { $0.key != offering.key && !themes.isDisjoint(with: $0.themes) }
            .map { other -> (Offering, Int) in
                let score = 3 * themes.intersection(other.themes).count + audiences.intersection(other.audiences).count
                    + (other.kind != offering.kind ? 1 : 0)
                return (other, score)
            }
            .sorted { ($0.1, $1.0.title) > ($1.1, $0.0.title) }
            .prefix(limit)
            .map(\.0)
    }

    /// Number of offerings per value of a facet, over the whole catalogue.
    public func counts(_ facet: Facet) -> [String: Int] {
        var counts: [String: Int] = [:]
        for offering in snapshot.offerings.values {
            for value in facet.values(of: offering) { counts[value, default: 0] += 1 }
        }
        return counts
    }

    public func offerings(where predicate: (Offering) -> Bool) -> [Offering] {
        snapshot.offerings.values.filter(predicate).sorted { $0.title.lowercased() < $1.title.lowercased() }
    }
}

/// How an offering is presented to the index.
enum OfferingDocument {
    /// `today` decides whether the offering is stale (overdue beyond the grace period) and ranks lower.
    static func make(_ offering: Offering, today: Day) -> SearchDocument {
        var facets: [String: [String]] = [:]
        for facet in Facet.allCases { facets[facet.rawValue] = facet.values(of: offering) }
        return SearchDocument(
            key: offering.key.description,
            fields: [
                .title: offering.title, .summary: offering.summary,
                .keywords: offering.keywords.joined(separator: ". "), .body: offering.description,
            ],
            facets: facets,
            date: (offering.published ?? Day(offering.created)).ordinal,
            sortTitle: offering.title,
            rankFactor: Freshness.isStale(offering, today: today) ? Freshness.staleRankFactor : 1)
    }

    static func key(from text: String) -> OfferingKey {
        let parts = text.split(separator: "/", maxSplits: 1)
        return OfferingKey(provider: String(parts.first ?? ""), id: parts.count > 1 ? String(parts[1]) : "")
    }
}
