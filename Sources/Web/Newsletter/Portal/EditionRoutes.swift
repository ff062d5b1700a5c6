import Editions
import Markup
import Accounts
import Audit
import Catalogue
import CatalogueService
import Foundation
import Knowledge
import HTTPTypes
import Hummingbird
import Mail
import Newsletter

/// The redactie composes, checks, schedules and sends WeerbaarNL editions.
struct EditionRoutes<Context: RequestContext> {
    let site: SiteServices
    let portal: PortalServices
    let newsletter: PortalNewsletter

    var routes: [Route<Context>] {
        typealias Paths = NewsletterPaths.Portal
        return [
            Route(.get, Paths.editions, .signedIn(.redactie)) { try await list($0) },
            Route(.post, Paths.new, .signedIn(.redactie)) { try await create($0) },
            Route(.get, Paths.edition, .signedIn(.redactie)) { request in
                try await editable(request) { edition in
                    try await editorPage(request, EditionForm(edition, catalogue: site.catalogue), edition: edition,
                                         message: EditionFlash.read(request.query)?.text(request.account.email))
                }
            },
            Route(.post, Paths.edition, .signedIn(.redactie)) { request in try await editable(request) { try await save(request, $0) } },
            Route(.get, Paths.preview, .signedIn(.redactie)) { request in try await preview(request, try await edition(request)) },
            Route(.post, Paths.testMail, .signedIn(.redactie)) { request in try await editable(request) { try await testMail(request, $0) } },
            Route(.post, Paths.schedule, .signedIn(.redactie)) { request in try await editable(request) { try await schedule(request, $0) } },
            Route(.post, Paths.send, .signedIn(.redactie)) { request in try await editable(request) { try await send(request, $0) } },
            Route(.post, Paths.delete, .signedIn(.redactie)) { request in
                try await editable(request) { edition in
                    do {
                        try await newsletter.editions.delete(edition.id)
                    } catch {
                        return Responses.seeOther(Paths.edition(edition.pathID))
                    }
                    await portal.record(.editionDeleted, by: request.account, subject: edition.slug, logger: request.logger)
                    return Responses.seeOther(Paths.editions(query: "verwijderd"))
                }
            },
        ]
    }

    static var changedMeanwhile: String {
        "Iemand anders heeft deze editie intussen opgeslagen. Uw invoer staat hieronder; laad de pagina opnieuw om de nieuwe versie te zien."
    }

    func list(_ request: PortalRequest<Context>) async throws -> Response {
        var rows: [EditionPages.Row] = []
        for edition in try await newsletter.editions.editions() {
            rows.append(.init(edition: edition,
                              progress: edition.status == .sending ? try await newsletter.outbox.progress(edition: edition.id) : OutboxProgress()))
        }
        let message = request.query.first("verwijderd") != nil ? "De editie is verwijderd." : nil
        return Responses.personal(EditionPages.list(rows, subscribers: try await newsletter.subscribers.confirmedCount(),
                                                    erasures: try await newsletter.subscribers.erasureCount(), csrf: request.csrf, message: message,
                                                    site: site))
    }

    func create(_ request: PortalRequest<Context>) async throws -> Response {
        let now = Date()
        let edition = Edition(slug: EditionNaming.newSlug(now), subject: "WeerbaarNL " + EditionNaming.monthAndYear(now), intro: "",
                              sections: [EditionSection(title: "Nieuw aanbod", blocks: [.newOfferings(theme: nil, limit: 5)])],
                              updatedAt: now, updatedBy: request.account.email)
        do {
            try await newsletter.editions.create(edition)
        } catch {
            return forbidden("De editie kon niet worden gemaakt. Probeer het opnieuw.", site: site)
        }
        return Responses.seeOther(NewsletterPaths.Portal.edition(edition.pathID))
    }

    func edition(_ request: PortalRequest<Context>) async throws -> Edition {
        guard let id = UUID(uuidString: try request.parameter("editie")), let edition = try await newsletter.editions.edition(id) else {
            throw HTTPError(.notFound)
        }
        return edition
    }

    /// Runs `body` for an edition that can still be changed; one that is sending or sent shows its progress
    /// (a GET) or sends the browser there (a POST).
    func editable(_ request: PortalRequest<Context>, _ body: (Edition) async throws -> Response) async throws -> Response {
        let edition = try await edition(request)
        guard edition.isEditable else {
            if request.request.method == .post { return Responses.seeOther(NewsletterPaths.Portal.edition(edition.pathID)) }
            let outbox = newsletter.outbox
            return Responses.personal(EditionPages.sent(.init(edition: edition, progress: try await outbox.progress(edition: edition.id),
                                                              perMinute: try await outbox.sentCount(edition: edition.id, since: Date().addingTimeInterval(-60)),
                                                              reasons: try await outbox.failureReasons(edition: edition.id, limit: 10),
                                                              links: try await newsletter.editions.links(edition: edition.id)), site: site))
        }
        return try await body(edition)
    }

    func editorPage(_ request: PortalRequest<Context>, _ form: EditionForm, edition: Edition, message: String? = nil,
                    sendErrors: FormErrors = FormErrors(), status: HTTPResponse.Status = .ok) async throws -> Response {
        Responses.personal(EditionPages.editor(.init(edition: edition, form: form, csrf: request.csrf,
                                                     subscribers: try await newsletter.subscribers.confirmedCount(),
                                                     message: message, sendErrors: sendErrors), site: site), status: status)
    }

    func expectedVersion(_ request: PortalRequest<Context>) -> Int { Int(request.form.text("versie", .token)) ?? -1 }

    func done(_ edition: Edition, _ flash: EditionFlash? = nil) -> Response {
        Responses.seeOther(NewsletterPaths.Portal.edition(edition.pathID, query: flash?.rawValue))
    }

    func save(_ request: PortalRequest<Context>, _ edition: Edition) async throws -> Response {
        var input = EditionForm(request.form)
        if input.apply(request.form.first("actie") ?? "opslaan") {
            return try await editorPage(request, input, edition: edition, message: "De opbouw is aangepast. Vergeet niet op te slaan.")
        }
        guard let changed = input.edition(from: edition, catalogue: site.catalogue, articles: site.articles.collection, by: request.account.email, now: Date()) else {
            return try await editorPage(request, input, edition: edition, status: .unprocessableContent)
        }
        do {
            _ = try await newsletter.editions.save(changed, expectedVersion: expectedVersion(request))
        } catch .slugTaken {
            input.errors.add("adres", "Dit adres heeft een andere editie al. Kies een ander.")
            return try await editorPage(request, input, edition: edition, status: .unprocessableContent)
        } catch .changedMeanwhile {
            return try await editorPage(request, input, edition: edition, message: Self.changedMeanwhile, status: .conflict)
        } catch {
            return done(edition)
        }
        return done(edition, .opgeslagen)
    }

    func preview(_ request: PortalRequest<Context>, _ edition: Edition) async throws -> Response {
        let theme = request.query.first("thema").flatMap { site.catalogue.taxonomy.term(.theme, $0)?.slug }
        let interests = theme.map { [$0] } ?? []
        let content = try await newsletter.dispatch.resolve(edition)
        let included = edition.sections.indices.filter { edition.sections[$0].isIncluded(for: interests) }
        let variant = newsletter.dispatch.render(content.variant(for: included), key: "voorbeeld")
        var response = Responses.personal(EditionNaming.withoutPersonalLinks(variant.html, site: site))
        // The mail's own inline styles, and nothing else: no script, no frames, images only over https.
        response.headers[.contentSecurityPolicy] =
            "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
        return response
    }

    func testMail(_ request: PortalRequest<Context>, _ edition: Edition) async throws -> Response {
        let content = try await newsletter.dispatch.resolve(edition)
        let variant = newsletter.dispatch.render(content, key: "test")
        do {
            let to = try MailAddress(request.account.email)
            try await portal.mailer.send(MailMessage(from: portal.mailFrom, fromName: "WeerbaarNL", to: [to], subject: "[Test] " + variant.subject,
                                                     text: EditionNaming.withoutPersonalLinks(variant.text, site: site),
                                                     html: EditionNaming.withoutPersonalLinks(variant.html, site: site)))
        } catch {
            return try await editorPage(request, EditionForm(edition, catalogue: site.catalogue), edition: edition,
                                        message: "De testmail kon niet worden verstuurd. Probeer het later opnieuw.", status: .serviceUnavailable)
        }
        return done(edition, .testmail)
    }

    func schedule(_ request: PortalRequest<Context>, _ edition: Edition) async throws -> Response {
        let typed = request.form.text("tijdstip", .freeText(40))
        var changed = edition
        changed.updatedAt = Date()
        changed.updatedBy = request.account.email
        if typed.isEmpty {
            changed.status = .concept
            changed.scheduledAt = nil
        } else {
            guard let when = EditionPages.parseLocalInput(String(typed.prefix(40))), when > Date().addingTimeInterval(60) else {
                var errors = FormErrors()
                errors.add("tijdstip", "Kies een datum en tijd in de toekomst, zoals 2026-12-01T09:00.")
                return try await editorPage(request, EditionForm(edition, catalogue: site.catalogue), edition: edition, sendErrors: errors,
                                            status: .unprocessableContent)
            }
            changed.status = .scheduled
            changed.scheduledAt = when
        }
        do {
            _ = try await newsletter.editions.save(changed, expectedVersion: expectedVersion(request))
        } catch {
            return try await editorPage(request, EditionForm(edition, catalogue: site.catalogue), edition: edition, message: Self.changedMeanwhile,
                                        status: .conflict)
        }
        await portal.record(.editionScheduled, by: request.account, subject: edition.slug,
                            details: changed.scheduledAt.map { "gepland voor \(DutchFormat.dateTime($0))" } ?? "planning ingetrokken",
                            logger: request.logger)
        return done(edition, typed.isEmpty ? .planningIngetrokken : .gepland)
    }

    func send(_ request: PortalRequest<Context>, _ edition: Edition) async throws -> Response {
        guard request.form.isChecked("bevestiging") else {
            var errors = FormErrors()
            errors.add("bevestiging", "Vink aan dat u deze editie nu wilt versturen.")
            return try await editorPage(request, EditionForm(edition, catalogue: site.catalogue), edition: edition, sendErrors: errors,
                                        status: .unprocessableContent)
        }
        // What was checked is what goes out: a save in between asks for another look.
        guard expectedVersion(request) == edition.version else {
            return try await editorPage(request, EditionForm(edition, catalogue: site.catalogue), edition: edition, message: Self.changedMeanwhile,
                                        status: .conflict)
        }
        if let started = try await newsletter.dispatch.start(edition) {
            await portal.record(.editionSent, by: request.account, subject: edition.slug,
                                details: "\(started.messages) berichten in \(started.variants) varianten", logger: request.logger)
        }
        return done(edition)
    }
}

/// The messages the edition editor shows after a step.
enum EditionFlash: String, Flash {
    case opgeslagen, testmail, gepland
    case planningIngetrokken = "planning-ingetrokken"
    var text: String { text("u") }
    /// The text, naming the redacteur's own address where the test mail went.
    func text(_ email: String) -> String {
        switch self {
        case .opgeslagen: "De editie is opgeslagen."
        case .testmail: "De testmail is verstuurd naar \(email)."
        case .gepland: "De editie is ingepland."
        case .planningIngetrokken: "De planning is ingetrokken; de editie is weer een concept."
        }
    }
}

extension Edition {
    /// The edition's id as it stands in the portal's addresses.
    var pathID: String { id.uuidString.lowercased() }
}

/// Names and texts of editions that do not depend on a request.
enum EditionNaming {
    /// Previews and test mails have no subscriber: their personal links point to the sign-up page.
    static func withoutPersonalLinks(_ text: String, site: SiteServices) -> String {
        PersonalTemplate(text).fill(preferences: site.absolute(NewsletterPaths.signUp()), unsubscribe: site.absolute(NewsletterPaths.signUp()))
    }

    static func newSlug(_ now: Date) -> String {
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
