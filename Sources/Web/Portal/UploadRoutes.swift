import Accounts
import Audit
import Catalogue
import CatalogueService
import Foundation
import Hummingbird

/// Bulk upload: a dry run, staged in the database, then applied in one transaction on confirmation.
extension PortalRoutes {
    static var maxUploadBytes: Int { 10 * 1024 * 1024 }

    func upload(_ route: Route, _ context: Context, form: QueryString, files: [String: MultipartForm.File], visitor: Visitor,
                tooLarge: Bool = false) async throws -> Response {
        let account = visitor.account
        // A partner editor's upload is always checked against their own provider.
        let ownProvider = account.role == .partnerEditor ? account.provider ?? "-" : nil
        let publishes = try await mayPublish(account, ownProvider ?? "")
        var model = UploadPage.Model(csrf: visitor.session.csrfToken, account: account, publishes: publishes)
        switch route.action {
        case .uploadForm:
            return Self.page(UploadPage.render(model, site: site))
        case .uploadDryRun:
            if tooLarge {
                model.error = "Het bestand is groter dan 10 MB. Splits het in kleinere bestanden."
                return Self.page(UploadPage.render(model, site: site), status: .contentTooLarge)
            }
            guard let file = files["bestand"], !file.data.isEmpty else {
                model.error = "Kies een bestand om te uploaden."
                return Self.page(UploadPage.render(model, site: site), status: .unprocessableContent)
            }
            let fileName = String(file.fileName.split(separator: "/").last?.split(separator: "\\").last ?? "bestand").prefix(200)
            model.fileName = String(fileName)
            let records: [OfferingRecord]
            switch UploadReader.read(file.data, fileName: String(fileName), taxonomy: site.catalogue.taxonomy) {
            case .success(let read): records = read
            case .failure(let rejected):
                model.plan = UploadPlan(entries: [], problems: rejected.problems)
                return Self.page(UploadPage.render(model, site: site), status: .unprocessableContent)
            }
            // A partner's file is compared with their own offer; a redacteur's may name any provider.
            var current: [OfferingKey: ManagedOffering] = [:]
            for managed in try await portal.editorial.managedOfferings(provider: ownProvider) { current[managed.key] = managed }
            let plan = UploadPlan.make(records, current: current, allowedProvider: ownProvider, publishes: publishes)
            model.plan = plan
            if plan.canApply {
                let staged = StagedUpload(owner: account.id, fileName: String(fileName),
                                          items: plan.entries.filter { $0.change != .unchanged }.map { .init(record: $0.record, basedOn: $0.basedOn) })
                try await portal.editorial.stage(staged)
                model.stagedID = staged.id
            }
            return Self.page(UploadPage.render(model, site: site), status: plan.problems.isEmpty ? .ok : .unprocessableContent)
        case .uploadApply:
            guard let id = UUID(uuidString: try context.parameters.require("upload")),
                  let staged = try await portal.editorial.staged(id, owner: account.id, now: Date())
            else {
                model.error = "Deze proefrun is verlopen of al verwerkt. Upload het bestand opnieuw."
                return Self.page(UploadPage.render(model, site: site), status: .gone)
            }
            // Checked again at confirmation: the role may have changed since the dry run.
            if let ownProvider, staged.items.contains(where: { $0.record.provider != ownProvider }) {
                return try forbidden("Dit bestand bevat aanbod van een andere aanbieder.")
            }
            let items = staged.items.compactMap { item in item.token.map { (record: item.record, basedOn: $0) } }
            do {
                try await portal.editorial.saveAll(items, intent: publishes ? .publish : .submit, by: Self.editor(account), today: Day(Date()))
            } catch let problem as EditorialProblem {
                try await portal.editorial.discardStaged(id)
                model.error = "Er is niets opgeslagen: intussen is aanbod uit dit bestand door iemand anders gewijzigd "
                    + "(\(problem.message)) Upload het bestand opnieuw om de proefrun met de nieuwste stand te zien."
                return Self.page(UploadPage.render(model, site: site), status: .conflict)
            }
            try await portal.editorial.discardStaged(id)
            await record(.catalogueImported, by: account, subject: staged.fileName,
                         details: "\(items.count) aanbod \(publishes ? "gepubliceerd" : "ingediend") via upload", context: context)
            if publishes {
                try await site.catalogue.reload(from: portal.catalogueStore)
            } else if let first = items.first {
                await notifyRedactie(about: first.record, count: items.count, by: account, context: context)
            }
            return Self.redirect("/beheer/aanbod?\(publishes ? "geupload" : "ingediend")")
        default:
            throw HTTPError(.notFound)
        }
    }
}
