/// The addresses of the offer in the portal: the dashboard list, editing, history, review and upload.
enum EditorialPaths {
    static let offerings = Path("/beheer/aanbod")
    static let newOffering = Path("/beheer/aanbod/nieuw")
    static let upload = Path("/beheer/aanbod/uploaden")
    static let templateCSV = Path("/beheer/aanbod/uploaden/sjabloon.csv")
    static let templateXLSX = Path("/beheer/aanbod/uploaden/sjabloon.xlsx")
    static let applyUpload = Path1("/beheer/aanbod/uploaden/{upload}")
    static let reviewQueue = Path("/beheer/beoordelen")

    static let offering = Path2("/beheer/aanbod/{provider}/{id}")
    static let confirm = offering.appending("/actueel")
    static let archive = offering.appending("/archiveren")
    static let unarchive = offering.appending("/herstellen")
    static let publish = offering.appending("/publiceren")
    static let sendBack = offering.appending("/terugsturen")
    static let history = offering.appending("/geschiedenis")
    static let revision = history.appending(parameter: "/{n}")
    static let restore = revision.appending("/terugzetten")
}
