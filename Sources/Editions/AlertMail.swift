import Markup
import Catalogue
import Foundation
import Mail
import Newsletter
import Plot

/// The alert e-mail: what newly matches a saved search, as HTML (same layout rules as editions) and text.
public enum AlertMail {
    public static func message(_ alert: Alert, to address: MailAddress, offerings: [Offering], taxonomy: Taxonomy, baseURL: String,
                               links: SignedLink, from: MailAddress, senderAddress: String) -> MailMessage {
        let stop = baseURL + MailLinks.fill(MailLinks.stopAlert, links.token(.stopAlert, subscriber: alert.id, expires: nil))
        let preferences = baseURL + MailLinks.fill(MailLinks.preferences, links.token(.preferences, subscriber: alert.subscriberID, expires: nil))
        let search = baseURL + MailLinks.finder + (alert.query.isEmpty ? "" : "?" + alert.query)
        let subject = "Nieuw aanbod bij uw zoekopdracht: \(alert.label)"
        let cards = offerings.map { offering in
            EditionContent.Card(title: offering.title, summary: offering.summary, url: baseURL + MailLinks.fill(MailLinks.offering, offering.slug),
                                provider: taxonomy.provider(offering.provider)?.name ?? offering.provider, kind: taxonomy.label(.kind, offering.kind))
        }
        // The edition layout, with the alert's words in the footer.
        let content = EditionContent(subject: subject, intro: "Sinds de vorige e-mail is dit aanbod nieuw bij uw zoekopdracht **\(alert.label)**.",
                                     sections: [.init(title: "Nieuw aanbod (\(cards.count))", themes: [],
                                                      blocks: [.cards(cards)])],
                                     archiveURL: search)
        func personal(_ text: String) -> String { PersonalTemplate(text).fill(preferences: preferences, unsubscribe: stop) }
        let host = URL(string: baseURL)?.host ?? "weerbaar.nl"
        return MailMessage(from: from, fromName: "Weerbaar", to: [address], subject: subject,
                           text: personal(EditionMail.text(content, senderAddress: senderAddress, footer: .alert)),
                           html: personal(EditionMail.html(content, senderAddress: senderAddress, footer: .alert)),
                           headers: [("List-Id", "Weerbaar attenderingen <attenderingen.\(host)>"), ("List-Unsubscribe", "<\(stop)>"),
                                     ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"), ("Precedence", "bulk")])
    }
}
