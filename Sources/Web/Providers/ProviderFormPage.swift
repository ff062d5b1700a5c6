import Markup
import Catalogue
import CatalogueService
import Foundation
import Logos
import Plot

/// `/beheer/aanbieders/nieuw` and `/beheer/aanbieders/{provider}`: a provider's details and logo.
enum ProviderFormPage {
    struct Model {
        var isNew: Bool
        var slug = "", name = "", abbreviation = "", description = "", website = "", email = "", phone = ""
        var hasLogo = false
        var errors = FormErrors()
        var csrf: String
    }

    static func model(_ provider: Provider, csrf: String) -> Model {
        Model(isNew: false, slug: provider.slug, name: provider.name, abbreviation: provider.abbreviation, description: provider.description,
              website: provider.website, email: provider.email ?? "", phone: provider.phone ?? "", hasLogo: provider.hasLogo, csrf: csrf)
    }

    static func render(_ model: Model, site: SiteServices) -> String {
        let title = model.isNew ? "Nieuwe aanbieder" : "Aanbieder: \(model.name)"
        let meta = PageMeta(title: title, description: "Een aanbieder beheren.", path: ProviderPaths.list(), noIndex: true)
        let action = model.isNew ? ProviderPaths.new() : ProviderPaths.edit(model.slug)
        return Layout.render(meta, site: site, content: .group(
            .nav(.class("breadcrumbs"), .aria("label", "Kruimelpad"),
                 .ol(.li(.a(.href(PortalPaths.dashboard()), .safeText("Beheer"))), .li(.a(.href(ProviderPaths.list()), .safeText("Aanbieders"))),
                     .li(.aria("current", "page"), .safeText(model.isNew ? "Nieuw" : model.name)))),
            .h1(.safeText(title)),
            FormControls.errorSummary(model.errors, label: label),
            .form(.class("portal-form portal-form--wide"), .action(esc(action)), .method(.post), .enctype(.multipartData), .attr("novalidate", "novalidate"),
                  PortalFields.csrf(model.csrf),
                  .if(model.isNew, field("kenmerk", "Kenmerk", model.slug, error: model.errors["kenmerk"], hint: "Kleine letters en koppeltekens, zoals ‘vng’; komt in de webadressen.")),
                  field("naam", "Naam", model.name, error: model.errors["naam"]),
                  field("afkorting", "Afkorting", model.abbreviation, error: model.errors["afkorting"], hint: "Zoals ‘VNG’; staat bij het aanbod in de zoekresultaten."),
                  .div(.class(model.errors["beschrijving"] == nil ? "field" : "field field--error"),
                       .label(.for("beschrijving"), .safeText("Beschrijving")),
                       .unwrap(model.errors["beschrijving"]) { .p(.id("beschrijving-fout"), .class("field__error"), .safeText($0)) },
                       .element(named: "textarea", nodes: [.attr("id", "beschrijving"), .attr("name", "beschrijving"), .attr("rows", "4"),
                                                           .raw("\n"), .safeText(model.description)])),
                  field("website", "Website", model.website, error: model.errors["website"], type: "url"),
                  field("email", "E-mailadres", model.email, error: model.errors["email"], type: "email"),
                  field("telefoon", "Telefoon", model.phone, error: model.errors["telefoon"], type: "tel"),
                  .if(model.hasLogo, .div(.class("field"),
                      .img(.class("provider-logo"), .src(esc(ProviderPaths.logo(model.slug))), .alt(esc("Huidig logo van \(model.name)"))),
                      .div(.class("checkbox"),
                           .input(.type(.checkbox), .id("logo-verwijderen"), .name("logo-verwijderen"), .value("ja")),
                           .label(.for("logo-verwijderen"), .safeText("Logo verwijderen"))))),
                  .div(.class(model.errors["logo"] == nil ? "field" : "field field--error"),
                       .label(.for("logo"), .safeText(model.hasLogo ? "Ander logo" : "Logo")),
                       .p(.id("logo-uitleg"), .class("hint"),
                          .safeText("PNG of SVG, hoogstens \(LogoSanitizer.maxBytes / 1024) kB. Een SVG wordt opgeschoond: alleen tekenelementen blijven over.")),
                       .unwrap(model.errors["logo"]) { .p(.id("logo-fout"), .class("field__error"), .safeText($0)) },
                       .selfClosedElement(named: "input", attributes: [
                           Attribute<HTML.InputContext>.attr("type", "file"), .attr("id", "logo"), .attr("name", "logo"),
                           .attr("accept", ".png,.svg,image/png,image/svg+xml"),
                           .aria("describedby", model.errors["logo"] == nil ? "logo-uitleg" : "logo-uitleg logo-fout"),
                       ])),
                  .button(.type(.submit), .class("button"), .safeText("Opslaan"))),
            .p(.a(.href(ProviderPaths.list()), .safeText("Terug naar de aanbieders")))))
    }

    static func label(_ name: String) -> String {
        ["kenmerk": "Kenmerk", "naam": "Naam", "afkorting": "Afkorting", "beschrijving": "Beschrijving", "website": "Website",
         "email": "E-mailadres", "telefoon": "Telefoon", "logo": "Logo"][name] ?? name
    }

    /// A labelled text input with its hint and its error message, described for screen readers.
    static func field(_ name: String, _ label: String, _ value: String, error: String?, type: String = "text", hint: String? = nil)
        -> Node<HTML.FormContext>
    {
        let described = [hint == nil ? nil : "\(name)-uitleg", error == nil ? nil : "\(name)-fout"].compactMap { $0 }
        var attributes: [Attribute<HTML.InputContext>] = [.attr("type", type), .attr("id", name), .attr("name", name), .attr("value", esc(value))]
        if !described.isEmpty { attributes.append(.aria("describedby", described.joined(separator: " "))) }
        if error != nil { attributes.append(.aria("invalid", "true")) }
        return FormControls.wrapper(name, label, hint: hint, error: error, .selfClosedElement(named: "input", attributes: attributes))
    }
}
