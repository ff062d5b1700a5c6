/// Tips from readers: the public form and the sender's personal link, and the redactie's queue.
enum TipPaths {
    static let form = Path("/tip-ons")
    /// The sender's personal link: the status page, confirmation, changes and withdrawal.
    static let status = Path1("/tip-ons/{token}")
    static let confirm = status.appending("/bevestigen")
    static let edit = status.appending("/aanpassen")
    static let withdraw = status.appending("/intrekken")

    enum Portal {
        static let queue = Path("/beheer/tips")
        static let tip = Path1("/beheer/tips/{id}")
        static let claim = tip.appending("/oppakken")
        static let release = tip.appending("/vrijgeven")
        static let requestChanges = tip.appending("/aanpassing-vragen")
        static let accept = tip.appending("/accepteren")
        static let decline = tip.appending("/afwijzen")
    }
}
