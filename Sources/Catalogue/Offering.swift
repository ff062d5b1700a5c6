import Foundation

/// An item of the offer (aanbod): a publication, a training or a contact point of one provider.
///
/// `provider` + `id` identify it in the exchange format; `slug` identifies it in public URLs and is
/// kept once assigned, so links stay valid when a title is edited.
public struct Offering: Sendable, Hashable, Codable {
    public var provider: String
    public var id: String
    public var slug: String
    public var title: String
    public var summary: String
    public var description: String
    public var kind: String
    public var form: String
    public var themes: [String]
    public var audiences: [String]
    public var keywords: [String]
    public var cost: String?
    public var delivery: String?
    public var duration: String?
    public var level: String?
    public var phases: [String]
    public var price: String?
    public var schedule: String?
    public var language: String?
    public var accreditation: String?
    public var evidence: Evidence?
    public var url: String?
    public var contact: Contact?
    public var published: Day?
    public var reviewBy: Day?
    /// The day a person last confirmed the offering (publishing an edit, or "still current" in the
    /// portal); nil while nobody has since it arrived by import: an import is never a check.
    public var lastChecked: Day?
    public var created: Date
    public var updated: Date

    public init(
        provider: String, id: String, slug: String, title: String, summary: String, description: String,
        kind: String, form: String, themes: [String], audiences: [String], keywords: [String],
        cost: String?, delivery: String?, duration: String?,
        level: String? = nil, phases: [String] = [], price: String? = nil, schedule: String? = nil, language: String? = nil,
        accreditation: String? = nil, evidence: Evidence? = nil, url: String?, contact: Contact?,
        published: Day?, reviewBy: Day?, lastChecked: Day?, created: Date, updated: Date
    ) {
        self.provider = provider
        self.id = id
        self.slug = slug
        self.title = title
        self.summary = summary
        self.description = description
        self.kind = kind
        self.form = form
        self.themes = themes
        self.audiences = audiences
        self.keywords = keywords
        self.cost = cost
        self.delivery = delivery
        self.duration = duration
        self.level = level
        self.phases = phases
        self.price = price
        self.schedule = schedule
        self.language = language
        self.accreditation = accreditation
        self.evidence = evidence
        self.url = url
        self.contact = contact
        self.published = published
        self.reviewBy = reviewBy
        self.lastChecked = lastChecked
        self.created = created
        self.updated = updated
    }

    /// An offering with this content, as published under `slug`.
    public init(_ record: OfferingRecord, slug: String, lastChecked: Day?, created: Date, updated: Date) {
        self.init(provider: record.provider, id: record.id, slug: slug, title: record.title, summary: record.summary,
                  description: record.description, kind: record.kind, form: record.form, themes: record.themes,
                  audiences: record.audiences, keywords: record.keywords, cost: record.cost, delivery: record.delivery,
                  duration: record.duration, level: record.level, phases: record.phases, price: record.price,
                  schedule: record.schedule, language: record.language, accreditation: record.accreditation,
                  evidence: record.evidence, url: record.url, contact: record.contact, published: record.published,
                  reviewBy: record.reviewBy, lastChecked: lastChecked, created: created, updated: updated)
    }

    /// The key that identifies an offering across imports and exports.
    public var key: OfferingKey { OfferingKey(provider: provider, id: id) }

    /// The offering's content as the exchange format carries it; what an import compares to decide
    /// whether anything changed.
    public var record: OfferingRecord {
        OfferingRecord(
            id: id, provider: provider, title: title, summary: summary, description: description,
            kind: kind, form: form, themes: themes, audiences: audiences, keywords: keywords, cost: cost,
            delivery: delivery, duration: duration, level: level, phases: phases, price: price, schedule: schedule,
            language: language, accreditation: accreditation, evidence: evidence, url: url, contact: contact,
            published: published, reviewBy: reviewBy)
    }
}

public struct OfferingKey: Sendable, Hashable, Codable, CustomStringConvertible {
    public var provider: String
    public var id: String
    public init(provider: String, id: String) {
        self.provider = provider
        self.id = id
    }
    public var description: String { "\(provider)/\(id)" }

    /// The key written as "provider/id", as files and forms name an offering; nil without the slash.
    public init?(parsing text: String) {
        guard let slash = text.firstIndex(of: "/") else { return nil }
        self.init(provider: String(text[..<slash]), id: String(text[text.index(after: slash)...]))
    }
}

/// Who to ask about an offering.
public struct Contact: Sendable, Hashable, Codable {
    public var name: String?
    public var email: String?
    public var phone: String?

    public init(name: String? = nil, email: String? = nil, phone: String? = nil) {
        self.name = name
        self.email = email
        self.phone = phone
    }

    public var isEmpty: Bool { name == nil && email == nil && phone == nil }
}
