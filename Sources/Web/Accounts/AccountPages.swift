import Markup
import Accounts
import Catalogue
import CatalogueService
import Foundation
import Plot

/// A password field with its rules beside it, and the message when the chosen one was refused.
enum PortalFields {
    static func password(id: String, label: String, error: String?) -> Node<HTML.FormContext> {
        .div(.class(error == nil ? "field" : "field field--error"),
             .label(.for(id), .safeText(label)),
             .p(.id("\(id)-uitleg"), .class("hint"),
                .safeText("Minstens \(PasswordPolicy.minimumLength) tekens. Een zin van een paar woorden is sterk en goed te onthouden.")),
             .unwrap(error) { .p(.id("\(id)-fout"), .class("field__error"), .safeText($0)) },
             error == nil
                ? .input(.type(.password), .id(id), .name(id), .attr("autocomplete", "new-password"), .attr("required", "required"),
                         .attr("maxlength", "200"), .aria("describedby", "\(id)-uitleg"))
                : .input(.type(.password), .id(id), .name(id), .attr("autocomplete", "new-password"), .attr("required", "required"),
                         .attr("maxlength", "200"), .aria("describedby", "\(id)-uitleg \(id)-fout"), .aria("invalid", "true")))
    }

    static func text(id: String, label: String, value: String, autocomplete: String, error: String? = nil) -> Node<HTML.FormContext> {
        .div(.class(error == nil ? "field" : "field field--error"),
             .label(.for(id), .safeText(label)),
             .unwrap(error) { .p(.id("\(id)-fout"), .class("field__error"), .safeText($0)) },
             error == nil
                ? .input(.type(.text), .id(id), .name(id), .value(esc(value)), .attr("autocomplete", autocomplete), .attr("maxlength", "254"))
                : .input(.type(.text), .id(id), .name(id), .value(esc(value)), .attr("autocomplete", autocomplete), .attr("maxlength", "254"),
                         .aria("describedby", "\(id)-fout"), .aria("invalid", "true")))
    }

    /// The role of an account, as a select.
    static func role(selected: String, error: String?) -> Node<HTML.FormContext> {
        .div(.class(error == nil ? "field" : "field field--error"),
             .label(.for("rol"), .safeText("Rol")),
             .unwrap(error) { .p(.id("rol-fout"), .class("field__error"), .safeText($0)) },
             .select(.id("rol"), .attr("name", "rol"), .group(Role.allCases.map { role in
                 .element(named: "option", nodes: [.attr("value", role.rawValue), role.rawValue == selected ? .attribute(named: "selected") : .empty,
                                                   .safeText(role.label)])
             })))
    }

    /// The provider a partner editor belongs to, as a select with "–" for none.
    static func provider(selected: String, error: String?, taxonomy: Taxonomy) -> Node<HTML.FormContext> {
        .div(.class(error == nil ? "field" : "field field--error"),
             .label(.for("aanbieder"), .safeText("Aanbieder (voor een partner-redacteur)")),
             .unwrap(error) { .p(.id("aanbieder-fout"), .class("field__error"), .safeText($0)) },
             .select(.id("aanbieder"), .attr("name", "aanbieder"),
                     .element(named: "option", nodes: [.attrKeepingEmpty("value", ""), .safeText("–")]),
                     .group(taxonomy.providers.map { provider in
                         .element(named: "option", nodes: [.attr("value", esc(provider.slug)),
                                                           provider.slug == selected ? .attribute(named: "selected") : .empty,
                                                           .safeText(provider.name)])
                     })))
    }

    static func csrf(_ token: String) -> Node<HTML.FormContext> {
        .input(.type(.hidden), .name("csrf"), .value(esc(token)))
    }
}

/// `/beheer/uitnodiging/{token}`: choose a name and password, and the account exists.
enum InvitationPage {
    static func render(invitation: AccountToken?, problem: String?, name: String, passwordError: String?, action: String, csrf: String,
                       site: SiteServices) -> String {
        let meta = PageMeta(title: "Uitnodiging aannemen", description: "Maak uw account voor het beheer van Weerbaar.", path: PortalPaths.dashboard(), noIndex: true)
        guard let invitation else {
            return Layout.render(meta, site: site, content: .group(
                .h1(.safeText("Uitnodiging")),
                .div(.class("notice"), .role("alert"), .p(.safeText(problem ?? TokenProblem.unknownOrUsed.message))),
                .p(.a(.href(AccountPaths.signIn()), .safeText("Naar inloggen")))))
        }
        return Layout.render(meta, site: site, content: .group(
            .h1(.safeText("Welkom bij het beheer van Weerbaar")),
            .p(.safeText("U bent uitgenodigd als \(invitation.role.label.lowercased())"
                + (invitation.provider.map { " van \(site.catalogue.taxonomy.provider($0)?.name ?? $0)" } ?? "")
                + " met het adres \(invitation.email). Kies uw naam zoals collega's die zien, en een wachtwoord.")),
            .form(.class("portal-form"), .action(esc(action)), .method(.post),
                  PortalFields.csrf(csrf),
                  PortalFields.text(id: "naam", label: "Naam", value: name, autocomplete: "name"),
                  PortalFields.password(id: "wachtwoord", label: "Wachtwoord", error: passwordError),
                  .button(.type(.submit), .class("button"), .safeText("Account maken")))))
    }
}

/// `/beheer/wachtwoord-vergeten` and `/beheer/wachtwoord-herstellen/{token}`.
enum ResetPages {
    static func request(message: String?, csrf: String, site: SiteServices) -> String {
        let meta = PageMeta(title: "Wachtwoord vergeten", description: "Vraag een nieuw wachtwoord aan.", path: AccountPaths.resetRequest(), noIndex: true)
        return Layout.render(meta, site: site, content: .group(
            .h1(.safeText("Wachtwoord vergeten")),
            .unwrap(message) { .div(.class("notice notice--info"), .role("status"), .p(.safeText($0))) },
            .p(.safeText("Vul het e-mailadres van uw account in. U krijgt een link om een nieuw wachtwoord te kiezen; die werkt één keer en één uur lang.")),
            .form(.class("portal-form"), .action(AccountPaths.resetRequest()), .method(.post),
                  PortalFields.csrf(csrf),
                  PortalFields.text(id: "email", label: "E-mailadres", value: "", autocomplete: "username"),
                  .button(.type(.submit), .class("button"), .safeText("Stuur de link")))))
    }

    static func choose(valid: Bool, problem: String?, passwordError: String?, action: String, csrf: String, site: SiteServices) -> String {
        let meta = PageMeta(title: "Nieuw wachtwoord", description: "Kies een nieuw wachtwoord.", path: PortalPaths.dashboard(), noIndex: true)
        guard valid else {
            return Layout.render(meta, site: site, content: .group(
                .h1(.safeText("Nieuw wachtwoord")),
                .div(.class("notice"), .role("alert"), .p(.safeText(problem ?? TokenProblem.unknownOrUsed.message))),
                .p(.a(.href(AccountPaths.resetRequest()), .safeText("Een nieuwe link aanvragen")))))
        }
        return Layout.render(meta, site: site, content: .group(
            .h1(.safeText("Nieuw wachtwoord")),
            .p(.safeText("Na het opslaan bent u overal uitgelogd en logt u in met het nieuwe wachtwoord.")),
            .form(.class("portal-form"), .action(esc(action)), .method(.post),
                  PortalFields.csrf(csrf),
                  PortalFields.password(id: "wachtwoord", label: "Nieuw wachtwoord", error: passwordError),
                  .button(.type(.submit), .class("button"), .safeText("Wachtwoord opslaan")))))
    }
}

/// `/beheer/gebruikers`: who has an account, and inviting someone (beheerders only).
enum UsersPage {
    struct Model {
        var accounts: [Account]
        var csrf: String
        var message: String?
        var errors: [String: String] = [:]
        var email = "", name = "", role = Role.partnerEditor.rawValue, provider = ""
        /// Invitations nobody has accepted yet, expired ones included.
        var invitations: [AccountToken] = []
        var now = Date()
    }

    static func render(_ model: Model, site: SiteServices) -> String {
        let meta = PageMeta(title: "Gebruikers", description: "Gebruikers van het beheer.", path: AccountPaths.users(), noIndex: true)
        return Layout.render(meta, site: site, content: .group(
            .h1(.safeText("Gebruikers")),
            .unwrap(model.message) { .div(.class("notice notice--info"), .role("status"), .p(.safeText($0))) },
            .table(.class("portal-table"),
                   .caption(.safeText("Accounts (\(model.accounts.count))")),
                   .thead(.tr(.th(.safeText("Naam")), .th(.safeText("E-mailadres")), .th(.safeText("Rol")), .th(.safeText("Aanbieder")),
                              .th(.safeText("Tweede stap")), .th(.safeText("Status")), .th(.span(.class("visually-hidden"), .safeText("Acties"))))),
                   .tbody(.forEach(model.accounts) { account in
                       .tr(.td(.safeText(account.name)), .td(.safeText(account.email)), .td(.safeText(account.role.label)),
                           .td(.safeText(account.provider.map { site.catalogue.taxonomy.provider($0)?.abbreviation ?? $0 } ?? "–")),
                           .td(.safeText(account.hasSecondFactor ? "aan" : "uit")),
                           .td(.safeText(account.disabled ? "geblokkeerd" : "actief")),
                           .td(.a(.href(esc(AccountPaths.user(account.id.uuidString))),
                                  .safeText("Wijzigen"), .span(.class("visually-hidden"), .safeText(" (\(account.name))")))))
                   })),
            invitations(model, site: site),
            .h2(.safeText("Iemand uitnodigen")),
            .p(.safeText("De uitnodiging gaat per e-mail en is 72 uur geldig.")),
            .form(.class("portal-form"), .action(AccountPaths.invite()), .method(.post),
                  PortalFields.csrf(model.csrf),
                  PortalFields.text(id: "email", label: "E-mailadres", value: model.email, autocomplete: "off", error: model.errors["email"]),
                  PortalFields.text(id: "naam", label: "Naam", value: model.name, autocomplete: "off", error: model.errors["naam"]),
                  PortalFields.role(selected: model.role, error: nil),
                  PortalFields.provider(selected: model.provider, error: model.errors["aanbieder"], taxonomy: site.catalogue.taxonomy),
                  .button(.type(.submit), .class("button"), .safeText("Uitnodiging versturen")))))
    }
}

extension UsersPage {
    /// Open invitations, each with "opnieuw versturen" (a new link, the old one stops) and "intrekken".
    static func invitations(_ model: Model, site: SiteServices) -> Node<HTML.BodyContext> {
        guard !model.invitations.isEmpty else { return .p(.safeText("Er staan geen uitnodigingen open.")) }
        return .table(.class("portal-table"),
            .caption(.safeText("Openstaande uitnodigingen (\(model.invitations.count))")),
            .thead(.tr(.th(.safeText("Naam")), .th(.safeText("E-mailadres")), .th(.safeText("Rol")), .th(.safeText("Geldig tot")),
                       .th(.span(.class("visually-hidden"), .safeText("Acties"))))),
            .tbody(.forEach(model.invitations) { invitation in
                let id = invitation.id.uuidString
                let role = invitation.role.label + (invitation.provider.map { " van " + (site.catalogue.taxonomy.provider($0)?.abbreviation ?? $0) } ?? "")
                return .tr(.td(.safeText(invitation.name)), .td(.safeText(invitation.email)), .td(.safeText(role)),
                    .td(.safeText(invitation.isUsable(at: model.now) ? DutchFormat.dateTime(invitation.expiresAt) : "verlopen")),
                    .td(.div(.class("portal-actions"),
                        .form(.action(esc(AccountPaths.resendInvitation(id))), .method(.post), PortalFields.csrf(model.csrf),
                              .button(.type(.submit), .class("button button--secondary button--small"), .safeText("Opnieuw versturen"),
                                      .span(.class("visually-hidden"), .safeText(" (\(invitation.email))")))),
                        .form(.action(esc(AccountPaths.withdrawInvitation(id))), .method(.post), PortalFields.csrf(model.csrf),
                              .button(.type(.submit), .class("button button--secondary button--small"), .safeText("Intrekken"),
                                      .span(.class("visually-hidden"), .safeText(" (\(invitation.email))")))))))
            }))
    }
}

/// `/beheer/gebruikers/{id}`: a beheerder changes someone's role or provider, or blocks the account.
enum UserPage {
    struct Model {
        var account: Account
        var csrf: String
        var role: String
        var provider: String
        var disabled: Bool
        var errors: [String: String] = [:]
    }

    static func render(_ model: Model, site: SiteServices) -> String {
        let meta = PageMeta(title: "Account van \(model.account.name)", description: "Een account wijzigen.", path: AccountPaths.users(), noIndex: true)
        let account = model.account
        return Layout.render(meta, site: site, content: .group(
            .h1(.safeText("Account van \(account.name)")),
            .p(.safeText("\(account.email) · tweede stap \(account.hasSecondFactor ? "aan" : "uit")")),
            .form(.class("portal-form"), .action(esc(AccountPaths.user(account.id.uuidString))), .method(.post),
                  PortalFields.csrf(model.csrf),
                  PortalFields.role(selected: model.role, error: model.errors["rol"]),
                  PortalFields.provider(selected: model.provider, error: model.errors["aanbieder"], taxonomy: site.catalogue.taxonomy),
                  .div(.class("checkbox"),
                       .input(.type(.checkbox), .id("geblokkeerd"), .name("geblokkeerd"), .value("ja"), .checked(model.disabled)),
                       .label(.for("geblokkeerd"), .safeText("Geblokkeerd: kan niet inloggen; lopende sessies eindigen"))),
                  .button(.type(.submit), .class("button"), .safeText("Opslaan"))),
            .if(account.hasSecondFactor, .group(
                .h2(.safeText("Tweede stap wissen")),
                .p(.safeText("Is \(account.name) de telefoon én de herstelcodes kwijt? Wis dan de tweede stap. Lopende sessies eindigen; "
                    + (account.role.requiresSecondFactor ? "bij de volgende keer inloggen stelt \(account.name) de tweede stap opnieuw in."
                                                          : "\(account.name) kan de tweede stap daarna opnieuw instellen.")
                    + " Controleer eerst, bijvoorbeeld telefonisch, dat het verzoek echt van \(account.name) komt.")),
                .form(.action(esc(AccountPaths.resetSecondFactor(account.id.uuidString))), .method(.post),
                      PortalFields.csrf(model.csrf),
                      .button(.type(.submit), .class("button button--secondary"), .safeText("Tweede stap wissen"))))),
            .p(.a(.href(AccountPaths.users()), .safeText("Terug naar gebruikers")))))
    }
}
