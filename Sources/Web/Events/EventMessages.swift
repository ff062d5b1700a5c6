import Events
import Foundation
import Mail
import Newsletter
import Synchronization

/// Makes the e-mail for one row of the agenda's outbox: the organiser's message (or a change
/// notice) with the participant's greeting and personal link. A registration erased or cancelled
/// since the message was queued gets nothing.
public final class EventMessageComposer: OutboxComposer, Sendable {
    struct Unavailable: Error, CustomStringConvertible { var description: String }

    let store: any EventStore
    let links: SignedLink
    let baseURL: String
    let from: MailAddress
    /// The organising provider's name, by slug.
    let organiser: @Sendable (String) -> String?
    /// The message being sent and its event, read once for all its rows rather than once per row
    /// (a theme day's message has hundreds); one entry, as rows go out message by message.
    private let current = Mutex<(message: EventMessage, event: Event?)?>(nil)

    public init(store: any EventStore, links: SignedLink, baseURL: String, from: MailAddress, organiser: @escaping @Sendable (String) -> String?) {
        self.store = store
        self.links = links
        self.baseURL = baseURL
        self.from = from
        self.organiser = organiser
    }

    public func message(for row: OutboxMessage) async throws -> MailMessage {
        let (message, event) = try await messageAndEvent(row.editionID)
        guard let id = row.subscriberID, let registration = try await store.registration(id), registration.person != nil,
              registration.state != .cancelled else { throw Unavailable(description: "de aanmelding is geannuleerd of gewist") }
        let to: MailAddress
        do { to = try MailAddress(row.recipient) } catch { throw Unavailable(description: "ongeldig adres") }
        let link = baseURL + EventPaths.registration(links.token(.registration, subscriber: id, expires: nil))
        let text = EventMail.personal(message, registration, event: event, link: link, organiser: event.flatMap { organiser($0.provider) } ?? "De organisator")
        return MailMessage(from: from, fromName: "Weerbaar agenda", to: [to], subject: message.subject, text: text)
    }

    func messageAndEvent(_ id: UUID) async throws -> (EventMessage, Event?) {
        if let cached = current.withLock({ $0 }), cached.message.id == id { return (cached.message, cached.event) }
        guard let message = try await store.message(id) else { throw Unavailable(description: "het bericht is verwijderd") }
        let event = try await store.storedEvent(message.event)?.event
        current.withLock { $0 = (message, event) }
        return (message, event)
    }
}
