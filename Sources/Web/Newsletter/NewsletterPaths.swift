import Editions

/// WeerbaarNL's addresses: sign-up and personal links, alerts, the archive, counted links, and the
/// redactie's edition pages in the portal.
enum NewsletterPaths {
    static let signUp = Path("/nieuwsbrief")
    static let confirm = Path1("/nieuwsbrief/bevestigen/{token}")
    static let preferences = Path1(MailLinks.preferences)
    static let export = preferences.appending("/gegevens.json")
    static let unsubscribe = Path1(MailLinks.unsubscribe)

    static let alertSignUp = Path("/nieuwsbrief/attendering")
    static let confirmAlert = Path1("/nieuwsbrief/attendering/bevestigen/{token}")
    static let stopAlert = Path1(MailLinks.stopAlert)

    static let archive = Path(MailLinks.archive)
    static let archiveFeed = Path("/nieuwsbrief/archief.atom")
    static let archivedEdition = Path1(MailLinks.archivedEdition)
    static let click = Path1(MailLinks.click)

    /// The redactie's side, in the portal.
    enum Portal {
        static let editions = Path("/beheer/nieuwsbrief")
        static let new = Path("/beheer/nieuwsbrief/nieuw")
        static let edition = Path1("/beheer/nieuwsbrief/{editie}")
        static let preview = edition.appending("/voorbeeld")
        static let testMail = edition.appending("/testmail")
        static let schedule = edition.appending("/plannen")
        static let send = edition.appending("/versturen")
        static let delete = edition.appending("/verwijderen")
    }
}
