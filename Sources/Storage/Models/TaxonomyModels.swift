import Catalogue
import FluentKit
import Foundation

/// A row of `vocabulary_terms`.
final class TermModel: Model, @unchecked Sendable {
    static let schema = "vocabulary_terms"

    @ID(key: .id) var id: UUID?
    @Field(key: "vocabulary") var vocabulary: String
    @Field(key: "slug") var slug: String
    @Field(key: "label") var label: String
    @Field(key: "description") var description: String
    @Field(key: "position") var position: Int
    @OptionalField(key: "parent") var parent: String?

    init() {}

    init(_ term: Term) {
        vocabulary = term.vocabulary.rawValue
        slug = term.slug
        label = term.label
        description = term.description
        position = term.position
        parent = term.parent
    }

    func domain() -> Term? {
        guard let vocabulary = Vocabulary(rawValue: vocabulary) else { return nil }
        return Term(vocabulary: vocabulary, slug: slug, label: label, description: description, position: position, parent: parent)
    }
}

/// A row of `providers`.
final class ProviderModel: Model, @unchecked Sendable {
    static let schema = "providers"

    @ID(key: .id) var id: UUID?
    @Field(key: "slug") var slug: String
    @Field(key: "name") var name: String
    @Field(key: "abbreviation") var abbreviation: String
    @Field(key: "description") var description: String
    @Field(key: "website") var website: String
    @OptionalField(key: "email") var email: String?
    @OptionalField(key: "phone") var phone: String?
    /// A trusted provider's partner editors publish without review.
    @Field(key: "trusted") var trusted: Bool

    init() {}

    init(_ provider: Provider) {
        trusted = false
        slug = provider.slug
        name = provider.name
        abbreviation = provider.abbreviation
        description = provider.description
        website = provider.website
        email = provider.email
        phone = provider.phone
    }

    func domain() -> Provider {
        Provider(slug: slug, name: name, abbreviation: abbreviation, description: description, website: website, email: email, phone: phone)
    }
}
