import Foundation
import Synchronization

/// The published handbook in memory, as the public pages read it; replaced whole after a change,
/// with a generation number that page caches stamp their pages with.
public final class LiveHandbook: Sendable {
    private struct State {
        var handbook: Handbook
        var generation = 0
    }

    private let state: Mutex<State>

    public init(_ handbook: Handbook = .empty) { state = Mutex(State(handbook: handbook)) }

    public var handbook: Handbook { state.withLock { $0.handbook } }
    public var generation: Int { state.withLock { $0.generation } }

    public func replace(with handbook: Handbook) {
        state.withLock { state in
            state.handbook = handbook
            state.generation += 1
        }
    }

    public func reload(from store: any HandbookStore) async throws {
        replace(with: try await store.published())
    }
}
