import Foundation
import Synchronization

/// The events as the public pages read them, swapped whole when they change (the demo, an import,
/// the portal). Seats are not here: they change with every registration and are read from the store.
public final class LiveEvents: Sendable {
    private let state = Mutex<[Event]>([])

    public init() {}

    public var all: [Event] { state.withLock { $0 } }

    public func replace(with events: [Event]) { state.withLock { $0 = events.sorted { ($0.starts, $0.slug) < ($1.starts, $1.slug) } } }

    public func event(_ slug: String) -> Event? { all.first { $0.slug == slug } }

    /// Events that have not ended, soonest first.
    public func upcoming(at now: Date) -> [Event] { all.filter { !$0.isPast(at: now) } }

    /// Events that have ended, most recent first.
    public func past(at now: Date) -> [Event] { all.filter { $0.isPast(at: now) }.reversed() }
}

/// Seats taken at an event and in each workshop (confirmed, offered or awaiting approval).
public struct SeatCounts: Sendable, Equatable {
    public var event: Int
    public var workshops: [String: Int]
    public var waiting: Int

    public init(event: Int, workshops: [String: Int], waiting: Int) {
        self.event = event
        self.workshops = workshops
        self.waiting = waiting
    }

    public func left(_ event: Event) -> Int { max(0, event.capacity - self.event) }
    public func left(_ workshop: Event.Workshop) -> Int { max(0, workshop.capacity - (workshops[workshop.id] ?? 0)) }
}
