import Catalogue
import CatalogueService
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Mail
import Newsletter

/// `/nieuwsbrief/attendering`: "Houd mij op de hoogte" on a search — sign up, confirm, stop. The same
/// protections as the newsletter's sign-up: a form token or same-origin post, a honeypot, a limit per
/// client and per address, and one answer whether or not the address is known.
struct AlertRoutes<Context: RequestContext> {
    let site: SiteServices
    let newsletter: NewsletterServices
    let alerts: any AlertStore
    /// The sign-up's protections, shared.
    var signUp: NewsletterRoutes<Context> { NewsletterRoutes(site: site, newsletter: newsletter) }

    var routes: [Route<Context>] {
        typealias Paths = NewsletterPaths
        let max = NewsletterRoutes<Context>.maxBody
        return [
            Route(.get, Paths.alertSignUp, .everyone) { request in
                let search = AlertSearch(parameters: request.query.pairs, taxonomy: site.catalogue.taxonomy)
                return signUp.withFormToken { token in AlertPages.signUp(.init(search: search, csrf: token), site: site) }
            },
            Route(.post, Paths.alertSignUp, .everyone, maxBody: max) { try await signUpForAlert($0) },
            Route(.get, Paths.confirmAlert, .everyone) { try await confirmAlert($0, post: false) },
            Route(.post, Paths.confirmAlert, .everyone, maxBody: max) { try await confirmAlert($0, post: true) },
            Route(.get, Paths.stopAlert, .everyone) { try await stopAlert($0, post: false) },
            Route(.post, Paths.stopAlert, .everyone, maxBody: max) { try await stopAlert($0, post: true) },
        ]
    }

    func withFormToken(status: HTTPResponse.Status = .ok, _ render: (String) -> String) -> Response { signUp.withFormToken(status: status, render) }
    func page(_ html: String, status: HTTPResponse.Status = .ok) -> Response { Responses.personal(html, status: status) }
    func isGenuine(_ request: Request, _ form: QueryString) -> Bool { signUp.isGenuine(request, form) }

    func signUpForAlert(_ call: RouteRequest<Context>) async throws -> Response {
        let request = call.request, context = call.context, form = call.form
        var model = AlertPages.SignUp(search: AlertSearch(stored: String(form.text("zoekopdracht", .freeText(2_000)).prefix(2_000)), taxonomy: site.catalogue.taxonomy))
        let rawEmail = form.text("email", .emailAddress)
        model.email = rawEmail
        model.frequency = AlertFrequency(rawValue: form.text("frequentie", .token)) ?? .weekly
        guard isGenuine(request, form) else {
            model.errors.add("email", "Het formulier was verlopen. Controleer uw gegevens en probeer het opnieuw.")
            return withFormToken(status: .forbidden) { model.csrf = $0; return AlertPages.signUp(model, site: self.site) }
        }
        guard newsletter.limiter.allow("aanmelden:" + site.trustedProxies.client(of: request, context)) else {
            return page(NewsletterPages.message("Even geduld", ["Er zijn vanaf uw verbinding veel aanmeldingen gedaan. Probeer het over een kwartier opnieuw."],
                                                path: NewsletterPaths.alertSignUp(), site: site), status: .tooManyRequests)
        }
        if !(form.first("website") ?? "").isEmpty { return page(NewsletterPages.checkInbox(site: site)) }
        if AlertFrequency(rawValue: form.text("frequentie", .token)) == nil { model.errors.add("frequentie", "Kies hoe vaak u een e-mail wilt.") }
        let address = NewsletterRoutes<Context>.address(rawEmail, errors: &model.errors)
        guard model.errors.isEmpty, let address else {
            return withFormToken(status: .unprocessableContent) { model.csrf = $0; return AlertPages.signUp(model, site: self.site) }
        }
        let outcome = try await alerts.create(email: address.description, query: model.search.query, label: model.search.label,
                                              frequency: model.frequency, source: CataloguePaths.finder(), now: Date())
        if case .pending(let alert, _) = outcome, newsletter.limiter.allow("adres:" + address.description.lowercased()) {
            let token = newsletter.links.token(.confirmAlert, subscriber: alert.id, expires: Date().addingTimeInterval(Subscriber.confirmWithin))
            let mail = NewsletterMail.confirmAlert(label: alert.label, frequency: alert.frequency,
                                                   link: site.absolute(NewsletterPaths.confirmAlert(token)))
            do {
                try await newsletter.mailer.send(MailMessage(from: newsletter.mailFrom, fromName: "Weerbaar", to: [address], subject: mail.subject,
                                                             text: NewsletterMail.signed(mail.text, senderAddress: newsletter.senderAddress)))
            } catch {
                context.logger.error("Sending an alert confirmation failed", metadata: ["error": "\(error)"])
            }
        }
        return page(NewsletterPages.checkInbox(site: site))
    }

    /// The alert a link names, or the Dutch page that says why the link does not work.
    func alert(_ context: Context, _ purpose: SignedLink.Purpose) async throws -> (Alert, String)? {
        let token = context.parameters.get("token") ?? ""
        guard case .success(let id) = newsletter.links.verify(token, purpose, now: Date()), let alert = try await alerts.alert(id) else {
            return nil
        }
        return (alert, token)
    }

    func goneAlert() -> Response {
        page(NewsletterPages.message("Deze link werkt niet (meer)", [
            "De link is verlopen, niet compleet, of de attendering bestaat niet meer. Op een zoekresultaat kunt u opnieuw kiezen voor ‘Houd mij op de hoogte’.",
        ], path: NewsletterPaths.alertSignUp(), site: site, link: (CataloguePaths.finder(), "Naar het aanbod")), status: .gone)
    }

    func confirmAlert(_ call: RouteRequest<Context>, post: Bool) async throws -> Response {
        guard let (alert, token) = try await alert(call.context, .confirmAlert) else { return goneAlert() }
        let action = NewsletterPaths.confirmAlert(token)
        if !post {
            return withFormToken {
                NewsletterPages.confirmStep(title: "Attendering bevestigen", text: "U krijgt \(alert.frequency.label) een e-mail met nieuw aanbod bij: \(alert.label).",
                                            button: "Bevestigen", action: action, csrf: $0, site: self.site)
            }
        }
        guard isGenuine(call.request, call.form) else {
            return withFormToken(status: .forbidden) {
                NewsletterPages.confirmStep(title: "Attendering bevestigen", text: "Het formulier was verlopen. Probeer het nog eens.",
                                            button: "Bevestigen", action: action, csrf: $0, site: self.site)
            }
        }
        // What matches today is known; the first e-mail holds only what is new after this.
        let seen = AlertSearch.matches(alert.query, catalogue: site.catalogue).map(\.key.description)
        guard try await alerts.confirm(alert.id, seen: alert.confirmedAt == nil ? seen : alert.seen, now: Date()) else { return goneAlert() }
        let preferences = NewsletterPaths.preferences(newsletter.links.token(.preferences, subscriber: alert.subscriberID, expires: nil))
        return page(NewsletterPages.message("Uw attendering staat aan", [
            "U krijgt \(alert.frequency.label) een e-mail als er nieuw aanbod is bij: \(alert.label). Is er niets nieuws, dan krijgt u niets.",
        ], path: NewsletterPaths.alertSignUp(), site: site, link: (preferences, "Uw voorkeuren en attenderingen")))
    }

    func stopAlert(_ call: RouteRequest<Context>, post: Bool) async throws -> Response {
        guard let (alert, token) = try await alert(call.context, .stopAlert) else { return goneAlert() }
        let action = NewsletterPaths.stopAlert(token)
        if !post {
            return withFormToken {
                NewsletterPages.confirmStep(title: "Attendering stoppen", text: "U krijgt dan geen e-mail meer over nieuw aanbod bij: \(alert.label).",
                                            button: "Stoppen", action: action, csrf: $0, site: self.site)
            }
        }
        let request = call.request, form = call.form
        // RFC 8058 one-click from a mail program, or the button on this site.
        guard form.first("List-Unsubscribe") == "One-Click" || isGenuine(request, form) else {
            return withFormToken(status: .forbidden) {
                NewsletterPages.confirmStep(title: "Attendering stoppen", text: "Het formulier was verlopen. Probeer het nog eens.",
                                            button: "Stoppen", action: action, csrf: $0, site: self.site)
            }
        }
        guard try await alerts.stop(alert.id) else { return goneAlert() }
        return page(NewsletterPages.message("De attendering is gestopt", ["U krijgt geen e-mail meer over: \(alert.label)."],
                                            path: NewsletterPaths.alertSignUp(), site: site, link: (CataloguePaths.finder(), "Naar het aanbod")))
    }
}
