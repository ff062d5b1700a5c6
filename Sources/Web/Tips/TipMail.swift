import Foundation
import Knowledge

/// The e-mails a sender of a tip gets: at receipt (with the link that confirms the address and is
/// their personal link from then on), when the redactie asks for changes, and at the decision.
enum TipMail {
    static func received(name: String, title: String, link: String) -> (subject: String, text: String) {
        ("Bevestig uw inzending: \(title)", """
            Beste \(name),

            Dank u wel voor uw inzending "\(title)" op Weerbaar.

            Bevestig dat dit uw e-mailadres is met deze persoonlijke link; pas daarna leest de redactie uw inzending:

            \(link)

            Via dezelfde link ziet u later hoe het ermee staat, en kunt u uw inzending aanpassen of intrekken.
            Deel de link daarom niet. Bevestigt u niet binnen zeven dagen, dan verwijderen we uw inzending
            en uw gegevens.

            Heeft u dit niet zelf ingestuurd? Dan hoeft u niets te doen.

            De redactie van Weerbaar
            """)
    }

    static func changesRequested(name: String, title: String, note: String, link: String) -> (subject: String, text: String) {
        ("Wilt u uw inzending aanpassen? \(title)", """
            Beste \(name),

            De redactie van Weerbaar heeft uw inzending "\(title)" gelezen en vraagt u iets aan te passen:

            \(note)

            U past uw inzending aan via uw persoonlijke link:

            \(link)

            Daarna leest de redactie haar opnieuw.

            De redactie van Weerbaar
            """)
    }

    static func accepted(name: String, title: String, note: String?, link: String) -> (subject: String, text: String) {
        ("Uw inzending wordt gepubliceerd: \(title)", """
            Beste \(name),

            Goed nieuws: de redactie van Weerbaar neemt uw inzending "\(title)" over. Een redacteur maakt er
            een artikel van; we laten het u weten als we daarbij iets willen nagaan.
            \(note.map { "\nDe redacteur schrijft erbij:\n\n\($0)\n" } ?? "")
            Uw persoonlijke link laat zien hoe het ermee staat:

            \(link)

            Uw contactgegevens bewaren we tot een jaar na dit besluit; daarna verwijderen we ze.

            De redactie van Weerbaar
            """)
    }

    static func declined(name: String, title: String, reason: Tip.DeclineReason, note: String?, link: String) -> (subject: String, text: String) {
        ("Over uw inzending: \(title)", """
            Beste \(name),

            Dank u wel voor uw inzending "\(title)". De redactie van Weerbaar publiceert haar niet.

            \(reason.explanation)
            \(note.map { "\nDe redacteur schrijft erbij:\n\n\($0)\n" } ?? "")
            Uw persoonlijke link blijft een jaar werken:

            \(link)

            Daarna verwijderen we uw inzending en uw gegevens.

            De redactie van Weerbaar
            """)
    }
}
