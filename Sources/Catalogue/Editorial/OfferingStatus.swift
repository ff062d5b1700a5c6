/// Where an offering is in its life. Only `published` is ever public: on pages, in the API, the feed
/// and search. The raw value is stored.
public enum OfferingStatus: String, Sendable, Codable, CaseIterable {
    /// Being written; only its provider's editors and the redactie see it.
    case concept
    /// Submitted by a partner editor; waits for a redacteur.
    case submitted = "ter-beoordeling"
    case published = "gepubliceerd"
    /// Taken off the site, kept with its history; can be restored.
    case archived = "gearchiveerd"

    public var label: String {
        switch self {
        case .concept: "Concept"
        case .submitted: "Ter beoordeling"
        case .published: "Gepubliceerd"
        case .archived: "Gearchiveerd"
        }
    }
}
