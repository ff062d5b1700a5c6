import Markup
import Plot

/// Dutch error pages: what happened, and a way on.
enum ErrorPage {
    static func notFound(site: SiteServices, path: String) -> String {
        let meta = PageMeta(title: "Pagina niet gevonden", description: "Deze pagina bestaat niet (meer).", path: path, noIndex: true)
        let content: Node<HTML.BodyContext> = .group(
            .h1(.safeText("Pagina niet gevonden")),
            .p(.class("lead"), .safeText("Deze pagina bestaat niet (meer). Misschien is het adres veranderd of verkeerd overgenomen.")),
            Components.searchForm(id: "zoeken-404", label: "Zoek in het aanbod"),
            .p(.safeText("Of ga naar "), .a(.href("/"), .safeText("de startpagina")), .safeText(", "),
               .a(.href(CataloguePaths.themes()), .safeText("de thema's")), .safeText(" of "), .a(.href(CataloguePaths.providers()), .safeText("de aanbieders")), .safeText("."))
        )
        return Layout.render(meta, site: site, content: content)
    }

    static func serverError(site: SiteServices) -> String {
        let meta = PageMeta(title: "Er ging iets mis", description: "Er ging bij ons iets mis.", path: "/", noIndex: true)
        let content: Node<HTML.BodyContext> = .group(
            .h1(.safeText("Er ging iets mis")),
            .p(.class("lead"), .safeText("Dat ligt aan ons, niet aan u. Probeer het over een paar minuten opnieuw.")),
            .p(.a(.href("/"), .safeText("Naar de startpagina")))
        )
        return Layout.render(meta, site: site, content: content)
    }

    static func badRequest(site: SiteServices, message: String) -> String {
        let meta = PageMeta(title: "Dit adres klopt niet", description: message, path: "/", noIndex: true)
        let content: Node<HTML.BodyContext> = .group(
            .h1(.safeText("Dit adres klopt niet")),
            .p(.class("lead"), .safeText(message)),
            .p(.a(.href(CataloguePaths.finder()), .safeText("Naar het aanbod")))
        )
        return Layout.render(meta, site: site, content: content)
    }

    static func forbidden(site: SiteServices, message: String) -> String {
        let meta = PageMeta(title: "Geen toegang", description: message, path: PortalPaths.dashboard(), noIndex: true)
        let content: Node<HTML.BodyContext> = .group(
            .h1(.safeText("Geen toegang")),
            .p(.class("lead"), .safeText(message)),
            .p(.a(.href(PortalPaths.dashboard()), .safeText("Naar het beheer")))
        )
        return Layout.render(meta, site: site, content: content)
    }
}
