import Hummingbird
import SearchLog
import Synchronization

/// Rendered public pages, keyed by path and query and stamped with the catalogue generation they were
/// rendered from. The catalogue changes a few times a day and is read thousands of times between, so
/// a page is rendered once per generation; any change to the catalogue makes every entry stale at once.
///
/// Only pages whose HTML is a pure function of the URL and the catalogue may be cached: nothing that
/// depends on a cookie, a session or a CSRF token. The size is bounded with two generations of
/// entries (a cheap approximation of LRU): when `recent` is full it becomes `older` and the old `older`
/// is dropped; a hit in `older` is promoted. A flood of distinct URLs thus costs at most
/// `2 × capacity` pages of memory.
public final class PageCache: Sendable {
    struct Entry: Sendable {
        var generation: Int
        var body: ByteBuffer
        /// The search a search page answered, kept with it so a cache hit is still logged.
        var search: LoggedSearch?
    }

    private struct Tables: Sendable {
        var recent: [String: Entry] = [:]
        var older: [String: Entry] = [:]
    }

    private let tables = Mutex(Tables())
    public let capacity: Int
    /// URLs longer than this are rendered but not kept: they are rare, and a cache key should be small.
    static let maxKeyLength = 1_024

    /// `capacity` 0 turns caching off.
    public init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    /// The page for `key` at `generation`, rendered by `render` when not cached.
    func html(key: String, generation: Int, render: () throws -> String) rethrows -> Response {
        try searchPage(key: key, generation: generation) { (try render(), nil) }.response
    }

    /// A page that answers a search: the search comes back with the page, from the cache or the render.
    func searchPage(key: String, generation: Int, render: () throws -> (html: String, search: LoggedSearch?)) rethrows
        -> (response: Response, search: LoggedSearch?)
    {
        if capacity > 0, key.utf8.count <= Self.maxKeyLength, let entry = lookup(key, generation) {
            return (Responses.html(entry.body), entry.search)
        }
        let (html, search) = try render()
        let body = ByteBuffer(string: html)
        if capacity > 0, key.utf8.count <= Self.maxKeyLength {
            store(key, Entry(generation: generation, body: body, search: search))
        }
        return (Responses.html(body), search)
    }

    private func lookup(_ key: String, _ generation: Int) -> Entry? {
        tables.withLock { tables in
            if let entry = tables.recent[key], entry.generation == generation { return entry }
            guard let entry = tables.older[key], entry.generation == generation else { return nil }
            insert(key, entry, into: &tables)
            return entry
        }
    }

    private func store(_ key: String, _ entry: Entry) {
        tables.withLock { insert(key, entry, into: &$0) }
    }

    private func insert(_ key: String, _ entry: Entry, into tables: inout Tables) {
        if tables.recent.count >= capacity {
            tables.older = tables.recent
            tables.recent = [:]
            tables.recent.reserveCapacity(capacity)
        }
        tables.recent[key] = entry
    }

    /// How many pages are held; for tests.
    var count: Int { tables.withLock { $0.recent.count + $0.older.count } }
}
