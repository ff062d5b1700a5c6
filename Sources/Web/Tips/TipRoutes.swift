import Accounts
import Audit
import Catalogue
import CatalogueService
import Foundation
import HTTPTypes
import Hummingbird
import Knowledge
import Logging
import Mail
import Newsletter

/// `/tip-ons`: the public form, and the sender's personal link (status, confirmation, changes,
/// withdrawal). No account and no JavaScript; a honeypot and a rate limit instead of a CAPTCHA; the
/// link's token is kept only as a hash.
struct TipRoutes<Context: RequestContext> {
    let site: SiteServices
    let tips: TipServices

    /// A story of 8,000 characters with its fields fits well within this.
    static var maxBody: Int { 128 * 1024 }

    var routes: [Route<Context>] {
        let max = Self.maxBody
        return [
            Route(.get, TipPaths.form, .everyone) { _ in formPage(TipPages.FormModel(csrf: "")) },
            Route(.post, TipPaths.form, .everyone, maxBody: max) { try await send($0) },
            Route(.get, TipPaths.status, .everyone) { call in
                try await withTip(call) { tip, _, token in statusPage(tip, token: token, message: StatusFlash.read(call.query)?.text) }
            },
            Route(.post, TipPaths.confirm, .everyone, maxBody: max) { call in
                try await withTip(call, post: true) { tip, _, token in
                    guard tip.state == .unconfirmed else { return Responses.seeOther(TipPaths.status(token)) }
                    try await tips.store.move(tip.id, from: [.unconfirmed], to: .submitted, now: Date(), change: TipChange())
                    await record(tip, "onbevestigd → ingediend (adres bevestigd)", logger: call.context.logger)
                    return Responses.seeOther(TipPaths.status(token, query: StatusFlash.bevestigd.rawValue))
                }
            },
            Route(.post, TipPaths.withdraw, .everyone, maxBody: max) { call in
                try await withTip(call, post: true) { tip, _, token in
                    guard tip.state.canWithdraw else { return Responses.seeOther(TipPaths.status(token)) }
                    do {
                        try await tips.store.move(tip.id, from: Set(Tip.State.allCases.filter(\.canWithdraw)), to: .withdrawn, now: Date(), change: TipChange())
                    } catch TipProblem.wrongState { return Responses.seeOther(TipPaths.status(token)) }
                    await record(tip, "\(tip.state.rawValue) → ingetrokken (door de inzender)", logger: call.context.logger)
                    return Responses.seeOther(TipPaths.status(token, query: StatusFlash.ingetrokken.rawValue))
                }
            },
            Route(.get, TipPaths.edit, .everyone) { call in
                try await withTip(call) { tip, _, token in
                    guard tip.state == .changesRequested else { return Responses.seeOther(TipPaths.status(token)) }
                    return editPage(TipPages.EditModel(tip: tip, token: token, csrf: "", form: TipForm(content: tip.content)))
                }
            },
            Route(.post, TipPaths.edit, .everyone, maxBody: max) { call in
                try await withTip(call, post: true) { tip, _, token in
                    guard tip.state == .changesRequested else { return Responses.seeOther(TipPaths.status(token)) }
                    let form = TipForm(form: call.form)
                    switch form.content(taxonomy: site.catalogue.taxonomy) {
                    case .failure(let errors):
                        return editPage(TipPages.EditModel(tip: tip, token: token, csrf: "", form: form, errors: errors), status: .unprocessableContent)
                    case .success(let content):
                        do { try await tips.store.resubmit(tip.id, content: content, now: Date()) } catch TipProblem.wrongState {
                            return Responses.seeOther(TipPaths.status(token))
                        }
                        await record(tip, "aanpassing-gevraagd → in-behandeling (aangepast door de inzender)", logger: call.context.logger)
                        return Responses.seeOther(TipPaths.status(token, query: StatusFlash.aangepast.rawValue))
                    }
                }
            },
        ]
    }

    enum StatusFlash: String, Flash {
        case bevestigd, ingetrokken, aangepast, verlopen
        var text: String {
            switch self {
            case .verlopen: "Het formulier was verlopen; er is niets veranderd. Probeer het nog eens."
            case .bevestigd: "Dank u wel: uw inzending is bevestigd en staat klaar voor de redactie."
            case .ingetrokken: "Uw inzending is ingetrokken. De redactie doet er niets meer mee."
            case .aangepast: "Dank u wel: uw aangepaste inzending gaat terug naar de redacteur."
            }
        }
    }

    var formToken: SignedOutForm { SignedOutForm(cookieName: TipServices.formCookie, path: TipPaths.form(), secure: tips.secureCookies) }

    func formPage(_ model: TipPages.FormModel, status: HTTPResponse.Status = .ok) -> Response {
        formToken.respond(status: status) { token in
            var model = model
            model.csrf = token
            return TipPages.form(model, site: site)
        }
    }

    func statusPage(_ tip: Tip, token: String, message: String?) -> Response {
        formToken.respond { csrf in TipPages.status(TipPages.StatusModel(tip: tip, token: token, csrf: csrf, message: message), site: site) }
    }

    func editPage(_ model: TipPages.EditModel, status: HTTPResponse.Status = .ok) -> Response {
        formToken.respond(status: status) { csrf in
            var model = model
            model.csrf = csrf
            return TipPages.edit(model, site: site)
        }
    }

    func send(_ call: RouteRequest<Context>) async throws -> Response {
        let request = call.request, form = call.form
        let typed = TipForm(form: form)
        guard formToken.isGenuine(request, form) else {
            var errors = FormErrors()
            errors.add("verhaal", "Het formulier was verlopen. Uw tekst staat er nog; verstuur het opnieuw.")
            return formPage(TipPages.FormModel(csrf: "", form: typed, errors: errors), status: .forbidden)
        }
        guard tips.limiter.allow("tip:" + site.trustedProxies.client(of: request, call.context)) else {
            return Responses.personal(MessagePage.render("Even geduld", [
                "Er zijn vanaf uw verbinding veel inzendingen gedaan. Probeer het over een uur opnieuw, of mail de redactie.",
            ], path: TipPaths.form(), description: "Tip ons", site: site), status: .tooManyRequests)
        }
        // A filled honeypot is a script: answer as always, keep nothing.
        if !(form.first("website") ?? "").isEmpty { return Responses.personal(TipPages.sent(site: site)) }
        var errors = FormErrors()
        let content: Tip.Content?
        switch typed.content(taxonomy: site.catalogue.taxonomy) {
        case .success(let value): content = value
        case .failure(let found):
            errors = found
            content = nil
        }
        let sender = typed.sender(errors: &errors)
        guard errors.isEmpty, let content, let sender else {
            return formPage(TipPages.FormModel(csrf: "", form: typed, errors: errors), status: .unprocessableContent)
        }
        let id = UUID()
        let token = tips.links.token(.tip, subscriber: id, expires: nil)
        let tip = try await tips.store.create(id, content, sender: sender, tokenHash: Tokens.hash(token), now: Date())
        await record(tip, "nieuw, onbevestigd", logger: call.context.logger)
        // An address gets few of these mails, whoever types it in.
        if tips.limiter.allow("tip-adres:" + sender.email.lowercased()) {
            await mail(TipMail.received(name: sender.name, title: content.title, link: site.absolute(TipPaths.status(token))), to: sender.email,
                       logger: call.context.logger)
        }
        return Responses.personal(TipPages.sent(site: site))
    }

    /// The tip of the personal link, or the page saying the link does not work; a POST must carry
    /// the form's token as well.
    func withTip(_ call: RouteRequest<Context>, post: Bool = false, _ body: (Tip, TipSender?, String) async throws -> Response) async throws -> Response {
        let token = try call.context.parameters.require("token")
        guard token.count <= 300, let (tip, sender) = try await tips.store.tip(tokenHash: Tokens.hash(token)) else {
            return Responses.personal(MessagePage.render("Deze link werkt niet", [
                "De link is niet volledig, of de inzending is verwijderd: een inzending die niet binnen zeven dagen is bevestigd, "
                    + "en een jaar na het besluit een afgewezen of ingetrokken inzending.",
            ], path: TipPaths.form(), description: "Tip ons", site: site, link: (TipPaths.form(), "Een nieuwe inzending doen")), status: .gone)
        }
        if post, !formToken.isGenuine(call.request, call.form) {
            // Nothing changes; after a decision there is nothing to say beyond the status itself.
            return Responses.seeOther(TipPaths.status(token, query: tip.state.isFinal ? nil : StatusFlash.verlopen.rawValue))
        }
        return try await body(tip, sender, token)
    }

    func record(_ tip: Tip, _ details: String, logger: Logger) async {
        await TipAudit.record(site: site, tip: tip, actor: nil, details: details, logger: logger)
    }

    func link(_ tip: Tip) -> String { site.absolute(TipPaths.status(tips.links.token(.tip, subscriber: tip.id, expires: nil))) }

    func mail(_ mail: (subject: String, text: String), to email: String, logger: Logger) async {
        await TipAudit.mail(tips, mail, to: email, logger: logger)
    }
}

/// What the public side and the portal share: the audit record of a transition, and the sender's mail.
enum TipAudit {
    static func record(site: SiteServices, tip: Tip, actor: Account?, details: String, logger: Logger) async {
        guard let audit = site.portal?.audit else { return }
        let event = AuditEvent(actor: actor?.email ?? "inzender", actorName: actor?.name ?? "", action: .tipTransition,
                               subject: "tip \(tip.id.uuidString.prefix(8).lowercased()): \(tip.content.title)", details: details)
        do { try await audit.append(event) } catch { logger.error("Writing the audit log failed", metadata: ["error": "\(error)"]) }
    }

    static func mail(_ tips: TipServices, _ mail: (subject: String, text: String), to email: String, logger: Logger) async {
        do {
            try await tips.mailer.send(MailMessage(from: tips.mailFrom, fromName: "Redactie Weerbaar", to: [try MailAddress(email)], subject: mail.subject,
                                                   text: mail.text))
        } catch {
            logger.error("Sending a tip's e-mail failed", metadata: ["error": "\(error)"])
        }
    }
}
