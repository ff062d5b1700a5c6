import Foundation

/// When to try a temporary failure (4xx, a lost connection) again: exponential backoff from `base`,
/// capped at `maximum`, and given up after `attempts` tries.
public struct RetryPolicy: Sendable {
    public var base: TimeInterval
    public var maximum: TimeInterval
    public var attempts: Int

    public init(base: TimeInterval = 60, maximum: TimeInterval = 6 * 3600, attempts: Int = 8) {
        self.base = base
        self.maximum = maximum
        self.attempts = attempts
    }

    /// The delay before attempt `attempt + 1`, given that `attempt` attempts failed; nil when it is time to give up.
    public func delay(afterFailedAttempts attempt: Int) -> TimeInterval? {
        guard attempt < attempts else { return nil }
        return min(base * pow(2, Double(max(attempt - 1, 0))), maximum)
    }
}
