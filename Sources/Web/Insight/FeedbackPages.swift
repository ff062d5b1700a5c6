import Newsletter
import Foundation
import CatalogueService
import Audit
import Accounts
import Catalogue
import Insight
import Markup
import Plot

/// "Was this useful?": the form under an offering, the answer to it, and the portal's counts and
/// moderation of reasons.
enum FeedbackPages {
    struct FormValues {
        var useful = "", reason = "", role = ""
    }

    /// Under every offering page. The page is cached for everyone, so the form carries no
    /// per-visitor token: the post is accepted from this site only (the browser says so).
    static func form(_ offering: Offering, taxonomy: Taxonomy, values: FormValues = FormValues(), errors: FormErrors = FormErrors()) -> Node<HTML.BodyContext> {
        .section(.class("feedback"), .aria("labelledby", "nuttig-kop"),
                 .h2(.id("nuttig-kop"), .safeText("Was dit nuttig?")),
                 FormControls.errorSummary(errors, label: { ["nuttig": "Was dit nuttig?", "reden": "Toelichting", "rol": "Uw rol"][$0] ?? $0 }),
                 .form(.class("portal-form"), .action(InsightPaths.feedback(offering.slug)), .method(.post), .attr("novalidate", "novalidate"),
                       SurveyAnswerPages.choices("nuttig", "Was deze informatie nuttig voor u?", hint: nil,
                                                 options: [Option(slug: "ja", label: "Ja"), Option(slug: "nee", label: "Nee")],
                                                 selected: [values.useful], multiple: false, error: errors["nuttig"], inline: true),
                       FormControls.textarea("reden", "Waarom? (niet verplicht)", value: values.reason, error: errors["reden"],
                                             hint: "Hoogstens \(Feedback.maxReasonLength) tekens. Noem geen namen of andere persoonsgegevens.", rows: 3),
                       FormControls.select("rol", "Uw rol (niet verplicht)", value: values.role, error: errors["rol"],
                                           options: taxonomy.terms(.audience).map { ($0.slug, $0.label) }, empty: "Zeg ik liever niet"),
                       .p(.class("hint"), .safeText("We bewaren alleen uw antwoord en de dag; geen cookie, account of IP-adres. "
                           + "De redactie leest toelichtingen voordat de aanbieder ze ziet.")),
                       .button(.type(.submit), .class("button button--secondary"), .safeText("Versturen"))))
    }

    static func again(_ offering: Offering, taxonomy: Taxonomy, values: FormValues, errors: FormErrors, site: SiteServices) -> String {
        Layout.render(PageMeta(title: "Was dit nuttig?", description: offering.title, path: InsightPaths.feedback(offering.slug), noIndex: true),
                      site: site, content: .group(
                          .h1(.safeText("Uw reactie op ‘\(offering.title)’")),
                          .p(.a(.href(CataloguePaths.offering(offering.slug)), .safeText("Terug naar ‘\(offering.title)’"))),
                          form(offering, taxonomy: taxonomy, values: values, errors: errors)))
    }

    static func thanks(_ offering: Offering, site: SiteServices) -> String {
        Layout.render(PageMeta(title: "Bedankt voor uw reactie", description: offering.title, path: InsightPaths.feedback(offering.slug), noIndex: true),
                      site: site, content: .group(
                          .h1(.safeText("Bedankt voor uw reactie")),
                          .p(.safeText("Uw antwoord helpt de aanbieder en de redactie het aanbod beter te laten aansluiten.")),
                          .p(.a(.href(CataloguePaths.offering(offering.slug)), .safeText("Terug naar ‘\(offering.title)’")))))
    }

    struct PortalModel {
        var counts: [FeedbackCount]
        var pending: [Feedback]
        var approved: [Feedback]
        var canModerate: Bool
        var csrf: String
        var message: String?
    }

    static func portal(_ model: PortalModel, site: SiteServices) -> String {
        let catalogue = site.catalogue
        func title(_ key: String) -> Node<HTML.BodyContext> {
            guard let parsed = OfferingKey(parsing: key), let offering = catalogue.offering(parsed) else { return .safeText(key) }
            return .a(.href(CataloguePaths.offering(offering.slug)), .safeText(offering.title))
        }
        func role(_ slug: String) -> String { slug.isEmpty ? "rol onbekend" : catalogue.taxonomy.label(.audience, slug).lowercased() }
        let meta = PageMeta(title: "Feedback op het aanbod", description: "Was dit nuttig?", path: InsightPaths.Portal.feedback(), noIndex: true)
        return Layout.render(meta, site: site, content: .group(
            .nav(.class("breadcrumbs"), .aria("label", "Kruimelpad"),
                 .ol(.li(.a(.href(PortalPaths.dashboard()), .safeText("Beheer"))), .li(.aria("current", "page"), .safeText("Feedback")))),
            .h1(.safeText("Feedback op het aanbod")),
            .unwrap(model.message) { .div(.class("notice notice--info"), .role("status"), .p(.safeText($0))) },
            model.canModerate ? .group(
                .h2(.id("te-beoordelen"), .safeText("Toelichtingen te beoordelen (\(model.pending.count))")),
                .p(.safeText("Goedgekeurde toelichtingen ziet de aanbieder. Keur af wat persoonsgegevens, scheldwoorden of reclame bevat.")),
                model.pending.isEmpty ? .p(.safeText("Niets te beoordelen.")) : .ul(.class("feedback-queue"), .forEach(model.pending) { item in
                    .li(.p(title(item.offering), .safeText(" — \(item.useful ? "nuttig" : "niet nuttig"), \(role(item.role)), \(item.day)")),
                        .blockquote(.p(.safeText(item.reason))),
                        .form(.class("inline-form"), .action(InsightPaths.Portal.moderate(item.id.uuidString)), .method(.post), PortalFields.csrf(model.csrf),
                              .button(.type(.submit), .name("besluit"), .value("goedkeuren"), .class("button button--secondary"), .safeText("Goedkeuren")),
                              .button(.type(.submit), .name("besluit"), .value("afkeuren"), .class("button button--secondary"), .safeText("Afkeuren"))))
                })) : .empty,
            .h2(.id("tellingen"), .safeText("Nuttig of niet, per aanbod")),
            model.counts.isEmpty ? .p(.safeText("Nog geen reacties."))
                : .table(.class("portal-table"),
                         .caption(.safeText("Reacties per aanbod")),
                         .thead(.tr(.th(.attr("scope", "col"), .safeText("Aanbod")), .th(.attr("scope", "col"), .safeText("Nuttig")),
                                    .th(.attr("scope", "col"), .safeText("Niet nuttig")))),
                         .tbody(.forEach(model.counts) { count in
                             .tr(.th(.attr("scope", "row"), title(count.offering)), .td(.safeText("\(count.useful)")), .td(.safeText("\(count.notUseful)")))
                         })),
            .h2(.id("toelichtingen"), .safeText("Goedgekeurde toelichtingen")),
            model.approved.isEmpty ? .p(.safeText("Nog geen.")) : .ul(.forEach(model.approved) { item in
                .li(title(item.offering), .safeText(" — \(item.useful ? "nuttig" : "niet nuttig"), \(role(item.role)): ‘\(item.reason)’"))
            })))
    }
}
