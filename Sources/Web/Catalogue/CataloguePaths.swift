import Editions

/// The public catalogue's addresses: pages, feeds and the JSON API.
enum CataloguePaths {
    static let home = Path("/")
    static let finder = Path(MailLinks.finder)
    static let offering = Path1(MailLinks.offering)
    static let guide = Path("/vraagwijzer")
    static let themes = Path("/themas")
    static let theme = Path1("/themas/{slug}")
    static let providers = Path("/aanbieders")
    static let provider = Path1("/aanbieders/{slug}")
    static let feed = Path("/feed.atom")
    static let sitemap = Path("/sitemap.xml")
    static let robots = Path("/robots.txt")

    /// JSON API v1 (docs/api.md; the contract is `Assets/openapi.json`).
    enum API {
        static let offerings = Path("/api/v1/offerings")
        static let offering = Path2("/api/v1/offerings/{provider}/{id}")
        static let suggest = Path("/api/v1/suggest")
        static let taxonomy = Path("/api/v1/taxonomy")
        static let providers = Path("/api/v1/providers")
        static let openAPI = Path("/api/v1/openapi.json")
    }
}
