/// The addresses every site has, whatever its features.
enum SitePaths {
    static let health = Path("/healthz")
    static let ready = Path("/readyz")
    static let asset = Path1("/static/{name}")
}
