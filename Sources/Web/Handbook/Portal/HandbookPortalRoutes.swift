import Accounts
import Audit
import Catalogue
import CatalogueService
import Foundation
import Handbook
import Hummingbird

/// The handbook's entries in the portal: the list with the data quality the editors aim for, the
/// form, and the history. Partner editors propose entries about their own publications; the redactie
/// writes, reviews and publishes. Every save is a revision; publishing reloads the public handbook.
struct HandbookPortalRoutes<Context: RequestContext> {
    let site: SiteServices
    let portal: PortalServices
    let store: any HandbookStore

    var routes: [Route<Context>] {
        typealias Paths = HandbookPortalPaths
        return [
            Route(.get, Paths.entries, .signedIn(.editors)) { request in
                let entries = try await visible(to: request.account)
                let message = HandbookFlash.read(request.query)?.text
                return Responses.personal(HandbookPortalPages.list(.init(account: request.account, entries: entries, message: message,
                                                                         catalogue: site.catalogue, handbook: site.handbook.handbook), site: site))
            },
            Route(.get, Paths.newEntry, .signedIn(.editors)) { request in
                var form = HandbookEntryForm()
                form.author = request.account.name
                form.date = Day(Date()).description
                form.reviewBy = Day(Date()).adding(months: 12).description
                return Responses.personal(HandbookPortalPages.form(model(request, form: form, managed: nil), site: site))
            },
            Route(.post, Paths.newEntry, .signedIn(.editors)) { try await save($0, managed: nil) },
            Route(.get, Paths.entry, .signedIn(.editors)) { request in
                let managed = try await editable(request)
                var model = model(request, form: HandbookEntryForm(entry: managed.entry), managed: managed)
                model.message = HandbookFlash.read(request.query)?.text
                return Responses.personal(HandbookPortalPages.form(model, site: site))
            },
            Route(.post, Paths.entry, .signedIn(.editors)) { request in try await save(request, managed: try await editable(request)) },
            Route(.get, Paths.history, .signedIn(.editors)) { request in
                let managed = try await editable(request)
                return Responses.personal(HandbookPortalPages.history(managed, try await store.revisions(managed.entry.id), csrf: request.csrf,
                                                                      canRestore: isRedactie(request.account), site: site))
            },
            Route(.post, Paths.sendBack, .signedIn(.redactie)) { request in
                let managed = try await editable(request)
                let comment = String((request.form.first("opmerking") ?? "").prefix(2_000)).trimmingCharacters(in: .whitespacesAndNewlines)
                guard managed.status == .submitted, !comment.isEmpty else {
                    var model = model(request, form: HandbookEntryForm(entry: managed.entry), managed: managed)
                    model.errors.add("opmerking", managed.status == .submitted ? "Schrijf wat er anders moet." : "Alleen een ingediend artikel gaat terug.")
                    return Responses.personal(HandbookPortalPages.form(model, site: site), status: .unprocessableContent)
                }
                do {
                    try await store.sendBack(managed.entry.id, version: Int(request.form.first("versie") ?? "") ?? managed.version, comment: comment,
                                             by: Editor(email: request.account.email, name: request.account.name))
                } catch HandbookProblem.staleVersion {
                    return Responses.seeOther(HandbookPortalPaths.entry(managed.entry.id))
                }
                await portal.record(.handbookEntrySaved, by: request.account, subject: managed.entry.id, details: "teruggestuurd: \(comment)",
                                    logger: request.logger)
                return Responses.seeOther(HandbookPortalPaths.entry(managed.entry.id, query: HandbookFlash.teruggestuurd.rawValue))
            },
            Route(.post, Paths.restore, .signedIn(.redactie)) { request in
                let managed = try await editable(request)
                guard let number = Int(try request.parameter("n")),
                      let revision = try await store.revisions(managed.entry.id).first(where: { $0.number == number }) else { throw HTTPError(.notFound) }
                do {
                    try await store.save(revision.entry, status: .concept, provider: managed.provider,
                                         version: Int(request.form.first("versie") ?? "") ?? managed.version,
                                         by: Editor(email: request.account.email, name: request.account.name))
                } catch HandbookProblem.staleVersion {
                    return Responses.seeOther(HandbookPortalPaths.history(managed.entry.id))
                }
                if managed.status == .published { try await site.handbook.reload(from: store) }
                await portal.record(.handbookEntrySaved, by: request.account, subject: managed.entry.id, details: "versie \(number) teruggezet als concept",
                                    logger: request.logger)
                return Responses.seeOther(HandbookPortalPaths.entry(managed.entry.id, query: HandbookFlash.teruggezet.rawValue))
            },
        ]
    }

    enum HandbookFlash: String, Flash {
        case opgeslagen, ingediend, gepubliceerd, teruggestuurd, teruggezet
        var text: String {
            switch self {
            case .teruggestuurd: "Het artikel is teruggestuurd naar de auteur, met uw opmerking."
            case .teruggezet: "De eerdere versie staat nu als concept klaar; publiceer haar om haar openbaar te maken."
            case .opgeslagen: "Het artikel is opgeslagen als concept."
            case .ingediend: "Het artikel is ingediend; de redactie beoordeelt het."
            case .gepubliceerd: "Het artikel staat in het handboek."
            }
        }
    }

    func isRedactie(_ account: Account) -> Bool { account.role == .editor }

    /// The redactie sees every entry; a partner editor their own proposals and the published entries
    /// about their provider's publications.
    func visible(to account: Account) async throws -> [ManagedEntry] {
        let all = try await store.managedEntries()
        guard !isRedactie(account) else { return all }
        return all.filter { $0.provider == account.provider || ($0.status == .published && $0.entry.offeringKey?.provider == account.provider) }
    }

    /// The entry of the URL, if this account may edit it: the redactie any; a partner editor only
    /// their own proposal that is not yet published.
    func editable(_ request: PortalRequest<Context>) async throws -> ManagedEntry {
        let id = try request.parameter("id")
        guard let managed = try await store.managedEntries().first(where: { $0.entry.id == id }) else { throw HTTPError(.notFound) }
        guard isRedactie(request.account) || (managed.provider != nil && managed.provider == request.account.provider && managed.status != .published)
        else { throw HTTPError(.forbidden) }
        return managed
    }

    func model(_ request: PortalRequest<Context>, form: HandbookEntryForm, managed: ManagedEntry?) -> HandbookPortalPages.FormModel {
        let account = request.account
        let publications = site.catalogue.offerings { $0.kind == "publicatie" && (isRedactie(account) || $0.provider == account.provider) }
            .sorted { $0.title < $1.title }
        return .init(account: account, csrf: request.csrf, form: form, managed: managed, publications: publications,
                     topics: site.handbook.handbook.topics.isEmpty ? HandbookPortalPages.standardTopics : site.handbook.handbook.topics,
                     canPublish: isRedactie(account))
    }

    func save(_ request: PortalRequest<Context>, managed: ManagedEntry?) async throws -> Response {
        let account = request.account
        var form = HandbookEntryForm(form: request.form)
        if let managed { form.id = managed.entry.id }
        let action = request.form.first("actie") ?? "concept"
        let status: EntryStatus
        switch action {
        case "publiceren":
            guard isRedactie(account) else { return forbidden("Alleen de redactie publiceert in het handboek.", site: site) }
            status = .published
        case "indienen": status = .submitted
        default: status = .concept
        }
        var model = model(request, form: form, managed: managed)
        let provider = isRedactie(account) ? nil : account.provider
        switch form.validate(topics: model.topics, offerings: { site.catalogue.offering($0) }, taxonomy: site.catalogue.taxonomy, provider: provider) {
        case .failure(let errors):
            model.errors = errors
            return Responses.personal(HandbookPortalPages.form(model, site: site), status: .unprocessableContent)
        case .success(let entry):
            // The version the form was opened on: a save in between makes this one stale.
            let version = managed.map { Int(request.form.first("versie") ?? "") ?? $0.version }
            do {
                try await store.save(entry, status: status, provider: managed?.provider ?? provider, version: version,
                                     by: Editor(email: account.email, name: account.name))
            } catch HandbookProblem.staleVersion {
                model.errors.add(managed == nil ? "kenmerk" : "analyse", managed == nil
                    ? "Er is al een artikel met dit kenmerk. Kies een ander kenmerk."
                    : "Iemand anders heeft dit artikel intussen opgeslagen. Open het opnieuw om de laatste versie te zien.")
                return Responses.personal(HandbookPortalPages.form(model, site: site), status: .conflict)
            }
            if status == .published || managed?.status == .published { try await site.handbook.reload(from: store) }
            await portal.record(status == .published ? .handbookEntryPublished : .handbookEntrySaved, by: account, subject: entry.id,
                                details: status.label, logger: request.logger)
            let flash: HandbookFlash = status == .published ? .gepubliceerd : status == .submitted ? .ingediend : .opgeslagen
            return Responses.seeOther(HandbookPortalPaths.entry(entry.id, query: flash.rawValue))
        }
    }
}
