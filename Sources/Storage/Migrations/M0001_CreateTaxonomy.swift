import Catalogue
import FluentKit
import Foundation
import SQLKit

/// Vocabularies and providers, seeded with the standard set. Migrations are append-only: never edit a
/// released one, add the next.
struct M0001_CreateTaxonomy: AsyncMigration {
    var name: String { "0001-create-taxonomy" }

    func prepare(on database: any Database) async throws {
        try await database.schema(TermModel.schema)
            .id()
            .field("vocabulary", .string, .required)
            .field("slug", .string, .required)
            .field("label", .string, .required)
            .field("description", .string, .required)
            .field("position", .int, .required)
            .field("parent", .string)
            .unique(on: "vocabulary", "slug")
            .create()
        try await database.schema(ProviderModel.schema)
            .id()
            .field("slug", .string, .required)
            .field("name", .string, .required)
            .field("abbreviation", .string, .required)
            .field("description", .string, .required)
            .field("website", .string, .required)
            .field("email", .string)
            .field("phone", .string)
            .unique(on: "slug")
            .create()

        let standard = Taxonomy.standard
        for vocabulary in Vocabulary.allCases {
            for term in standard.terms(vocabulary) { try await TermModel(term).create(on: database) }
        }
        // Plain SQL with the columns of this migration's table: the model has columns later migrations add.
        for provider in standard.providers {
            try await database.sql.insert(into: ProviderModel.schema)
                .columns("id", "slug", "name", "abbreviation", "description", "website", "email", "phone")
                .values(SQLBind(UUID()), SQLBind(provider.slug), SQLBind(provider.name), SQLBind(provider.abbreviation),
                        SQLBind(provider.description), SQLBind(provider.website), SQLBind(provider.email), SQLBind(provider.phone))
                .run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ProviderModel.schema).delete()
        try await database.schema(TermModel.schema).delete()
    }
}
