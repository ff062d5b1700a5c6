import Accounts
import Audit
import Catalogue
import CatalogueService
import Foundation
import Hummingbird
import Logos

/// Beheerders keep the providers: details, a sanitised logo, and whether a partner publishes without
/// review. The logo itself is public, on the provider's page.
struct ProviderRoutes<Context: RequestContext> {
    let site: SiteServices
    let portal: PortalServices

    var routes: [Route<Context>] {
        [
            Route(.get, ProviderPaths.list, .signedIn(.administrators)) { request in
                Responses.personal(ProvidersPage.render(trusted: try await portal.editorial.trustedProviders(), csrf: request.csrf,
                                                        message: ProvidersFlash.read(request.query)?.text, site: site))
            },
            Route(.get, ProviderPaths.new, .signedIn(.administrators)) { request in
                Responses.personal(ProviderFormPage.render(.init(isNew: true, csrf: request.csrf), site: site))
            },
            Route(.post, ProviderPaths.new, .signedIn(.administrators)) { try await save($0, existing: nil) },
            Route(.get, ProviderPaths.edit, .signedIn(.administrators)) { request in
                Responses.personal(ProviderFormPage.render(ProviderFormPage.model(try provider(request), csrf: request.csrf), site: site))
            },
            Route(.post, ProviderPaths.edit, .signedIn(.administrators)) { try await save($0, existing: try provider($0)) },
            Route(.post, ProviderPaths.trust, .signedIn(.administrators)) { request in
                let slug = try provider(request).slug
                let trusted = request.form.isChecked("vertrouwd")
                try await portal.editorial.setTrusted(slug, trusted)
                await portal.record(.providerChanged, by: request.account, subject: slug,
                                    details: trusted ? "vertrouwd: publiceert zelf" : "publiceert na beoordeling", logger: request.logger)
                return Responses.seeOther(ProviderPaths.list(query: ProvidersFlash.gewijzigd.rawValue))
            },
            Route(.get, ProviderPaths.logo, .everyone) { request in
                let slug = try request.parameter("slug")
                guard let logo = try await portal.providers.logo(slug) else { throw HTTPError(.notFound) }
                // Sanitised when uploaded; still served so that an SVG can never run anything or load anything.
                return Response(status: .ok, headers: [
                    .contentType: logo.contentType, .cacheControl: "public, max-age=300",
                    .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox",
                    .contentDisposition: "inline; filename=\"logo-\(slug).\(logo.contentType == "image/png" ? "png" : "svg")\"",
                ], body: ResponseBody(byteBuffer: ByteBuffer(bytes: logo.data)))
            },
        ]
    }

    func provider(_ request: PortalRequest<Context>) throws -> Provider {
        guard let provider = site.catalogue.taxonomy.provider(try request.parameter("provider")) else { throw HTTPError(.notFound) }
        return provider
    }

    func save(_ request: PortalRequest<Context>, existing: Provider?) async throws -> Response {
        let isNew = existing == nil
        let form = request.form
        var model = ProviderFormPage.Model(isNew: isNew, slug: existing?.slug ?? form.text("kenmerk", .freeText(40)), name: form.text("naam", .name),
                                           abbreviation: form.text("afkorting", .freeText(20)), description: form.text("beschrijving", .freeText(2_000)),
                                           website: form.text("website", .freeText(500)), email: form.text("email", .emailAddress),
                                           phone: form.text("telefoon", .freeText(40)), hasLogo: existing?.hasLogo ?? false, csrf: request.csrf)
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
        if let file = request.files["logo"], !file.data.isEmpty {
            do {
                let clean = try LogoSanitizer.sanitize(file.data)
                logo = ProviderLogo(contentType: clean.format.contentType, data: clean.data)
            } catch {
                model.errors.add("logo", error.message)
            }
        }
        guard model.errors.isEmpty else { return Responses.personal(ProviderFormPage.render(model, site: site), status: .unprocessableContent) }
        let provider = Provider(slug: model.slug, name: model.name, abbreviation: model.abbreviation, description: model.description,
                                website: model.website, email: model.email.isEmpty ? nil : model.email, phone: model.phone.isEmpty ? nil : model.phone)
        do {
            try await portal.providers.save(provider, isNew: isNew)
        } catch ProviderProblem.slugTaken {
            model.errors.add("kenmerk", "Er is al een aanbieder met dit kenmerk.")
            return Responses.personal(ProviderFormPage.render(model, site: site), status: .unprocessableContent)
        }
        if let logo {
            try await portal.providers.setLogo(provider.slug, logo)
        } else if form.isChecked("logo-verwijderen") {
            try await portal.providers.setLogo(provider.slug, nil)
        }
        try await site.catalogue.reload(from: portal.catalogueStore)
        await portal.record(.providerChanged, by: request.account, subject: provider.slug,
                            details: (isNew ? "aangemaakt" : "gegevens gewijzigd") + (logo.map { "; nieuw logo (\($0.contentType))" } ?? ""),
                            logger: request.logger)
        return Responses.seeOther(ProviderPaths.list(query: ProvidersFlash.gewijzigd.rawValue))
    }
}
