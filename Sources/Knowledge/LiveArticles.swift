import Catalogue
import Foundation
import Search
import Synchronization

/// The published articles as the public pages read them: one immutable collection with its search
/// index, swapped whole, with a generation the page cache keys on. The index uses the catalogue's
/// analyzer, so an article is found with the same Dutch analysis (stemming, compounds, thesaurus,
/// typo tolerance) as an offering.
public final class LiveArticles: Sendable {
    struct State {
        var collection: ArticleCollection
        var index: SearchIndex?
        var generation: Int
    }

    private let state = Mutex(State(collection: .empty, index: nil, generation: 0))

    public init() {}

    public var collection: ArticleCollection { state.withLock { $0.collection } }
    public var generation: Int { state.withLock { $0.generation } }

    public static let kindFacet = "soort"
    public static let themeFacet = "thema"

    public func replace(with collection: ArticleCollection, analyzer: DutchAnalyzer? = nil) {
        let index = analyzer.map { analyzer in
            SearchIndex(documents: collection.articles.map(Self.document), facetNames: [Self.kindFacet, Self.themeFacet], analyzer: analyzer,
                        tagFacet: Self.themeFacet)
        }
        state.withLock { $0 = State(collection: collection, index: index, generation: $0.generation + 1) }
    }

    /// One article published or changed: it goes into the collection and the index as one document,
    /// without indexing the others again (at 10,000 articles a rebuild takes seconds; this, a few
    /// milliseconds). Readers see the old state or the new one, never half of it.
    public func publish(_ article: Article) {
        let document = Self.document(article)
        state.withLock { state in
            let articles = state.collection.articles.filter { $0.id != article.id } + [article]
            state.collection = ArticleCollection(articles: articles, editions: state.collection.editions)
            state.index?.upsert(document)
            state.generation += 1
        }
    }

    /// One article taken off the site (sent back to concept, restored as a concept).
    public func unpublish(_ id: String) {
        state.withLock { state in
            guard state.collection.article(id) != nil else { return }
            state.collection = ArticleCollection(articles: state.collection.articles.filter { $0.id != id }, editions: state.collection.editions)
            state.index?.remove(key: id)
            state.generation += 1
        }
    }

    public func reload(from store: any ArticleStore, analyzer: DutchAnalyzer? = nil) async throws {
        replace(with: try await store.published(), analyzer: analyzer)
    }

    static func document(_ article: Article) -> SearchDocument {
        let practice = article.practice.map { $0.sections.map(\.text).joined(separator: "\n") } ?? ""
        return SearchDocument(key: article.id,
                              fields: [.title: article.title, .summary: article.lead, .keywords: article.kind.label, .body: practice + "\n" + article.body],
                              facets: [kindFacet: [article.kind.rawValue], themeFacet: article.themes],
                              date: article.published.ordinal, sortTitle: article.title.lowercased())
    }

    public struct Found: Sendable {
        public var total: Int
        public var articles: [Article]
        /// Per kind, how many articles match.
        public var kinds: [Article.Kind: Int]
    }

    /// Articles matching the text, best first; `kinds` narrows to those kinds (the counts per kind
    /// are over the text alone). Empty without an index.
    public func search(_ text: String, kinds: Set<Article.Kind> = [], limit: Int = 10) -> Found {
        let current = state.withLock { $0 }
        guard let index = current.index, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return Found(total: 0, articles: [], kinds: [:]) }
        let filters = kinds.isEmpty ? [:] : [Self.kindFacet: Set(kinds.map(\.rawValue))]
        let results = index.search(SearchQuery(text: text, filters: filters, limit: limit))
        var counts: [Article.Kind: Int] = [:]
        for (value, count) in results.facetCounts[Self.kindFacet] ?? [:] { if let kind = Article.Kind(rawValue: value) { counts[kind] = count } }
        return Found(total: results.total, articles: results.hits.compactMap { current.collection.article($0.key) }, kinds: counts)
    }
}

/// An article as the portal keeps it, and one step of its history: the editorial model the
/// handbook's entries share (`Catalogue/Editorial/ManagedContent.swift`).
public typealias ManagedArticle = ManagedContent<Article>
public typealias ArticleRevision = ContentRevision<Article>

/// Where articles are kept.
public protocol ArticleStore: Sendable {
    /// The published articles and every magazine edition.
    func published() async throws -> ArticleCollection
    /// Replaces every article and edition, in one transaction (the demo, an import); every article published.
    func replace(with collection: ArticleCollection) async throws
    /// Every article with its status, for the portal, newest change first.
    func managedArticles() async throws -> [ManagedArticle]
    func managedArticle(_ id: String) async throws -> ManagedArticle?
    /// Saves an article; `version` nil for a new one, otherwise the version the form was opened on.
    /// Adds a revision. Throws `ContentProblem.staleVersion` when another save came first or the id is taken.
    @discardableResult
    func save(_ article: Article, status: ContentStatus, provider: String?, version: Int?, by editor: Editor) async throws -> ManagedArticle
    /// The redactie returns a submitted article to its author as a concept, with a comment.
    func sendBack(_ id: String, version: Int, comment: String, by editor: Editor) async throws
    func revisions(_ id: String) async throws -> [ArticleRevision]
}
