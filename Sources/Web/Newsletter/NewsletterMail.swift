import Editions
import Newsletter

/// The e-mails a visitor asks for on the newsletter's public pages: confirming a sign-up or an alert,
/// and the note that an address was already signed up. (Editions are `EditionMail`; alert digests `AlertMail`.)
enum NewsletterMail {
    static func confirmSubscription(link: String) -> (subject: String, text: String) {
        ("Bevestig uw aanmelding voor WeerbaarNL", """
            Bedankt voor uw aanmelding voor WeerbaarNL, de nieuwsbrief van Weerbaar.

            Bevestig uw aanmelding met deze link; hij is zeven dagen geldig:

            \(link)

            Heeft u zich niet aangemeld? Dan kunt u deze e-mail negeren: zonder bevestiging ontvangt u niets
            en wissen we uw adres na zeven dagen.
            """)
    }

    static func alreadySubscribed(preferences: String) -> (subject: String, text: String) {
        ("U bent al aangemeld voor WeerbaarNL", """
            Iemand (waarschijnlijk u) heeft dit adres opnieuw aangemeld voor WeerbaarNL. U was al aangemeld;
            er is niets veranderd. Uw voorkeuren wijzigt u hier:

            \(preferences)
            """)
    }

    static func confirmAlert(label: String, frequency: AlertFrequency, link: String) -> (subject: String, text: String) {
        ("Bevestig uw attendering op Weerbaar", """
            U vroeg op Weerbaar om op de hoogte te blijven van nieuw aanbod bij de zoekopdracht: \(label) (\(frequency.label)).

            Bevestig dit met deze link; hij is zeven dagen geldig:

            \(link)

            Vroeg u dit niet? Dan kunt u deze e-mail negeren: zonder bevestiging ontvangt u niets.
            """)
    }

    /// Every mail ends with the sender organisation's postal address.
    static func signed(_ text: String, senderAddress: String) -> String { text + "\n\n--\n\(senderAddress)\n" }
}
