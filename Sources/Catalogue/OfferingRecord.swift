/// An offering as the exchange format `weerbaar.offerings/v1` carries it, after validation.
/// Field order here is the order of the export.
public struct OfferingRecord: Sendable, Hashable, Codable {
    public var id: String
    public var provider: String
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
    /// Basis, verdieping or expert (vocabulary `level`).
    public var level: String?
    /// The phases of unrest it helps in (vocabulary `phase`); may be empty.
    public var phases: [String]
    /// The price in euros as written in the file: digits, optionally a decimal point and cents.
    public var price: String?
    /// Where and when it runs: places and dates, or "op aanvraag".
    public var schedule: String?
    public var language: String?
    /// Accreditation points, where a professional register grants them.
    public var accreditation: String?
    /// A recognition of the approach; absent means "niet beoordeeld".
    public var evidence: Evidence?
    public var url: String?
    public var contact: Contact?
    public var published: Day?
    public var reviewBy: Day?

    public init(
        id: String, provider: String, title: String, summary: String, description: String, kind: String,
        form: String, themes: [String], audiences: [String] = [], keywords: [String] = [],
        cost: String? = nil, delivery: String? = nil, duration: String? = nil,
        level: String? = nil, phases: [String] = [], price: String? = nil, schedule: String? = nil, language: String? = nil,
        accreditation: String? = nil, evidence: Evidence? = nil, url: String? = nil,
        contact: Contact? = nil, published: Day? = nil, reviewBy: Day? = nil
    ) {
        self.id = id
        self.provider = provider
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
    }

    public var key: OfferingKey { OfferingKey(provider: provider, id: id) }

    enum CodingKeys: String, CodingKey {
        case id, provider, title, summary, description, kind, form, themes, audiences, keywords, cost, delivery, duration
        case level, phases, price, schedule, language, accreditation, evidence, url, contact, published, reviewBy
    }

    /// Revisions stored before a field existed decode with it absent (an empty list for `phases`).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id), provider: try c.decode(String.self, forKey: .provider),
            title: try c.decode(String.self, forKey: .title), summary: try c.decode(String.self, forKey: .summary),
            description: try c.decodeIfPresent(String.self, forKey: .description) ?? "", kind: try c.decode(String.self, forKey: .kind),
            form: try c.decode(String.self, forKey: .form), themes: try c.decodeIfPresent([String].self, forKey: .themes) ?? [],
            audiences: try c.decodeIfPresent([String].self, forKey: .audiences) ?? [],
            keywords: try c.decodeIfPresent([String].self, forKey: .keywords) ?? [],
            cost: try c.decodeIfPresent(String.self, forKey: .cost), delivery: try c.decodeIfPresent(String.self, forKey: .delivery),
            duration: try c.decodeIfPresent(String.self, forKey: .duration), level: try c.decodeIfPresent(String.self, forKey: .level),
            phases: try c.decodeIfPresent([String].self, forKey: .phases) ?? [], price: try c.decodeIfPresent(String.self, forKey: .price),
            schedule: try c.decodeIfPresent(String.self, forKey: .schedule), language: try c.decodeIfPresent(String.self, forKey: .language),
            accreditation: try c.decodeIfPresent(String.self, forKey: .accreditation),
            evidence: try c.decodeIfPresent(Evidence.self, forKey: .evidence), url: try c.decodeIfPresent(String.self, forKey: .url),
            contact: try c.decodeIfPresent(Contact.self, forKey: .contact), published: try c.decodeIfPresent(Day.self, forKey: .published),
            reviewBy: try c.decodeIfPresent(Day.self, forKey: .reviewBy))
    }

    /// The export leaves out what is absent, and `phases` when empty, so files without the newer
    /// fields look as they did.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(provider, forKey: .provider)
        try c.encode(title, forKey: .title)
        try c.encode(summary, forKey: .summary)
        try c.encode(description, forKey: .description)
        try c.encode(kind, forKey: .kind)
        try c.encode(form, forKey: .form)
        try c.encode(themes, forKey: .themes)
        try c.encode(audiences, forKey: .audiences)
        try c.encode(keywords, forKey: .keywords)
        try c.encodeIfPresent(cost, forKey: .cost)
        try c.encodeIfPresent(delivery, forKey: .delivery)
        try c.encodeIfPresent(duration, forKey: .duration)
        try c.encodeIfPresent(level, forKey: .level)
        if !phases.isEmpty { try c.encode(phases, forKey: .phases) }
        try c.encodeIfPresent(price, forKey: .price)
        try c.encodeIfPresent(schedule, forKey: .schedule)
        try c.encodeIfPresent(language, forKey: .language)
        try c.encodeIfPresent(accreditation, forKey: .accreditation)
        try c.encodeIfPresent(evidence, forKey: .evidence)
        try c.encodeIfPresent(url, forKey: .url)
        try c.encodeIfPresent(contact, forKey: .contact)
        try c.encodeIfPresent(published, forKey: .published)
        try c.encodeIfPresent(reviewBy, forKey: .reviewBy)
    }

    /// Every field name of the format's top level, in export order (from `OfferingField.all`).
    public static let fieldNames: [String] = OfferingField.all.map(\.topLevelName).reduce(into: []) { names, name in
        if names.last != name { names.append(name) }
    }
}

/// The document around the records: `{"format": "weerbaar.offerings/v1", "offerings": [...]}`.
public struct ExchangeDocument: Sendable, Codable {
    public static let formatName = "weerbaar.offerings/v1"
    public var format: String
    public var offerings: [OfferingRecord]

    public init(offerings: [OfferingRecord]) {
        self.format = Self.formatName
        self.offerings = offerings
    }
}

/// A recognition of an approach (the Movisie/NJi levels): the level, when and by whom it was given.
public struct Evidence: Sendable, Hashable, Codable {
    public var level: String
    public var date: Day?
    public var by: String?

    public init(level: String, date: Day? = nil, by: String? = nil) {
        self.level = level
        self.date = date
        self.by = by
    }

    /// What an offering without a recognition shows: the honest default.
    public static let notAssessed = "niet-beoordeeld"
}
