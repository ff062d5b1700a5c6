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
    let site: SiteContext
    let newsletter: NewsletterContext

    func add(to router: Router<Context>) {
        router.get("nieuwsbrief") { _, _ in signUpForm(NewsletterPages.SignUp(csrf: "")) }
        router.post("nieuwsbrief") { request, context in try await signUp(request, context) }
        router.get("nieuwsbrief/bevestigen/{token}") { request, context in try await confirm(request, context, post: false) }
        router.post("nieuwsbrief/bevestigen/{token}") { request, context in try await confirm(request, context, post: true) }
        router.get("nieuwsbrief/voorkeuren/{token}") { request, context in try await preferences(request, context, post: false) }
        router.post("nieuwsbrief/voorkeuren/{token}") { request, context in try await preferences(request, context, post: true) }
        router.get("nieuwsbrief/voorkeuren/{token}/gegevens.json") { request, context in try await export(request, context) }
        router.get("nieuwsbrief/afmelden/{token}") { request, context in try await unsubscribe(request, context, post: false) }
        router.post("nieuwsbrief/afmelden/{token}") { request, context in try await unsubscribe(request, context, post: true) }
        if let alerts = newsletter.alerts { addAlerts(to: router, alerts: alerts) }
    }

    // MARK: - Signing up

    func signUpForm(_ model: NewsletterPages.SignUp, status: HTTPResponse.Status = .ok) -> Response {
        withFormToken(status: status) { token in
            var model = model
            model.csrf = token
            return NewsletterPages.signUp(model, site: self.site)
        }
    }

    func signUp(_ request: Request, _ context: Context) async throws -> Response {
        let form = try await readForm(request)
        guard isGenuine(request, form) else {
            var model = NewsletterPages.SignUp(csrf: "")
            model.email = String((form.first("email") ?? "").prefix(254))
            model.errors.add("email", "Het formulier was verlopen. Controleer uw gegevens en meld u opnieuw aan.")
            return signUpForm(model, status: .forbidden)
        }
        guard newsletter.limiter.allow("aanmelden:" + site.trustedProxies.client(of: request, context)) else {
            return page(NewsletterPages.message("Even geduld", ["Er zijn vanaf uw verbinding veel aanmeldingen gedaan. Probeer het over een kwartier opnieuw."],
                                                path: "/nieuwsbrief", site: site), status: .tooManyRequests)
        }
        // A filled honeypot is a script: answer as always, keep nothing.
        if !(form.first("website") ?? "").isEmpty { return page(NewsletterPages.checkInbox(site: site)) }

        var model = NewsletterPages.SignUp(csrf: "")
        let rawEmail = form.first("email") ?? ""
        model.email = String(rawEmail.prefix(300))
        model.name = String((form.first("naam") ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(201))
        model.organisation = String((form.first("organisatie") ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(201))
        model.interests = Array(form.values("themas").prefix(20))
        let address = Self.address(rawEmail, errors: &model.errors)
        for (field, value) in [("naam", model.name), ("organisatie", model.organisation)] {
            if value.count > 200 { model.errors.add(field, "Hoogstens 200 tekens.") }
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
            await send(outcome, to: address, context: context)
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

    func send(_ outcome: SubscribeOutcome, to address: MailAddress, context: Context) async {
        let text: String, subject: String
        switch outcome {
        case .pending(let subscriber), .pendingAgain(let subscriber):
            let token = newsletter.links.token(.confirm, subscriber: subscriber.id, expires: Date().addingTimeInterval(Subscriber.confirmWithin))
            subject = "Bevestig uw aanmelding voor WeerbaarNL"
            text = """
                Bedankt voor uw aanmelding voor WeerbaarNL, de nieuwsbrief van Weerbaar.

                Bevestig uw aanmelding met deze link; hij is zeven dagen geldig:

                \(site.absolute("/nieuwsbrief/bevestigen/\(token)"))

                Heeft u zich niet aangemeld? Dan kunt u deze e-mail negeren: zonder bevestiging ontvangt u niets
                en wissen we uw adres na zeven dagen.
                """
        case .alreadyConfirmed(let subscriber):
            let token = newsletter.links.token(.preferences, subscriber: subscriber.id, expires: nil)
            subject = "U bent al aangemeld voor WeerbaarNL"
            text = """
                Iemand (waarschijnlijk u) heeft dit adres opnieuw aangemeld voor WeerbaarNL. U was al aangemeld;
                er is niets veranderd. Uw voorkeuren wijzigt u hier:

                \(site.absolute("/nieuwsbrief/voorkeuren/\(token)"))
                """
        }
        do {
            try await newsletter.mailer.send(MailMessage(from: newsletter.mailFrom, fromName: "WeerbaarNL", to: [address], subject: subject,
                                                         text: text + "\n\n--\n\(newsletter.senderAddress)\n"))
        } catch {
            context.logger.error("Sending a newsletter sign-up e-mail failed", metadata: ["error": "\(error)"])
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
            ], path: "/nieuwsbrief", site: site, link: ("/nieuwsbrief", "Opnieuw aanmelden")), status: .gone))
        case .failure(.invalid):
            return .answer(page(NewsletterPages.message("Deze link klopt niet", [
                "De link is niet volledig of is veranderd. Gebruik de link uit de e-mail precies zoals hij is, of meld u opnieuw aan.",
            ], path: "/nieuwsbrief", site: site, link: ("/nieuwsbrief", "Aanmelden")), status: .gone))
        case .success(let id):
            guard let subscriber = try await newsletter.subscribers.subscriber(id) else {
                return .answer(page(NewsletterPages.message("Geen aanmelding bij deze link", [
                    "Er is geen aanmelding (meer) bij deze link: u heeft zich afgemeld en uw gegevens zijn gewist, "
                        + "of de aanmelding is nooit bevestigd. U ontvangt niets van ons.",
                ], path: "/nieuwsbrief", site: site, link: ("/nieuwsbrief", "Opnieuw aanmelden")), status: .gone))
            }
            return .found(subscriber, token: token)
        }
    }

    func confirm(_ request: Request, _ context: Context, post: Bool) async throws -> Response {
        let resolved = try await resolve(context, .confirm)
        guard case .found(let subscriber, let token) = resolved else { return resolved.response! }
        let action = "/nieuwsbrief/bevestigen/\(token)"
        if !post {
            return withFormToken {
                NewsletterPages.confirmStep(title: "Aanmelding bevestigen", text: "Bevestig dat \(subscriber.email) WeerbaarNL wil ontvangen.",
                                            button: "Ja, ik wil WeerbaarNL ontvangen", action: action, csrf: $0, site: self.site)
            }
        }
        let form = try await readForm(request)
        guard isGenuine(request, form) else {
            return withFormToken(status: .forbidden) {
                NewsletterPages.confirmStep(title: "Aanmelding bevestigen", text: "Het formulier was verlopen. Bevestig het nog eens.",
                                            button: "Ja, ik wil WeerbaarNL ontvangen", action: action, csrf: $0, site: self.site)
            }
        }
        let preferences = "/nieuwsbrief/voorkeuren/\(newsletter.links.token(.preferences, subscriber: subscriber.id, expires: nil))"
        switch try await newsletter.subscribers.confirm(subscriber.id, now: Date()) {
        case .confirmed:
            return page(NewsletterPages.message("U bent aangemeld", ["Welkom bij WeerbaarNL. De volgende nieuwsbrief komt naar \(subscriber.email)."],
                                                path: "/nieuwsbrief", site: site, link: (preferences, "Uw voorkeuren")))
        case .alreadyConfirmed:
            return page(NewsletterPages.message("U was al aangemeld", ["Deze aanmelding was al bevestigd; er is niets veranderd."],
                                                path: "/nieuwsbrief", site: site, link: (preferences, "Uw voorkeuren")))
        case .unknown:
            return try await resolve(context, .confirm).response ?? page("", status: .gone)
        }
    }

    func preferences(_ request: Request, _ context: Context, post: Bool) async throws -> Response {
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
        let form = try await readForm(request)
        guard isGenuine(request, form) else {
            model.message = "Het formulier was verlopen; er is niets gewijzigd. Probeer het nog eens."
            return withFormToken(status: .forbidden) { model.csrf = $0; return NewsletterPages.preferences(model, site: self.site) }
        }
        let name = String((form.first("naam") ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(201))
        let organisation = String((form.first("organisatie") ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(201))
        let interests = Array(form.values("themas").prefix(20))
        model.subscriber.name = name
        model.subscriber.organisation = organisation
        model.subscriber.interests = interests
        model.subscriber.paused = form.first("pauze") == "ja"
        model.subscriber.newsletter = form.first("nieuwsbrief") == "ja"
        for (field, value) in [("naam", name), ("organisatie", organisation)] where value.count > 200
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

    func export(_ request: Request, _ context: Context) async throws -> Response {
        let resolved = try await resolve(context, .preferences)
        guard case .found(let subscriber, _) = resolved else { return resolved.response! }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store",
                                               .contentDisposition: "attachment; filename=\"weerbaarnl-mijn-gegevens.json\""],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: try encoder.encode(subscriber))))
    }

    func unsubscribe(_ request: Request, _ context: Context, post: Bool) async throws -> Response {
        let resolved = try await resolve(context, .unsubscribe)
        guard case .found(let subscriber, let token) = resolved else { return resolved.response! }
        let action = "/nieuwsbrief/afmelden/\(token)"
        if !post {
            return withFormToken {
                NewsletterPages.confirmStep(title: "Afmelden voor WeerbaarNL",
                                            text: "Na afmelden ontvangt \(subscriber.email) geen nieuwsbrief meer en wissen we alle gegevens van deze aanmelding.",
                                            button: "Afmelden en mijn gegevens wissen", action: action, csrf: $0, site: self.site)
            }
        }
        let form = try await readForm(request)
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
        ], path: "/nieuwsbrief", site: site, link: ("/", "Naar de homepage")))
    }

    // MARK: - Forms

    func readForm(_ request: Request) async throws -> QueryString {
        var request = request
        let body = try await request.collectBody(upTo: 64 * 1024)
        return QueryString(raw: String(buffer: body))
    }

    /// The double-submit token of a form from this site, or — for the footer form on cached pages,
    /// which cannot carry a per-visitor token — a same-origin request, as the browser reports it.
    func isGenuine(_ request: Request, _ form: QueryString) -> Bool {
        if let token = form.first("csrf"), !token.isEmpty, let cookie = request.cookies[NewsletterContext.formCookie]?.value,
           Tokens.equal(token, cookie) {
            return true
        }
        if let fetchSite = request.headers[Self.secFetchSite] { return fetchSite == "same-origin" }
        if let origin = request.headers[.origin] { return origin == Self.origin(of: site.baseURL) }
        return false
    }

    static var secFetchSite: HTTPField.Name { HTTPField.Name("Sec-Fetch-Site")! }

    static func origin(of url: String) -> String {
        guard let components = URLComponents(string: url), let scheme = components.scheme, let host = components.host else { return url }
        return "\(scheme)://\(host)" + (components.port.map { ":\($0)" } ?? "")
    }

    func withFormToken(status: HTTPResponse.Status = .ok, _ render: (String) -> String) -> Response {
        let token = Tokens.random()
        var response = page(render(token), status: status)
        response.setCookie(Cookie(name: NewsletterContext.formCookie, value: token, path: "/nieuwsbrief", secure: newsletter.secureCookies,
                                  httpOnly: true, sameSite: .lax))
        return response
    }

    func page(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        var response = Responses.html(html, status: status)
        response.headers[.cacheControl] = "no-store"
        return response
    }

}
