import Newsletter
import Foundation
import CatalogueService
import Audit
import Accounts
import Catalogue
import Insight
import Knowledge
import Markup
import Plot

/// "Was this useful?": the form under an offering, the answer to it, and the portal's counts and
/// moderation of reasons.
enum FeedbackPages {
    struct FormValues {
        var useful = "", reason = "", role = ""
    }

    /// What feedback is about: an offering, or a practice example. Its key in the store is the
    /// offering's "provider/id", or "artikel/<id>" (no provider is called "artikel").
    struct Subject {
        var key: String
        var title: String
        /// The page the form is on.
        var page: String
        /// Where the form posts.
        var action: String

        static let articlePrefix = "artikel/"

        static func offering(_ offering: Offering) -> Subject {
            Subject(key: offering.key.description, title: offering.title, page: CataloguePaths.offering(offering.slug),
                    action: InsightPaths.feedback(offering.slug))
        }

        static func article(_ article: Knowledge.Article) -> Subject {
            Subject(key: articlePrefix + article.id, title: article.title, page: KnowledgePaths.article(article.id),
                    action: InsightPaths.articleFeedback(article.id))
        }
    }

    /// Under every offering page and practice example. The page is cached for everyone, so the form
    /// carries no per-visitor token: the post is accepted from this site only (the browser says so).
    static func form(_ subject: Subject, taxonomy: Taxonomy, values: FormValues = FormValues(), errors: FormErrors = FormErrors()) -> Node<HTML.BodyContext> {
        .section(.class("feedback"), .aria("labelledby", "nuttig-kop"),
                 .h2(.id("nuttig-kop"), .safeText("Was dit nuttig?")),
                 FormControls.errorSummary(errors, label: { ["nuttig": "Was dit nuttig?", "reden": "Toelichting", "rol": "Uw rol"][$0] ?? $0 }),
                 .form(.class("portal-form"), .action(esc(subject.action)), .method(.post), .attr("novalidate", "novalidate"),
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

    static func again(_ subject: Subject, taxonomy: Taxonomy, values: FormValues, errors: FormErrors, site: SiteServices) -> String {
        Layout.render(PageMeta(title: "Was dit nuttig?", description: subject.title, path: subject.action, noIndex: true),
                      site: site, content: .group(
                          .h1(.safeText("Uw reactie op ‘\(subject.title)’")),
                          .p(.a(.href(esc(subject.page)), .safeText("Terug naar ‘\(subject.title)’"))),
                          form(subject, taxonomy: taxonomy, values: values, errors: errors)))
    }

    static func thanks(_ subject: Subject, site: SiteServices) -> String {
        Layout.render(PageMeta(title: "Bedankt voor uw reactie", description: subject.title, path: subject.action, noIndex: true),
                      site: site, content: .group(
                          .h1(.safeText("Bedankt voor uw reactie")),
                          .p(.safeText("Uw antwoord helpt de aanbieders en de redactie om beter aan te sluiten bij wat u nodig heeft.")),
                          .p(.a(.href(esc(subject.page)), .safeText("Terug naar ‘\(subject.title)’")))))
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
            if key.hasPrefix(Subject.articlePrefix), let article = site.articles.collection.article(String(key.dropFirst(Subject.articlePrefix.count))) {
                return .group(.a(.href(esc(KnowledgePaths.article(article.id))), .safeText(article.title)), .safeText(" (praktijkvoorbeeld)"))
            }
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
