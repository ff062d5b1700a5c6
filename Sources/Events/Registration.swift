import Foundation

/// Someone's registration for an event: who, the state of their seat at the event, and per round the
/// workshop they chose (first come) or their ranking (ranked choice), with the state of that place.
public struct Registration: Sendable, Equatable {
    public enum State: String, Sendable, Codable, CaseIterable {
        case pending = "in-afwachting"
        case confirmed = "bevestigd"
        case waitlisted = "wachtlijst"
        case offered = "aangeboden"
        case cancelled = "geannuleerd"
        case attended = "aanwezig"
        case noShow = "niet-verschenen"

        public var label: String {
            switch self {
            case .pending: "Wacht op goedkeuring van de organisator"
            case .confirmed: "Bevestigd"
            case .waitlisted: "Op de wachtlijst"
            case .offered: "Er is een plaats voor u vrij"
            case .cancelled: "Geannuleerd"
            case .attended: "Aanwezig geweest"
            case .noShow: "Niet verschenen"
            }
        }

        /// Holds a seat: counts against the capacity.
        public var holdsSeat: Bool { [.confirmed, .offered, .pending, .attended, .noShow].contains(self) }
    }

    /// A workshop place in one round.
    public struct Place: Sendable, Equatable {
        public var round: String
        /// The workshop, once assigned (or chosen, first come).
        public var workshop: String?
        public var state: State
        /// Ranked choice: the workshops in order of preference.
        public var ranking: [String]
        public var offeredUntil: Date?

        public init(round: String, workshop: String?, state: State, ranking: [String] = [], offeredUntil: Date? = nil) {
            self.round = round
            self.workshop = workshop
            self.state = state
            self.ranking = ranking
            self.offeredUntil = offeredUntil
        }
    }

    public struct Person: Sendable, Equatable {
        public var name: String
        public var email: String
        public var organisation: String
        /// A CBS code.
        public var gemeente: String?
        /// An audience slug.
        public var role: String
        /// Only with explicit consent; erased the day after the event.
        public var accessibility: String?

        public init(name: String, email: String, organisation: String, gemeente: String?, role: String, accessibility: String? = nil) {
            self.name = name
            self.email = email
            self.organisation = organisation
            self.gemeente = gemeente
            self.role = role
            self.accessibility = accessibility
        }
    }

    public var id: UUID
    public var event: String
    public var state: State
    /// Nil once erased by the retention.
    public var person: Person?
    public var places: [Place]
    public var created: Date
    public var offeredUntil: Date?

    public init(id: UUID, event: String, state: State, person: Person?, places: [Place], created: Date, offeredUntil: Date? = nil) {
        self.id = id
        self.event = event
        self.state = state
        self.person = person
        self.places = places
        self.created = created
        self.offeredUntil = offeredUntil
    }
}

/// What a registration asks for: per round a workshop (first come) or a ranking (ranked choice).
public struct RegistrationRequest: Sendable, Equatable {
    public var person: Registration.Person
    /// Round id → the chosen workshop (first come) or workshops in order (ranked choice).
    public var choices: [String: [String]]

    public init(person: Registration.Person, choices: [String: [String]]) {
        self.person = person
        self.choices = choices
    }
}

public enum RegistrationOutcome: Sendable, Equatable {
    case confirmed(Registration)
    case waitlisted(Registration)
    case pending(Registration)
    case closed
    /// The address is already registered for this event (a double click): the registration it has.
    case alreadyRegistered(Registration)

    public var registration: Registration? {
        switch self {
        case .confirmed(let r), .waitlisted(let r), .pending(let r), .alreadyRegistered(let r): r
        case .closed: nil
        }
    }
}

public enum EventProblem: Error, Sendable, Equatable {
    case notFound
    /// The step does not fit the registration's state (a cancelled link reused, an offer expired).
    case wrongState(Registration.State)
    /// The workshop asked for has no free seat.
    case full
}

public protocol EventStore: EventOrganising {
    func events() async throws -> [Event]
    /// Replaces every event (the demo, an import) in one transaction; registrations of events that
    /// remain are kept.
    func replace(with events: [Event]) async throws
    /// Registers, capacity-safe: of any number of concurrent registrations, no more are confirmed than
    /// the event (and each workshop) has seats; the rest are waitlisted. The link's token is kept as a hash.
    func register(_ request: RegistrationRequest, for event: Event, id: UUID, tokenHash: String, now: Date) async throws -> RegistrationOutcome
    func registration(tokenHash: String) async throws -> Registration?
    func registration(_ id: UUID) async throws -> Registration?
    func registrations(event: String) async throws -> [Registration]
    func seatCounts(_ event: Event) async throws -> SeatCounts
    /// Cancels; the freed seats (event and workshops) are offered to the next in line.
    func cancel(_ id: UUID, event: Event, now: Date) async throws -> Registration
    /// Takes an offered seat (event or a workshop place) while the offer lasts. Of two claims, one wins.
    func claim(_ id: UUID, event: Event, now: Date) async throws -> Registration
    /// Turns down an offer; the seat goes to the next in line.
    func decline(_ id: UUID, event: Event, now: Date) async throws -> Registration
    /// Offers that ran out go to the next in line; returns the registrations that got an offer.
    func expireOffers(event: Event, now: Date) async throws -> [Registration]
    /// First come: a participant with a seat moves to another workshop in a round, if it has a free
    /// seat and nobody waits for it; their old place goes to the next in line. Throws `full` otherwise.
    func changeWorkshop(_ id: UUID, event: Event, round: String, to workshop: String, now: Date) async throws -> Registration
    /// The organiser approves a registration that awaited approval (its seat was already held).
    func approve(_ id: UUID, event: Event) async throws -> Registration
    /// Ranked choice, when registration has closed: assigns every seated participant's places by
    /// `RankedChoice` in one transaction (places already assigned count against capacity); a place
    /// none of whose choices had room stays waitlisted without a workshop. Returns the result, to
    /// explain and to mail.
    func allocate(_ event: Event, now: Date) async throws -> RankedChoice.Result
    /// Retention: erases who registered for events that ended before `personalBefore` (keeping the
    /// gemeente and the state, for anonymous counts), and accessibility needs of events that ended
    /// before `accessibilityBefore`. Returns the registrations changed.
    func purge(personalBefore: Date, accessibilityBefore: Date) async throws -> Int
}
