import Catalogue

/// The facets of the catalogue, described as data: their names in URLs (Dutch on pages, English in the
/// API), their Dutch labels and where their values come from. Pages, the API and the index all read this.
public enum Facet: String, CaseIterable, Sendable, Hashable {
    case theme, kind, form, audience, provider, cost, delivery, level, phase, evidence

    /// The query parameter on public pages: `/aanbod?thema=polarisatie`.
    public var pageParameter: String {
        switch self {
        case .theme: "thema"
        case .kind: "soort"
        case .form: "vorm"
        case .audience: "doelgroep"
        case .provider: "aanbieder"
        case .cost: "kosten"
        case .delivery: "werkvorm"
        case .level: "niveau"
        case .phase: "fase"
        case .evidence: "erkenning"
        }
    }

    /// The query parameter of `/api/v1/offerings`, equal to the facet's name.
    public var apiParameter: String { rawValue }

    public var label: String {
        switch self {
        case .theme: "Thema"
        case .kind: "Soort"
        case .form: "Vorm"
        case .audience: "Doelgroep"
        case .provider: "Aanbieder"
        case .cost: "Kosten"
        case .delivery: "Werkvorm"
        case .level: "Niveau"
        case .phase: "Fase van onrust"
        case .evidence: "Erkenning"
        }
    }

    public var vocabulary: Vocabulary? {
        switch self {
        case .theme: .theme
        case .kind: .kind
        case .form: .form
        case .audience: .audience
        case .cost: .cost
        case .delivery: .delivery
        case .level: .level
        case .phase: .phase
        case .evidence: .evidence
        case .provider: nil
        }
    }

    /// The facet's possible values in display order, with their labels.
    public func values(in taxonomy: Taxonomy) -> [(slug: String, label: String)] {
        if let vocabulary {
            return taxonomy.terms(vocabulary).map { ($0.slug, $0.label) }
        }
        return taxonomy.providers.map { ($0.slug, $0.name) }
    }

    /// The offering's values for this facet.
    public func values(of offering: Offering) -> [String] {
        switch self {
        case .theme: offering.themes
        case .kind: [offering.kind]
        case .form: [offering.form]
        case .audience: offering.audiences
        case .provider: [offering.provider]
        case .cost: offering.cost.map { [$0] } ?? []
        case .delivery: offering.delivery.map { [$0] } ?? []
        case .level: offering.level.map { [$0] } ?? []
        case .phase: offering.phases
        // Without a recognition an offering is "niet beoordeeld", and filtering on that finds it.
        case .evidence: [offering.evidence?.level ?? Evidence.notAssessed]
        }
    }
}
