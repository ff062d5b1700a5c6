import Accounts
import Audit
import Catalogue
import CatalogueService
import Foundation
import HTTPTypes
import Hummingbird
import Mail
import Newsletter

/// The redactie composes, checks, schedules and sends WeerbaarNL editions.
extension PortalRoutes {
    func editions(_ route: Route, _ request: Request, _ context: Context, form: QueryString, visitor: Visitor) async throws -> Response {
        guard let newsletter = portal.newsletter else { throw HTTPError(.notFound) }
        let csrf = visitor.session.csrfToken
        let store = newsletter.editions
        switch route.action {
        case .editions:
            let editions = try await store.editions()
            var rows: [EditionPages.Row] = []
            for edition in editions {
                rows.append(.init(edition: edition, progress: edition.status == .sending ? try await newsletter.outbox.progress(edition: edition.id) : OutboxProgress()))
            }
            let message = ["verwijderd": "De editie is verwijderd."][request.uri.query ?? ""]
            return Self.page(EditionPages.list(rows, subscribers: try await newsletter.subscribers.confirmedCount(),
                                               erasures: try await newsletter.subscribers.erasureCount(), csrf: csrf, message: message, site: site))
        case .createEdition:
            let now = Date()
            let edition = Edition(slug: Self.newEditionSlug(now), subject: "WeerbaarNL " + Self.monthAndYear(now), intro: "",
                                  sections: [EditionSection(title: "Nieuw aanbod", blocks: [.newOfferings(theme: nil, limit: 5)])],
                                  updatedAt: now, updatedBy: visitor.account.email)
            do {
                try await store.create(edition)
            } catch {
                return try forbidden("De editie kon niet worden gemaakt. Probeer het opnieuw.")
            }
            return Self.redirect("/beheer/nieuwsbrief/\(edition.id.uuidString.lowercased())")
        default:
            break
        }

        guard let id = UUID(uuidString: try context.parameters.require("editie")), let edition = try await store.edition(id) else {
            throw HTTPError(.notFound)
        }
        let base = "/beheer/nieuwsbrief/\(id.uuidString.lowercased())"
        func editorPage(_ form: EditionForm, edition: Edition = edition, message: String? = nil, sendErrors: FormErrors = FormErrors(),
                        status: HTTPResponse.Status = .ok) async throws -> Response {
            Self.page(EditionPages.editor(.init(edition: edition, form: form, csrf: csrf, subscribers: try await newsletter.subscribers.confirmedCount(),
                                                message: message, sendErrors: sendErrors), site: site), status: status)
        }
        if !edition.isEditable && route.action != .editionPreview {
            if route.method == .post { return Self.redirect(base) }
            let since = Date().addingTimeInterval(-60)
            return Self.page(EditionPages.sent(.init(edition: edition, progress: try await newsletter.outbox.progress(edition: id),
                                                     perMinute: try await newsletter.outbox.sentCount(edition: id, since: since),
                                                     reasons: try await newsletter.outbox.failureReasons(edition: id, limit: 10),
                                                     links: try await newsletter.dispatch.editions.links(edition: id)), site: site))
        }
        let expectedVersion = Int(form.first("versie") ?? "") ?? -1
        let changedMeanwhile = "Iemand anders heeft deze editie intussen opgeslagen. Uw invoer staat hieronder; laad de pagina opnieuw om de nieuwe versie te zien."

        switch route.action {
        case .editionForm:
            let messages = ["opgeslagen": "De editie is opgeslagen.", "testmail": "De testmail is verstuurd naar \(visitor.account.email).",
                            "gepland": "De editie is ingepland.", "planning-ingetrokken": "De planning is ingetrokken; de editie is weer een concept."]
            return try await editorPage(EditionForm(edition, catalogue: site.catalogue), message: messages[request.uri.query ?? ""])
        case .saveEdition:
            var input = EditionForm(form)
            if input.apply(form.first("actie") ?? "opslaan") {
                return try await editorPage(input, message: "De opbouw is aangepast. Vergeet niet op te slaan.")
            }
            guard let changed = input.edition(from: edition, catalogue: site.catalogue, by: visitor.account.email, now: Date()) else {
                return try await editorPage(input, status: .unprocessableContent)
            }
            do {
                _ = try await store.save(changed, expectedVersion: expectedVersion)
            } catch .slugTaken {
                input.errors.add("adres", "Dit adres heeft een andere editie al. Kies een ander.")
                return try await editorPage(input, status: .unprocessableContent)
            } catch .changedMeanwhile {
                return try await editorPage(input, message: changedMeanwhile, status: .conflict)
            } catch {
                return Self.redirect(base)
            }
            return Self.redirect(base + "?opgeslagen")
        case .editionPreview:
            let theme = QueryString(raw: request.uri.query).first("thema").flatMap { site.catalogue.taxonomy.term(.theme, $0)?.slug }
            let interests = theme.map { [$0] } ?? []
            let content = try await newsletter.dispatch.resolve(edition)
            let included = edition.sections.indices.filter { edition.sections[$0].isIncluded(for: interests) }
            let variant = newsletter.dispatch.render(content.variant(for: included), key: "voorbeeld")
            var response = Self.page(Self.withoutPersonalLinks(variant.html, site: site))
            // The mail's own inline styles, and nothing else: no script, no frames, images only over https.
            response.headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
            return response
        case .editionTestMail:
            let content = try await newsletter.dispatch.resolve(edition)
            let variant = newsletter.dispatch.render(content, key: "test")
            do {
                let to = try MailAddress(visitor.account.email)
                try await portal.mailer.send(MailMessage(from: portal.mailFrom, fromName: "WeerbaarNL", to: [to], subject: "[Test] " + variant.subject,
                                                         text: Self.withoutPersonalLinks(variant.text, site: site),
                                                         html: Self.withoutPersonalLinks(variant.html, site: site)))
            } catch {
                return try await editorPage(EditionForm(edition, catalogue: site.catalogue),
                                            message: "De testmail kon niet worden verstuurd. Probeer het later opnieuw.", status: .serviceUnavailable)
            }
            return Self.redirect(base + "?testmail")
        case .scheduleEdition:
            let typed = (form.first("tijdstip") ?? "").trimmingCharacters(in: .whitespaces)
            var changed = edition
            changed.updatedAt = Date()
            changed.updatedBy = visitor.account.email
            if typed.isEmpty {
                changed.status = .concept
                changed.scheduledAt = nil
            } else {
                guard let when = EditionPages.parseLocalInput(String(typed.prefix(40))), when > Date().addingTimeInterval(60) else {
                    var errors = FormErrors()
                    errors.add("tijdstip", "Kies een datum en tijd in de toekomst, zoals 2026-12-01T09:00.")
                    return try await editorPage(EditionForm(edition, catalogue: site.catalogue), sendErrors: errors, status: .unprocessableContent)
                }
                changed.status = .scheduled
                changed.scheduledAt = when
            }
            do {
                _ = try await store.save(changed, expectedVersion: expectedVersion)
            } catch {
                return try await editorPage(EditionForm(edition, catalogue: site.catalogue), message: changedMeanwhile, status: .conflict)
            }
            await record(.editionScheduled, by: visitor.account, subject: edition.slug,
                         details: changed.scheduledAt.map { "gepland voor \(DutchFormat.dateTime($0))" } ?? "planning ingetrokken", context: context)
            return Self.redirect(base + (typed.isEmpty ? "?planning-ingetrokken" : "?gepland"))
        case .sendEdition:
            guard form.first("bevestiging") == "ja" else {
                var errors = FormErrors()
                errors.add("bevestiging", "Vink aan dat u deze editie nu wilt versturen.")
                return try await editorPage(EditionForm(edition, catalogue: site.catalogue), sendErrors: errors, status: .unprocessableContent)
            }
            // What was checked is what goes out: a save in between asks for another look.
            guard expectedVersion == edition.version else {
                return try await editorPage(EditionForm(edition, catalogue: site.catalogue), message: changedMeanwhile, status: .conflict)
            }
            if let started = try await newsletter.dispatch.start(edition) {
                await record(.editionSent, by: visitor.account, subject: edition.slug,
                             details: "\(started.messages) berichten in \(started.variants) varianten", context: context)
            }
            return Self.redirect(base)
        case .deleteEdition:
            do {
                try await store.delete(id)
            } catch {
                return Self.redirect(base)
            }
            await record(.editionDeleted, by: visitor.account, subject: edition.slug, context: context)
            return Self.redirect("/beheer/nieuwsbrief?verwijderd")
        default:
            throw HTTPError(.notFound)
        }
    }

    /// Previews and test mails have no subscriber: their personal links point to the sign-up page.
    static func withoutPersonalLinks(_ text: String, site: SiteContext) -> String {
        PersonalTemplate(text).fill(preferences: site.absolute("/nieuwsbrief"), unsubscribe: site.absolute("/nieuwsbrief"))
    }

    static func newEditionSlug(_ now: Date) -> String {
        let day = ISO8601DateFormatter.string(from: now, timeZone: TimeZone(identifier: "Europe/Amsterdam")!, formatOptions: [.withFullDate])
        return "weerbaarnl-\(day)-" + UUID().uuidString.prefix(4).lowercased()
    }

    static func monthAndYear(_ now: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "nl_NL")
        formatter.timeZone = TimeZone(identifier: "Europe/Amsterdam")
        formatter.dateFormat = "LLLL yyyy"
        return formatter.string(from: now)
    }
}
