import Catalogue
import FluentKit
import Foundation

/// A row of `offerings`. List fields (themes, audiences, keywords) live in `offering_labels` so later
/// features (merging a vocabulary term, analysis per theme) can work on them with plain SQL.
final class OfferingModel: Model, @unchecked Sendable {
    static let schema = "offerings"

    @ID(key: .id) var id: UUID?
    @Field(key: "provider_slug") var provider: String
    @Field(key: "external_id") var externalID: String
    @Field(key: "slug") var slug: String
    @Field(key: "title") var title: String
    @Field(key: "summary") var summary: String
    @Field(key: "description") var description: String
    @Field(key: "kind") var kind: String
    @Field(key: "form") var form: String
    @OptionalField(key: "cost") var cost: String?
    @OptionalField(key: "delivery") var delivery: String?
    @OptionalField(key: "duration") var duration: String?
    @OptionalField(key: "level") var level: String?
    @OptionalField(key: "price") var price: String?
    @OptionalField(key: "schedule") var schedule: String?
    @OptionalField(key: "language") var language: String?
    @OptionalField(key: "accreditation") var accreditation: String?
    @OptionalField(key: "evidence_level") var evidenceLevel: String?
    @OptionalField(key: "evidence_date") var evidenceDate: String?
    @OptionalField(key: "evidence_by") var evidenceBy: String?
    @OptionalField(key: "url") var url: String?
    @OptionalField(key: "contact_name") var contactName: String?
    @OptionalField(key: "contact_email") var contactEmail: String?
    @OptionalField(key: "contact_phone") var contactPhone: String?
    @OptionalField(key: "published") var published: String?
    @OptionalField(key: "review_by") var reviewBy: String?
    /// `YYYY-MM-DD` of the last check by a person; empty while nobody has checked it since its import.
    @Field(key: "last_checked") var lastChecked: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    /// `gepubliceerd` or `gearchiveerd`; drafts live in `offering_drafts` until they are published.
    @Field(key: "status") var status: String
    /// Raised by every change; what an edit form's optimistic lock compares.
    @Field(key: "version") var version: Int
    @Children(for: \.$offering) var labels: [OfferingLabelModel]

    init() {}

    /// A new published offering, version 1, checked on `day` by the person who published it (nil for an
    /// import, which is not a check); labels are written separately.
    init(published record: OfferingRecord, slug: String, checkedOn day: Day?, at now: Date) {
        id = UUID()
        self.slug = slug
        lastChecked = day?.description ?? ""
        createdAt = now
        updatedAt = now
        status = OfferingStatus.published.rawValue
        version = 1
        apply(record)
    }

    /// Copies the record's scalar fields; labels are written separately.
    func apply(_ record: OfferingRecord) {
        provider = record.provider
        externalID = record.id
        title = record.title
        summary = record.summary
        description = record.description
        kind = record.kind
        form = record.form
        cost = record.cost
        delivery = record.delivery
        duration = record.duration
        level = record.level
        price = record.price
        schedule = record.schedule
        language = record.language
        accreditation = record.accreditation
        evidenceLevel = record.evidence?.level
        evidenceDate = record.evidence?.date?.description
        evidenceBy = record.evidence?.by
        url = record.url
        contactName = record.contact?.name
        contactEmail = record.contact?.email
        contactPhone = record.contact?.phone
        published = record.published?.description
        reviewBy = record.reviewBy?.description
    }

    func domain() -> Offering {
        let sorted = labels.sorted { $0.position < $1.position }
        func values(_ list: OfferingLabelModel.List) -> [String] { sorted.filter { $0.list == list.rawValue }.map(\.value) }
        let contact = Contact(name: contactName, email: contactEmail, phone: contactPhone)
        return Offering(
            provider: provider, id: externalID, slug: slug, title: title, summary: summary, description: description,
            kind: kind, form: form, themes: values(.theme), audiences: values(.audience), keywords: values(.keyword),
            cost: cost, delivery: delivery, duration: duration, level: level, phases: values(.phase), price: price, schedule: schedule,
            language: language, accreditation: accreditation,
            evidence: evidenceLevel.map { Evidence(level: $0, date: evidenceDate.flatMap { Day($0) }, by: evidenceBy) },
            url: url, contact: contact.isEmpty ? nil : contact,
            published: published.flatMap { Day($0) }, reviewBy: reviewBy.flatMap { Day($0) },
            lastChecked: Day(lastChecked), created: createdAt, updated: updatedAt)
    }
}

/// One value of an offering's list field, with its position in the list.
final class OfferingLabelModel: Model, @unchecked Sendable {
    static let schema = "offering_labels"

    enum List: String {
        case theme, audience, keyword, phase
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "offering_id") var offering: OfferingModel
    @Field(key: "list") var list: String
    @Field(key: "value") var value: String
    @Field(key: "position") var position: Int

    init() {}

    init(offeringID: UUID, list: List, value: String, position: Int) {
        self.$offering.id = offeringID
        self.list = list.rawValue
        self.value = value
        self.position = position
    }
}
