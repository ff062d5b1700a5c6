import Foundation

/// A provider's logo as stored: already sanitised (the `Logos` target), served as is.
public struct ProviderLogo: Sendable, Equatable {
    public var contentType: String
    public var data: Data
    public var updated: Date

    public init(contentType: String, data: Data, updated: Date = Date()) {
        self.contentType = contentType
        self.data = data
        self.updated = updated
    }
}

public enum ProviderProblem: Error, Sendable, Equatable {
    case slugTaken
    case notFound
}

/// Beheerders keep the list of providers: their details and logo.
public protocol ProviderStore: Sendable {
    /// Creates (`isNew`) or updates the provider with this slug.
    func save(_ provider: Provider, isNew: Bool) async throws
    func logo(_ provider: String) async throws -> ProviderLogo?
    /// Nil removes the logo.
    func setLogo(_ provider: String, _ logo: ProviderLogo?) async throws
    /// Slugs of the providers with a logo, for pages that show one.
    func providersWithLogo() async throws -> Set<String>
}
