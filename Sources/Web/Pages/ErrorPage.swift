import Plot

/// Dutch error pages: what happened, and a way on.
enum ErrorPage {
    static func notFound(site: SiteContext, path: String) -> String {
        let meta = PageMeta(title: "Pagina niet gevonden", description: "Deze pagina bestaat niet (meer).", path: path, noIndex: true)
        let content: Node<HTML.BodyContext> = .group(
            .h1(.text("Pagina niet gevonden")),
            .p(.class("lead"), .text("Deze pagina bestaat niet (meer). Misschien is het adres veranderd of verkeerd overgenomen.")),
            Components.searchForm(id: "zoeken-404", label: "Zoek in het aanbod"),
            .p(.text("Of ga naar "), .a(.href("/"), .text("de startpagina")), .text(", "),
               .a(.href("/themas"), .text("de thema's")), .text(" of "), .a(.href("/aanbieders"), .text("de aanbieders")), .text("."))
        )
        return Layout.render(meta, site: site, content: content)
    }

    static func serverError(site: SiteContext) -> String {
        let meta = PageMeta(title: "Er ging iets mis", description: "Er ging bij ons iets mis.", path: "/", noIndex: true)
        let content: Node<HTML.BodyContext> = .group(
            .h1(.text("Er ging iets mis")),
            .p(.class("lead"), .text("Dat ligt aan ons, niet aan u. Probeer het over een paar minuten opnieuw.")),
            .p(.a(.href("/"), .text("Naar de startpagina")))
        )
        return Layout.render(meta, site: site, content: content)
    }

    static func badRequest(site: SiteContext, message: String) -> String {
        let meta = PageMeta(title: "Dit adres klopt niet", description: message, path: "/", noIndex: true)
        let content: Node<HTML.BodyContext> = .group(
            .h1(.text("Dit adres klopt niet")),
            .p(.class("lead"), .text(message)),
            .p(.a(.href("/aanbod"), .text("Naar het aanbod")))
        )
        return Layout.render(meta, site: site, content: content)
    }
}
