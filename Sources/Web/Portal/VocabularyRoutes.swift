import Accounts
import Audit
import Catalogue
import CatalogueService
import Foundation
import Hummingbird

/// Beheerders keep the vocabularies: add, rename, reorder, merge.
extension PortalRoutes {
    func vocabularies(_ route: Route, _ request: Request, _ context: Context, form: QueryString, visitor: Visitor) async throws -> Response {
        let csrf = visitor.session.csrfToken
        if route.action == .vocabularies {
            return Self.page(VocabularyPages.overview(message: nil, site: site))
        }
        guard let vocabulary = VocabularyPages.vocabulary(path: try context.parameters.require("lijst")) else { throw HTTPError(.notFound) }
        let base = "/beheer/lijsten/\(VocabularyPages.path(vocabulary))"
        let editor = Self.editor(visitor.account)
        let messages = ["toegevoegd": "De waarde is toegevoegd.", "gewijzigd": "De waarde is hernoemd.", "verplaatst": "De volgorde is gewijzigd."]
        var model = VocabularyPages.Model(vocabulary: vocabulary, csrf: csrf, message: messages[request.uri.query ?? ""])
        if request.uri.query?.hasPrefix("samengevoegd=") == true, let n = request.uri.query.flatMap({ Int($0.dropFirst("samengevoegd=".count)) }) {
            model.message = "Samengevoegd: \(n) aanbod is meegegaan."
        }
        func text(_ name: String, _ max: Int) -> String { String((form.first(name) ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(max + 1)) }

        switch route.action {
        case .vocabulary:
            return Self.page(VocabularyPages.list(model, site: site))
        case .addTerm:
            model.slug = text("kenmerk", 60)
            model.label = text("naam", 100)
            model.description = text("beschrijving", 500)
            model.parent = text("soort", 60)
            if vocabulary == .kind { model.errors.add("kenmerk", VocabularyProblem.fixedVocabulary.message) }
            if !Slug.isKebabCase(model.slug) || model.slug.count > 60 || ["toevoegen", "samenvoegen"].contains(model.slug) {
                model.errors.add("kenmerk", "Gebruik kleine letters, cijfers en koppeltekens, zoals ‘digitale-onrust’.")
            }
            if model.label.isEmpty || model.label.count > 100 { model.errors.add("naam", "Vul een naam in van hoogstens 100 tekens.") }
            if model.description.count > 500 { model.errors.add("beschrijving", "Hoogstens 500 tekens.") }
            if vocabulary == .form && site.catalogue.taxonomy.term(.kind, model.parent) == nil { model.errors.add("soort", "Kies bij welke soort deze vorm hoort.") }
            guard model.errors.isEmpty else { return Self.page(VocabularyPages.list(model, site: site), status: .unprocessableContent) }
            do {
                try await portal.vocabularies.add(Term(vocabulary: vocabulary, slug: model.slug, label: model.label, description: model.description,
                                                       position: 0, parent: vocabulary == .form ? model.parent : nil))
            } catch let problem as VocabularyProblem {
                model.errors.add("kenmerk", problem.message)
                return Self.page(VocabularyPages.list(model, site: site), status: .unprocessableContent)
            }
            try await site.catalogue.reload(from: portal.catalogueStore)
            await record(.vocabularyChanged, by: visitor.account, subject: "\(vocabulary.rawValue)/\(model.slug)", details: "toegevoegd", context: context)
            return Self.redirect(base + "?toegevoegd")
        case .mergeTerms:
            model.from = text("van", 60)
            model.into = text("naar", 60)
            let taxonomy = site.catalogue.taxonomy
            if taxonomy.term(vocabulary, model.from) == nil || taxonomy.term(vocabulary, model.into) == nil {
                model.errors.add("van", "Kies de waarde die verdwijnt en de waarde waarin die opgaat.")
            }
            var moved = 0
            if model.errors.isEmpty {
                do {
                    moved = try await portal.vocabularies.merge(vocabulary, from: model.from, into: model.into, by: editor)
                } catch let problem as VocabularyProblem {
                    model.errors.add("van", problem.message)
                }
            }
            guard model.errors.isEmpty else { return Self.page(VocabularyPages.list(model, site: site), status: .unprocessableContent) }
            try await site.catalogue.reload(from: portal.catalogueStore)
            await record(.vocabularyChanged, by: visitor.account, subject: "\(vocabulary.rawValue)/\(model.from)",
                         details: "samengevoegd in \(model.into); \(moved) aanbod meegegaan", context: context)
            return Self.redirect(base + "?samengevoegd=\(moved)")
        default:
            break
        }

        guard let term = site.catalogue.taxonomy.term(vocabulary, try context.parameters.require("waarde")) else { throw HTTPError(.notFound) }
        switch route.action {
        case .termForm:
            return Self.page(VocabularyPages.termForm(vocabulary, term, label: term.label, description: term.description, errors: FormErrors(),
                                                      csrf: csrf, site: site))
        case .renameTerm:
            let label = text("naam", 100), description = text("beschrijving", 500)
            var errors = FormErrors()
            if label.isEmpty || label.count > 100 { errors.add("naam", "Vul een naam in van hoogstens 100 tekens.") }
            if description.count > 500 { errors.add("beschrijving", "Hoogstens 500 tekens.") }
            guard errors.isEmpty else {
                return Self.page(VocabularyPages.termForm(vocabulary, term, label: label, description: description, errors: errors, csrf: csrf,
                                                          site: site), status: .unprocessableContent)
            }
            try await portal.vocabularies.rename(vocabulary, term.slug, label: label, description: description)
            try await site.catalogue.reload(from: portal.catalogueStore)
            await record(.vocabularyChanged, by: visitor.account, subject: "\(vocabulary.rawValue)/\(term.slug)",
                         details: "hernoemd: \(term.label) → \(label)", context: context)
            return Self.redirect(base + "?gewijzigd")
        case .moveTermUp, .moveTermDown:
            try await portal.vocabularies.move(vocabulary, term.slug, by: route.action == .moveTermUp ? -1 : 1)
            try await site.catalogue.reload(from: portal.catalogueStore)
            return Self.redirect(base + "?verplaatst")
        default:
            throw HTTPError(.notFound)
        }
    }
}
