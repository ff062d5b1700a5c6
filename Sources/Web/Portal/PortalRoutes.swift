import Accounts
import Audit
import Catalogue
import CatalogueService
import Foundation
import Hummingbird
import Logging
import Mail
import NIOCore

/// The portal at `/beheer`. Every route is declared in `table` with who may use it; registration and
/// the authorisation matrix test both read the table, so a new route cannot be left unchecked.
struct PortalRoutes<Context: RequestContext> {
    let site: SiteContext
    let portal: PortalContext

    enum Access: Sendable, Equatable {
        case anyone
        case signedIn(Set<Role>)
        /// Between the password and the second factor: only the code page.
        case secondFactorPending
    }

    enum Action: Sendable {
        case dashboard, signInForm, signIn, signOut, signOutEverywhere
        case users, invite, invitationForm, acceptInvitation
        case resetRequestForm, resetRequest, resetForm, completeReset
        case secondFactorForm, secondFactor, secondFactorSetupForm, secondFactorSetup
        case auditLog, auditLogCSV
        case userForm, updateUser
        case offerings, confirmOffering
        case newOfferingForm, createOffering, offeringForm, saveOffering, archiveOffering, unarchiveOffering
        case offeringHistory, offeringRevision, restoreRevision
        case reviewQueue, publishDraft, sendBack
        case providers, trustProvider, newProviderForm, createProvider, providerForm, saveProvider
        case uploadForm, uploadDryRun, uploadApply
        case vocabularies, vocabulary, addTerm, mergeTerms, termForm, renameTerm, moveTermUp, moveTermDown
        case editions, createEdition, editionForm, saveEdition, editionPreview, editionTestMail, scheduleEdition, sendEdition, deleteEdition

        /// What a beheerder without a second factor may still do: set one up, or leave.
        var allowedWithoutSecondFactor: Bool {
            [.secondFactorSetupForm, .secondFactorSetup, .signOut, .signOutEverywhere].contains(self)
        }
    }

    struct Route: Sendable {
        var method: HTTPRequest.Method
        var path: String
        var access: Access
        var action: Action
    }

    static var table: [Route] {
        let everyone = Set(Role.allCases)
        // Content is kept by the redactie and the partners; beheerders run the platform, not its content.
        let editors: Set<Role> = [.editor, .partnerEditor]
        let offering = "/beheer/aanbod/{provider}/{id}"
        return [
            Route(method: .get, path: "/beheer", access: .signedIn(everyone), action: .dashboard),
            Route(method: .get, path: "/beheer/inloggen", access: .anyone, action: .signInForm),
            Route(method: .post, path: "/beheer/inloggen", access: .anyone, action: .signIn),
            Route(method: .post, path: "/beheer/uitloggen", access: .signedIn(everyone), action: .signOut),
            Route(method: .post, path: "/beheer/overal-uitloggen", access: .signedIn(everyone), action: .signOutEverywhere),
            Route(method: .get, path: "/beheer/gebruikers", access: .signedIn([.administrator]), action: .users),
            Route(method: .post, path: "/beheer/gebruikers/uitnodigen", access: .signedIn([.administrator]), action: .invite),
            Route(method: .get, path: "/beheer/uitnodiging/{token}", access: .anyone, action: .invitationForm),
            Route(method: .post, path: "/beheer/uitnodiging/{token}", access: .anyone, action: .acceptInvitation),
            Route(method: .get, path: "/beheer/wachtwoord-vergeten", access: .anyone, action: .resetRequestForm),
            Route(method: .post, path: "/beheer/wachtwoord-vergeten", access: .anyone, action: .resetRequest),
            Route(method: .get, path: "/beheer/wachtwoord-herstellen/{token}", access: .anyone, action: .resetForm),
            Route(method: .post, path: "/beheer/wachtwoord-herstellen/{token}", access: .anyone, action: .completeReset),
            Route(method: .get, path: "/beheer/tweede-stap", access: .secondFactorPending, action: .secondFactorForm),
            Route(method: .post, path: "/beheer/tweede-stap", access: .secondFactorPending, action: .secondFactor),
            Route(method: .get, path: "/beheer/tweede-stap-instellen", access: .signedIn(everyone), action: .secondFactorSetupForm),
            Route(method: .post, path: "/beheer/tweede-stap-instellen", access: .signedIn(everyone), action: .secondFactorSetup),
            Route(method: .get, path: "/beheer/gebruikers/{id}", access: .signedIn([.administrator]), action: .userForm),
            Route(method: .post, path: "/beheer/gebruikers/{id}", access: .signedIn([.administrator]), action: .updateUser),
            Route(method: .get, path: "/beheer/aanbod", access: .signedIn(everyone), action: .offerings),
            Route(method: .post, path: "/beheer/aanbod/{provider}/{id}/actueel", access: .signedIn(everyone), action: .confirmOffering),
            Route(method: .get, path: "/beheer/aanbod/nieuw", access: .signedIn(editors), action: .newOfferingForm),
            Route(method: .post, path: "/beheer/aanbod/nieuw", access: .signedIn(editors), action: .createOffering),
            Route(method: .get, path: "/beheer/aanbod/uploaden", access: .signedIn(editors), action: .uploadForm),
            Route(method: .post, path: "/beheer/aanbod/uploaden", access: .signedIn(editors), action: .uploadDryRun),
            Route(method: .post, path: "/beheer/aanbod/uploaden/{upload}", access: .signedIn(editors), action: .uploadApply),
            Route(method: .get, path: offering, access: .signedIn(editors), action: .offeringForm),
            Route(method: .post, path: offering, access: .signedIn(editors), action: .saveOffering),
            Route(method: .post, path: offering + "/archiveren", access: .signedIn(editors), action: .archiveOffering),
            Route(method: .post, path: offering + "/herstellen", access: .signedIn(editors), action: .unarchiveOffering),
            Route(method: .get, path: offering + "/geschiedenis", access: .signedIn(editors), action: .offeringHistory),
            Route(method: .get, path: offering + "/geschiedenis/{n}", access: .signedIn(editors), action: .offeringRevision),
            Route(method: .post, path: offering + "/geschiedenis/{n}/terugzetten", access: .signedIn(editors), action: .restoreRevision),
            Route(method: .get, path: "/beheer/beoordelen", access: .signedIn([.editor]), action: .reviewQueue),
            Route(method: .post, path: offering + "/publiceren", access: .signedIn([.editor]), action: .publishDraft),
            Route(method: .post, path: offering + "/terugsturen", access: .signedIn([.editor]), action: .sendBack),
            Route(method: .get, path: "/beheer/aanbieders", access: .signedIn([.administrator]), action: .providers),
            Route(method: .get, path: "/beheer/aanbieders/nieuw", access: .signedIn([.administrator]), action: .newProviderForm),
            Route(method: .post, path: "/beheer/aanbieders/nieuw", access: .signedIn([.administrator]), action: .createProvider),
            Route(method: .get, path: "/beheer/aanbieders/{provider}", access: .signedIn([.administrator]), action: .providerForm),
            Route(method: .post, path: "/beheer/aanbieders/{provider}", access: .signedIn([.administrator]), action: .saveProvider),
            Route(method: .post, path: "/beheer/aanbieders/{provider}/vertrouwen", access: .signedIn([.administrator]), action: .trustProvider),
            Route(method: .get, path: "/beheer/lijsten", access: .signedIn([.administrator]), action: .vocabularies),
            Route(method: .get, path: "/beheer/lijsten/{lijst}", access: .signedIn([.administrator]), action: .vocabulary),
            Route(method: .post, path: "/beheer/lijsten/{lijst}/toevoegen", access: .signedIn([.administrator]), action: .addTerm),
            Route(method: .post, path: "/beheer/lijsten/{lijst}/samenvoegen", access: .signedIn([.administrator]), action: .mergeTerms),
            Route(method: .get, path: "/beheer/lijsten/{lijst}/{waarde}", access: .signedIn([.administrator]), action: .termForm),
            Route(method: .post, path: "/beheer/lijsten/{lijst}/{waarde}", access: .signedIn([.administrator]), action: .renameTerm),
            Route(method: .post, path: "/beheer/lijsten/{lijst}/{waarde}/omhoog", access: .signedIn([.administrator]), action: .moveTermUp),
            Route(method: .post, path: "/beheer/lijsten/{lijst}/{waarde}/omlaag", access: .signedIn([.administrator]), action: .moveTermDown),
            Route(method: .get, path: "/beheer/nieuwsbrief", access: .signedIn([.editor]), action: .editions),
            Route(method: .post, path: "/beheer/nieuwsbrief/nieuw", access: .signedIn([.editor]), action: .createEdition),
            Route(method: .get, path: "/beheer/nieuwsbrief/{editie}", access: .signedIn([.editor]), action: .editionForm),
            Route(method: .post, path: "/beheer/nieuwsbrief/{editie}", access: .signedIn([.editor]), action: .saveEdition),
            Route(method: .get, path: "/beheer/nieuwsbrief/{editie}/voorbeeld", access: .signedIn([.editor]), action: .editionPreview),
            Route(method: .post, path: "/beheer/nieuwsbrief/{editie}/testmail", access: .signedIn([.editor]), action: .editionTestMail),
            Route(method: .post, path: "/beheer/nieuwsbrief/{editie}/plannen", access: .signedIn([.editor]), action: .scheduleEdition),
            Route(method: .post, path: "/beheer/nieuwsbrief/{editie}/versturen", access: .signedIn([.editor]), action: .sendEdition),
            Route(method: .post, path: "/beheer/nieuwsbrief/{editie}/verwijderen", access: .signedIn([.editor]), action: .deleteEdition),
            Route(method: .get, path: "/beheer/logboek", access: .signedIn([.administrator]), action: .auditLog),
            Route(method: .get, path: "/beheer/logboek.csv", access: .signedIn([.administrator]), action: .auditLogCSV),
        ]
    }

    /// The signed-in user of a request.
    struct Visitor {
        var session: Session
        var account: Account
    }

    func add(to router: Router<Context>) {
        for route in Self.table {
            router.on(RouterPath(route.path), method: route.method) { request, context in
                try await self.handle(route, request, context)
            }
        }
    }

    func handle(_ route: Route, _ request: Request, _ context: Context) async throws -> Response {
        var request = request
        let visitor = try await self.visitor(request)
        var form = QueryString(raw: nil)
        var files: [String: MultipartForm.File] = [:]
        var tooLarge = false
        if route.method == .post {
            // Forms are small; only the upload carries a file, in multipart/form-data.
            let limit = route.action == .uploadDryRun ? Self.maxUploadBytes : 512 * 1024
            do {
                let body = try await request.collectBody(upTo: limit)
                if let multipart = MultipartForm(contentType: request.headers[.contentType], body: body) {
                    form.pairs = multipart.fields
                    files = multipart.files
                } else {
                    form = QueryString(raw: String(buffer: body))
                }
            } catch is NIOTooManyBytesError where route.action == .uploadDryRun {
                // Too large to read, so its CSRF token is unknown too: answer with the form, change nothing.
                tooLarge = true
            }
        }
        if route.access == .secondFactorPending {
            guard let visitor else {
                return route.method == .get ? Self.redirect("/beheer/inloggen") : try forbidden("U bent niet (meer) ingelogd.")
            }
            guard !visitor.session.verified else {
                return route.method == .get ? Self.redirect("/beheer") : try forbidden("U bent al ingelogd.")
            }
            if route.method == .post {
                guard let token = form.first("csrf"), Tokens.equal(token, visitor.session.csrfToken) else {
                    return try forbidden("Het formulier is verlopen of niet van deze site. Log opnieuw in.")
                }
            }
        }
        if case .signedIn(let roles) = route.access {
            guard let visitor else {
                return route.method == .get ? Self.redirect("/beheer/inloggen") : try forbidden("U bent niet (meer) ingelogd.")
            }
            guard visitor.session.verified else {
                return route.method == .get ? Self.redirect("/beheer/tweede-stap") : try forbidden("Geef eerst de code van de tweede stap.")
            }
            guard roles.contains(visitor.account.role) else { return try forbidden("Deze pagina is niet voor uw rol.") }
            if visitor.account.role.requiresSecondFactor && !visitor.account.hasSecondFactor && !route.action.allowedWithoutSecondFactor {
                return route.method == .get
                    ? Self.redirect("/beheer/tweede-stap-instellen")
                    : try forbidden("Stel eerst de tweede stap in; voor beheerders is die verplicht.")
            }
            if route.method == .post && !tooLarge {
                guard let token = form.first("csrf"), Tokens.equal(token, visitor.session.csrfToken) else {
                    return try forbidden("Het formulier is verlopen of niet van deze site. Laad de pagina opnieuw en probeer het nog eens.")
                }
            }
        }
        switch route.action {
        case .dashboard:
            let message = request.uri.query == "tweede-stap" ? "De tweede stap staat aan. Voortaan vraagt het inloggen ook om de code uit uw app." : nil
            return Self.page(DashboardPage.render(.init(account: visitor!.account, csrfToken: visitor!.session.csrfToken, message: message),
                                                  site: site))
        case .signInForm:
            if visitor != nil { return Self.redirect("/beheer") }
            let messages = ["uitgelogd": "U bent uitgelogd.", "account": "Uw account is gemaakt. U kunt nu inloggen.",
                            "hersteld": "Uw nieuwe wachtwoord is opgeslagen. U kunt nu inloggen."]
            return signInForm(email: "", message: messages[request.uri.query ?? ""], isError: false)
        case .signIn:
            return try await signIn(request, context, form: form, visitor: visitor)
        case .signOut:
            try await portal.accounts.deleteSession(id: visitor!.session.id)
            var response = Self.redirect("/beheer/inloggen?uitgelogd")
            response.setCookie(expiredCookie(PortalContext.sessionCookie))
            return response
        case .signOutEverywhere:
            try await portal.accounts.deleteSessions(accountID: visitor!.account.id)
            await record(.signedOutEverywhere, by: visitor!.account, context: context)
            var response = Self.redirect("/beheer/inloggen?uitgelogd")
            response.setCookie(expiredCookie(PortalContext.sessionCookie))
            return response
        case .users:
            let message = ["uitgenodigd": "De uitnodiging is verstuurd.", "gewijzigd": "Het account is gewijzigd."][request.uri.query ?? ""]
            return Self.page(UsersPage.render(.init(accounts: try await portal.accounts.allAccounts(), csrf: visitor!.session.csrfToken,
                                                    message: message), site: site))
        case .invite:
            return try await invite(form, visitor: visitor!, context: context)
        case .invitationForm, .acceptInvitation:
            return try await invitation(route, request, context, form: form)
        case .resetRequestForm:
            return anonymousForm { ResetPages.request(message: nil, csrf: $0, site: self.site) }
        case .resetRequest:
            return try await requestReset(request, context, form: form)
        case .resetForm, .completeReset:
            return try await reset(route, request, context, form: form)
        case .secondFactorForm:
            return Self.page(SecondFactorPages.code(error: nil, csrf: visitor!.session.csrfToken, site: site))
        case .secondFactor:
            return try await secondFactor(visitor!, form: form, context: context)
        case .secondFactorSetupForm:
            let secret = TOTP.newSecret()
            return Self.page(SecondFactorPages.setup(secret: Base32.encode(secret), account: visitor!.account, error: nil,
                                                     csrf: visitor!.session.csrfToken, site: site))
        case .secondFactorSetup:
            return try await setUpSecondFactor(visitor!, form: form, context: context)
        case .offerings:
            let account = visitor!.account
            let query = QueryString(raw: request.uri.query)
            // A redacteur may narrow the list to one provider; a partner editor sees only their own.
            let chosen = account.role == .partnerEditor ? account.provider ?? "-" : query.first("aanbieder").flatMap { site.catalogue.taxonomy.provider($0)?.slug }
            let mine = try await portal.editorial.managedOfferings(provider: chosen)
            let all = chosen == nil || account.role == .partnerEditor ? mine : try await portal.editorial.managedOfferings(provider: nil)
            let messages = ["bevestigd": "Bevestigd: het aanbod is weer twaalf maanden actueel.",
                            "geupload": "De upload is verwerkt en gepubliceerd.",
                            "ingediend": "De upload is ingediend; de redactie beoordeelt het aanbod."]
            let page = max(1, min(100_000, Int(query.first("pagina") ?? "") ?? 1))
            return Self.page(OfferingsDashboardPage.render(
                .init(offerings: mine, everything: all, provider: chosen, page: page, account: account, today: Day(Date()),
                      submitted: account.role == .editor ? try await portal.editorial.submittedDrafts().count : 0,
                      csrf: visitor!.session.csrfToken, message: query.pairs.first.flatMap { messages[$0.0] }),
                site: site))
        case .confirmOffering:
            let key = OfferingKey(provider: try context.parameters.require("provider"), id: try context.parameters.require("id"))
            // Least privilege, checked on the key in the URL: a partner editor confirms only their own provider's offer.
            if visitor!.account.role == .partnerEditor && visitor!.account.provider != key.provider {
                return try forbidden("Dit aanbod is van een andere aanbieder.")
            }
            guard try await portal.catalogueStore.confirmCurrent(key, checkedOn: Day(Date()), by: Self.editor(visitor!.account)) else { throw HTTPError(.notFound) }
            try await site.catalogue.reload(from: portal.catalogueStore)
            await record(.offeringConfirmed, by: visitor!.account, subject: key.description, context: context)
            return Self.redirect("/beheer/aanbod?bevestigd")
        case .userForm, .updateUser:
            return try await user(route, visitor!, context, form: form)
        case .newOfferingForm, .createOffering, .offeringForm, .saveOffering, .archiveOffering, .unarchiveOffering,
             .offeringHistory, .offeringRevision, .restoreRevision, .reviewQueue, .publishDraft, .sendBack:
            return try await editorial(route, request, context, form: form, visitor: visitor!)
        case .vocabularies, .vocabulary, .addTerm, .mergeTerms, .termForm, .renameTerm, .moveTermUp, .moveTermDown:
            return try await vocabularies(route, request, context, form: form, visitor: visitor!)
        case .editions, .createEdition, .editionForm, .saveEdition, .editionPreview, .editionTestMail, .scheduleEdition, .sendEdition, .deleteEdition:
            return try await editions(route, request, context, form: form, visitor: visitor!)
        case .uploadForm, .uploadDryRun, .uploadApply:
            return try await upload(route, context, form: form, files: files, visitor: visitor!, tooLarge: tooLarge)
        case .providers, .trustProvider, .newProviderForm, .createProvider, .providerForm, .saveProvider:
            return try await providers(route, request, context, form: form, files: files, visitor: visitor!)
        case .auditLog:
            let perPage = 50
            let page = max(1, min(100_000, Int(QueryString(raw: request.uri.query).first("pagina") ?? "") ?? 1))
            let total = try await portal.audit.count()
            let events = try await portal.audit.events(offset: (page - 1) * perPage, limit: perPage)
            return Self.page(AuditLogPage.render(events: events, page: page, pageCount: max(1, (total + perPage - 1) / perPage), total: total,
                                                 site: site))
        case .auditLogCSV:
            let events = try await portal.audit.events(offset: 0, limit: 1_000_000)
            return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .cacheControl: "no-store",
                                                   .contentDisposition: "attachment; filename=\"weerbaar-logboek.csv\""],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: AuditCSV.render(events))))
        }
    }

    // MARK: - Users

    func user(_ route: Route, _ visitor: Visitor, _ context: Context, form: QueryString) async throws -> Response {
        guard let id = UUID(uuidString: try context.parameters.require("id")), let account = try await portal.accounts.account(id: id) else {
            throw HTTPError(.notFound)
        }
        var model = UserPage.Model(account: account, csrf: visitor.session.csrfToken, role: account.role.rawValue,
                                   provider: account.provider ?? "", disabled: account.disabled)
        if route.action == .userForm { return Self.page(UserPage.render(model, site: site)) }
        model.role = form.first("rol") ?? ""
        model.provider = form.first("aanbieder") ?? ""
        model.disabled = form.first("geblokkeerd") == "ja"
        guard let role = Role(rawValue: model.role) else {
            model.errors["rol"] = "Kies een rol."
            return Self.page(UserPage.render(model, site: site), status: .unprocessableContent)
        }
        if role == .partnerEditor && site.catalogue.taxonomy.provider(model.provider) == nil {
            model.errors["aanbieder"] = "Kies de aanbieder van deze partner-redacteur."
        }
        // A beheerder cannot lock themselves out: the last one would leave nobody to undo it.
        if account.id == visitor.account.id && (role != account.role || model.disabled) {
            model.errors["rol"] = "U kunt uw eigen rol niet wijzigen en uzelf niet blokkeren. Vraag dat een andere beheerder."
        }
        guard model.errors.isEmpty else { return Self.page(UserPage.render(model, site: site), status: .unprocessableContent) }
        let provider = role == .partnerEditor ? model.provider : nil
        try await portal.accounts.update(accountID: account.id, role: role, provider: provider, disabled: model.disabled)
        await record(.accountChanged, by: visitor.account, subject: account.email,
                     details: "rol: \(account.role.rawValue) → \(role.rawValue); aanbieder: \(account.provider ?? "–") → \(provider ?? "–"); "
                        + "geblokkeerd: \(account.disabled ? "ja" : "nee") → \(model.disabled ? "ja" : "nee")", context: context)
        return Self.redirect("/beheer/gebruikers?gewijzigd")
    }

    /// Appends to the audit log; a failure to write it is logged, not shown to the user.
    func record(_ action: AuditEvent.Action, by account: Account?, subject: String = "", details: String = "", context: Context) async {
        let event = AuditEvent(actor: account?.email ?? "anoniem", actorName: account?.name ?? "", action: action, subject: subject, details: details)
        do {
            try await portal.audit.append(event)
        } catch {
            context.logger.error("Writing the audit log failed", metadata: ["action": "\(action.rawValue)", "error": "\(error)"])
        }
    }

    // MARK: - Second factor

    func secondFactor(_ visitor: Visitor, form: QueryString, context: Context) async throws -> Response {
        let code = String((form.first("code") ?? "").prefix(20))
        switch try await portal.signIn.verifySecondFactor(pending: visitor.session, account: visitor.account, code: code) {
        case .signedIn(let token, _, _):
            await record(.signedIn, by: visitor.account, details: "met tweede stap", context: context)
            var response = Self.redirect("/beheer")
            response.setCookie(cookie(PortalContext.sessionCookie, token, path: "/"))
            return response
        case .locked(let until):
            var response = Self.page(SecondFactorPages.code(
                error: "Te veel onjuiste codes. U kunt het om \(DutchFormat.time(until)) opnieuw proberen, vanaf het inloggen.",
                csrf: visitor.session.csrfToken, site: site), status: .tooManyRequests)
            response.setCookie(expiredCookie(PortalContext.sessionCookie))
            return response
        case .refused, .secondFactorRequired:
            return Self.page(SecondFactorPages.code(error: "Deze code klopt niet. Gebruik de code die uw app nu toont.",
                                                    csrf: visitor.session.csrfToken, site: site), status: .unauthorized)
        }
    }

    func setUpSecondFactor(_ visitor: Visitor, form: QueryString, context: Context) async throws -> Response {
        let encoded = String((form.first("geheim") ?? "").prefix(64))
        let code = String((form.first("code") ?? "").prefix(20))
        guard let secret = Base32.decode(encoded), secret.count == 20 else {
            return Self.page(SecondFactorPages.setup(secret: Base32.encode(TOTP.newSecret()), account: visitor.account,
                                                     error: "Er ging iets mis met de sleutel. Begin opnieuw met deze nieuwe sleutel.",
                                                     csrf: visitor.session.csrfToken, site: site), status: .unprocessableContent)
        }
        guard let counter = TOTP.verify(code, secret: secret, at: Date(), lastUsed: nil) else {
            return Self.page(SecondFactorPages.setup(secret: encoded, account: visitor.account,
                                                     error: "Deze code klopt niet. Controleer of de tijd op uw telefoon goed staat.",
                                                     csrf: visitor.session.csrfToken, site: site), status: .unprocessableContent)
        }
        try await portal.accounts.setTOTP(accountID: visitor.account.id, secret: encoded)
        _ = try await portal.accounts.useTOTPCounter(accountID: visitor.account.id, counter: Int64(counter))
        await record(.secondFactorSetUp, by: visitor.account, context: context)
        return Self.redirect("/beheer?tweede-stap")
    }

    // MARK: - Invitations and resets

    func invite(_ form: QueryString, visitor: Visitor, context: Context) async throws -> Response {
        var model = UsersPage.Model(accounts: try await portal.accounts.allAccounts(), csrf: visitor.session.csrfToken)
        model.email = String((form.first("email") ?? "").prefix(254))
        model.name = String((form.first("naam") ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(200))
        model.role = form.first("rol") ?? ""
        model.provider = form.first("aanbieder") ?? ""
        let address = try? MailAddress(model.email)
        if address == nil { model.errors["email"] = "Vul een geldig e-mailadres in." }
        if model.name.isEmpty { model.errors["naam"] = "Vul een naam in." }
        let role = Role(rawValue: model.role) ?? .partnerEditor
        if role == .partnerEditor && site.catalogue.taxonomy.provider(model.provider) == nil {
            model.errors["aanbieder"] = "Kies de aanbieder van deze partner-redacteur."
        }
        guard model.errors.isEmpty, let address else { return Self.page(UsersPage.render(model, site: site), status: .unprocessableContent) }
        do {
            let (token, _) = try await portal.links.invite(email: address.description, name: model.name, role: role,
                                                          provider: model.provider.isEmpty ? nil : model.provider)
            let link = site.absolute("/beheer/uitnodiging/\(token)")
            try await portal.mailer.send(MailMessage(
                from: portal.mailFrom, fromName: "Weerbaar", to: [address], subject: "Uitnodiging voor het beheer van Weerbaar",
                text: """
                Beste \(model.name),

                \(visitor.account.name) nodigt u uit voor het beheer van Weerbaar, als \(role.label.lowercased()).
                Maak uw account met deze link; hij werkt één keer en is 72 uur geldig:

                \(link)

                Verwachtte u deze uitnodiging niet? Dan kunt u deze e-mail negeren.
                """))
        } catch TokenProblem.emailTaken {
            model.errors["email"] = TokenProblem.emailTaken.message
            return Self.page(UsersPage.render(model, site: site), status: .unprocessableContent)
        } catch let error as SMTPError {
            context.logger.error("Sending an invitation failed", metadata: ["error": "\(error)"])
            model.message = "De uitnodiging is aangemaakt, maar de e-mail kon niet worden verstuurd. Probeer het later opnieuw."
            return Self.page(UsersPage.render(model, site: site), status: .badGateway)
        }
        await record(.invited, by: visitor.account, subject: address.description,
                     details: role.rawValue + (model.provider.isEmpty || role != .partnerEditor ? "" : " van \(model.provider)"), context: context)
        return Self.redirect("/beheer/gebruikers?uitgenodigd")
    }

    func invitation(_ route: Route, _ request: Request, _ context: Context, form: QueryString) async throws -> Response {
        let token = try context.parameters.require("token")
        let action = "/beheer/uitnodiging/\(token)"
        let found = try await portal.links.usable(token, .invitation)
        guard case .success(let invitation) = found else {
            let problem: TokenProblem = if case .failure(let problem) = found { problem } else { .unknownOrUsed }
            return Self.page(InvitationPage.render(invitation: nil, problem: problem.message, name: "", passwordError: nil, action: action,
                                                   csrf: "", site: site), status: .gone)
        }
        if route.action == .invitationForm {
            return anonymousForm {
                InvitationPage.render(invitation: invitation, problem: nil, name: invitation.name, passwordError: nil, action: action, csrf: $0,
                                      site: self.site)
            }
        }
        guard anonymousFormIsGenuine(request, form) else {
            return anonymousForm(status: .forbidden) {
                InvitationPage.render(invitation: invitation, problem: nil, name: form.first("naam") ?? invitation.name,
                                      passwordError: "Het formulier was verlopen. Kies uw wachtwoord opnieuw.", action: action, csrf: $0, site: self.site)
            }
        }
        let name = String((form.first("naam") ?? "").prefix(200))
        switch try await portal.links.accept(token, name: name, password: String((form.first("wachtwoord") ?? "").prefix(200))) {
        case .success(let account):
            await record(.accountCreated, by: account, subject: account.email, details: account.role.rawValue, context: context)
            return Self.redirect("/beheer/inloggen?account")
        case .failure(.password(let problem)):
            return anonymousForm(status: .unprocessableContent) {
                InvitationPage.render(invitation: invitation, problem: nil, name: name, passwordError: problem, action: action, csrf: $0, site: self.site)
            }
        case .failure(let problem):
            return Self.page(InvitationPage.render(invitation: nil, problem: problem.message, name: "", passwordError: nil, action: action,
                                                   csrf: "", site: site), status: .gone)
        }
    }

    func requestReset(_ request: Request, _ context: Context, form: QueryString) async throws -> Response {
        guard anonymousFormIsGenuine(request, form) else {
            return anonymousForm(status: .forbidden) { ResetPages.request(message: "Het formulier was verlopen. Probeer het nog eens.", csrf: $0, site: self.site) }
        }
        let email = String((form.first("email") ?? "").prefix(254))
        if let address = try? MailAddress(email),
           let (token, account) = try await portal.links.requestReset(email: address.description, client: site.trustedProxies.client(of: request, context)) {
            let link = site.absolute("/beheer/wachtwoord-herstellen/\(token)")
            do {
                try await portal.anonymousMailer.send(MailMessage(
                    from: portal.mailFrom, fromName: "Weerbaar", to: [address], subject: "Nieuw wachtwoord voor Weerbaar",
                    text: """
                    Beste \(account.name),

                    Iemand heeft een nieuw wachtwoord gevraagd voor uw account bij Weerbaar. Kies het met deze link;
                    hij werkt één keer en is één uur geldig:

                    \(link)

                    Heeft u dit niet gevraagd? Dan kunt u deze e-mail negeren; uw wachtwoord blijft hetzelfde.
                    """))
            } catch {
                context.logger.error("Sending a reset link failed", metadata: ["error": "\(error)"])
            }
        }
        // The same answer whether or not the address has an account.
        return anonymousForm {
            ResetPages.request(message: "Als er een account is met dit e-mailadres, hebben we een link gestuurd. Kijk ook in de map met ongewenste e-mail.",
                               csrf: $0, site: self.site)
        }
    }

    func reset(_ route: Route, _ request: Request, _ context: Context, form: QueryString) async throws -> Response {
        let token = try context.parameters.require("token")
        let action = "/beheer/wachtwoord-herstellen/\(token)"
        let found = try await portal.links.usable(token, .reset)
        guard case .success = found else {
            let problem: TokenProblem = if case .failure(let problem) = found { problem } else { .unknownOrUsed }
            return Self.page(ResetPages.choose(valid: false, problem: problem.message, passwordError: nil, action: action, csrf: "", site: site),
                             status: .gone)
        }
        if route.action == .resetForm {
            return anonymousForm { ResetPages.choose(valid: true, problem: nil, passwordError: nil, action: action, csrf: $0, site: self.site) }
        }
        guard anonymousFormIsGenuine(request, form) else {
            return anonymousForm(status: .forbidden) {
                ResetPages.choose(valid: true, problem: nil, passwordError: "Het formulier was verlopen. Probeer het nog eens.", action: action,
                                  csrf: $0, site: self.site)
            }
        }
        switch try await portal.links.completeReset(token, password: String((form.first("wachtwoord") ?? "").prefix(200))) {
        case .success(let account):
            await record(.passwordReset, by: account, subject: account.email, context: context)
            return Self.redirect("/beheer/inloggen?hersteld")
        case .failure(.password(let problem)):
            return anonymousForm(status: .unprocessableContent) {
                ResetPages.choose(valid: true, problem: nil, passwordError: problem, action: action, csrf: $0, site: self.site)
            }
        case .failure(let problem):
            return Self.page(ResetPages.choose(valid: false, problem: problem.message, passwordError: nil, action: action, csrf: "", site: site),
                             status: .gone)
        }
    }

    // MARK: - Forms before sign-in

    /// A form for someone not signed in, with a fresh double-submit token: the same value in a cookie
    /// and in the form.
    func anonymousForm(status: HTTPResponse.Status = .ok, _ render: (String) -> String) -> Response {
        let token = Tokens.random()
        var response = Self.page(render(token), status: status)
        response.setCookie(cookie(PortalContext.formCookie, token, path: "/beheer"))
        return response
    }

    func anonymousFormIsGenuine(_ request: Request, _ form: QueryString) -> Bool {
        guard let token = form.first("csrf"), let cookie = request.cookies[PortalContext.formCookie]?.value else { return false }
        return !token.isEmpty && Tokens.equal(token, cookie)
    }

    // MARK: - Signing in

    func signInForm(email: String, message: String?, isError: Bool, status: HTTPResponse.Status = .ok) -> Response {
        anonymousForm(status: status) { SignInPage.render(.init(email: email, csrfToken: $0, message: message, isError: isError), site: self.site) }
    }

    func signIn(_ request: Request, _ context: Context, form: QueryString, visitor: Visitor?) async throws -> Response {
        // Double-submit: the form's token must equal the cookie set with the form.
        guard anonymousFormIsGenuine(request, form) else {
            return signInForm(email: form.first("email") ?? "", message: "Het formulier was verlopen. Probeer het nog eens.",
                              isError: true, status: .forbidden)
        }
        let email = String((form.first("email") ?? "").prefix(254))
        let password = String((form.first("wachtwoord") ?? "").prefix(200))
        let outcome = try await portal.signIn.signIn(email: email, password: password, client: site.trustedProxies.client(of: request, context))
        switch outcome {
        case .signedIn(let token, _, _), .secondFactorRequired(let token, _, _):
            // A fresh session id at every sign-in (no fixation); an old session of this browser ends.
            if let visitor { try await portal.accounts.deleteSession(id: visitor.session.id) }
            let next: String = if case .secondFactorRequired = outcome { "/beheer/tweede-stap" } else { "/beheer" }
            if case .signedIn(_, _, let account) = outcome { await record(.signedIn, by: account, context: context) }
            var response = Self.redirect(next)
            response.setCookie(self.cookie(PortalContext.sessionCookie, token, path: "/"))
            response.setCookie(expiredCookie(PortalContext.formCookie, path: "/beheer"))
            return response
        case .refused:
            // The same words whether the address has an account or not.
            return signInForm(email: email, message: "Het e-mailadres of het wachtwoord klopt niet.", isError: true, status: .unauthorized)
        case .locked(let until):
            await record(.signInLocked, by: nil, subject: email, context: context)
            return signInForm(email: email, message: "Te veel mislukte pogingen. U kunt het om \(DutchFormat.time(until)) opnieuw proberen.",
                              isError: true, status: .tooManyRequests)
        }
    }

    func visitor(_ request: Request) async throws -> Visitor? {
        guard let token = request.cookies[PortalContext.sessionCookie]?.value,
            let (session, account) = try await portal.signIn.session(token: token)
        else { return nil }
        return Visitor(session: session, account: account)
    }

    // MARK: - Responses

    func forbidden(_ message: String) throws -> Response {
        Self.page(ErrorPage.forbidden(site: site, message: message), status: .forbidden)
    }

    static func page(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        var response = Responses.html(html, status: status)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }

    func cookie(_ name: String, _ value: String, path: String) -> Cookie {
        Cookie(name: name, value: value, path: path, secure: portal.secureCookies, httpOnly: true, sameSite: .lax)
    }

    func expiredCookie(_ name: String, path: String = "/") -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: path, secure: portal.secureCookies, httpOnly: true, sameSite: .lax)
    }
}
