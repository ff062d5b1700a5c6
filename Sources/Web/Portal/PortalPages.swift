import Accounts
import Catalogue
import CatalogueService
import Plot

/// The portal's pages. They are never cached: each carries a CSRF token.
enum SignInPage {
    struct Model {
        var email: String
        var csrfToken: String
        /// A Dutch message above the form: wrong credentials, a lockout, signed out.
        var message: String?
        var isError: Bool
    }

    static func render(_ model: Model, site: SiteContext) -> String {
        let meta = PageMeta(title: "Inloggen", description: "Inloggen op het beheer van Weerbaar.", path: "/beheer/inloggen", noIndex: true)
        return Layout.render(meta, site: site, content: .group(
            .h1(.safeText("Inloggen")),
            .p(.safeText("Voor partner-redacteuren, redacteuren en beheerders van Weerbaar. Een account krijgt u op uitnodiging.")),
            .unwrap(model.message) { message in
                model.isError
                    ? .div(.class("notice"), .role("alert"), .p(.safeText(message)))
                    : .div(.class("notice notice--info"), .role("status"), .p(.safeText(message)))
            },
            .form(
                .class("portal-form"), .action("/beheer/inloggen"), .method(.post),
                .input(.type(.hidden), .name("csrf"), .value(esc(model.csrfToken))),
                .div(.class("field"),
                     .label(.for("email"), .safeText("E-mailadres")),
                     // type=text with inputmode=email: the validator allows autocomplete=username only on text,
                     // and password managers look for username.
                     .input(.type(.text), .attr("inputmode", "email"), .attr("spellcheck", "false"), .attr("autocapitalize", "none"),
                            .id("email"), .name("email"), .value(esc(model.email)), .attr("autocomplete", "username"),
                            .attr("required", "required"), .attr("maxlength", "254"))),
                .div(.class("field"),
                     .label(.for("wachtwoord"), .safeText("Wachtwoord")),
                     .input(.type(.password), .id("wachtwoord"), .name("wachtwoord"), .attr("autocomplete", "current-password"),
                            .attr("required", "required"), .attr("maxlength", "200"))),
                .button(.type(.submit), .class("button"), .safeText("Inloggen"))
            ),
            .p(.a(.href("/beheer/wachtwoord-vergeten"), .safeText("Wachtwoord vergeten?")))
        ))
    }
}

enum DashboardPage {
    struct Model {
        var account: Account
        var csrfToken: String
        var message: String? = nil
    }

    static func render(_ model: Model, site: SiteContext) -> String {
        let meta = PageMeta(title: "Beheer", description: "Het beheer van Weerbaar.", path: "/beheer", noIndex: true)
        let account = model.account
        return Layout.render(meta, site: site, content: .group(
            .h1(.safeText("Beheer")),
            .unwrap(model.message) { .div(.class("notice notice--info"), .role("status"), .p(.safeText($0))) },
            .p(.safeText("U bent ingelogd als \(account.name) (\(account.email)), \(account.role.label.lowercased())"
                + (account.provider.map { " van \(site.catalogue.taxonomy.provider($0)?.name ?? $0)" } ?? "") + ".")),
            .ul(.class("inline-links"),
                .li(.a(.href("/beheer/aanbod"), .safeText(account.role == .partnerEditor ? "Uw aanbod beheren" : "Aanbod beheren"))),
                .if(account.role == .editor, .li(.a(.href("/beheer/nieuwsbrief"), .safeText("Nieuwsbrief WeerbaarNL")))),
                .if(account.role == .administrator, .li(.a(.href("/beheer/gebruikers"), .safeText("Gebruikers en uitnodigingen")))),
                .if(account.role == .administrator, .li(.a(.href("/beheer/aanbieders"), .safeText("Aanbieders")))),
                .if(account.role == .administrator, .li(.a(.href("/beheer/lijsten"), .safeText("Lijsten (thema’s, doelgroepen, …)")))),
                .if(account.role == .administrator, .li(.a(.href("/beheer/logboek"), .safeText("Logboek")))),
                .li(.a(.href("/beheer/tweede-stap-instellen"),
                       .safeText(account.hasSecondFactor ? "Tweede stap opnieuw instellen (nieuwe telefoon)" : "Tweede stap instellen")))),
            .div(.class("portal-actions"),
                 .form(.action("/beheer/uitloggen"), .method(.post),
                       .input(.type(.hidden), .name("csrf"), .value(esc(model.csrfToken))),
                       .button(.type(.submit), .class("button button--secondary"), .safeText("Uitloggen"))),
                 .form(.action("/beheer/overal-uitloggen"), .method(.post),
                       .input(.type(.hidden), .name("csrf"), .value(esc(model.csrfToken))),
                       .button(.type(.submit), .class("button button--secondary"), .safeText("Overal uitloggen"))))
        ))
    }
}
