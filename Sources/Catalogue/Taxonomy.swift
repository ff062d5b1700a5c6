import Foundation

/// The vocabularies and providers as they stand: what validation checks slugs against and what pages
/// and facets take their labels and order from.
public struct Taxonomy: Sendable, Hashable {
    public private(set) var terms: [Vocabulary: [Term]]
    public private(set) var providers: [Provider]
    private var termIndex: [Vocabulary: [String: Term]]
    private var providerIndex: [String: Provider]

    public init(terms: [Term], providers: [Provider]) {
        var grouped: [Vocabulary: [Term]] = [:]
        for term in terms { grouped[term.vocabulary, default: []].append(term) }
        for vocabulary in Vocabulary.allCases {
            grouped[vocabulary] = (grouped[vocabulary] ?? []).sorted {
                ($0.position, $0.slug) < ($1.position, $1.slug)
            }
        }
        self.terms = grouped
        self.termIndex = grouped.mapValues { Dictionary($0.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a }) }
        self.providers = providers.sorted { $0.name.lowercased() < $1.name.lowercased() }
        self.providerIndex = Dictionary(providers.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public func terms(_ vocabulary: Vocabulary) -> [Term] { terms[vocabulary] ?? [] }

    public func term(_ vocabulary: Vocabulary, _ slug: String) -> Term? { termIndex[vocabulary]?[slug] }

    public func label(_ vocabulary: Vocabulary, _ slug: String) -> String {
        term(vocabulary, slug)?.label ?? slug
    }

    public func provider(_ slug: String) -> Provider? { providerIndex[slug] }

    /// Forms that belong to a kind, in order.
    public func forms(of kind: String) -> [Term] { terms(.form).filter { $0.parent == kind } }

    /// The built-in vocabularies and partners, as the first migration seeds them.
    public static let standard = Taxonomy(terms: StandardVocabularies.terms, providers: StandardProviders.all)
}
