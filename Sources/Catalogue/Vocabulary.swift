// The controlled vocabularies that classify an offering. Their terms are data (seeded by a migration and
// editable later); only the set of vocabularies itself is fixed in code, because facets, the exchange
// format and the API are built around it.

/// One of the vocabularies an offering is classified by.
public enum Vocabulary: String, CaseIterable, Sendable, Codable, Hashable {
    case theme
    case kind
    case form
    case audience
    case cost
    case delivery
    /// Basis, verdieping, expert.
    case level
    /// The phases of societal unrest an offering helps in (Handelingskader maatschappelijke onrust).
    case phase
    /// The recognition level of an approach (Movisie/NJi), "niet beoordeeld" by default.
    case evidence

    /// Whether an offering may carry several terms of this vocabulary.
    public var isMultiValued: Bool {
        switch self {
        case .theme, .audience, .phase: true
        case .kind, .form, .cost, .delivery, .level, .evidence: false
        }
    }
}

/// A term of a vocabulary: a stable slug plus what people read.
public struct Term: Sendable, Hashable, Codable {
    public var vocabulary: Vocabulary
    public var slug: String
    public var label: String
    public var description: String
    public var position: Int
    /// For forms: the slug of the kind the form belongs to (a "handreiking" is a "publicatie").
    public var parent: String?

    public init(
        vocabulary: Vocabulary, slug: String, label: String, description: String, position: Int,
        parent: String? = nil
    ) {
        self.vocabulary = vocabulary
        self.slug = slug
        self.label = label
        self.description = description
        self.position = position
        self.parent = parent
    }
}
