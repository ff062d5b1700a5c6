/// The handbook in the portal: the entries, their form and history.
enum HandbookPortalPaths {
    static let entries = Path("/beheer/handboek")
    static let newEntry = Path("/beheer/handboek/nieuw")
    static let entry = Path1("/beheer/handboek/{id}")
    static let history = entry.appending("/geschiedenis")
}
