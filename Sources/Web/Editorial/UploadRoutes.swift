import Accounts
import Audit
import Catalogue
import CatalogueService
import Foundation
import Hummingbird

/// Bulk upload: a dry run, staged in the database, then applied in one transaction on confirmation.
struct UploadRoutes<Context: RequestContext> {
    let site: SiteServices
    let portal: PortalServices
    var rules: EditorialRules { EditorialRules(site: site, portal: portal) }

    static var maxUploadBytes: Int { 10 * 1024 * 1024 }

    var routes: [Route<Context>] {
        [
            Route(.get, EditorialPaths.upload, .signedIn(.editors)) { request in
                Responses.personal(UploadPage.render(try await model(request), site: site))
            },
            Route(.post, EditorialPaths.upload, .signedIn(.editors), maxBody: Self.maxUploadBytes, answersOversizedBody: true) { try await dryRun($0) },
            Route(.post, EditorialPaths.applyUpload, .signedIn(.editors)) { try await apply($0) },
            Route(.get, EditorialPaths.templateCSV, .signedIn(.editors)) { request in
                Responses.download(UploadTemplate.csv(provider: templateProvider(request.account), taxonomy: site.catalogue.taxonomy),
                                   type: "text/csv; charset=utf-8", file: "weerbaar-aanbod-sjabloon.csv")
            },
            Route(.get, EditorialPaths.templateXLSX, .signedIn(.editors)) { request in
                Responses.download(try UploadTemplate.xlsx(provider: templateProvider(request.account), taxonomy: site.catalogue.taxonomy),
                                   type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file: "weerbaar-aanbod-sjabloon.xlsx")
            },
        ]
    }

    /// The template's example row names the partner's own provider; for the redactie, the first one.
    func templateProvider(_ account: Account) -> String {
        ownProvider(account) ?? site.catalogue.taxonomy.providers.first?.slug ?? ""
    }

    /// A partner editor's upload is always checked against their own provider.
    func ownProvider(_ account: Account) -> String? { account.role == .partnerEditor ? account.provider ?? "-" : nil }

    func model(_ request: PortalRequest<Context>) async throws -> UploadPage.Model {
        let publishes = try await rules.mayPublish(request.account, ownProvider(request.account) ?? "")
        return UploadPage.Model(csrf: request.csrf, account: request.account, publishes: publishes)
    }

    func dryRun(_ request: PortalRequest<Context>) async throws -> Response {
        var model = try await model(request)
        if request.bodyTooLarge {
            model.error = "Het bestand is groter dan 10 MB. Splits het in kleinere bestanden."
            return Responses.personal(UploadPage.render(model, site: site), status: .contentTooLarge)
        }
        guard let file = request.files["bestand"], !file.data.isEmpty else {
            model.error = "Kies een bestand om te uploaden."
            return Responses.personal(UploadPage.render(model, site: site), status: .unprocessableContent)
        }
        let fileName = String(String(file.fileName.split(separator: "/").last?.split(separator: "\\").last ?? "bestand").prefix(200))
        model.fileName = fileName
        let records: [OfferingRecord]
        switch UploadReader.read(file.data, fileName: fileName, taxonomy: site.catalogue.taxonomy) {
        case .success(let read): records = read
        case .failure(let rejected):
            model.plan = UploadPlan(entries: [], problems: rejected.problems)
            return Responses.personal(UploadPage.render(model, site: site), status: .unprocessableContent)
        }
        // A partner's file is compared with their own offer; a redacteur's may name any provider.
        let own = ownProvider(request.account)
        var current: [OfferingKey: ManagedOffering] = [:]
        for managed in try await portal.editorial.managedOfferings(provider: own) { current[managed.key] = managed }
        let plan = UploadPlan.make(records, current: current, allowedProvider: own, publishes: model.publishes)
        model.plan = plan
        if plan.canApply {
            let staged = StagedUpload(owner: request.account.id, fileName: fileName,
                                      items: plan.entries.filter { $0.change != .unchanged }.map { .init(record: $0.record, basedOn: $0.basedOn) })
            try await portal.editorial.stage(staged)
            model.stagedID = staged.id
        }
        return Responses.personal(UploadPage.render(model, site: site), status: plan.problems.isEmpty ? .ok : .unprocessableContent)
    }

    func apply(_ request: PortalRequest<Context>) async throws -> Response {
        var model = try await model(request)
        let account = request.account
        guard let id = UUID(uuidString: try request.parameter("upload")),
              let staged = try await portal.editorial.staged(id, owner: account.id, now: Date())
        else {
            model.error = "Deze proefrun is verlopen of al verwerkt. Upload het bestand opnieuw."
            return Responses.personal(UploadPage.render(model, site: site), status: .gone)
        }
        // Checked again at confirmation: the role may have changed since the dry run.
        if let own = ownProvider(account), staged.items.contains(where: { $0.record.provider != own }) {
            return forbidden("Dit bestand bevat aanbod van een andere aanbieder.", site: site)
        }
        let items = staged.items.compactMap { item in item.token.map { (record: item.record, basedOn: $0) } }
        do {
            try await portal.editorial.saveAll(items, intent: model.publishes ? .publish : .submit, by: account.asEditor, today: Day(Date()))
        } catch let problem as EditorialProblem {
            try await portal.editorial.discardStaged(id)
            model.error = "Er is niets opgeslagen: intussen is aanbod uit dit bestand door iemand anders gewijzigd "
                + "(\(problem.message)) Upload het bestand opnieuw om de proefrun met de nieuwste stand te zien."
            return Responses.personal(UploadPage.render(model, site: site), status: .conflict)
        }
        try await portal.editorial.discardStaged(id)
        await portal.record(.catalogueImported, by: account, subject: staged.fileName,
                            details: "\(items.count) aanbod \(model.publishes ? "gepubliceerd" : "ingediend") via upload", logger: request.logger)
        if model.publishes {
            try await site.catalogue.reload(from: portal.catalogueStore)
        } else if let first = items.first {
            await rules.notifyRedactie(about: first.record, count: items.count, by: account, logger: request.logger)
        }
        return Responses.seeOther(EditorialPaths.offerings(query: (model.publishes ? OfferingsFlash.geupload : .ingediend).rawValue))
    }
}
