import Foundation
import Synchronization

/// At most `limit` attempts per client per `window`, counted in memory by this instance: enough to
/// stop a script filling the subscriber table or mailing strangers, without storing addresses of
/// people who did nothing wrong. Old windows are dropped as they pass.
public final class ClientRateLimiter: Sendable {
    let limit: Int
    let window: TimeInterval
    private let counts = Mutex<[String: (start: Date, count: Int)]>([:])

    public init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Counts an attempt; false when the client is over the limit.
    public func allow(_ client: String, now: Date = Date()) -> Bool {
        counts.withLock { counts in
            if counts.count > 10_000 { counts = counts.filter { now.timeIntervalSince($0.value.start) < window } }
            var entry = counts[client] ?? (now, 0)
            if now.timeIntervalSince(entry.start) >= window { entry = (now, 0) }
            entry.count += 1
            counts[client] = entry
            return entry.count <= limit
        }
    }
}
