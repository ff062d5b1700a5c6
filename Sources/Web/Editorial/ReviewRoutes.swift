import Accounts
import Audit
import Catalogue
import CatalogueService
import Foundation
import Hummingbird
import Mail

/// The steps after editing: the review queue, publishing or sending back a submitted version, and
/// taking an offering off the site or putting it back.
struct ReviewRoutes<Context: RequestContext> {
    let site: SiteServices
    let portal: PortalServices
    var rules: EditorialRules { EditorialRules(site: site, portal: portal) }

    var routes: [Route<Context>] {
        [
            Route(.get, EditorialPaths.reviewQueue, .signedIn(.redactie)) { _ in
                Responses.personal(ReviewQueuePage.render(drafts: try await portal.editorial.submittedDrafts(), site: site))
            },
            Route(.post, EditorialPaths.publish, .signedIn(.redactie)) { try await review($0, publish: true) },
            Route(.post, EditorialPaths.sendBack, .signedIn(.redactie)) { try await review($0, publish: false) },
            Route(.post, EditorialPaths.archive, .signedIn(.editors)) { try await changeArchive($0, archive: true) },
            Route(.post, EditorialPaths.unarchive, .signedIn(.editors)) { try await changeArchive($0, archive: false) },
        ]
    }

    /// The edit page again, saying why the step could not be taken.
    func conflict(_ message: String, _ key: OfferingKey, _ fallback: ManagedOffering, _ request: PortalRequest<Context>) async throws -> Response {
        var model = try await rules.editModel(try await portal.editorial.managed(key) ?? fallback, request)
        model.conflict = message
        return Responses.personal(OfferingEditPage.render(model, site: site), status: .conflict)
    }

    func changeArchive(_ request: PortalRequest<Context>, archive: Bool) async throws -> Response {
        guard let key = try EditorialRules.ownKey(request) else { return EditorialRules.othersOffering(site) }
        guard let managed = try await portal.editorial.managed(key) else { throw HTTPError(.notFound) }
        let account = request.account
        do {
            if archive {
                // Taking something off the site is always allowed to its editors: outdated advice must be able to go at once.
                try await portal.editorial.archive(key, by: account.asEditor)
                await portal.record(.offeringArchived, by: account, subject: key.description, logger: request.logger)
            } else if try await rules.mayPublish(account, key.provider) {
                try await portal.editorial.unarchive(key, by: account.asEditor)
                await portal.record(.offeringUnarchived, by: account, subject: key.description, logger: request.logger)
            } else {
                // Putting something back on the site goes through review like any publication.
                guard managed.storedStatus == .archived else { throw EditorialProblem.wrongStatus(managed.status) }
                _ = try await portal.editorial.save(managed.workingRecord, basedOn: managed.editToken, intent: .submit, by: account.asEditor,
                                                    today: Day(Date()))
                await portal.record(.offeringSubmitted, by: account, subject: key.description, details: "uit het archief", logger: request.logger)
                await rules.notifyRedactie(about: managed.workingRecord, by: account, logger: request.logger)
                return Responses.seeOther(EditorialPaths.offering(key, .ingediend))
            }
        } catch let problem as EditorialProblem {
            return try await conflict(problem.message, key, managed, request)
        }
        try await site.catalogue.reload(from: portal.catalogueStore)
        return Responses.seeOther(EditorialPaths.offering(key, archive ? .gearchiveerd : .hersteld))
    }

    func review(_ request: PortalRequest<Context>, publish: Bool) async throws -> Response {
        guard let key = try EditorialRules.ownKey(request) else { return EditorialRules.othersOffering(site) }
        guard let managed = try await portal.editorial.managed(key) else { throw HTTPError(.notFound) }
        guard let draft = managed.draft else {
            return try await conflict("Er is geen versie ter beoordeling (meer); misschien heeft een andere redacteur die al afgehandeld.",
                                      key, managed, request)
        }
        let version = Int(request.form.text("versie", .token)) ?? -1
        let account = request.account
        let author = try? MailAddress(draft.author.email)
        do {
            if publish {
                try await portal.editorial.publishDraft(key, version: version, by: account.asEditor, today: Day(Date()))
                try await site.catalogue.reload(from: portal.catalogueStore)
                await portal.record(.offeringPublished, by: account, subject: key.description, details: "na beoordeling", logger: request.logger)
                if let author, author.description != account.email {
                    let link = site.absolute(CataloguePaths.offering(site.catalogue.offering(key)?.slug ?? ""))
                    await rules.notify(author, EditorialMail.published(title: draft.record.title, authorName: draft.author.name, by: account.name,
                                                                       link: link), logger: request.logger)
                }
                return Responses.seeOther(EditorialPaths.offering(key, .gepubliceerd))
            }
            let comment = request.form.text("opmerking", .freeText(4_000))
            guard !comment.isEmpty else {
                var model = try await rules.editModel(managed, request)
                model.errors.add("opmerking", "Schrijf wat er moet veranderen; de auteur krijgt uw opmerking per e-mail.")
                return Responses.personal(OfferingEditPage.render(model, site: site), status: .unprocessableContent)
            }
            let kept = String(comment.prefix(4_000))
            _ = try await portal.editorial.sendBack(key, version: version, comment: kept, by: account.asEditor)
            await portal.record(.offeringSentBack, by: account, subject: key.description, details: kept, logger: request.logger)
            if let author {
                await rules.notify(author, EditorialMail.sentBack(title: draft.record.title, authorName: draft.author.name, by: account.name,
                                                                  comment: kept, link: site.absolute(EditorialPaths.offering(key))), logger: request.logger)
            }
            return Responses.seeOther(EditorialPaths.offering(key, .teruggestuurd))
        } catch let problem as EditorialProblem {
            return try await conflict(problem.message, key, managed, request)
        }
    }
}
