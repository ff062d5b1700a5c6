import Foundation
import Synchronization

/// Collects searches in memory and hands them to the store in batches, so a search page never waits
/// for a database write. The buffer is bounded: a flood of distinct queries between two flushes costs
/// at most `capacity` entries, and what does not fit is counted as dropped rather than kept.
public final class SearchLogRecorder: Sendable {
    private struct Pending: Sendable {
        var tallies: [SearchLogKey: SearchTally] = [:]
        var dropped = 0
        /// Failed writes in a row; after `maxAttempts` the tallies are given up rather than retried forever.
        var failures = 0
    }

    static let maxAttempts = 3

    private let pending = Mutex(Pending())
    public let capacity: Int
    private let now: @Sendable () -> Date

    public init(capacity: Int = 10_000, now: @escaping @Sendable () -> Date = Date.init) {
        self.capacity = max(0, capacity)
        self.now = now
    }

    public func record(_ search: LoggedSearch) {
        let key = SearchLogKey(hour: LoggedSearch.hour(of: now()), source: search.source, query: search.query, filters: search.filters)
        pending.withLock { pending in
            if var tally = pending.tallies[key] {
                tally.searches += 1
                tally.results = search.results
                tally.themes = search.themes
                pending.tallies[key] = tally
            } else if pending.tallies.count < capacity {
                pending.tallies[key] = SearchTally(searches: 1, results: search.results, themes: search.themes)
            } else {
                pending.dropped += 1
            }
        }
    }

    /// Takes everything recorded so far, and the number of searches that did not fit.
    public func drain() -> (tallies: [SearchLogKey: SearchTally], dropped: Int) {
        pending.withLock { pending in
            defer {
                pending.tallies = [:]
                pending.dropped = 0
            }
            return (pending.tallies, pending.dropped)
        }
    }

    /// How many tallies one write carries. A write holds a database connection; SQLite has one per
    /// event loop, so one write of a whole flood (10,000 upserts) kept every other query waiting until
    /// the pool's timeout. In small writes, a page or a sign-in waits for at most one of them.
    public static let batchSize = 250

    /// Writes what was recorded, in batches of `batchSize`, yielding between them. When the store fails,
    /// the batches not yet written go back into the buffer (as far as they fit), to be written by the
    /// next flush; after `maxAttempts` failures in a row they are dropped, so one bad batch cannot block
    /// the log for good.
    public func flush(to store: any SearchLogStore, batchSize: Int = SearchLogRecorder.batchSize) async throws -> (written: Int, dropped: Int) {
        let (tallies, dropped) = drain()
        guard !tallies.isEmpty else { return (0, dropped) }
        let entries = Array(tallies)
        let size = max(1, batchSize)
        var written = 0
        while written < entries.count {
            let batch = entries[written..<min(written + size, entries.count)]
            do {
                try await store.add(Dictionary(uniqueKeysWithValues: batch.map { ($0.key, $0.value) }))
            } catch {
                restore(Dictionary(uniqueKeysWithValues: entries[written...].map { ($0.key, $0.value) }))
                throw error
            }
            written += batch.count
            await Task.yield()
        }
        pending.withLock { $0.failures = 0 }
        return (written, dropped)
    }

    private func restore(_ tallies: [SearchLogKey: SearchTally]) {
        pending.withLock { pending in
            pending.failures += 1
            guard pending.failures < Self.maxAttempts else {
                pending.failures = 0
                pending.dropped += tallies.values.map(\.searches).reduce(0, +)
                return
            }
            for (key, tally) in tallies {
                if var existing = pending.tallies[key] {
                    existing.searches += tally.searches
                    pending.tallies[key] = existing
                } else if pending.tallies.count < capacity {
                    pending.tallies[key] = tally
                } else {
                    pending.dropped += tally.searches
                }
            }
        }
    }
}
