import Editions

/// Knowledge from the field: practice examples, the magazine and articles.
enum KnowledgePaths {
    static let practice = Path("/praktijk")
    static let magazine = Path("/magazine")
    static let edition = Path1("/magazine/{nummer}")
    static let article = Path1(MailLinks.article)
    /// Atom: all articles, or one kind with `?soort=`.
    static let feed = Path("/artikelen.atom")
}
