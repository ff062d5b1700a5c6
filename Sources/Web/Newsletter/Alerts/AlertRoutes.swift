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
extension NewsletterRoutes {
    func addAlerts(to router: Router<Context>, alerts: any AlertStore) {
        router.get("nieuwsbrief/attendering") { request, _ in
            let search = AlertSearch(parameters: QueryString(raw: request.uri.query).pairs, taxonomy: site.catalogue.taxonomy)
            return withFormToken { token in AlertPages.signUp(.init(search: search, csrf: token), site: site) }
        }
        router.post("nieuwsbrief/attendering") { request, context in try await signUpForAlert(request, context, alerts: alerts) }
        router.get("nieuwsbrief/attendering/bevestigen/{token}") { request, context in try await confirmAlert(request, context, alerts: alerts, post: false) }
        router.post("nieuwsbrief/attendering/bevestigen/{token}") { request, context in try await confirmAlert(request, context, alerts: alerts, post: true) }
        router.get("nieuwsbrief/attendering/stoppen/{token}") { request, context in try await stopAlert(request, context, alerts: alerts, post: false) }
        router.post("nieuwsbrief/attendering/stoppen/{token}") { request, context in try await stopAlert(request, context, alerts: alerts, post: true) }
    }

    func signUpForAlert(_ request: Request, _ context: Context, alerts: any AlertStore) async throws -> Response {
        let form = try await readForm(request)
        var model = AlertPages.SignUp(search: AlertSearch(stored: String((form.first("zoekopdracht") ?? "").prefix(2_000)), taxonomy: site.catalogue.taxonomy))
        let rawEmail = form.first("email") ?? ""
        model.email = String(rawEmail.prefix(300))
        model.frequency = AlertFrequency(rawValue: form.first("frequentie") ?? "") ?? .weekly
        guard isGenuine(request, form) else {
            model.errors.add("email", "Het formulier was verlopen. Controleer uw gegevens en probeer het opnieuw.")
            return withFormToken(status: .forbidden) { model.csrf = $0; return AlertPages.signUp(model, site: self.site) }
        }
        guard newsletter.limiter.allow("aanmelden:" + site.trustedProxies.client(of: request, context)) else {
            return page(NewsletterPages.message("Even geduld", ["Er zijn vanaf uw verbinding veel aanmeldingen gedaan. Probeer het over een kwartier opnieuw."],
                                                path: "/nieuwsbrief/attendering", site: site), status: .tooManyRequests)
        }
        if !(form.first("website") ?? "").isEmpty { return page(NewsletterPages.checkInbox(site: site)) }
        if AlertFrequency(rawValue: form.first("frequentie") ?? "") == nil { model.errors.add("frequentie", "Kies hoe vaak u een e-mail wilt.") }
        let address = Self.address(rawEmail, errors: &model.errors)
        guard model.errors.isEmpty, let address else {
            return withFormToken(status: .unprocessableContent) { model.csrf = $0; return AlertPages.signUp(model, site: self.site) }
        }
        let outcome = try await alerts.create(email: address.description, query: model.search.query, label: model.search.label,
                                              frequency: model.frequency, source: "/aanbod", now: Date())
        if case .pending(let alert, _) = outcome, newsletter.limiter.allow("adres:" + address.description.lowercased()) {
            let token = newsletter.links.token(.confirmAlert, subscriber: alert.id, expires: Date().addingTimeInterval(Subscriber.confirmWithin))
            let text = """
                U vroeg op Weerbaar om op de hoogte te blijven van nieuw aanbod bij de zoekopdracht: \(alert.label) (\(alert.frequency.label)).

                Bevestig dit met deze link; hij is zeven dagen geldig:

                \(site.absolute("/nieuwsbrief/attendering/bevestigen/\(token)"))

                Vroeg u dit niet? Dan kunt u deze e-mail negeren: zonder bevestiging ontvangt u niets.
                """
            do {
                try await newsletter.mailer.send(MailMessage(from: newsletter.mailFrom, fromName: "Weerbaar", to: [address],
                                                             subject: "Bevestig uw attendering op Weerbaar", text: text + "\n\n--\n\(newsletter.senderAddress)\n"))
            } catch {
                context.logger.error("Sending an alert confirmation failed", metadata: ["error": "\(error)"])
            }
        }
        return page(NewsletterPages.checkInbox(site: site))
    }

    /// The alert a link names, or the Dutch page that says why the link does not work.
    func alert(_ context: Context, _ purpose: SignedLink.Purpose, alerts: any AlertStore) async throws -> (Alert, String)? {
        let token = context.parameters.get("token") ?? ""
        guard case .success(let id) = newsletter.links.verify(token, purpose, now: Date()), let alert = try await alerts.alert(id) else {
            return nil
        }
        return (alert, token)
    }

    func goneAlert() -> Response {
        page(NewsletterPages.message("Deze link werkt niet (meer)", [
            "De link is verlopen, niet compleet, of de attendering bestaat niet meer. Op een zoekresultaat kunt u opnieuw kiezen voor ‘Houd mij op de hoogte’.",
        ], path: "/nieuwsbrief/attendering", site: site, link: ("/aanbod", "Naar het aanbod")), status: .gone)
    }

    func confirmAlert(_ request: Request, _ context: Context, alerts: any AlertStore, post: Bool) async throws -> Response {
        guard let (alert, token) = try await alert(context, .confirmAlert, alerts: alerts) else { return goneAlert() }
        let action = "/nieuwsbrief/attendering/bevestigen/\(token)"
        if !post {
            return withFormToken {
                NewsletterPages.confirmStep(title: "Attendering bevestigen", text: "U krijgt \(alert.frequency.label) een e-mail met nieuw aanbod bij: \(alert.label).",
                                            button: "Bevestigen", action: action, csrf: $0, site: self.site)
            }
        }
        guard isGenuine(request, try await readForm(request)) else {
            return withFormToken(status: .forbidden) {
                NewsletterPages.confirmStep(title: "Attendering bevestigen", text: "Het formulier was verlopen. Probeer het nog eens.",
                                            button: "Bevestigen", action: action, csrf: $0, site: self.site)
            }
        }
        // What matches today is known; the first e-mail holds only what is new after this.
        let seen = AlertSearch.matches(alert.query, catalogue: site.catalogue).map(\.key.description)
        guard try await alerts.confirm(alert.id, seen: alert.confirmedAt == nil ? seen : alert.seen, now: Date()) else { return goneAlert() }
        let preferences = "/nieuwsbrief/voorkeuren/\(newsletter.links.token(.preferences, subscriber: alert.subscriberID, expires: nil))"
        return page(NewsletterPages.message("Uw attendering staat aan", [
            "U krijgt \(alert.frequency.label) een e-mail als er nieuw aanbod is bij: \(alert.label). Is er niets nieuws, dan krijgt u niets.",
        ], path: "/nieuwsbrief/attendering", site: site, link: (preferences, "Uw voorkeuren en attenderingen")))
    }

    func stopAlert(_ request: Request, _ context: Context, alerts: any AlertStore, post: Bool) async throws -> Response {
        guard let (alert, token) = try await alert(context, .stopAlert, alerts: alerts) else { return goneAlert() }
        let action = "/nieuwsbrief/attendering/stoppen/\(token)"
        if !post {
            return withFormToken {
                NewsletterPages.confirmStep(title: "Attendering stoppen", text: "U krijgt dan geen e-mail meer over nieuw aanbod bij: \(alert.label).",
                                            button: "Stoppen", action: action, csrf: $0, site: self.site)
            }
        }
        let form = try await readForm(request)
        // RFC 8058 one-click from a mail program, or the button on this site.
        guard form.first("List-Unsubscribe") == "One-Click" || isGenuine(request, form) else {
            return withFormToken(status: .forbidden) {
                NewsletterPages.confirmStep(title: "Attendering stoppen", text: "Het formulier was verlopen. Probeer het nog eens.",
                                            button: "Stoppen", action: action, csrf: $0, site: self.site)
            }
        }
        guard try await alerts.stop(alert.id) else { return goneAlert() }
        return page(NewsletterPages.message("De attendering is gestopt", ["U krijgt geen e-mail meer over: \(alert.label)."],
                                            path: "/nieuwsbrief/attendering", site: site, link: ("/aanbod", "Naar het aanbod")))
    }
}
