import Catalogue
import CatalogueService
import Foundation

/// The JSON shapes of API v1. They are the contract of `/api/v1/openapi.json`; change both together.
enum APIModels {
    struct OfferingList: Encodable {
        var total: Int
        var page: Int
        var perPage: Int
        var results: [OfferingSummary]
        var facets: [String: [FacetValue]]
    }

    struct OfferingSummary: Encodable {
        var id: String
        var provider: String
        var slug: String
        var title: String
        var summary: String
        var kind: String
        var form: String
        var themes: [String]
        var audiences: [String]
        var cost: String?
        var delivery: String?
        var level: String?
        var phases: [String]
        var evidence: String
        var url: String?
        var updated: String

        init(_ o: Offering) {
            id = o.id
            provider = o.provider
            slug = o.slug
            title = o.title
            summary = o.summary
            kind = o.kind
            form = o.form
            themes = o.themes
            audiences = o.audiences
            cost = o.cost
            delivery = o.delivery
            level = o.level
            phases = o.phases
            evidence = o.evidence?.level ?? Evidence.notAssessed
            url = o.url
            updated = APIModels.timestamp(o.updated)
        }
    }

    struct FacetValue: Encodable {
        var value: String
        var label: String
        var count: Int
        var selected: Bool
    }

    /// One offering with every field of the exchange format plus what the platform adds.
    struct OfferingDetail: Encodable {
        var id: String
        var provider: String
        var slug: String
        var title: String
        var summary: String
        var description: String
        var kind: String
        var form: String
        var themes: [String]
        var audiences: [String]
        var keywords: [String]
        var cost: String?
        var delivery: String?
        var duration: String?
        var level: String?
        var phases: [String]
        var price: String?
        var schedule: String?
        var language: String?
        var accreditation: String?
        var evidence: Evidence?
        var url: String?
        var contact: Contact?
        var published: String?
        var reviewBy: String?
        var lastChecked: String?
        var created: String
        var updated: String
        var page: String

        init(_ o: Offering, site: SiteServices) {
            id = o.id
            provider = o.provider
            slug = o.slug
            title = o.title
            summary = o.summary
            description = o.description
            kind = o.kind
            form = o.form
            themes = o.themes
            audiences = o.audiences
            keywords = o.keywords
            cost = o.cost
            delivery = o.delivery
            duration = o.duration
            level = o.level
            phases = o.phases
            price = o.price
            schedule = o.schedule
            language = o.language
            accreditation = o.accreditation
            evidence = o.evidence
            url = o.url
            contact = o.contact
            published = o.published?.description
            reviewBy = o.reviewBy?.description
            lastChecked = o.lastChecked?.description
            created = APIModels.timestamp(o.created)
            updated = APIModels.timestamp(o.updated)
            page = site.absolute(CataloguePaths.offering(o.slug))
        }
    }

    struct TaxonomyTerm: Encodable {
        var slug: String
        var label: String
        var description: String
        var position: Int
        var kind: String?
    }

    struct TaxonomyDocument: Encodable {
        var theme: [TaxonomyTerm]
        var kind: [TaxonomyTerm]
        var form: [TaxonomyTerm]
        var audience: [TaxonomyTerm]
        var cost: [TaxonomyTerm]
        var delivery: [TaxonomyTerm]
        var level: [TaxonomyTerm]
        var phase: [TaxonomyTerm]
        var evidence: [TaxonomyTerm]

        init(_ taxonomy: Taxonomy) {
            func terms(_ vocabulary: Vocabulary) -> [TaxonomyTerm] {
                taxonomy.terms(vocabulary).map {
                    TaxonomyTerm(slug: $0.slug, label: $0.label, description: $0.description, position: $0.position, kind: $0.parent)
                }
            }
            theme = terms(.theme)
            kind = terms(.kind)
            form = terms(.form)
            audience = terms(.audience)
            cost = terms(.cost)
            delivery = terms(.delivery)
            level = terms(.level)
            phase = terms(.phase)
            evidence = terms(.evidence)
        }
    }

    struct ProviderList: Encodable {
        var providers: [ProviderItem]
    }

    struct ProviderItem: Encodable {
        var slug: String
        var name: String
        var abbreviation: String
        var description: String
        var website: String
        var email: String?
        var phone: String?
        var offerings: Int
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
