import Catalogue
import CatalogueService
import Foundation
import Handbook
import Markup
import Plot

/// The redactie's pages for learning routes and the contact points per theme.
enum CompositionPages {
    struct RouteForm {
        var csrf: String
        var isNew: Bool
        var slug = "", title = "", theme = "", audience = "", introduction = "", steps = ""
        var errors = FormErrors()

        init(csrf: String, isNew: Bool) {
            self.csrf = csrf
            self.isNew = isNew
        }

        init(route: LearningRoute, csrf: String) {
            self.init(csrf: csrf, isNew: false)
            slug = route.slug
            title = route.title
            theme = route.theme
            audience = route.audience
            introduction = route.introduction
            steps = route.steps.map { "\($0.offering) | \($0.note)" }.joined(separator: "\n")
        }
    }

    static func crumbs(_ current: String) -> Node<HTML.BodyContext> {
        .nav(.class("breadcrumbs"), .aria("label", "Kruimelpad"),
             .ol(.li(.a(.href(PortalPaths.dashboard()), .safeText("Beheer"))), .li(.a(.href(HandbookPortalPaths.entries()), .safeText("Handboek"))),
                 .li(.aria("current", "page"), .safeText(current))))
    }

    static func routes(_ handbook: Handbook, csrf: String, message: String?, site: SiteServices) -> String {
        let meta = PageMeta(title: "Leerroutes samenstellen", description: "Leerroutes en contactpunten per thema.", path: HandbookPortalPaths.routes(), noIndex: true)
        let taxonomy = site.catalogue.taxonomy
        return Layout.render(meta, site: site, content: .group(
            crumbs("Leerroutes en contactpunten"),
            .h1(.safeText("Leerroutes en contactpunten")),
            .unwrap(message) { .div(.class("notice notice--info"), .role("status"), .p(.safeText($0))) },
            .p(.a(.class("button"), .href(HandbookPortalPaths.newRoute()), .safeText("Nieuwe leerroute"))),
            .table(.class("portal-table"), .caption(.safeText("Leerroutes (\(handbook.routes.count))")),
                   .thead(.tr(.th(.safeText("Titel")), .th(.safeText("Thema")), .th(.safeText("Doelgroep")), .th(.safeText("Stappen")))),
                   .tbody(.forEach(handbook.routes) { route in
                       .tr(.td(.a(.href(esc(HandbookPortalPaths.route(route.slug))), .safeText(route.title))),
                           .td(.safeText(taxonomy.label(.theme, route.theme))), .td(.safeText(taxonomy.label(.audience, route.audience))),
                           .td(.safeText(String(route.steps.count))))
                   })),
            .h2(.safeText("Contactpunten per thema")),
            .p(.safeText("Op elke themapagina staan de contactpunten die u hier kiest, in uw volgorde.")),
            .ul(.class("inline-links"), .forEach(taxonomy.terms(.theme)) { theme in
                .li(.a(.href(esc(HandbookPortalPaths.experts(theme.slug))),
                       .safeText("\(theme.label) (\(handbook.experts(forTheme: theme.slug).count))")))
            })))
    }

    static func routeForm(_ model: RouteForm, site: SiteServices) -> String {
        let action = model.isNew ? HandbookPortalPaths.newRoute() : HandbookPortalPaths.route(model.slug)
        let meta = PageMeta(title: model.isNew ? "Nieuwe leerroute" : "Leerroute bewerken", description: "Een leerroute samenstellen.", path: action, noIndex: true)
        let taxonomy = site.catalogue.taxonomy
        let errors = model.errors
        return Layout.render(meta, site: site, content: .group(
            crumbs(model.isNew ? "Nieuwe leerroute" : model.title),
            .h1(.safeText(model.isNew ? "Nieuwe leerroute" : "Leerroute bewerken")),
            FormControls.errorSummary(errors) { ["kenmerk": "Kenmerk", "titel": "Titel", "thema": "Thema", "doelgroep": "Doelgroep",
                                                      "inleiding": "Inleiding", "stappen": "Stappen"][$0] ?? $0 },
            .form(.class("portal-form portal-form--wide"), .action(esc(action)), .method(.post), .attr("novalidate", "novalidate"),
                PortalFields.csrf(model.csrf),
                .if(model.isNew, FormControls.input("kenmerk", "Kenmerk", value: model.slug, error: errors["kenmerk"],
                                                          hint: "Kleine letters en koppeltekens; wordt het adres /leerroutes/…")),
                FormControls.input("titel", "Titel", value: model.title, error: errors["titel"]),
                FormControls.select("thema", "Thema", value: model.theme, error: errors["thema"],
                                        options: taxonomy.terms(.theme).map { ($0.slug, $0.label) }, empty: "Kies een thema"),
                FormControls.select("doelgroep", "Doelgroep", value: model.audience, error: errors["doelgroep"],
                                        options: taxonomy.terms(.audience).map { ($0.slug, $0.label) }, empty: "Kies een doelgroep"),
                FormControls.textarea("inleiding", "Inleiding", value: model.introduction, error: errors["inleiding"], hint: "Een of twee zinnen: voor wie, wat men leert.", rows: 3),
                FormControls.textarea("stappen", "Stappen, in volgorde", value: model.steps, error: errors["stappen"],
                     hint: "Eén stap per regel: het kenmerk uit de catalogus (aanbieder/kenmerk), een streep | en waarom deze stap. Van basis naar expert; eindig met een contactpunt.",
                     rows: 8),
                .button(.type(.submit), .class("button"), .safeText("Opslaan en publiceren")))))
    }

    static func expertsForm(theme: Term, text: String, error: String?, message: String?, csrf: String, site: SiteServices) -> String {
        let meta = PageMeta(title: "Contactpunten bij \(theme.label)", description: "De contactpunten op de themapagina.",
                            path: HandbookPortalPaths.experts(theme.slug), noIndex: true)
        let candidates = site.catalogue.offerings { $0.kind == "contactpunt" && $0.themes.contains(theme.slug) }.sorted { $0.title < $1.title }
        return Layout.render(meta, site: site, content: .group(
            crumbs("Contactpunten bij \(theme.label)"),
            .h1(.safeText("Contactpunten bij \(theme.label)")),
            .unwrap(message) { .div(.class("notice notice--info"), .role("status"), .p(.safeText($0))) },
            .form(.class("portal-form portal-form--wide"), .action(esc(HandbookPortalPaths.experts(theme.slug))), .method(.post),
                PortalFields.csrf(csrf),
                FormControls.textarea("contactpunten", "Contactpunten, in volgorde", value: text, error: error,
                     hint: "Eén per regel: aanbieder/kenmerk | voor welke vraag | hoe bereikt u hen | hoe snel antwoorden ze. Leeg: geen kaart op de themapagina.",
                     rows: 6),
                .button(.type(.submit), .class("button"), .safeText("Opslaan en publiceren"))),
            .h2(.safeText("Contactpunten bij dit thema in de catalogus")),
            .ul(.forEach(candidates) { offering in .li(.code(.safeText("\(offering.provider)/\(offering.id)")), .safeText(" — \(offering.title)")) })))
    }
}
