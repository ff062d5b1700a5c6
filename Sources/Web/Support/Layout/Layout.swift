import Markup
import Plot

/// The shared page shell: skip link, header with navigation, main, footer. Every page is a `PageMeta`
/// plus the content of `<main>`.
enum Layout {
    static func render(_ meta: PageMeta, site: SiteServices, content: Node<HTML.BodyContext>) -> String {
        let canonical = site.absolute(meta.path)
        let html = HTML(
            .lang(.dutch),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", text: meta.title == "Weerbaar" ? meta.title : "\(meta.title) – Weerbaar"),
                .meta(.name("description"), .content(esc(meta.description))),
                .if(meta.noIndex, .meta(.name("robots"), .content("noindex"))),
                .link(.rel(.canonical), .href(esc(canonical))),
                .meta(.property("og:type"), .content(meta.ogType)),
                .meta(.property("og:title"), .content(esc(meta.title))),
                .meta(.property("og:description"), .content(esc(meta.description))),
                .meta(.property("og:url"), .content(esc(canonical))),
                .meta(.property("og:site_name"), .content("Weerbaar")),
                .meta(.property("og:locale"), .content("nl_NL")),
                .link(.rel(.stylesheet), .href(Assets.path("site.css"))),
                .link(.rel(.alternate), .type("application/atom+xml"), .attr("title", "Nieuw aanbod op Weerbaar"),
                      .href(CataloguePaths.feed())),
                .script(.src(Assets.path("enhance.js")), .attribute(named: "defer")),
                .script(.src(Assets.path("suggest.js")), .attribute(named: "defer")),
                .unwrap(meta.jsonLD) { json in
                    .element(named: "script", nodes: [.attribute(named: "type", value: "application/ld+json"), .raw(json)])
                }
            ),
            .body(
                .a(.class("skip-link"), .href("#inhoud"), .safeText("Naar de inhoud")),
                header(current: meta.section),
                .if(site.isDemo, demoBanner()),
                .main(.id("inhoud"), .attr("tabindex", "-1"), .div(.class("container"), content)),
                footer(newsletterFrom: site.newsletter == nil || meta.path.hasPrefix(PortalPaths.dashboard()) || meta.path.hasPrefix(NewsletterPaths.signUp())
                    ? nil : meta.path)
            )
        )
        return html.render()
    }

    private static func header(current: PageMeta.Section?) -> Node<HTML.BodyContext> {
        func item(_ section: PageMeta.Section, _ path: String, _ label: String) -> Node<HTML.ListContext> {
            .li(.a(.href(path), .if(current == section, .aria("current", "page")), .safeText(label)))
        }
        return .header(
            .class("site-header"),
            .div(
                .class("container site-header__inner"),
                .a(.class("site-logo"), .href("/"),
                   .span(.class("site-logo__name"), .safeText("Weerbaar")),
                   .span(.class("site-logo__tagline"), .safeText("Landelijk aanbod voor sociale stabiliteit"))),
                .nav(
                    .aria("label", "Hoofdmenu"),
                    .ul(.class("site-nav"),
                        item(.offerings, CataloguePaths.finder(), "Aanbod"),
                        item(.guide, QuestionGuidePage.path, "Vraagwijzer"),
                        item(.themes, CataloguePaths.themes(), "Thema's"),
                        item(.providers, CataloguePaths.providers(), "Aanbieders"),
                        item(.practice, KnowledgePaths.practice(), "Praktijk"),
                        item(.agenda, EventPaths.agenda(), "Agenda"),
                        item(.handbook, HandbookPaths.handbook(), "Handboek"))
                )
            )
        )
    }

    /// On an installation that runs on the demo catalogue: the content is example data, not the partners' real offer.
    private static func demoBanner() -> Node<HTML.BodyContext> {
        .element(named: "aside", nodes: [.class("demo-banner"), .aria("label", "Voorbeeldgegevens"),
             .div(.class("container"),
                  .p(.strong(.safeText("Dit is een demonstratie.")),
                     .safeText(" Aanbod, aanbieders en contactgegevens zijn voorbeeldgegevens; gebruik ze niet voor uw werk. "),
                     .a(.href(AboutPaths.about()), .safeText("Meer over Weerbaar")), .safeText(".")))])
    }

    /// `newsletterFrom`: the page's path, which becomes the sign-up's source; nil shows no sign-up form.
    private static func footer(newsletterFrom: String?) -> Node<HTML.BodyContext> {
        .footer(
            .class("site-footer"),
            .div(
                .class("container site-footer__inner"),
                .unwrap(newsletterFrom) { path in
                    .div(
                        .h2(.class("site-footer__title"), .safeText("Nieuwsbrief WeerbaarNL")),
                        // No CSRF token: the page is cached for everyone; the server accepts it as a same-origin post.
                        .form(.class("footer-signup"), .action(NewsletterPaths.signUp()), .method(.post),
                              .input(.type(.hidden), .name("bron"), .value(esc(path))),
                              .label(.for("nieuwsbrief-email"), .safeText("Uw e-mailadres")),
                              .input(.type(.email), .id("nieuwsbrief-email"), .name("email"), .attr("autocomplete", "email"), .attr("required", "required")),
                              NewsletterPages.honeypot(),
                              .button(.type(.submit), .class("button button--secondary"), .safeText("Aanmelden"))),
                        .p(.a(.href(NewsletterPaths.signUp()), .safeText("Meer over de nieuwsbrief en thema’s kiezen"))))
                },
                .div(
                    .h2(.class("site-footer__title"), .safeText("Over Weerbaar")),
                    .p(.safeText("Weerbaar bundelt het aanbod van landelijke partners voor gemeenten die te maken hebben met polarisatie, radicalisering, extremisme, maatschappelijke onrust en afnemend vertrouwen."))
                ),
                .div(
                    .h2(.class("site-footer__title"), .safeText("Meer")),
                    .ul(.class("site-footer__links"),
                        .li(.a(.href(AboutPaths.about()), .safeText("Over Weerbaar"))),
                        .li(.a(.href(AboutPaths.contact()), .safeText("Contact"))),
                        .li(.a(.href(AboutPaths.privacy()), .safeText("Privacyverklaring"))),
                        .li(.a(.href(AboutPaths.accessibility()), .safeText("Toegankelijkheidsverklaring"))),
                        .li(.a(.href(NewsletterPaths.archive()), .safeText("Archief van WeerbaarNL"))),
                        .li(.a(.href(KnowledgePaths.magazine()), .safeText("Magazine en infobladen"))),
                        .li(.a(.href(TipPaths.form()), .safeText("Tip ons: deel een praktijkvoorbeeld"))),
                        .li(.a(.href(EventPaths.agenda()), .safeText("Agenda: themadagen, leernetwerken en webinars"))),
                        .li(.a(.href(SiteSearchPaths.search()), .safeText("Zoeken in alles"))),
                        .li(.a(.href(InsightPaths.publicSurveys()), .safeText("Behoeftepeilingen onder gemeenten"))),
                        .li(.a(.href(CataloguePaths.providers()), .safeText("Alle aanbieders"))),
                        .li(.a(.href(CataloguePaths.feed()), .safeText("Nieuw aanbod (Atom-feed)"))),
                        .li(.a(.href(CataloguePaths.API.openAPI()), .safeText("Open data: de API")))))
            )
        )
    }
}
