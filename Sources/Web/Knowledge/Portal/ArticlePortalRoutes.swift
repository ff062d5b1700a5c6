import Accounts
import Audit
import Catalogue
import CatalogueService
import Foundation
import Hummingbird
import Knowledge

/// Articles in the portal, with the workflow the handbook's entries have: partner editors propose
/// (their own provider's), the redactie writes, reviews, sends back and publishes. Every save is a
/// revision and any can be restored as a concept. The first publication dates the article; a major
/// edit of a published article adds a public change note, a minor edit is silent (as GOV.UK does).
struct ArticlePortalRoutes<Context: RequestContext> {
    let site: SiteServices
    let portal: PortalServices
    let store: any ArticleStore

    var routes: [Route<Context>] {
        typealias Paths = ArticlePortalPaths
        return [
            Route(.get, Paths.articles, .signedIn(.editors)) { request in
                let all = try await store.managedArticles()
                let visible = isRedactie(request.account) ? all : all.filter { $0.provider != nil && $0.provider == request.account.provider }
                return Responses.personal(ArticlePortalPages.list(.init(account: request.account, articles: visible,
                                                                        message: ArticleFlash.read(request.query)?.text), site: site))
            },
            Route(.get, Paths.newArticle, .signedIn(.editors)) { request in
                var form = ArticleForm()
                form.authors = request.account.name
                form.reviewBy = Day(Date()).adding(months: 12).description
                return Responses.personal(ArticlePortalPages.form(model(request, form: form, managed: nil), site: site))
            },
            Route(.post, Paths.newArticle, .signedIn(.editors)) { try await save($0, managed: nil) },
            Route(.get, Paths.article, .signedIn(.editors)) { request in
                let managed = try await editable(request)
                var model = model(request, form: ArticleForm(article: managed.content), managed: managed,
                                  everPublished: try await everPublished(managed))
                model.message = ArticleFlash.read(request.query)?.text
                return Responses.personal(ArticlePortalPages.form(model, site: site))
            },
            Route(.post, Paths.article, .signedIn(.editors)) { request in try await save(request, managed: try await editable(request)) },
            Route(.get, Paths.history, .signedIn(.editors)) { request in
                let managed = try await editable(request)
                return Responses.personal(ArticlePortalPages.history(managed, try await store.revisions(managed.content.id), csrf: request.csrf,
                                                                     canRestore: isRedactie(request.account), site: site))
            },
            Route(.post, Paths.sendBack, .signedIn(.redactie)) { request in
                let managed = try await editable(request)
                let comment = String((request.form.first("opmerking") ?? "").prefix(2_000)).trimmingCharacters(in: .whitespacesAndNewlines)
                guard managed.status == .submitted, !comment.isEmpty else {
                    var model = model(request, form: ArticleForm(article: managed.content), managed: managed)
                    model.errors.add("opmerking", managed.status == .submitted ? "Schrijf wat er anders moet." : "Alleen een ingediend artikel gaat terug.")
                    return Responses.personal(ArticlePortalPages.form(model, site: site), status: .unprocessableContent)
                }
                do {
                    try await store.sendBack(managed.content.id, version: Int(request.form.first("versie") ?? "") ?? managed.version, comment: comment,
                                             by: editor(request.account))
                } catch ContentProblem.staleVersion {
                    return Responses.seeOther(Paths.article(managed.content.id))
                }
                await portal.record(.articleSaved, by: request.account, subject: managed.content.id, details: "teruggestuurd: \(comment)",
                                    logger: request.logger)
                return Responses.seeOther(Paths.article(managed.content.id, query: ArticleFlash.teruggestuurd.rawValue))
            },
            Route(.post, Paths.restore, .signedIn(.redactie)) { request in
                let managed = try await editable(request)
                guard let number = Int(try request.parameter("n")),
                      let revision = try await store.revisions(managed.content.id).first(where: { $0.number == number }) else { throw HTTPError(.notFound) }
                do {
                    try await store.save(revision.content, status: .concept, provider: managed.provider,
                                         version: Int(request.form.first("versie") ?? "") ?? managed.version, by: editor(request.account))
                } catch ContentProblem.staleVersion {
                    return Responses.seeOther(Paths.history(managed.content.id))
                }
                if managed.status == .published { site.articles.unpublish(managed.content.id) }
                await portal.record(.articleSaved, by: request.account, subject: managed.content.id, details: "versie \(number) teruggezet als concept",
                                    logger: request.logger)
                return Responses.seeOther(Paths.article(managed.content.id, query: ArticleFlash.teruggezet.rawValue))
            },
        ]
    }

    enum ArticleFlash: String, Flash {
        case opgeslagen, ingediend, gepubliceerd, teruggestuurd, teruggezet
        var text: String {
            switch self {
            case .teruggestuurd: "Het artikel is teruggestuurd naar de auteur, met uw opmerking."
            case .teruggezet: "De eerdere versie staat nu als concept klaar; publiceer haar om haar openbaar te maken."
            case .opgeslagen: "Het artikel is opgeslagen als concept."
            case .ingediend: "Het artikel is ingediend; de redactie beoordeelt het."
            case .gepubliceerd: "Het artikel is gepubliceerd en staat op de site."
            }
        }
    }

    func isRedactie(_ account: Account) -> Bool { account.role == .editor }
    func editor(_ account: Account) -> Editor { Editor(email: account.email, name: account.name) }

    /// The article of the URL, if this account may edit it: the redactie any; a partner editor only
    /// their own provider's proposal that is not published.
    func editable(_ request: PortalRequest<Context>) async throws -> ManagedArticle {
        guard let managed = try await store.managedArticle(try request.parameter("id")) else { throw HTTPError(.notFound) }
        guard isRedactie(request.account) || (managed.provider != nil && managed.provider == request.account.provider && managed.status != .published)
        else { throw HTTPError(.forbidden) }
        return managed
    }

    func model(_ request: PortalRequest<Context>, form: ArticleForm, managed: ManagedArticle?, everPublished: Bool = false) -> ArticlePortalPages.FormModel {
        .init(account: request.account, csrf: request.csrf, form: form, managed: managed, canPublish: isRedactie(request.account),
              everPublished: everPublished)
    }

    func everPublished(_ managed: ManagedArticle) async throws -> Bool {
        managed.status == .published ? true : try await store.revisions(managed.content.id).contains { $0.status == .published }
    }

    func save(_ request: PortalRequest<Context>, managed: ManagedArticle?) async throws -> Response {
        let account = request.account
        let form = ArticleForm(form: request.form)
        let status: ContentStatus
        switch request.form.first("actie") ?? "concept" {
        case "publiceren":
            guard isRedactie(account) else { return forbidden("Alleen de redactie publiceert artikelen.", site: site) }
            status = .published
        case "indienen": status = .submitted
        default: status = .concept
        }
        let today = Day(Date())
        var everPublished = false
        if let managed { everPublished = try await self.everPublished(managed) }
        var model = model(request, form: form, managed: managed, everPublished: everPublished)
        switch form.validate(taxonomy: site.catalogue.taxonomy, offering: { OfferingKey(parsing: $0).flatMap(site.catalogue.offering) != nil },
                             existing: managed?.content, everPublished: everPublished, today: today) {
        case .failure(let errors):
            model.errors = errors
            return Responses.personal(ArticlePortalPages.form(model, site: site), status: .unprocessableContent)
        case .success(var article):
            // Dated by its first publication, not by when the concept was begun.
            if status == .published, !everPublished { article.published = today }
            let version = managed.map { Int(request.form.first("versie") ?? "") ?? $0.version }
            do {
                try await store.save(article, status: status, provider: managed?.provider ?? (isRedactie(account) ? nil : account.provider),
                                     version: version, by: editor(account))
            } catch ContentProblem.staleVersion {
                model.errors.add(managed == nil ? "kenmerk" : "tekst", managed == nil
                    ? "Er is al een artikel met dit kenmerk. Kies een ander kenmerk."
                    : "Iemand anders heeft dit artikel intussen opgeslagen. Open het opnieuw om de laatste versie te zien.")
                return Responses.personal(ArticlePortalPages.form(model, site: site), status: .conflict)
            }
            // Applied to the live articles one by one: findable at once, whatever their number.
            if status == .published { site.articles.publish(article) } else if managed?.status == .published { site.articles.unpublish(article.id) }
            await portal.record(status == .published ? .articlePublished : .articleSaved, by: account, subject: article.id,
                                details: status.label + (form.major && everPublished ? ": \(form.changeNote)" : ""), logger: request.logger)
            let flash: ArticleFlash = status == .published ? .gepubliceerd : status == .submitted ? .ingediend : .opgeslagen
            return Responses.seeOther(ArticlePortalPaths.article(article.id, query: flash.rawValue))
        }
    }
}
