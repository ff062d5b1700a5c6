import Foundation
import Search
import Synchronization

/// The published events as the public pages read them (drafts left out), swapped whole when they
/// change (the demo, the portal), with a search index in the catalogue's Dutch analysis so `/zoeken`
/// finds them and a generation the page cache keys on. Seats are not here: they change with every
/// registration and are read from the store.
public final class LiveEvents: Sendable {
    struct State {
        var events: [Event]
        var index: SearchIndex?
        var generation: Int
    }

    private let state = Mutex(State(events: [], index: nil, generation: 0))

    public init() {}

    public var all: [Event] { state.withLock { $0.events } }
    /// Raised by every replace.
    public var generation: Int { state.withLock { $0.generation } }

    public func replace(with events: [Event], analyzer: DutchAnalyzer? = nil) {
        let sorted = events.filter { !$0.isDraft }.sorted { ($0.starts, $0.slug) < ($1.starts, $1.slug) }
        let index = analyzer.map { analyzer in
            SearchIndex(documents: sorted.map(Self.document), facetNames: ["soort"], analyzer: analyzer)
        }
        state.withLock { $0 = State(events: sorted, index: index, generation: $0.generation + 1) }
    }

    static func document(_ event: Event) -> SearchDocument {
        let workshops = event.rounds.flatMap(\.workshops).map { "\($0.title) (\($0.host))" }.joined(separator: "\n")
        return SearchDocument(key: event.slug, fields: [.title: event.title, .summary: event.kind.label, .keywords: event.themes.joined(separator: " "),
                                                        .body: event.description + "\n" + workshops],
                              facets: ["soort": [event.kind.rawValue]], date: Int(event.starts.timeIntervalSince1970 / 86_400),
                              sortTitle: event.title.lowercased())
    }

    /// Events that have not ended matching the text, best first, and how many.
    public func search(_ text: String, now: Date, limit: Int = 5) -> (total: Int, events: [Event]) {
        let current = state.withLock { $0 }
        guard let index = current.index, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return (0, []) }
        let upcoming = Dictionary(uniqueKeysWithValues: current.events.filter { !$0.isPast(at: now) }.map { ($0.slug, $0) })
        let hits = index.search(SearchQuery(text: text, limit: 200)).hits.compactMap { upcoming[$0.key] }
        return (hits.count, Array(hits.prefix(limit)))
    }

    public func event(_ slug: String) -> Event? { all.first { $0.slug == slug } }

    /// Events that have not ended, soonest first.
    public func upcoming(at now: Date) -> [Event] { all.filter { !$0.isPast(at: now) } }

    /// Upcoming dates of a catalogue offering (`provider/slug`), soonest first.
    public func upcoming(offering key: String, at now: Date) -> [Event] { upcoming(at: now).filter { $0.offering == key } }

    /// Events whose materials include this site path (an infoblad after a meeting).
    public func having(material path: String) -> [Event] { all.filter { $0.materials.contains { $0.url == path } } }

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
