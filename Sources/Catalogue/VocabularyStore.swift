/// Why a change to a vocabulary was refused, in Dutch for the beheerder.
public enum VocabularyProblem: Error, Sendable, Equatable {
    case slugTaken
    case notFound
    /// Kinds drive the site's structure (Lezen, Leren, Contact opnemen): relabelled, never added or merged.
    case fixedVocabulary
    /// A form moves only to a form of the same kind, or offerings would get a form that does not fit.
    case differentParent
    case sameTerm

    public var message: String {
        switch self {
        case .slugTaken: "Er is al een waarde met dit kenmerk in deze lijst."
        case .notFound: "Deze waarde bestaat niet (meer)."
        case .fixedVocabulary: "De soorten bepalen de indeling van de site; u kunt ze alleen hernoemen."
        case .differentParent: "Een vorm kan alleen worden samengevoegd met een vorm van dezelfde soort."
        case .sameTerm: "Kies twee verschillende waarden."
        }
    }
}

/// Beheerders keep the vocabularies: add, rename, reorder, and merge a term into another with every
/// offering (published or draft) moved along.
public protocol VocabularyStore: Sendable {
    func add(_ term: Term) async throws
    func rename(_ vocabulary: Vocabulary, _ slug: String, label: String, description: String) async throws
    /// Swaps the term with its neighbour above (-1) or below (+1); at an end nothing changes.
    func move(_ vocabulary: Vocabulary, _ slug: String, by offset: Int) async throws
    /// Moves every offering from `from` to `into` and removes `from`, in one transaction. Returns how
    /// many offerings (published, archived or draft) changed.
    func merge(_ vocabulary: Vocabulary, from: String, into: String, by editor: Editor) async throws -> Int
}
