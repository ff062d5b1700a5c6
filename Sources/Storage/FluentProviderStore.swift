import Catalogue
import FluentKit
import Foundation

final class ProviderLogoModel: Model, @unchecked Sendable {
    static let schema = "provider_logos"

    @ID(key: .id) var id: UUID?
    @Field(key: "provider_slug") var provider: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "data") var data: Data
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}

/// Providers and their logos in the relational database.
public struct FluentProviderStore: ProviderStore {
    let database: any Database

    public init(database: WeerbaarDatabase) { self.database = database.database }

    public func save(_ provider: Provider, isNew: Bool) async throws {
        try await database.transaction { tx in
            let existing = try await ProviderModel.query(on: tx).filter(\.$slug == provider.slug).first()
            if isNew {
                guard existing == nil else { throw ProviderProblem.slugTaken }
                try await ProviderModel(provider).create(on: tx)
                return
            }
            guard let model = existing else { throw ProviderProblem.notFound }
            model.name = provider.name
            model.abbreviation = provider.abbreviation
            model.description = provider.description
            model.website = provider.website
            model.email = provider.email
            model.phone = provider.phone
            try await model.update(on: tx)
        }
    }

    public func logo(_ provider: String) async throws -> ProviderLogo? {
        try await ProviderLogoModel.query(on: database).filter(\.$provider == provider).first()
            .map { ProviderLogo(contentType: $0.contentType, data: $0.data, updated: $0.updatedAt) }
    }

    public func setLogo(_ provider: String, _ logo: ProviderLogo?) async throws {
        try await database.transaction { tx in
            try await ProviderLogoModel.query(on: tx).filter(\.$provider == provider).delete()
            guard let logo else { return }
            let model = ProviderLogoModel()
            model.id = UUID()
            model.provider = provider
            model.contentType = logo.contentType
            model.data = logo.data
            model.updatedAt = logo.updated
            try await model.create(on: tx)
        }
    }

    public func providersWithLogo() async throws -> Set<String> {
        Set(try await ProviderLogoModel.query(on: database).field(\.$provider).all().map(\.provider))
    }
}
