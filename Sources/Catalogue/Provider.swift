/// A partner organisation that offers publications, trainings or contact points (aanbieder).
public struct Provider: Sendable, Hashable, Codable {
    public var slug: String
    public var name: String
    public var abbreviation: String
    public var description: String
    public var website: String
    public var email: String?
    public var phone: String?
    /// Whether a logo was uploaded for it (served at /aanbieders/{slug}/logo).
    public var hasLogo: Bool

    public init(
        slug: String, name: String, abbreviation: String, description: String, website: String,
        email: String? = nil, phone: String? = nil, hasLogo: Bool = false
    ) {
        self.hasLogo = hasLogo
        self.slug = slug
        self.name = name
        self.abbreviation = abbreviation
        self.description = description
        self.website = website
        self.email = email
        self.phone = phone
    }
}
