import Accounts
import Audit
import Catalogue
import CatalogueService
import Foundation
import Hummingbird

/// Beheerders keep the vocabularies: add, rename, reorder, merge.
struct VocabularyRoutes<Context: RequestContext> {
    let site: SiteServices
    let portal: PortalServices

    var routes: [Route<Context>] {
        [
            Route(.get, VocabularyPaths.overview, .signedIn(.administrators)) { _ in
                Responses.personal(VocabularyPages.overview(message: nil, site: site))
            },
            Route(.get, VocabularyPaths.vocabulary, .signedIn(.administrators)) { request in
                Responses.personal(VocabularyPages.list(try model(request), site: site))
            },
            Route(.post, VocabularyPaths.add, .signedIn(.administrators)) { try await add($0) },
            Route(.post, VocabularyPaths.merge, .signedIn(.administrators)) { try await merge($0) },
            Route(.get, VocabularyPaths.term, .signedIn(.administrators)) { request in
                let (vocabulary, term) = try self.term(request)
                return Responses.personal(VocabularyPages.termForm(vocabulary, term, label: term.label, description: term.description,
                                                                   errors: FormErrors(), csrf: request.csrf, site: site))
            },
            Route(.post, VocabularyPaths.term, .signedIn(.administrators)) { try await rename($0) },
            Route(.post, VocabularyPaths.moveUp, .signedIn(.administrators)) { try await move($0, by: -1) },
            Route(.post, VocabularyPaths.moveDown, .signedIn(.administrators)) { try await move($0, by: 1) },
        ]
    }

    func vocabulary(_ request: PortalRequest<Context>) throws -> Vocabulary {
        guard let vocabulary = VocabularyPages.vocabulary(path: try request.parameter("lijst")) else { throw HTTPError(.notFound) }
        return vocabulary
    }

    func term(_ request: PortalRequest<Context>) throws -> (Vocabulary, Term) {
        let vocabulary = try vocabulary(request)
        guard let term = site.catalogue.taxonomy.term(vocabulary, try request.parameter("waarde")) else { throw HTTPError(.notFound) }
        return (vocabulary, term)
    }

    func model(_ request: PortalRequest<Context>) throws -> VocabularyPages.Model {
        var model = VocabularyPages.Model(vocabulary: try vocabulary(request), csrf: request.csrf, message: VocabularyFlash.read(request.query)?.text)
        if let merged = request.query.first(VocabularyFlash.merged).flatMap(Int.init) {
            model.message = "Samengevoegd: \(merged) aanbod is meegegaan."
        }
        return model
    }

    func done(_ vocabulary: Vocabulary, query: String) -> Response {
        Responses.seeOther(VocabularyPaths.vocabulary(VocabularyPages.path(vocabulary), query: query))
    }

    func add(_ request: PortalRequest<Context>) async throws -> Response {
        var model = try model(request)
        let vocabulary = model.vocabulary
        let form = request.form
        model.slug = form.text("kenmerk", .freeText(60))
        model.label = form.text("naam", .freeText(100))
        model.description = form.text("beschrijving", .freeText(500))
        model.parent = form.text("soort", .freeText(60))
        if vocabulary == .kind { model.errors.add("kenmerk", VocabularyProblem.fixedVocabulary.message) }
        if !Slug.isKebabCase(model.slug) || model.slug.count > 60 || ["toevoegen", "samenvoegen"].contains(model.slug) {
            model.errors.add("kenmerk", "Gebruik kleine letters, cijfers en koppeltekens, zoals ‘digitale-onrust’.")
        }
        if model.label.isEmpty || model.label.count > 100 { model.errors.add("naam", "Vul een naam in van hoogstens 100 tekens.") }
        if model.description.count > 500 { model.errors.add("beschrijving", "Hoogstens 500 tekens.") }
        if vocabulary == .form && site.catalogue.taxonomy.term(.kind, model.parent) == nil { model.errors.add("soort", "Kies bij welke soort deze vorm hoort.") }
        guard model.errors.isEmpty else { return Responses.personal(VocabularyPages.list(model, site: site), status: .unprocessableContent) }
        do {
            try await portal.vocabularies.add(Term(vocabulary: vocabulary, slug: model.slug, label: model.label, description: model.description,
                                                   position: 0, parent: vocabulary == .form ? model.parent : nil))
        } catch let problem as VocabularyProblem {
            model.errors.add("kenmerk", problem.message)
            return Responses.personal(VocabularyPages.list(model, site: site), status: .unprocessableContent)
        }
        try await site.catalogue.reload(from: portal.catalogueStore)
        await portal.record(.vocabularyChanged, by: request.account, subject: "\(vocabulary.rawValue)/\(model.slug)", details: "toegevoegd",
                            logger: request.logger)
        return done(vocabulary, query: VocabularyFlash.toegevoegd.rawValue)
    }

    func merge(_ request: PortalRequest<Context>) async throws -> Response {
        var model = try model(request)
        let vocabulary = model.vocabulary
        model.from = request.form.text("van", .freeText(60))
        model.into = request.form.text("naar", .freeText(60))
        let taxonomy = site.catalogue.taxonomy
        if taxonomy.term(vocabulary, model.from) == nil || taxonomy.term(vocabulary, model.into) == nil {
            model.errors.add("van", "Kies de waarde die verdwijnt en de waarde waarin die opgaat.")
        }
        var moved = 0
        if model.errors.isEmpty {
            do {
                moved = try await portal.vocabularies.merge(vocabulary, from: model.from, into: model.into, by: request.account.asEditor)
            } catch let problem as VocabularyProblem {
                model.errors.add("van", problem.message)
            }
        }
        guard model.errors.isEmpty else { return Responses.personal(VocabularyPages.list(model, site: site), status: .unprocessableContent) }
        try await site.catalogue.reload(from: portal.catalogueStore)
        await portal.record(.vocabularyChanged, by: request.account, subject: "\(vocabulary.rawValue)/\(model.from)",
                            details: "samengevoegd in \(model.into); \(moved) aanbod meegegaan", logger: request.logger)
        return done(vocabulary, query: QueryString.encode([(VocabularyFlash.merged, "\(moved)")]))
    }

    func rename(_ request: PortalRequest<Context>) async throws -> Response {
        let (vocabulary, term) = try term(request)
        let label = request.form.text("naam", .freeText(100)), description = request.form.text("beschrijving", .freeText(500))
        var errors = FormErrors()
        if label.isEmpty || label.count > 100 { errors.add("naam", "Vul een naam in van hoogstens 100 tekens.") }
        if description.count > 500 { errors.add("beschrijving", "Hoogstens 500 tekens.") }
        guard errors.isEmpty else {
            return Responses.personal(VocabularyPages.termForm(vocabulary, term, label: label, description: description, errors: errors,
                                                               csrf: request.csrf, site: site), status: .unprocessableContent)
        }
        try await portal.vocabularies.rename(vocabulary, term.slug, label: label, description: description)
        try await site.catalogue.reload(from: portal.catalogueStore)
        await portal.record(.vocabularyChanged, by: request.account, subject: "\(vocabulary.rawValue)/\(term.slug)",
                            details: "hernoemd: \(term.label) → \(label)", logger: request.logger)
        return done(vocabulary, query: VocabularyFlash.gewijzigd.rawValue)
    }

    func move(_ request: PortalRequest<Context>, by offset: Int) async throws -> Response {
        let (vocabulary, term) = try term(request)
        try await portal.vocabularies.move(vocabulary, term.slug, by: offset)
        try await site.catalogue.reload(from: portal.catalogueStore)
        return done(vocabulary, query: VocabularyFlash.verplaatst.rawValue)
    }
}

/// The messages a vocabulary's page shows after a change; a merge also says how much offer went along.
enum VocabularyFlash: String, Flash {
    case toegevoegd, gewijzigd, verplaatst
    static let merged = "samengevoegd"
    var text: String {
        switch self {
        case .toegevoegd: "De waarde is toegevoegd."
        case .gewijzigd: "De waarde is hernoemd."
        case .verplaatst: "De volgorde is gewijzigd."
        }
    }
}
