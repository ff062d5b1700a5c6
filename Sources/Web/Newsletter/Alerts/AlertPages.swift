import Markup
import Foundation
import Newsletter
import Plot

/// The pages of "Houd mij op de hoogte": sign up for an alert on a search, confirm it, stop it.
enum AlertPages {
    struct SignUp {
        var search: AlertSearch
        var email = ""
        var frequency = AlertFrequency.weekly
        var errors = FormErrors()
        var csrf = ""
    }

    static func signUp(_ model: SignUp, site: SiteServices) -> String {
        let back = model.search.query.isEmpty ? CataloguePaths.finder() : CataloguePaths.finder(query: model.search.query)
        return Layout.render(NewsletterPages.meta("Houd mij op de hoogte", NewsletterPaths.alertSignUp()), site: site, content: .group(
            .h1(.safeText("Houd mij op de hoogte")),
            .p(.class("lead"), .safeText("U krijgt een e-mail als er nieuw aanbod is dat past bij uw zoekopdracht: \(model.search.label). "
                + "Is er niets nieuws, dan krijgt u niets.")),
            FormControls.errorSummary(model.errors, label: { ["email": "E-mailadres", "frequentie": "Hoe vaak"][$0] ?? $0 }),
            .form(.class("portal-form portal-form--wide"), .action(NewsletterPaths.alertSignUp()), .method(.post), .attr("novalidate", "novalidate"),
                  PortalFields.csrf(model.csrf),
                  .input(.type(.hidden), .name("zoekopdracht"), .value(esc(model.search.query))),
                  ProviderFormPage.field("email", "E-mailadres", model.email, error: model.errors["email"], type: "email",
                                         hint: "U krijgt eerst een e-mail om te bevestigen."),
                  .fieldset(.class("field choices"), .id("frequentie"),
                            .legend(.safeText("Hoe vaak")),
                            .forEach(AlertFrequency.allCases) { frequency in
                                .div(.class("checkbox"),
                                     .input(.type(.radio), .id("frequentie-\(frequency.rawValue)"), .name("frequentie"), .value(frequency.rawValue),
                                            .checked(frequency == model.frequency)),
                                     .label(.for("frequentie-\(frequency.rawValue)"), .safeText(frequency.label.prefix(1).uppercased() + frequency.label.dropFirst())))
                            }),
                  NewsletterPages.honeypot(),
                  .button(.type(.submit), .class("button"), .safeText("Houd mij op de hoogte"))),
            .p(.a(.href(esc(back)), .safeText("Terug naar de zoekresultaten"))),
            .p(.safeText("We bewaren uw e-mailadres en deze zoekopdracht, en welk aanbod u al kreeg. In elke e-mail staat een link om te stoppen."))))
    }
}
