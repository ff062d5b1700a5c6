import Accounts

/// The e-mails about accounts: an invitation, and a link to choose a new password.
enum AccountMail {
    static func invitation(name: String, invitedBy: String, role: Role, link: String) -> (subject: String, text: String) {
        ("Uitnodiging voor het beheer van Weerbaar", """
            Beste \(name),

            \(invitedBy) nodigt u uit voor het beheer van Weerbaar, als \(role.label.lowercased()).
            Maak uw account met deze link; hij werkt één keer en is 72 uur geldig:

            \(link)

            Verwachtte u deze uitnodiging niet? Dan kunt u deze e-mail negeren.
            """)
    }

    static func reset(name: String, link: String) -> (subject: String, text: String) {
        ("Nieuw wachtwoord voor Weerbaar", """
            Beste \(name),

            Iemand heeft een nieuw wachtwoord gevraagd voor uw account bij Weerbaar. Kies het met deze link;
            hij werkt één keer en is één uur geldig:

            \(link)

            Heeft u dit niet gevraagd? Dan kunt u deze e-mail negeren; uw wachtwoord blijft hetzelfde.
            """)
    }
}
