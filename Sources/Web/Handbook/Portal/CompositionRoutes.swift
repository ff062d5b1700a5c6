import Accounts
import Audit
import Catalogue
import CatalogueService
import Foundation
import Handbook
import Hummingbird

/// The redactie composes learning routes (an ordered path through offerings of several partners) and
/// chooses and orders the contact points shown on each theme page. Both are lists typed one item per
/// line ("provider/kenmerk | toelichting"), checked against the catalogue before anything is saved.
struct CompositionRoutes<Context: RequestContext> {
    let site: SiteServices
    let portal: PortalServices
    let store: any HandbookStore

    var routes: [Route<Context>] {
        typealias Paths = HandbookPortalPaths
        return [
            Route(.get, Paths.routes, .signedIn(.redactie)) { request in
                Responses.personal(CompositionPages.routes(site.handbook.handbook, csrf: request.csrf,
                                                           message: request.query.first("opgeslagen") == nil ? nil : "De leerroute is opgeslagen.",
                                                           site: site))
            },
            Route(.get, Paths.newRoute, .signedIn(.redactie)) { request in
                Responses.personal(CompositionPages.routeForm(.init(csrf: request.csrf, isNew: true), site: site))
            },
            Route(.post, Paths.newRoute, .signedIn(.redactie)) { try await saveRoute($0, existing: nil) },
            Route(.get, Paths.route, .signedIn(.redactie)) { request in
                let route = try existingRoute(request)
                return Responses.personal(CompositionPages.routeForm(.init(route: route, csrf: request.csrf), site: site))
            },
            Route(.post, Paths.route, .signedIn(.redactie)) { request in try await saveRoute(request, existing: try existingRoute(request)) },
            Route(.get, Paths.experts, .signedIn(.redactie)) { request in
                let theme = try theme(request)
                let lines = site.handbook.handbook.experts(forTheme: theme.slug).map { "\($0.offering) | \($0.question) | \($0.reach) | \($0.speed)" }
                return Responses.personal(CompositionPages.expertsForm(theme: theme, text: lines.joined(separator: "\n"), error: nil,
                                                                       message: request.query.first("opgeslagen") == nil ? nil : "De contactpunten zijn opgeslagen.",
                                                                       csrf: request.csrf, site: site))
            },
            Route(.post, Paths.experts, .signedIn(.redactie)) { try await saveExperts($0) },
        ]
    }

    func existingRoute(_ request: PortalRequest<Context>) throws -> LearningRoute {
        guard let route = site.handbook.handbook.route(try request.parameter("slug")) else { throw HTTPError(.notFound) }
        return route
    }

    func theme(_ request: PortalRequest<Context>) throws -> Term {
        guard let theme = site.catalogue.taxonomy.term(.theme, try request.parameter("thema")) else { throw HTTPError(.notFound) }
        return theme
    }

    /// Lines of "provider/kenmerk | text | text …": each line's key must be in the catalogue (of `kind`
    /// when given) and carry `fields` texts. The first problem is named with its line.
    struct LineProblem: Error {
        var message: String
    }

    static func lines(_ text: String, fields: Int, kind: String?, catalogue: LiveCatalogue) -> Result<[(key: String, texts: [String])], LineProblem> {
        var result: [(String, [String])] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let parts = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == fields + 1, parts.allSatisfy({ !$0.isEmpty }) else {
                return .failure(LineProblem(message: "Regel \(number + 1): schrijf het kenmerk en \(fields == 1 ? "een toelichting" : "\(fields) teksten"), gescheiden door |."))
            }
            guard let key = OfferingKey(parsing: parts[0]), let offering = catalogue.offering(key) else {
                return .failure(LineProblem(message: "Regel \(number + 1): ‘\(parts[0])’ staat niet in de catalogus."))
            }
            if let kind, offering.kind != kind { return .failure(LineProblem(message: "Regel \(number + 1): ‘\(parts[0])’ is geen \(kind).")) }
            result.append((parts[0], Array(parts.dropFirst())))
        }
        return .success(result)
    }

    func saveRoute(_ request: PortalRequest<Context>, existing: LearningRoute?) async throws -> Response {
        let form = request.form
        func text(_ name: String, _ limit: Int) -> String { String((form.first(name) ?? "").prefix(limit)).trimmingCharacters(in: .whitespacesAndNewlines) }
        var model = CompositionPages.RouteForm(csrf: request.csrf, isNew: existing == nil)
        model.slug = existing?.slug ?? text("kenmerk", 100)
        model.title = text("titel", 200)
        model.theme = text("thema", 100)
        model.audience = text("doelgroep", 100)
        model.introduction = text("inleiding", 1_000)
        model.steps = text("stappen", 10_000)
        let taxonomy = site.catalogue.taxonomy
        if !Slug.isKebabCase(model.slug) { model.errors.add("kenmerk", "Gebruik kleine letters, cijfers en koppeltekens.") }
        if existing == nil, site.handbook.handbook.route(model.slug) != nil { model.errors.add("kenmerk", "Er is al een leerroute met dit kenmerk.") }
        if model.title.isEmpty { model.errors.add("titel", "Vul een titel in.") }
        if taxonomy.term(.theme, model.theme) == nil { model.errors.add("thema", "Kies een thema.") }
        if taxonomy.term(.audience, model.audience) == nil { model.errors.add("doelgroep", "Kies een doelgroep.") }
        if model.introduction.isEmpty { model.errors.add("inleiding", "Schrijf in een of twee zinnen voor wie de route is.") }
        var steps: [LearningRoute.Step] = []
        switch Self.lines(model.steps, fields: 1, kind: nil, catalogue: site.catalogue) {
        case .failure(let problem): model.errors.add("stappen", problem.message)
        case .success(let lines):
            steps = lines.map { LearningRoute.Step(offering: $0.key, note: $0.texts[0]) }
            if steps.count < 2 && model.errors["stappen"] == nil { model.errors.add("stappen", "Een leerroute heeft minstens twee stappen.") }
        }
        guard model.errors.isEmpty else {
            return Responses.personal(CompositionPages.routeForm(model, site: site), status: .unprocessableContent)
        }
        let route = LearningRoute(slug: model.slug, title: model.title, theme: model.theme, audience: model.audience,
                                  introduction: model.introduction, steps: steps)
        try await store.saveRoute(route, by: Editor(email: request.account.email, name: request.account.name))
        try await site.handbook.reload(from: store)
        await portal.record(.handbookComposed, by: request.account, subject: "leerroute \(route.slug)", details: "\(steps.count) stappen", logger: request.logger)
        return Responses.seeOther(HandbookPortalPaths.routes(query: "opgeslagen"))
    }

    func saveExperts(_ request: PortalRequest<Context>) async throws -> Response {
        let theme = try theme(request)
        let text = String((request.form.first("contactpunten") ?? "").prefix(10_000))
        switch Self.lines(text, fields: 3, kind: "contactpunt", catalogue: site.catalogue) {
        case .failure(let problem):
            return Responses.personal(CompositionPages.expertsForm(theme: theme, text: text, error: problem.message, message: nil, csrf: request.csrf, site: site),
                                      status: .unprocessableContent)
        case .success(let lines):
            let experts = ThemeExperts(theme: theme.slug, contacts: lines.map {
                ExpertContact(offering: $0.key, question: $0.texts[0], reach: $0.texts[1], speed: $0.texts[2])
            })
            try await store.saveExperts(experts, by: Editor(email: request.account.email, name: request.account.name))
            try await site.handbook.reload(from: store)
            await portal.record(.handbookComposed, by: request.account, subject: "contactpunten \(theme.slug)",
                                details: "\(experts.contacts.count) contactpunten", logger: request.logger)
            return Responses.seeOther(HandbookPortalPaths.experts(theme.slug, query: "opgeslagen"))
        }
    }
}
