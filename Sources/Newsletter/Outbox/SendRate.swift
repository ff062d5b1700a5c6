import Foundation
import Synchronization

/// A token bucket shared by the worker's connections: at most `perSecond` messages a second, with
/// bursts of one second's worth. `perSecond` 0 means no limit.
public final class SendRate: Sendable {
    public let perSecond: Double
    private let state: Mutex<(tokens: Double, last: ContinuousClock.Instant)>

    public init(perSecond: Double) {
        self.perSecond = perSecond
        state = Mutex((tokens: max(perSecond, 1), last: .now))
    }

    /// Waits until one message may go.
    public func acquire() async throws {
        guard perSecond > 0 else { return }
        while true {
            let wait: Double = state.withLock { state in
                let now = ContinuousClock.now
                let elapsed = now - state.last
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                state.tokens = min(state.tokens + seconds * perSecond, max(perSecond, 1))
                state.last = now
                if state.tokens >= 1 {
                    state.tokens -= 1
                    return 0
                }
                return (1 - state.tokens) / perSecond
            }
            if wait == 0 { return }
            try await Task.sleep(for: .seconds(wait))
        }
    }
}
