import Events
import Foundation
import Mail
import Newsletter

/// Makes the e-mail for one row of the agenda's outbox: the organiser's message (or a change
/// notice) with the participant's greeting and personal link. A registration erased or cancelled
/// since the message was queued gets nothing.
public struct EventMessageComposer: OutboxComposer {
    struct Unavailable: Error, CustomStringConvertible { var description: String }

    let store: any EventStore
    let links: SignedLink
    let baseURL: String
    let from: MailAddress
    /// The organising provider's name, by slug.
    let organiser: @Sendable (String) -> String?

    public init(store: any EventStore, links: SignedLink, baseURL: String, from: MailAddress, organiser: @escaping @Sendable (String) -> String?) {
        self.store = store
        self.links = links
        self.baseURL = baseURL
        self.from = from
        self.organiser = organiser
    }

    public func message(for row: OutboxMessage) async throws -> MailMessage {
        guard let message = try await store.message(row.editionID) else { throw Unavailable(description: "het bericht is verwijderd") }
        guard let id = row.subscriberID, let registration = try await store.registration(id), registration.person != nil,
              registration.state != .cancelled else { throw Unavailable(description: "de aanmelding is geannuleerd of gewist") }
        let to: MailAddress
        do { to = try MailAddress(row.recipient) } catch { throw Unavailable(description: "ongeldig adres") }
        let event = try await store.storedEvent(message.event)?.event
        let link = baseURL + EventPaths.registration(links.token(.registration, subscriber: id, expires: nil))
        let text = EventMail.personal(message, registration, event: event, link: link, organiser: event.flatMap { organiser($0.provider) } ?? "De organisator")
        return MailMessage(from: from, fromName: "Weerbaar agenda", to: [to], subject: message.subject, text: text)
    }
}
