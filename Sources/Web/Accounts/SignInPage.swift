import Markup
import Accounts
import Catalogue
import CatalogueService
import Plot

/// The sign-in page. Never cached: it carries a fresh form token.
enum SignInPage {
    struct Model {
        var email: String
        var csrfToken: String
        /// A Dutch message above the form: wrong credentials, a lockout, signed out.
        var message: String?
        var isError: Bool
    }

    static func render(_ model: Model, site: SiteServices) -> String {
        let meta = PageMeta(title: "Inloggen", description: "Inloggen op het beheer van Weerbaar.", path: AccountPaths.signIn(), noIndex: true)
        return Layout.render(meta, site: site, content: .group(
            .h1(.safeText("Inloggen")),
            .p(.safeText("Voor partner-redacteuren, redacteuren en beheerders van Weerbaar. Een account krijgt u op uitnodiging.")),
            .unwrap(model.message) { message in
                model.isError
                    ? .div(.class("notice"), .role("alert"), .p(.safeText(message)))
                    : .div(.class("notice notice--info"), .role("status"), .p(.safeText(message)))
            },
            .form(
                .class("portal-form"), .action(AccountPaths.signIn()), .method(.post),
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
            .p(.a(.href(AccountPaths.resetRequest()), .safeText("Wachtwoord vergeten?")))
        ))
    }
}

/// The messages the sign-in page shows after a redirect.
enum SignInFlash: String, Flash {
    case uitgelogd, account, hersteld
    var text: String {
        switch self {
        case .uitgelogd: "U bent uitgelogd."
        case .account: "Uw account is gemaakt. U kunt nu inloggen."
        case .hersteld: "Uw nieuwe wachtwoord is opgeslagen. U kunt nu inloggen."
        }
    }
}
