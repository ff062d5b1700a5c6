/// The head of a page: title, description, canonical path, Open Graph and structured data.
struct PageMeta {
    var title: String
    var description: String
    /// The canonical path, e.g. "/aanbod/handreiking-demonstraties".
    var path: String
    var ogType: String = "website"
    /// schema.org JSON-LD, already encoded.
    var jsonLD: String?
    /// Search results and error pages are not indexed.
    var noIndex = false
    /// The main navigation item to mark as current.
    var section: Section? = nil

    enum Section { case home, offerings, guide, themes, providers, practice, agenda, handbook }
}
