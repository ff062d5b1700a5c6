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
    public var url: String?
    public var contact: Contact?
    public var published: Day?
    public var reviewBy: Day?

    public init(
        id: String, provider: String, title: String, summary: String, description: String, kind: String,
        form: String, themes: [String], audiences: [String] = [], keywords: [String] = [],
        cost: String? = nil, delivery: String? = nil, duration: String? = nil, url: String? = nil,
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
        self.url = url
        self.contact = contact
        self.published = published
        self.reviewBy = reviewBy
    }

    public var key: OfferingKey { OfferingKey(provider: provider, id: id) }

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
