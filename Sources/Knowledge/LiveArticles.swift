import Foundation
import Synchronization

/// The published articles as the public pages read them: one immutable collection swapped whole,
/// with a generation the page cache keys on.
public final class LiveArticles: Sendable {
    private let state = Mutex<(collection: ArticleCollection, generation: Int)>((.empty, 0))

    public init() {}

    public var collection: ArticleCollection { state.withLock { $0.collection } }
    public var generation: Int { state.withLock { $0.generation } }

    public func replace(with collection: ArticleCollection) {
        state.withLock { $0 = (collection, $0.generation + 1) }
    }

    public func reload(from store: any ArticleStore) async throws {
        replace(with: try await store.published())
    }
}

/// Where articles are kept.
public protocol ArticleStore: Sendable {
    func published() async throws -> ArticleCollection
    /// Replaces every article and edition, in one transaction (the demo, an import).
    func replace(with collection: ArticleCollection) async throws
}
