import Accounts
import Audit
import Catalogue
import CatalogueService
import Foundation
import Hummingbird

/// The offer in the portal: the list with its freshness, confirming an offering is current, and the
/// form that creates, edits, previews, saves, submits or publishes one.
struct OfferingRoutes<Context: RequestContext> {
    let site: SiteServices
    let portal: PortalServices
    var rules: EditorialRules { EditorialRules(site: site, portal: portal) }

    var routes: [Route<Context>] {
        [
            Route(.get, EditorialPaths.offerings, .signedIn(.staff)) { try await list($0) },
            Route(.post, EditorialPaths.confirm, .signedIn(.staff)) { try await confirm($0) },
            Route(.get, EditorialPaths.newOffering, .signedIn(.editors)) { try await newOfferingForm($0) },
            Route(.post, EditorialPaths.newOffering, .signedIn(.editors)) { try await save($0, key: nil) },
            Route(.get, EditorialPaths.offering, .signedIn(.editors)) { request in
                guard let key = try EditorialRules.ownKey(request) else { return EditorialRules.othersOffering(site) }
                guard let managed = try await portal.editorial.managed(key) else { throw HTTPError(.notFound) }
                let model = try await rules.editModel(managed, request, message: OfferingFlash.read(request.query)?.text)
                return Responses.personal(OfferingEditPage.render(model, site: site))
            },
            Route(.post, EditorialPaths.offering, .signedIn(.editors)) { request in
                guard let key = try EditorialRules.ownKey(request) else { return EditorialRules.othersOffering(site) }
                return try await save(request, key: key)
            },
        ]
    }

    func list(_ request: PortalRequest<Context>) async throws -> Response {
        let account = request.account
        let query = request.query
        // A redacteur may narrow the list to one provider; a partner editor sees only their own.
        let chosen = account.role == .partnerEditor
            ? account.provider ?? "-" : query.first("aanbieder").flatMap { site.catalogue.taxonomy.provider($0)?.slug }
        let mine = try await portal.editorial.managedOfferings(provider: chosen)
        let all = chosen == nil || account.role == .partnerEditor ? mine : try await portal.editorial.managedOfferings(provider: nil)
        let page = max(1, min(100_000, Int(query.first("pagina") ?? "") ?? 1))
        return Responses.personal(OfferingsDashboardPage.render(
            .init(offerings: mine, everything: all, provider: chosen, page: page, account: account, today: Day(Date()),
                  submitted: account.role == .editor ? try await portal.editorial.submittedDrafts().count : 0,
                  csrf: request.csrf, message: OfferingsFlash.read(query)?.text),
            site: site))
    }

    func confirm(_ request: PortalRequest<Context>) async throws -> Response {
        let key = OfferingKey(provider: try request.parameter("provider"), id: try request.parameter("id"))
        // Least privilege, checked on the key in the URL: a partner editor confirms only their own provider's offer.
        if request.account.role == .partnerEditor && request.account.provider != key.provider { return EditorialRules.othersOffering(site) }
        guard try await portal.catalogueStore.confirmCurrent(key, checkedOn: Day(Date()), by: request.account.asEditor) else { throw HTTPError(.notFound) }
        try await site.catalogue.reload(from: portal.catalogueStore)
        await portal.record(.offeringConfirmed, by: request.account, subject: key.description, logger: request.logger)
        return Responses.seeOther(EditorialPaths.offerings(query: OfferingsFlash.bevestigd.rawValue))
    }

    /// An empty form, or with `?kopie=provider/id` a copy of an offering the editor may edit.
    func newOfferingForm(_ request: PortalRequest<Context>) async throws -> Response {
        var form = OfferingForm()
        if request.account.role == .partnerEditor { form.text["aanbieder"] = request.account.provider ?? "" }
        if let source = request.query.first("kopie") {
            let parts = source.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2, EditorialRules.mayEdit(request.account, parts[0]) else { return EditorialRules.othersOffering(site) }
            guard let managed = try await portal.editorial.managed(OfferingKey(provider: parts[0], id: parts[1])) else { throw HTTPError(.notFound) }
            form = OfferingForm(record: managed.workingRecord)
            form.text["kenmerk"] = String((managed.key.id + "-kopie").prefix(100))
            form.text["titel"] = managed.title + " (kopie)"
            form.text["herzien-voor"] = ""
        }
        let provider = form["aanbieder"]
        return Responses.personal(OfferingEditPage.render(.init(form: form, managed: nil, editToken: .new, account: request.account,
                                                                canPublish: try await rules.mayPublish(request.account, provider.isEmpty ? "-" : provider),
                                                                csrf: request.csrf), site: site))
    }

    func save(_ request: PortalRequest<Context>, key: OfferingKey?) async throws -> Response {
        let posted = request.form
        var form = OfferingForm(form: posted)
        let managed: ManagedOffering?
        let token: EditToken
        if let key {
            guard let found = try await portal.editorial.managed(key) else { throw HTTPError(.notFound) }
            managed = found
            // The key is the URL's, never the form's: a tampered hidden field cannot move an offering.
            form.text["kenmerk"] = key.id
            form.text["aanbieder"] = key.provider
            token = EditToken(posted.text("versie", .token)) ?? found.editToken
        } else {
            managed = nil
            token = .new
            if request.account.role == .partnerEditor { form.text["aanbieder"] = request.account.provider ?? "" }
            if form["kenmerk"].trimmingCharacters(in: .whitespaces).isEmpty { form.text["kenmerk"] = String(Slug.make(form["titel"]).prefix(100)) }
        }
        let canPublish = try await rules.mayPublish(request.account, form["aanbieder"])
        var model = OfferingEditPage.Model(form: form, managed: managed, editToken: token, account: request.account, canPublish: canPublish,
                                           csrf: request.csrf)
        let valid: OfferingRecord
        switch form.validate(site.catalogue.taxonomy) {
        case .failure(let errors):
            model.errors = errors
            return Responses.personal(OfferingEditPage.render(model, site: site), status: .unprocessableContent)
        case .success(let record):
            valid = record
        }
        let action = posted.text("actie", .token)
        if action == "voorbeeld" {
            model.preview = Offering(valid, slug: managed?.stored?.slug ?? Slug.make(valid.title), lastChecked: Day(Date()), created: Date(),
                                     updated: Date())
            model.message = "Hieronder staat het voorbeeld. Er is nog niets opgeslagen."
            return Responses.personal(OfferingEditPage.render(model, site: site))
        }
        let intent: SaveIntent
        switch action {
        case "publiceren":
            guard canPublish else { return forbidden("U kunt dit aanbod niet zelf publiceren; dien het in ter beoordeling.", site: site) }
            intent = .publish
        case "indienen": intent = .submit
        default: intent = .concept
        }
        do {
            _ = try await portal.editorial.save(valid, basedOn: token, intent: intent, by: request.account.asEditor, today: Day(Date()))
        } catch let problem as EditorialProblem {
            switch problem {
            case .conflict, .wrongStatus:
                model.conflict = problem.message
                return Responses.personal(OfferingEditPage.render(model, site: site), status: .conflict)
            case .keyTaken:
                model.errors.add("kenmerk", problem.message)
                return Responses.personal(OfferingEditPage.render(model, site: site), status: .unprocessableContent)
            case .notFound: throw HTTPError(.notFound)
            }
        }
        switch intent {
        case .concept:
            await portal.record(.offeringSaved, by: request.account, subject: valid.key.description, logger: request.logger)
            return Responses.seeOther(EditorialPaths.offering(valid.key, .opgeslagen))
        case .submit:
            await portal.record(.offeringSubmitted, by: request.account, subject: valid.key.description, logger: request.logger)
            await rules.notifyRedactie(about: valid, by: request.account, logger: request.logger)
            return Responses.seeOther(EditorialPaths.offering(valid.key, .ingediend))
        case .publish:
            try await site.catalogue.reload(from: portal.catalogueStore)
            await portal.record(.offeringPublished, by: request.account, subject: valid.key.description, logger: request.logger)
            return Responses.seeOther(EditorialPaths.offering(valid.key, .gepubliceerd))
        }
    }
}
