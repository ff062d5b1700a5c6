/// One search over all content.
enum SiteSearchPaths {
    static let search = Path("/zoeken")
}
