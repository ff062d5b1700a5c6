import Events
import FluentKit
import Foundation
import SQLKit

/// Seats: registering, cancelling, offers and their claims, moves between workshops, approval and
/// ranked-choice assignment. Every step is one transaction that first bumps the event's row, so
/// one at a time counts and takes an event's seats.
extension SQLEventStore {
    // MARK: - Seats

    /// Bumps the event's row: from here to the commit, this transaction is the only one changing its seats.
    static func lock(_ event: Event, on sql: any SQLDatabase) async throws {
        let rows = try await sql.raw("UPDATE events SET version = version + 1 WHERE slug = \(bind: event.slug) RETURNING slug").all()
        guard rows.count == 1 else { throw EventProblem.notFound }
    }

    static let seatStates = Registration.State.allCases.filter(\.holdsSeat).map(\.rawValue)

    public func register(_ request: RegistrationRequest, for event: Event, id: UUID, tokenHash: String, now: Date) async throws -> RegistrationOutcome {
        guard event.isOpen(at: now) else { return .closed }
        return try await database.transaction { tx in
            let sql = tx.sql
            try await Self.lock(event, on: sql)
            let email = request.person.email.lowercased()
            struct Found: Decodable { var id: String }
            if let found = try await sql.raw("""
                SELECT id FROM event_registrations WHERE event = \(bind: event.slug) AND email = \(bind: email)
                AND state <> \(bind: Registration.State.cancelled.rawValue)
                """).first(decoding: Found.self), let existing = try await Self.read(where: "id = \(bind: found.id)", on: sql).first {
                return .alreadyRegistered(existing)
            }
            // Seats held and people waiting, in one query: this transaction is short, as all of them queue on the event's row.
            struct Counts: Decodable { var held: Int?; var waiting: Int? }
            let counts = try await sql.raw("""
                SELECT SUM(CASE WHEN state IN (\(binds: Self.seatStates)) THEN 1 ELSE 0 END) AS held,
                       SUM(CASE WHEN state IN (\(binds: [Registration.State.waitlisted.rawValue, Registration.State.offered.rawValue])) THEN 1 ELSE 0 END) AS waiting
                FROM event_registrations WHERE event = \(bind: event.slug)
                """).first(decoding: Counts.self)
            let held = counts?.held ?? 0, waiting = counts?.waiting ?? 0
            // Nobody jumps the queue: with people waiting, a newcomer waits too.
            let hasSeat = held < event.capacity && waiting == 0
            let state: Registration.State = hasSeat ? (event.needsApproval ? .pending : .confirmed) : .waitlisted
            let person = request.person
            try await sql.raw("""
                INSERT INTO event_registrations (id, event, token_hash, state, name, email, organisation, gemeente, role, accessibility, created_at)
                VALUES (\(bind: id.uuidString), \(bind: event.slug), \(bind: tokenHash), \(bind: state.rawValue), \(bind: person.name), \(bind: email),
                        \(bind: person.organisation), \(bind: person.gemeente), \(bind: person.role), \(bind: person.accessibility), \(bind: now.timeIntervalSince1970))
                """).run()
            var places: [Registration.Place] = []
            for round in event.rounds {
                let choice = request.choices[round.id] ?? []
                guard !choice.isEmpty else { continue }
                var placeState = Registration.State.waitlisted
                var workshop: String? = nil
                switch event.allocation {
                case .rankedChoice:
                    // Assigned when registration closes.
                    placeState = .pending
                case .firstCome:
                    workshop = choice[0]
                    if hasSeat, let (_, chosen) = event.workshop(choice[0]) {
                        let taken = try await Self.workshopCount(event.slug, chosen.id, states: Self.seatStates + [Registration.State.waitlisted.rawValue],
                                                                 on: sql)
                        // Free seats only when nobody waits for this workshop: then taken counts seats alone.
                        if taken < chosen.capacity { placeState = .confirmed }
                    }
                }
                try await sql.raw("""
                    INSERT INTO workshop_places (registration_id, event, round, workshop, state, ranking)
                    VALUES (\(bind: id.uuidString), \(bind: event.slug), \(bind: round.id), \(bind: workshop), \(bind: placeState.rawValue),
                            \(bind: choice.joined(separator: ",")))
                    """).run()
                places.append(Registration.Place(round: round.id, workshop: workshop, state: placeState, ranking: choice))
            }
            var stored = person
            stored.email = email
            let registration = Registration(id: id, event: event.slug, state: state, person: stored, places: places, created: now)
            switch state {
            case .confirmed: return .confirmed(registration)
            case .pending: return .pending(registration)
            default: return .waitlisted(registration)
            }
        }
    }

    /// Places in a workshop in these states; `seated`: only of registrations that hold an event seat
    /// (a workshop's waiting list is of people who come).
    static func workshopCount(_ event: String, _ workshop: String, states: [String], seated: Bool = false, on sql: any SQLDatabase) async throws -> Int {
        struct Count: Decodable { var n: Int }
        var query: SQLQueryString = """
            SELECT COUNT(*) AS n FROM workshop_places p JOIN event_registrations r ON r.id = p.registration_id
            WHERE p.event = \(bind: event) AND p.workshop = \(bind: workshop) AND p.state IN (\(binds: states))
            AND r.state <> \(bind: Registration.State.cancelled.rawValue)
            """
        if seated { query.appendLiteral(" AND r.state IN ("); query.appendInterpolation(binds: seatStates); query.appendLiteral(")") }
        return try await sql.raw(query).first(decoding: Count.self)?.n ?? 0
    }

    public func cancel(_ id: UUID, event: Event, now: Date) async throws -> Registration {
        try await withRegistration(id, of: event) { sql, registration in
            guard registration.state != .cancelled else { throw EventProblem.wrongState(.cancelled) }
            try await Self.cancelWhole(id, on: sql)
            try await Self.offerFreedSeats(event, now: now, on: sql)
        }
    }

    /// The registration, its seat and its places cancelled.
    static func cancelWhole(_ id: UUID, on sql: any SQLDatabase) async throws {
        try await sql.raw("UPDATE event_registrations SET state = \(bind: Registration.State.cancelled.rawValue), offered_until = NULL WHERE id = \(bind: id.uuidString)").run()
        try await sql.raw("UPDATE workshop_places SET state = \(bind: Registration.State.cancelled.rawValue), offered_until = NULL WHERE registration_id = \(bind: id.uuidString)").run()
    }

    public func claim(_ id: UUID, event: Event, now: Date) async throws -> Registration {
        try await withRegistration(id, of: event) { sql, registration in
            let eventOffer = registration.state == .offered && (registration.offeredUntil ?? .distantPast) > now
            let placeOffers = registration.places.filter { $0.state == .offered && ($0.offeredUntil ?? .distantPast) > now }
            guard eventOffer || !placeOffers.isEmpty else { throw EventProblem.wrongState(registration.state) }
            if eventOffer {
                let state: Registration.State = event.needsApproval ? .pending : .confirmed
                try await sql.raw("UPDATE event_registrations SET state = \(bind: state.rawValue), offered_until = NULL WHERE id = \(bind: id.uuidString)").run()
            }
            for place in placeOffers {
                try await sql.raw("""
                    UPDATE workshop_places SET state = \(bind: Registration.State.confirmed.rawValue), offered_until = NULL
                    WHERE registration_id = \(bind: id.uuidString) AND round = \(bind: place.round)
                    """).run()
            }
            // With a seat at the event now, the workshops they chose get a seat where there is one.
            try await Self.offerFreedSeats(event, now: now, on: sql, confirmDirectly: id)
        }
    }

    public func decline(_ id: UUID, event: Event, now: Date) async throws -> Registration {
        try await withRegistration(id, of: event) { sql, registration in
            if [.offered, .waitlisted].contains(registration.state) {
                // Not interested in the event: off the list, seat and places freed.
                try await Self.cancelWhole(id, on: sql)
            } else if registration.places.contains(where: { [.offered, .waitlisted].contains($0.state) }) {
                // Not interested in a workshop they wait for: that place goes, the event seat stays.
                try await sql.raw("""
                    UPDATE workshop_places SET state = \(bind: Registration.State.cancelled.rawValue), offered_until = NULL
                    WHERE registration_id = \(bind: id.uuidString) AND state IN (\(binds: [Registration.State.offered.rawValue, Registration.State.waitlisted.rawValue]))
                    """).run()
            } else {
                throw EventProblem.wrongState(registration.state)
            }
            try await Self.offerFreedSeats(event, now: now, on: sql)
        }
    }

    public func expireOffers(event: Event, now: Date) async throws -> [Registration] {
        try await database.transaction { tx in
            let sql = tx.sql
            try await Self.lock(event, on: sql)
            let offered = Registration.State.offered.rawValue, cancelled = Registration.State.cancelled.rawValue
            // An offer not taken in time lapses: the seat goes to the next in line.
            try await sql.raw("""
                UPDATE workshop_places SET state = \(bind: cancelled), offered_until = NULL WHERE registration_id IN (
                SELECT id FROM event_registrations WHERE event = \(bind: event.slug) AND state = \(bind: offered) AND offered_until <= \(bind: now.timeIntervalSince1970))
                """).run()
            try await sql.raw("""
                UPDATE event_registrations SET state = \(bind: cancelled), offered_until = NULL
                WHERE event = \(bind: event.slug) AND state = \(bind: offered) AND offered_until <= \(bind: now.timeIntervalSince1970)
                """).run()
            try await sql.raw("""
                UPDATE workshop_places SET state = \(bind: cancelled), offered_until = NULL
                WHERE event = \(bind: event.slug) AND state = \(bind: offered) AND offered_until <= \(bind: now.timeIntervalSince1970)
                """).run()
            return try await Self.offerFreedSeats(event, now: now, on: sql)
        }
    }

    /// Gives free seats to the next in line: event seats as offers (a personal link, `offerHours` to
    /// take it), then workshop seats to those who have an event seat, in order of registration.
    /// `confirmDirectly`: this registration's waiting places are confirmed rather than offered (they
    /// are claiming right now). Returns the registrations that got a new offer.
    @discardableResult
    static func offerFreedSeats(_ event: Event, now: Date, on sql: any SQLDatabase, confirmDirectly: UUID? = nil) async throws -> [Registration] {
        struct Count: Decodable { var n: Int }
        struct ID: Decodable { var id: String }
        var offered: Set<String> = []
        let until = now.addingTimeInterval(Double(event.offerHours) * 3600).timeIntervalSince1970
        let held = try await sql.raw("""
            SELECT COUNT(*) AS n FROM event_registrations WHERE event = \(bind: event.slug) AND state IN (\(binds: seatStates))
            """).first(decoding: Count.self)?.n ?? 0
        if held < event.capacity {
            let next = try await sql.raw("""
                SELECT id FROM event_registrations WHERE event = \(bind: event.slug) AND state = \(bind: Registration.State.waitlisted.rawValue)
                ORDER BY created_at, id LIMIT \(literal: event.capacity - held)
                """).all(decoding: ID.self)
            for row in next {
                try await sql.raw("""
                    UPDATE event_registrations SET state = \(bind: Registration.State.offered.rawValue), offered_until = \(bind: until) WHERE id = \(bind: row.id)
                    """).run()
                offered.insert(row.id)
            }
        }
        guard event.allocation == .firstCome else { return try await read(where: offered, on: sql) }
        for round in event.rounds {
            for workshop in round.workshops {
                let taken = try await workshopCount(event.slug, workshop.id, states: seatStates, on: sql)
                guard taken < workshop.capacity else { continue }
                let next = try await sql.raw("""
                    SELECT p.registration_id AS id FROM workshop_places p JOIN event_registrations r ON r.id = p.registration_id
                    WHERE p.event = \(bind: event.slug) AND p.workshop = \(bind: workshop.id) AND p.state = \(bind: Registration.State.waitlisted.rawValue)
                    AND r.state IN (\(binds: [Registration.State.confirmed.rawValue, Registration.State.pending.rawValue]))
                    ORDER BY r.created_at, r.id LIMIT \(literal: workshop.capacity - taken)
                    """).all(decoding: ID.self)
                for row in next {
                    let direct = row.id == confirmDirectly?.uuidString
                    try await sql.raw("""
                        UPDATE workshop_places SET state = \(bind: direct ? Registration.State.confirmed.rawValue : Registration.State.offered.rawValue),
                        offered_until = \(bind: direct ? nil : until) WHERE registration_id = \(bind: row.id) AND round = \(bind: round.id)
                        """).run()
                    if !direct { offered.insert(row.id) }
                }
            }
        }
        return try await read(where: offered, on: sql)
    }

    public func changeWorkshop(_ id: UUID, event: Event, round: String, to workshop: String, now: Date) async throws -> Registration {
        try await withRegistration(id, of: event) { sql, registration in
            guard let (_, target) = event.workshop(workshop), event.rounds.first(where: { $0.id == round })?.workshops.contains(target) == true
            else { throw EventProblem.notFound }
            guard [.confirmed, .pending].contains(registration.state) else { throw EventProblem.wrongState(registration.state) }
            guard registration.places.first(where: { $0.round == round })?.workshop != workshop else { return }
            let taken = try await Self.workshopCount(event.slug, workshop, states: Self.seatStates + [Registration.State.waitlisted.rawValue], on: sql)
            guard taken < target.capacity else { throw EventProblem.full }
            let confirmed = Registration.State.confirmed.rawValue
            let updated = try await sql.raw("""
                UPDATE workshop_places SET workshop = \(bind: workshop), state = \(bind: confirmed), offered_until = NULL, ranking = \(bind: workshop)
                WHERE registration_id = \(bind: id.uuidString) AND round = \(bind: round) RETURNING round
                """).all()
            if updated.isEmpty {
                try await sql.raw("""
                    INSERT INTO workshop_places (registration_id, event, round, workshop, state, ranking)
                    VALUES (\(bind: id.uuidString), \(bind: event.slug), \(bind: round), \(bind: workshop), \(bind: confirmed), \(bind: workshop))
                    """).run()
            }
            // The seat left behind goes to the next in line for that workshop.
            try await Self.offerFreedSeats(event, now: now, on: sql)
        }
    }

    public func approve(_ id: UUID, event: Event) async throws -> Registration {
        try await step(id, event: event, from: [.pending], to: .confirmed)
    }

    /// One registration from one of `from` to `to`, on the event's row lock.
    func step(_ id: UUID, event: Event, from: Set<Registration.State>, to: Registration.State) async throws -> Registration {
        try await withRegistration(id, of: event) { sql, registration in
            guard from.contains(registration.state) else { throw EventProblem.wrongState(registration.state) }
            try await sql.raw("UPDATE event_registrations SET state = \(bind: to.rawValue) WHERE id = \(bind: id.uuidString)").run()
        }
    }

    /// A step on one registration of `event`, in one transaction on the event's row lock: the
    /// registration is read (not found: `EventProblem.notFound`), `change` checks and writes, and the
    /// registration comes back as it is after.
    func withRegistration(_ id: UUID, of event: Event, _ change: @escaping @Sendable (any SQLDatabase, Registration) async throws -> Void) async throws -> Registration {
        try await database.transaction { tx in
            let sql = tx.sql
            try await Self.lock(event, on: sql)
            guard let registration = try await Self.read(where: "id = \(bind: id.uuidString) AND event = \(bind: event.slug)", on: sql).first else {
                throw EventProblem.notFound
            }
            try await change(sql, registration)
            return try await Self.read(where: "id = \(bind: id.uuidString)", on: sql)[0]
        }
    }

    public func allocate(_ event: Event, now: Date) async throws -> RankedChoice.Result {
        try await database.transaction { tx in
            let sql = tx.sql
            try await Self.lock(event, on: sql)
            let seated = try await Self.read(where: "event = \(bind: event.slug) AND state IN (\(binds: [Registration.State.confirmed.rawValue, Registration.State.pending.rawValue]))",
                                             on: sql)
            let participants = seated.compactMap { registration -> RankedChoice.Participant? in
                let open = registration.places.filter { $0.state == .pending && $0.workshop == nil }
                guard !open.isEmpty else { return nil }
                return RankedChoice.Participant(id: registration.id, rankings: Dictionary(uniqueKeysWithValues: open.map { ($0.round, $0.ranking) }))
            }
            var rounds: [(id: String, capacities: [String: Int])] = []
            for round in event.rounds {
                var capacities: [String: Int] = [:]
                for workshop in round.workshops {
                    capacities[workshop.id] = workshop.capacity - (try await Self.workshopCount(event.slug, workshop.id, states: Self.seatStates, on: sql))
                }
                rounds.append((round.id, capacities))
            }
            let result = RankedChoice.assign(participants, rounds: rounds, seed: event.slug)
            for assignment in result.assignments {
                let state: Registration.State = assignment.workshop == nil ? .waitlisted : .confirmed
                try await sql.raw("""
                    UPDATE workshop_places SET workshop = \(bind: assignment.workshop), state = \(bind: state.rawValue)
                    WHERE registration_id = \(bind: assignment.participant.uuidString) AND round = \(bind: assignment.round)
                    """).run()
            }
            return result
        }
    }
}
