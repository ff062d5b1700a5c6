/// The agenda, an event and its registration, and a registration's personal link.
enum EventPaths {
    static let agenda = Path("/agenda")
    static let feed = Path("/agenda.ics")
    static let event = Path1("/agenda/{slug}")
    static let eventFeed = event.appending("/kalender.ics")
    static let register = event.appending("/aanmelden")
    /// The participant's personal link: status, claim an offered seat, not interested, cancel.
    static let registration = Path1("/aanmelding/{token}")
    static let claim = registration.appending("/plaats-nemen")
    static let decline = registration.appending("/niet-meer")
    static let cancel = registration.appending("/annuleren")
    static let change = registration.appending("/wijzigen")

    enum Portal {
        static let events = Path("/beheer/agenda")
        static let newEvent = Path("/beheer/agenda/nieuw")
        static let event = Path1("/beheer/agenda/{slug}")
        static let edit = event.appending("/bewerken")
        static let message = event.appending("/bericht")
        static let nameList = event.appending("/naamlijst")
        static let export = event.appending("/aanmeldingen.csv")
        static let workbook = event.appending("/aanmeldingen.xlsx")
        static let registration = event.appending(parameter: "/{id}")
    }
}
