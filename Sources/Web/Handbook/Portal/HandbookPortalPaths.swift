/// The handbook in the portal: the entries, their form and history.
enum HandbookPortalPaths {
    static let entries = Path("/beheer/handboek")
    static let newEntry = Path("/beheer/handboek/nieuw")
    static let entry = Path1("/beheer/handboek/{id}")
    static let history = entry.appending("/geschiedenis")
    static let sendBack = entry.appending("/terugsturen")
    static let restore = entry.appending("/geschiedenis").appending(parameter: "/{n}").appending("/terugzetten")
    static let routes = Path("/beheer/leerroutes")
    static let newRoute = Path("/beheer/leerroutes/nieuw")
    static let route = Path1("/beheer/leerroutes/{slug}")
    static let experts = Path1("/beheer/experts/{thema}")
}
