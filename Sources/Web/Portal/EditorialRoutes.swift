import Accounts
import Audit
import Catalogue
import CatalogueService
import Foundation
import Hummingbird
import Logging
import Logos
import Mail

/// Editing the offer: create, edit, duplicate, submit, review, publish, archive, restore. The route
/// table says which roles reach a route; these handlers add the check the table cannot make: a partner
/// editor touches only their own provider's offer, whatever key a URL or form carries.
extension PortalRoutes {
    /// Redacteuren edit everything; a partner editor only their provider's offer.
    static func mayEdit(_ account: Account, _ provider: String) -> Bool {
        account.role == .editor || (account.role == .partnerEditor && account.provider == provider)
    }

    /// Redacteuren publish everything; a partner editor only when their provider is trusted.
    func mayPublish(_ account: Account, _ provider: String) async throws -> Bool {
        if account.role == .editor { return true }
        guard Self.mayEdit(account, provider) else { return false }
        return try await portal.editorial.trustedProviders().contains(provider)
    }

    static func editor(_ account: Account) -> Editor { Editor(email: account.email, name: account.name) }

    /// The key in the URL, with the least-privilege check; nil answers 403.
    func ownKey(_ context: Context, _ visitor: Visitor) throws -> OfferingKey? {
        let key = OfferingKey(provider: try context.parameters.require("provider"), id: try context.parameters.require("id"))
        return Self.mayEdit(visitor.account, key.provider) ? key : nil
    }

    func editorial(_ route: Route, _ request: Request, _ context: Context, form: QueryString, visitor: Visitor) async throws -> Response {
        switch route.action {
        case .newOfferingForm:
            return try await newOfferingForm(request, visitor)
        case .createOffering:
            return try await saveOffering(key: nil, form: form, visitor: visitor, context: context)
        case .offeringForm:
            guard let key = try ownKey(context, visitor) else { return try forbidden("Dit aanbod is van een andere aanbieder.") }
            guard let managed = try await portal.editorial.managed(key) else { throw HTTPError(.notFound) }
            let messages = ["opgeslagen": "Opgeslagen als concept. Het staat nog niet op de site.",
                            "ingediend": "Ingediend. Een redacteur beoordeelt het; u krijgt bericht per e-mail.",
                            "gepubliceerd": "Gepubliceerd: het staat nu op de site.",
                            "gearchiveerd": "Gearchiveerd: het staat niet meer op de site.",
                            "hersteld": "Uit het archief gehaald.",
                            "teruggezet": "De eerdere versie staat nu als concept klaar. Publiceer of dien in om hem op de site te zetten.",
                            "teruggestuurd": "Teruggestuurd naar de auteur, met uw opmerking per e-mail."]
            return Self.page(OfferingEditPage.render(try await editModel(managed, visitor: visitor, message: messages[request.uri.query ?? ""]),
                                                     site: site))
        case .saveOffering:
            guard let key = try ownKey(context, visitor) else { return try forbidden("Dit aanbod is van een andere aanbieder.") }
            return try await saveOffering(key: key, form: form, visitor: visitor, context: context)
        case .archiveOffering, .unarchiveOffering:
            guard let key = try ownKey(context, visitor) else { return try forbidden("Dit aanbod is van een andere aanbieder.") }
            return try await changeArchive(key, archive: route.action == .archiveOffering, visitor: visitor, context: context)
        case .publishDraft, .sendBack:
            guard let key = try ownKey(context, visitor) else { return try forbidden("Dit aanbod is van een andere aanbieder.") }
            return try await review(route.action, key, form: form, visitor: visitor, context: context)
        case .offeringHistory, .offeringRevision:
            guard let key = try ownKey(context, visitor) else { return try forbidden("Dit aanbod is van een andere aanbieder.") }
            guard let managed = try await portal.editorial.managed(key) else { throw HTTPError(.notFound) }
            let revisions = try await portal.editorial.revisions(key)
            if route.action == .offeringHistory {
                return Self.page(OfferingHistoryPage.list(managed, revisions: revisions, csrf: visitor.session.csrfToken, site: site))
            }
            guard let number = Int(try context.parameters.require("n")), let index = revisions.firstIndex(where: { $0.number == number }) else {
                throw HTTPError(.notFound)
            }
            let previous = revisions.index(after: index) < revisions.endIndex ? revisions[revisions.index(after: index)] : nil
            return Self.page(OfferingHistoryPage.revision(managed, revisions[index], previous: previous, csrf: visitor.session.csrfToken, site: site))
        case .restoreRevision:
            guard let key = try ownKey(context, visitor) else { return try forbidden("Dit aanbod is van een andere aanbieder.") }
            guard let number = Int(try context.parameters.require("n")) else { throw HTTPError(.notFound) }
            do {
                try await portal.editorial.restore(key, revision: number, by: Self.editor(visitor.account))
            } catch EditorialProblem.notFound {
                throw HTTPError(.notFound)
            }
            await record(.revisionRestored, by: visitor.account, subject: key.description, details: "versie \(number)", context: context)
            return Self.redirect("/beheer/aanbod/\(key.provider)/\(key.id)?teruggezet")
        case .reviewQueue:
            let drafts = try await portal.editorial.submittedDrafts()
            return Self.page(ReviewQueuePage.render(drafts: drafts, site: site))
        default:
            throw HTTPError(.notFound)
        }
    }

    // MARK: - The form

    func editModel(_ managed: ManagedOffering, visitor: Visitor, message: String? = nil) async throws -> OfferingEditPage.Model {
        OfferingEditPage.Model(form: OfferingForm(record: managed.workingRecord), managed: managed, editToken: managed.editToken,
                               account: visitor.account, canPublish: try await mayPublish(visitor.account, managed.key.provider),
                               csrf: visitor.session.csrfToken, message: message)
    }

    /// An empty form, or with `?kopie=provider/id` a copy of an offering the editor may edit.
    func newOfferingForm(_ request: Request, _ visitor: Visitor) async throws -> Response {
        var form = OfferingForm()
        if visitor.account.role == .partnerEditor { form.text["aanbieder"] = visitor.account.provider ?? "" }
        if let source = QueryString(raw: request.uri.query).first("kopie") {
            let parts = source.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2, Self.mayEdit(visitor.account, parts[0]) else { return try forbidden("Dit aanbod is van een andere aanbieder.") }
            guard let managed = try await portal.editorial.managed(OfferingKey(provider: parts[0], id: parts[1])) else { throw HTTPError(.notFound) }
            form = OfferingForm(record: managed.workingRecord)
            form.text["kenmerk"] = String((managed.key.id + "-kopie").prefix(100))
            form.text["titel"] = managed.title + " (kopie)"
            form.text["herzien-voor"] = ""
        }
        let provider = form["aanbieder"]
        return Self.page(OfferingEditPage.render(.init(form: form, managed: nil, editToken: .new, account: visitor.account,
                                                       canPublish: try await mayPublish(visitor.account, provider.isEmpty ? "-" : provider),
                                                       csrf: visitor.session.csrfToken), site: site))
    }

    func saveOffering(key: OfferingKey?, form posted: QueryString, visitor: Visitor, context: Context) async throws -> Response {
        var form = OfferingForm(form: posted)
        let managed: ManagedOffering?
        let token: EditToken
        if let key {
            guard let found = try await portal.editorial.managed(key) else { throw HTTPError(.notFound) }
            managed = found
            // The key is the URL's, never the form's: a tampered hidden field cannot move an offering.
            form.text["kenmerk"] = key.id
            form.text["aanbieder"] = key.provider
            token = EditToken(posted.first("versie") ?? "") ?? found.editToken
        } else {
            managed = nil
            token = .new
            if visitor.account.role == .partnerEditor { form.text["aanbieder"] = visitor.account.provider ?? "" }
            if form["kenmerk"].trimmingCharacters(in: .whitespaces).isEmpty { form.text["kenmerk"] = String(Slug.make(form["titel"]).prefix(100)) }
        }
        let provider = form["aanbieder"]
        let canPublish = try await mayPublish(visitor.account, provider)
        var model = OfferingEditPage.Model(form: form, managed: managed, editToken: token, account: visitor.account, canPublish: canPublish,
                                           csrf: visitor.session.csrfToken)
        let valid: OfferingRecord
        switch form.validate(site.catalogue.taxonomy) {
        case .failure(let errors):
            model.errors = errors
            return Self.page(OfferingEditPage.render(model, site: site), status: .unprocessableContent)
        case .success(let record):
            valid = record
        }
        let action = posted.first("actie") ?? "concept"
        if action == "voorbeeld" {
            model.preview = Offering(provider: valid.provider, id: valid.id, slug: managed?.stored?.slug ?? Slug.make(valid.title),
                                     title: valid.title, summary: valid.summary, description: valid.description, kind: valid.kind,
                                     form: valid.form, themes: valid.themes, audiences: valid.audiences, keywords: valid.keywords,
                                     cost: valid.cost, delivery: valid.delivery, duration: valid.duration, url: valid.url,
                                     contact: valid.contact, published: valid.published, reviewBy: valid.reviewBy,
                                     lastChecked: Day(Date()), created: Date(), updated: Date())
            model.message = "Hieronder staat het voorbeeld. Er is nog niets opgeslagen."
            return Self.page(OfferingEditPage.render(model, site: site))
        }
        let intent: SaveIntent
        switch action {
        case "publiceren":
            guard canPublish else { return try forbidden("U kunt dit aanbod niet zelf publiceren; dien het in ter beoordeling.") }
            intent = .publish
        case "indienen": intent = .submit
        default: intent = .concept
        }
        do {
            _ = try await portal.editorial.save(valid, basedOn: token, intent: intent, by: Self.editor(visitor.account), today: Day(Date()))
        } catch let problem as EditorialProblem {
            switch problem {
            case .conflict:
                model.conflict = problem.message
                return Self.page(OfferingEditPage.render(model, site: site), status: .conflict)
            case .keyTaken:
                model.errors.add("kenmerk", problem.message)
                return Self.page(OfferingEditPage.render(model, site: site), status: .unprocessableContent)
            case .notFound: throw HTTPError(.notFound)
            case .wrongStatus:
                model.conflict = problem.message
                return Self.page(OfferingEditPage.render(model, site: site), status: .conflict)
            }
        }
        let path = "/beheer/aanbod/\(valid.provider)/\(valid.id)"
        switch intent {
        case .concept:
            await record(.offeringSaved, by: visitor.account, subject: valid.key.description, context: context)
            return Self.redirect(path + "?opgeslagen")
        case .submit:
            await record(.offeringSubmitted, by: visitor.account, subject: valid.key.description, context: context)
            await notifyRedactie(about: valid, by: visitor.account, context: context)
            return Self.redirect(path + "?ingediend")
        case .publish:
            try await site.catalogue.reload(from: portal.catalogueStore)
            await record(.offeringPublished, by: visitor.account, subject: valid.key.description, context: context)
            return Self.redirect(path + "?gepubliceerd")
        }
    }

    // MARK: - Archive

    func changeArchive(_ key: OfferingKey, archive: Bool, visitor: Visitor, context: Context) async throws -> Response {
        guard let managed = try await portal.editorial.managed(key) else { throw HTTPError(.notFound) }
        let editor = Self.editor(visitor.account)
        do {
            if archive {
                // Taking something off the site is always allowed to its editors: outdated advice must be able to go at once.
                try await portal.editorial.archive(key, by: editor)
                await record(.offeringArchived, by: visitor.account, subject: key.description, context: context)
            } else if try await mayPublish(visitor.account, key.provider) {
                try await portal.editorial.unarchive(key, by: editor)
                await record(.offeringUnarchived, by: visitor.account, subject: key.description, context: context)
            } else {
                // Putting something back on the site goes through review like any publication.
                guard managed.storedStatus == .archived else { throw EditorialProblem.wrongStatus(managed.status) }
                _ = try await portal.editorial.save(managed.workingRecord, basedOn: managed.editToken, intent: .submit, by: editor, today: Day(Date()))
                await record(.offeringSubmitted, by: visitor.account, subject: key.description, details: "uit het archief", context: context)
                await notifyRedactie(about: managed.workingRecord, by: visitor.account, context: context)
                return Self.redirect("/beheer/aanbod/\(key.provider)/\(key.id)?ingediend")
            }
        } catch let problem as EditorialProblem {
            var model = try await editModel(try await portal.editorial.managed(key) ?? managed, visitor: visitor)
            model.conflict = problem.message
            return Self.page(OfferingEditPage.render(model, site: site), status: .conflict)
        }
        try await site.catalogue.reload(from: portal.catalogueStore)
        return Self.redirect("/beheer/aanbod/\(key.provider)/\(key.id)?\(archive ? "gearchiveerd" : "hersteld")")
    }

    // MARK: - Review

    func review(_ action: Action, _ key: OfferingKey, form: QueryString, visitor: Visitor, context: Context) async throws -> Response {
        guard let managed = try await portal.editorial.managed(key) else { throw HTTPError(.notFound) }
        guard let draft = managed.draft else {
            var model = try await editModel(managed, visitor: visitor)
            model.conflict = "Er is geen versie ter beoordeling (meer); misschien heeft een andere redacteur die al afgehandeld."
            return Self.page(OfferingEditPage.render(model, site: site), status: .conflict)
        }
        let version = Int(form.first("versie") ?? "") ?? -1
        let editor = Self.editor(visitor.account)
        let author = try? MailAddress(draft.author.email)
        let link = site.absolute("/beheer/aanbod/\(key.provider)/\(key.id)")
        do {
            if action == .publishDraft {
                try await portal.editorial.publishDraft(key, version: version, by: editor, today: Day(Date()))
                try await site.catalogue.reload(from: portal.catalogueStore)
                await record(.offeringPublished, by: visitor.account, subject: key.description, details: "na beoordeling", context: context)
                if let author, author.description != visitor.account.email {
                    await notify(author, subject: "Gepubliceerd: \(draft.record.title)", text: """
                        Beste \(draft.author.name),

                        \(visitor.account.name) heeft ‘\(draft.record.title)’ gepubliceerd. Het staat nu op Weerbaar:

                        \(site.absolute("/aanbod/\(site.catalogue.offering(key)?.slug ?? "")"))
                        """, context: context)
                }
                return Self.redirect("/beheer/aanbod/\(key.provider)/\(key.id)?gepubliceerd")
            }
            let comment = String((form.first("opmerking") ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(4_000))
            guard !comment.isEmpty else {
                var model = try await editModel(managed, visitor: visitor)
                model.errors.add("opmerking", "Schrijf wat er moet veranderen; de auteur krijgt uw opmerking per e-mail.")
                return Self.page(OfferingEditPage.render(model, site: site), status: .unprocessableContent)
            }
            _ = try await portal.editorial.sendBack(key, version: version, comment: comment, by: editor)
            await record(.offeringSentBack, by: visitor.account, subject: key.description, details: comment, context: context)
            if let author {
                await notify(author, subject: "Teruggestuurd: \(draft.record.title)", text: """
                    Beste \(draft.author.name),

                    \(visitor.account.name) van de redactie heeft ‘\(draft.record.title)’ teruggestuurd met deze opmerking:

                    \(comment)

                    Pas het aan en dien het opnieuw in:

                    \(link)
                    """, context: context)
            }
            return Self.redirect("/beheer/aanbod/\(key.provider)/\(key.id)?teruggestuurd")
        } catch let problem as EditorialProblem {
            var model = try await editModel(try await portal.editorial.managed(key) ?? managed, visitor: visitor)
            model.conflict = problem.message
            return Self.page(OfferingEditPage.render(model, site: site), status: .conflict)
        }
    }

    // MARK: - Mail

    /// Tells the redacteuren something waits for review.
    func notifyRedactie(about record: OfferingRecord, count: Int = 1, by account: Account, context: Context) async {
        guard let accounts = try? await portal.accounts.allAccounts() else { return }
        for editor in accounts where editor.role == .editor && !editor.disabled {
            guard let address = try? MailAddress(editor.email) else { continue }
            let what = count == 1 ? "‘\(record.title)’" : "\(count) aanbiedingen (via een upload)"
            await notify(address, subject: count == 1 ? "Ter beoordeling: \(record.title)" : "Ter beoordeling: \(count) aanbiedingen", text: """
                Beste \(editor.name),

                \(account.name) heeft \(what) ingediend ter beoordeling. U vindt het in de lijst:

                \(site.absolute("/beheer/beoordelen"))
                """, context: context)
        }
    }

    /// Sends one notice; the change it reports is already saved, so a failure is logged, not shown.
    func notify(_ to: MailAddress, subject: String, text: String, context: Context) async {
        do {
            try await portal.mailer.send(MailMessage(from: portal.mailFrom, fromName: "Weerbaar", to: [to], subject: subject, text: text))
        } catch {
            context.logger.error("Sending a portal notice failed", metadata: ["subject": "\(subject)", "error": "\(error)"])
        }
    }
}

// MARK: - Providers

extension PortalRoutes {
    func providers(_ route: Route, _ request: Request, _ context: Context, form: QueryString, files: [String: MultipartForm.File],
                   visitor: Visitor) async throws -> Response {
        let csrf = visitor.session.csrfToken
        switch route.action {
        case .providers:
            let message = request.uri.query == "gewijzigd" ? "De aanbieder is gewijzigd." : nil
            return Self.page(ProvidersPage.render(trusted: try await portal.editorial.trustedProviders(), csrf: csrf, message: message, site: site))
        case .newProviderForm:
            return Self.page(ProviderFormPage.render(.init(isNew: true, csrf: csrf), site: site))
        case .providerForm:
            guard let provider = site.catalogue.taxonomy.provider(try context.parameters.require("provider")) else { throw HTTPError(.notFound) }
            return Self.page(ProviderFormPage.render(ProviderFormPage.model(provider, csrf: csrf), site: site))
        case .trustProvider:
            let slug = try context.parameters.require("provider")
            guard site.catalogue.taxonomy.provider(slug) != nil else { throw HTTPError(.notFound) }
            let trusted = form.first("vertrouwd") == "ja"
            try await portal.editorial.setTrusted(slug, trusted)
            await record(.providerChanged, by: visitor.account, subject: slug,
                         details: trusted ? "vertrouwd: publiceert zelf" : "publiceert na beoordeling", context: context)
            return Self.redirect("/beheer/aanbieders?gewijzigd")
        default:
            return try await saveProvider(route, context, form: form, files: files, visitor: visitor)
        }
    }

    func saveProvider(_ route: Route, _ context: Context, form: QueryString, files: [String: MultipartForm.File], visitor: Visitor) async throws
        -> Response
    {
        let isNew = route.action == .createProvider
        var existing: Provider? = nil
        if !isNew {
            guard let found = site.catalogue.taxonomy.provider(try context.parameters.require("provider")) else { throw HTTPError(.notFound) }
            existing = found
        }
        func text(_ name: String, _ max: Int) -> String { String((form.first(name) ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(max + 1)) }
        var model = ProviderFormPage.Model(isNew: isNew, slug: existing?.slug ?? text("kenmerk", 40), name: text("naam", 200),
                                           abbreviation: text("afkorting", 20), description: text("beschrijving", 2_000), website: text("website", 500),
                                           email: text("email", 254), phone: text("telefoon", 40), hasLogo: existing?.hasLogo ?? false,
                                           csrf: visitor.session.csrfToken)
        if isNew && (!Slug.isKebabCase(model.slug) || model.slug.count > 40 || model.slug == "nieuw") {
            model.errors.add("kenmerk", "Gebruik kleine letters, cijfers en koppeltekens (hoogstens 40), zoals ‘vng’.")
        }
        for (name, value, max) in [("naam", model.name, 200), ("afkorting", model.abbreviation, 20), ("beschrijving", model.description, 2_000)] {
            if value.isEmpty { model.errors.add(name, "Vul dit veld in.") } else if value.count > max { model.errors.add(name, "Hoogstens \(max) tekens.") }
        }
        if URL(string: model.website).flatMap({ ["http", "https"].contains($0.scheme?.lowercased() ?? "") && $0.host != nil ? $0 : nil }) == nil {
            model.errors.add("website", "Vul een webadres in dat begint met https://.")
        }
        if !model.email.isEmpty && !EmailAddress.isPlausible(model.email) { model.errors.add("email", "Vul een geldig e-mailadres in.") }
        if !model.phone.allSatisfy({ $0.isASCII && ($0.isNumber || " +-()".contains($0)) }) {
            model.errors.add("telefoon", "Alleen cijfers, spaties, +, - en haakjes.")
        }
        var logo: ProviderLogo? = nil
        if let file = files["logo"], !file.data.isEmpty {
            do {
                let clean = try LogoSanitizer.sanitize(file.data)
                logo = ProviderLogo(contentType: clean.format.contentType, data: clean.data)
            } catch {
                model.errors.add("logo", error.message)
            }
        }
        guard model.errors.isEmpty else { return Self.page(ProviderFormPage.render(model, site: site), status: .unprocessableContent) }
        let provider = Provider(slug: model.slug, name: model.name, abbreviation: model.abbreviation, description: model.description,
                                website: model.website, email: model.email.isEmpty ? nil : model.email, phone: model.phone.isEmpty ? nil : model.phone)
        do {
            try await portal.providers.save(provider, isNew: isNew)
        } catch ProviderProblem.slugTaken {
            model.errors.add("kenmerk", "Er is al een aanbieder met dit kenmerk.")
            return Self.page(ProviderFormPage.render(model, site: site), status: .unprocessableContent)
        }
        if let logo {
            try await portal.providers.setLogo(provider.slug, logo)
        } else if form.first("logo-verwijderen") == "ja" {
            try await portal.providers.setLogo(provider.slug, nil)
        }
        try await site.catalogue.reload(from: portal.catalogueStore)
        await record(.providerChanged, by: visitor.account, subject: provider.slug,
                     details: (isNew ? "aangemaakt" : "gegevens gewijzigd") + (logo != nil ? "; nieuw logo (\(logo!.contentType))" : ""), context: context)
        return Self.redirect("/beheer/aanbieders?gewijzigd")
    }
}
