import Foundation
import Mail
import Newsletter
import Synchronization

/// Turns an outbox row into the e-mail: the stored variant with the subscriber's own preferences and
/// unsubscribe links, and the headers mail programs use to list and leave a newsletter (RFC 2369,
/// RFC 2919, RFC 8058). The Message-ID is derived from the row, so the same row always carries the same id.
public final class EditionComposer: OutboxComposer {
    let editions: any EditionStore
    let links: SignedLink
    let baseURL: String
    let from: MailAddress
    let host: String
    /// Variants are few and read for every message; they never change once an edition is sent.
    private let cache = Mutex<[String: EditionVariant]>([:])

    public init(editions: any EditionStore, links: SignedLink, baseURL: String, from: MailAddress) {
        self.editions = editions
        self.links = links
        self.baseURL = baseURL
        self.from = from
        self.host = URL(string: baseURL)?.host ?? "weerbaar.nl"
    }

    public struct Unavailable: Error, CustomStringConvertible {
        public var description: String
    }

    public func message(for row: OutboxMessage) async throws -> MailMessage {
        guard let subscriber = row.subscriberID else { throw Unavailable(description: "de abonnee is gewist") }
        let cacheKey = "\(row.editionID)/\(row.variant)"
        var variant = cache.withLock { $0[cacheKey] }
        if variant == nil {
            guard let stored = try await editions.variant(edition: row.editionID, key: row.variant) else {
                throw Unavailable(description: "variant \(row.variant) ontbreekt")
            }
            cache.withLock { $0[cacheKey] = stored }
            variant = stored
        }
        guard let variant else { throw Unavailable(description: "variant \(row.variant) ontbreekt") }
        let preferences = baseURL + "/nieuwsbrief/voorkeuren/" + links.token(.preferences, subscriber: subscriber, expires: nil)
        let unsubscribe = baseURL + "/nieuwsbrief/afmelden/" + links.token(.unsubscribe, subscriber: subscriber, expires: nil)
        func personal(_ text: String) -> String {
            text.replacingOccurrences(of: EditionVariant.preferencesPlaceholder, with: preferences)
                .replacingOccurrences(of: EditionVariant.unsubscribePlaceholder, with: unsubscribe)
        }
        let to: MailAddress
        do {
            to = try MailAddress(row.recipient)
        } catch {
            throw Unavailable(description: "ongeldig adres")
        }
        return MailMessage(
            from: from, fromName: "WeerbaarNL", to: [to], subject: variant.subject, text: personal(variant.text), html: personal(variant.html),
            headers: [
                ("List-Id", "WeerbaarNL <weerbaarnl.\(host)>"),
                ("List-Unsubscribe", "<\(unsubscribe)>"),
                ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                ("List-Archive", "<\(baseURL)/nieuwsbrief/archief>"),
                ("Precedence", "bulk"),
            ],
            messageID: "editie-\(row.editionID.uuidString.lowercased().prefix(8))-\(row.id)@\(host)")
    }
}
