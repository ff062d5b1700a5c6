import Foundation

/// An event as stored, with the revision its organisers' form is based on.
public struct StoredEvent: Sendable, Equatable {
    public var event: Event
    /// Raised by every save (not by registrations): a form opened on an older revision is refused.
    public var revision: Int

    public init(event: Event, revision: Int) {
        self.event = event
        self.revision = revision
    }
}

/// Why an organiser's save is refused; nothing is written.
public enum EventEditProblem: Error, Sendable, Equatable {
    /// Someone saved the event since this form was opened.
    case stale
    /// A new event with a slug that is taken.
    case exists
    /// Workshops or rounds removed while people hold or wait for a place in them (their titles).
    case inUse([String])
    /// The capacity is below the seats already held.
    case belowSeats(held: Int)
    /// A workshop's capacity below the places already held in it.
    case workshopBelowSeats(workshop: String, held: Int)
}

/// A message from the organiser (or a change notice) to an event's participants, sent through the
/// agenda's outbox: one row per participant, delivered at most once.
public struct EventMessage: Sendable, Equatable {
    public var id: UUID
    public var event: String
    public var subject: String
    public var body: String
    /// The organiser's e-mail address, or "systeem".
    public var sentBy: String
    public var created: Date

    public init(id: UUID = UUID(), event: String, subject: String, body: String, sentBy: String, created: Date) {
        self.id = id
        self.event = event
        self.subject = subject
        self.body = body
        self.sentBy = sentBy
        self.created = created
    }
}

/// Who a message goes to.
public enum MessageAudience: String, Sendable, CaseIterable {
    /// Those who hold a seat (confirmed, awaiting approval, offered, checked in).
    case seated = "deelnemers"
    /// Those and the waiting list.
    case everyone = "iedereen"
    /// Only those confirmed (a reminder: not who awaits approval or an offer).
    case confirmed = "bevestigd"

    public var label: String {
        switch self {
        case .seated: "Deelnemers met een plaats"
        case .everyone: "Deelnemers en de wachtlijst"
        case .confirmed: "Alleen bevestigde deelnemers"
        }
    }

    public var states: [Registration.State] {
        switch self {
        case .seated: [.confirmed, .pending, .offered, .attended, .noShow]
        case .everyone: [.confirmed, .pending, .offered, .attended, .noShow, .waitlisted]
        case .confirmed: [.confirmed]
        }
    }
}

/// What organisers do beside the seats: edit the event, write to the participants, check in per session.
public protocol EventOrganising: Sendable {
    func storedEvent(_ slug: String) async throws -> StoredEvent?
    /// All events as stored, drafts too (the portal's list).
    func storedEvents() async throws -> [StoredEvent]
    /// Saves one event, new when `revision` is nil. Refuses (`EventEditProblem`) a stale revision, a
    /// taken slug, removing workshops or rounds that people hold or wait for, and capacities below the
    /// seats held; checked and written in one transaction on the event's row lock. Returns the event
    /// as it was before (nil when new).
    func save(_ event: Event, revision: Int?) async throws -> Event?
    /// Stores the message and queues it for the registrations in `audience`, in one transaction.
    /// Returns how many it goes to.
    func queue(_ message: EventMessage, to audience: MessageAudience) async throws -> Int
    func message(_ id: UUID) async throws -> EventMessage?
    /// The event's messages, newest first, with how many each went to.
    func messages(event: String) async throws -> [(message: EventMessage, recipients: Int)]
    /// Per registration, per session: attended or not (only sessions that were checked).
    func attendance(event: String) async throws -> [UUID: [String: Bool]]
    /// Checks a registration in (or out) for one session; the registration's state follows: attended
    /// if at any session, no-show if checked only as absent.
    func markAttendance(_ id: UUID, event: Event, session: String, attended: Bool) async throws -> Registration
}
