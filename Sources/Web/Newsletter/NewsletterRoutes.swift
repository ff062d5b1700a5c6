import Accounts
import Catalogue
import CatalogueService
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Mail
import Newsletter
import NIOCore

/// `/nieuwsbrief`: double opt-in sign-up, confirmation, preferences, export and erasure.
struct NewsletterRoutes<Context: RequestContext> {
    let site: SiteServices
    let newsletter: NewsletterServices

    /// Every form here is small; more is refused before it is read.
    static var maxBody: Int { 64 * 1024 }

    var routes: [Route<Context>] {
        typealias Paths = NewsletterPaths
        let max = Self.maxBody
        return [
            Route(.get, Paths.signUp, .everyone) { _ in signUpForm(NewsletterPages.SignUp(csrf: "")) },
            Route(.post, Paths.signUp, .everyone, maxBody: max) { try await signUp($0) },
            Route(.get, Paths.confirm, .everyone) { try await confirm($0, post: false) },
            Route(.post, Paths.confirm, .everyone, maxBody: max) { try await confirm($0, post: true) },
            Route(.get, Paths.preferences, .everyone) { try await preferences($0, post: false) },
            Route(.post, Paths.preferences, .everyone, maxBody: max) { try await preferences($0, post: true) },
            Route(.get, Paths.export, .everyone) { try await export($0) },
            Route(.get, Paths.unsubscribe, .everyone) { try await unsubscribe($0, post: false) },
            Route(.post, Paths.unsubscribe, .everyone, maxBody: max) { try await unsubscribe($0, post: true) },
        ] + (newsletter.alerts.map { AlertRoutes(site: site, newsletter: newsletter, alerts: $0).routes } ?? [])
    }

    // MARK: - Signing up

    func signUpForm(_ model: NewsletterPages.SignUp, status: HTTPResponse.Status = .ok) -> Response {
        withFormToken(status: status) { token in
            var model = model
            model.csrf = token
            return NewsletterPages.signUp(model, site: self.site)
        }
    }

    func signUp(_ call: RouteRequest<Context>) async throws -> Response {
        let request = call.request, form = call.form
        guard isGenuine(request, form) else {
            var model = NewsletterPages.SignUp(csrf: "")
            model.email = form.text("email", .emailAddress)
            model.errors.add("email", "Het formulier was verlopen. Controleer uw gegevens en meld u opnieuw aan.")
            return signUpForm(model, status: .forbidden)
        }
        guard newsletter.limiter.allow("aanmelden:" + site.trustedProxies.client(of: request, call.context)) else {
            return page(NewsletterPages.message("Even geduld", ["Er zijn vanaf uw verbinding veel aanmeldingen gedaan. Probeer het over een kwartier opnieuw."],
                                                path: NewsletterPaths.signUp(), site: site), status: .tooManyRequests)
        }
        // A filled honeypot is a script: answer as always, keep nothing.
        if !(form.first("website") ?? "").isEmpty { return page(NewsletterPages.checkInbox(site: site)) }

        var model = NewsletterPages.SignUp(csrf: "")
        let rawEmail = form.text("email", .emailAddress)
        model.email = rawEmail
        model.name = form.text("naam", .name)
        model.organisation = form.text("organisatie", .name)
        model.interests = Array(form.values("themas").prefix(20))
        let address = Self.address(rawEmail, errors: &model.errors)
        for (field, value) in [("naam", model.name), ("organisatie", model.organisation)] {
            if QueryString.isTooLong(value, .name) { model.errors.add(field, "Hoogstens \(FormField.name.limit) tekens.") }
            if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) { model.errors.add(field, "Gebruik geen regeleinden.") }
        }
        let themes = Set(site.catalogue.taxonomy.terms(.theme).map(\.slug))
        if !model.interests.allSatisfy(themes.contains) { model.errors.add("themas", "Kies thema’s uit de lijst.") }
        guard model.errors.isEmpty, let address else { return signUpForm(model, status: .unprocessableContent) }

        let source = form.first("bron").flatMap { $0.hasPrefix("/") && $0.count <= 200 ? $0 : nil } ?? "onbekend"
        let outcome = try await newsletter.subscribers.subscribe(
            email: address.description, name: model.name.isEmpty ? nil : model.name,
            organisation: model.organisation.isEmpty ? nil : model.organisation, interests: model.interests, source: source, now: Date())
        // Whatever happened, the page is the same; only the e-mail differs, and an address gets few of them.
        if newsletter.limiter.allow("adres:" + address.description.lowercased()) {
            await send(outcome, to: address, logger: call.context.logger)
        }
        return page(NewsletterPages.checkInbox(site: site))
    }

    /// The typed address, or a Dutch message under "email": too long, or not an address.
    static func address(_ raw: String, errors: inout FormErrors) -> MailAddress? {
        guard raw.count <= 254 else {
            errors.add("email", "Dit e-mailadres is te lang; een e-mailadres heeft hoogstens 254 tekens.")
            return nil
        }
        do {
            return try MailAddress(raw.trimmingCharacters(in: .whitespaces))
        } catch {
            errors.add("email", "Vul een geldig e-mailadres in, zoals naam@gemeente.nl.")
            return nil
        }
    }

    func send(_ outcome: SubscribeOutcome, to address: MailAddress, logger: Logger) async {
        let mail: (subject: String, text: String)
        switch outcome {
        case .pending(let subscriber), .pendingAgain(let subscriber):
            let token = newsletter.links.token(.confirm, subscriber: subscriber.id, expires: Date().addingTimeInterval(Subscriber.confirmWithin))
            mail = NewsletterMail.confirmSubscription(link: site.absolute(NewsletterPaths.confirm(token)))
        case .alreadyConfirmed(let subscriber):
            let token = newsletter.links.token(.preferences, subscriber: subscriber.id, expires: nil)
            mail = NewsletterMail.alreadySubscribed(preferences: site.absolute(NewsletterPaths.preferences(token)))
        }
        do {
            try await newsletter.mailer.send(MailMessage(from: newsletter.mailFrom, fromName: "WeerbaarNL", to: [address], subject: mail.subject,
                                                         text: NewsletterMail.signed(mail.text, senderAddress: newsletter.senderAddress)))
        } catch {
            logger.error("Sending a newsletter sign-up e-mail failed", metadata: ["error": "\(error)"])
        }
    }

    // MARK: - Personal links

    /// The subscriber a link names, or the page that says why the link does not work.
    enum Resolution {
        case found(Subscriber, token: String)
        case answer(Response)

        var response: Response? { if case .answer(let response) = self { response } else { nil } }
    }

    func resolve(_ context: Context, _ purpose: SignedLink.Purpose) async throws -> Resolution {
        let token = try context.parameters.require("token")
        switch newsletter.links.verify(token, purpose, now: Date()) {
        case .failure(.expired):
            return .answer(page(NewsletterPages.message("Deze link is verlopen", [
                "Een bevestigingslink is zeven dagen geldig. Meld u opnieuw aan; u krijgt dan een nieuwe link.",
            ], path: NewsletterPaths.signUp(), site: site, link: (NewsletterPaths.signUp(), "Opnieuw aanmelden")), status: .gone))
        case .failure(.invalid):
            return .answer(page(NewsletterPages.message("Deze link klopt niet", [
                "De link is niet volledig of is veranderd. Gebruik de link uit de e-mail precies zoals hij is, of meld u opnieuw aan.",
            ], path: NewsletterPaths.signUp(), site: site, link: (NewsletterPaths.signUp(), "Aanmelden")), status: .gone))
        case .success(let id):
            guard let subscriber = try await newsletter.subscribers.subscriber(id) else {
                return .answer(page(NewsletterPages.message("Geen aanmelding bij deze link", [
                    "Er is geen aanmelding (meer) bij deze link: u heeft zich afgemeld en uw gegevens zijn gewist, "
                        + "of de aanmelding is nooit bevestigd. U ontvangt niets van ons.",
                ], path: NewsletterPaths.signUp(), site: site, link: (NewsletterPaths.signUp(), "Opnieuw aanmelden")), status: .gone))
            }
            return .found(subscriber, token: token)
        }
    }

    func confirm(_ call: RouteRequest<Context>, post: Bool) async throws -> Response {
        let request = call.request, context = call.context
        let resolved = try await resolve(context, .confirm)
        guard case .found(let subscriber, let token) = resolved else { return resolved.response! }
        let action = NewsletterPaths.confirm(token)
        if !post {
            return withFormToken {
                NewsletterPages.confirmStep(title: "Aanmelding bevestigen", text: "Bevestig dat \(subscriber.email) WeerbaarNL wil ontvangen.",
                                            button: "Ja, ik wil WeerbaarNL ontvangen", action: action, csrf: $0, site: self.site)
            }
        }
        let form = call.form
        guard isGenuine(request, form) else {
            return withFormToken(status: .forbidden) {
                NewsletterPages.confirmStep(title: "Aanmelding bevestigen", text: "Het formulier was verlopen. Bevestig het nog eens.",
                                            button: "Ja, ik wil WeerbaarNL ontvangen", action: action, csrf: $0, site: self.site)
            }
        }
        let preferences = NewsletterPaths.preferences(newsletter.links.token(.preferences, subscriber: subscriber.id, expires: nil))
        switch try await newsletter.subscribers.confirm(subscriber.id, now: Date()) {
        case .confirmed:
            return page(NewsletterPages.message("U bent aangemeld", ["Welkom bij WeerbaarNL. De volgende nieuwsbrief komt naar \(subscriber.email)."],
                                                path: NewsletterPaths.signUp(), site: site, link: (preferences, "Uw voorkeuren")))
        case .alreadyConfirmed:
            return page(NewsletterPages.message("U was al aangemeld", ["Deze aanmelding was al bevestigd; er is niets veranderd."],
                                                path: NewsletterPaths.signUp(), site: site, link: (preferences, "Uw voorkeuren")))
        case .unknown:
            return try await resolve(context, .confirm).response ?? page("", status: .gone)
        }
    }

    func preferences(_ call: RouteRequest<Context>, post: Bool) async throws -> Response {
        let request = call.request, context = call.context
        let resolved = try await resolve(context, .preferences)
        guard case .found(let subscriber, let token) = resolved else { return resolved.response! }
        var model = NewsletterPages.Preferences(subscriber: subscriber, token: token,
                                                unsubscribeToken: newsletter.links.token(.unsubscribe, subscriber: subscriber.id, expires: nil), csrf: "")
        model.alerts = try await (newsletter.alerts?.alerts(subscriber: subscriber.id) ?? []).map {
            ($0, newsletter.links.token(.stopAlert, subscriber: $0.id, expires: nil))
        }
        if !post {
            return withFormToken { model.csrf = $0; return NewsletterPages.preferences(model, site: self.site) }
        }
        let form = call.form
        guard isGenuine(request, form) else {
            model.message = "Het formulier was verlopen; er is niets gewijzigd. Probeer het nog eens."
            return withFormToken(status: .forbidden) { model.csrf = $0; return NewsletterPages.preferences(model, site: self.site) }
        }
        let name = form.text("naam", .name)
        let organisation = form.text("organisatie", .name)
        let interests = Array(form.values("themas").prefix(20))
        model.subscriber.name = name
        model.subscriber.organisation = organisation
        model.subscriber.interests = interests
        model.subscriber.paused = form.isChecked("pauze")
        model.subscriber.newsletter = form.isChecked("nieuwsbrief")
        for (field, value) in [("naam", name), ("organisatie", organisation)] where QueryString.isTooLong(value, .name)
            || value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            model.errors.add(field, "Hoogstens 200 tekens, zonder regeleinden.")
        }
        let themes = Set(site.catalogue.taxonomy.terms(.theme).map(\.slug))
        if !interests.allSatisfy(themes.contains) { model.errors.add("themas", "Kies thema’s uit de lijst.") }
        guard model.errors.isEmpty else {
            return withFormToken(status: .unprocessableContent) { model.csrf = $0; return NewsletterPages.preferences(model, site: self.site) }
        }
        guard try await newsletter.subscribers.update(subscriber.id, name: name.isEmpty ? nil : name,
                                                      organisation: organisation.isEmpty ? nil : organisation,
                                                      interests: interests, paused: model.subscriber.paused)
        else { return try await resolve(context, .preferences).response ?? page("", status: .gone) }
        _ = try await newsletter.subscribers.setNewsletter(subscriber.id, model.subscriber.newsletter)
        model.message = model.subscriber.paused ? "Opgeslagen. De nieuwsbrief staat op pauze." : "Opgeslagen."
        return withFormToken { model.csrf = $0; return NewsletterPages.preferences(model, site: self.site) }
    }

    func export(_ call: RouteRequest<Context>) async throws -> Response {
        let resolved = try await resolve(call.context, .preferences)
        guard case .found(let subscriber, _) = resolved else { return resolved.response! }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store",
                                               .contentDisposition: "attachment; filename=\"weerbaarnl-mijn-gegevens.json\""],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: try encoder.encode(subscriber))))
    }

    func unsubscribe(_ call: RouteRequest<Context>, post: Bool) async throws -> Response {
        let request = call.request, context = call.context
        let resolved = try await resolve(context, .unsubscribe)
        guard case .found(let subscriber, let token) = resolved else { return resolved.response! }
        let action = NewsletterPaths.unsubscribe(token)
        if !post {
            return withFormToken {
                NewsletterPages.confirmStep(title: "Afmelden voor WeerbaarNL",
                                            text: "Na afmelden ontvangt \(subscriber.email) geen nieuwsbrief meer en wissen we alle gegevens van deze aanmelding.",
                                            button: "Afmelden en mijn gegevens wissen", action: action, csrf: $0, site: self.site)
            }
        }
        let form = call.form
        // RFC 8058: a mail program posts "List-Unsubscribe=One-Click" itself; the signed link is the authority.
        let oneClick = form.first("List-Unsubscribe") == "One-Click"
        guard oneClick || isGenuine(request, form) else {
            return withFormToken(status: .forbidden) {
                NewsletterPages.confirmStep(title: "Afmelden voor WeerbaarNL", text: "Het formulier was verlopen. Bevestig het nog eens.",
                                            button: "Afmelden en mijn gegevens wissen", action: action, csrf: $0, site: self.site)
            }
        }
        guard try await newsletter.subscribers.erase(subscriber.id) else { return try await resolve(context, .unsubscribe).response ?? page("", status: .gone) }
        return page(NewsletterPages.message("U bent afgemeld", [
            "U ontvangt WeerbaarNL niet meer. We hebben alle gegevens van uw aanmelding gewist; alleen het aantal afmeldingen houden we bij.",
        ], path: NewsletterPaths.signUp(), site: site, link: (CataloguePaths.home(), "Naar de homepage")))
    }

    // MARK: - Forms

    /// The double-submit token of a form from this site, or — for the footer form on cached pages,
    /// which cannot carry a per-visitor token — a same-origin request, as the browser reports it.
    func isGenuine(_ request: Request, _ form: QueryString) -> Bool {
        formToken.isGenuine(request, form) || SameOrigin.isSameOrigin(request, baseURL: site.baseURL)
    }

    /// The double-submit token of the newsletter's forms.
    var formToken: SignedOutForm {
        SignedOutForm(cookieName: NewsletterServices.formCookie, path: NewsletterPaths.signUp(), secure: newsletter.secureCookies)
    }

    func withFormToken(status: HTTPResponse.Status = .ok, _ render: (String) -> String) -> Response {
        formToken.respond(status: status, render)
    }

    func page(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        Responses.personal(html, status: status)
    }

}
