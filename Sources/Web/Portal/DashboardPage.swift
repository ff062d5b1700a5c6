import Markup
import Accounts
import Catalogue
import Foundation
import CatalogueService
import Plot

/// The portal's home: who is signed in, and the links their role may follow.
enum DashboardPage {
    struct Model {
        var account: Account
        var csrfToken: String
        var message: String? = nil
        /// For a redacteur: how many submissions wait for review.
        var awaitingReview: Int? = nil
        /// For a redacteur: readers' tips waiting for a decision, and the median time to one.
        var tips: Tips? = nil
    }

    struct Tips {
        var open: Int
        var median: TimeInterval?
    }

    static func render(_ model: Model, site: SiteServices) -> String {
        let meta = PageMeta(title: "Beheer", description: "Het beheer van Weerbaar.", path: PortalPaths.dashboard(), noIndex: true)
        let account = model.account
        return Layout.render(meta, site: site, content: .group(
            .h1(.safeText("Beheer")),
            .unwrap(model.message) { .div(.class("notice notice--info"), .role("status"), .p(.safeText($0))) },
            .p(.safeText("U bent ingelogd als \(account.name) (\(account.email)), \(account.role.label.lowercased())"
                + (account.provider.map { " van \(site.catalogue.taxonomy.provider($0)?.name ?? $0)" } ?? "") + ".")),
            .ul(.class("inline-links"),
                account.role == .nationalPartner ? .empty
                    : .li(.a(.href(EditorialPaths.offerings()), .safeText(account.role == .partnerEditor ? "Uw aanbod beheren" : "Aanbod beheren"))),
                .unwrap(model.awaitingReview) { count in
                    .li(.a(.href(EditorialPaths.reviewQueue()), .safeText("Ter beoordeling (\(count))")))
                },
                .unwrap(model.tips) { tips in
                    .li(.a(.href(TipPaths.Portal.queue()), .safeText("Tips van lezers (\(tips.open) open)")),
                        .safeText(tips.median.map { " · mediane tijd tot besluit \(TipModerationPages.duration($0))" } ?? ""))
                },
                .if(account.role == .editor, .li(.a(.href(NewsletterPaths.Portal.editions()), .safeText("Nieuwsbrief WeerbaarNL")))),
                .if(account.role == .editor || account.role == .partnerEditor,
                    .li(.a(.href(HandbookPortalPaths.entries()), .safeText("Handboek maatschappelijke onrust")))),
                .if(account.role == .editor || account.role == .partnerEditor,
                    .li(.a(.href(ArticlePortalPaths.articles()), .safeText("Artikelen en praktijkvoorbeelden")))),
                .if(account.role == .editor || account.role == .partnerEditor,
                    .li(.a(.href(EventPaths.Portal.events()), .safeText(account.role == .editor ? "Agenda: aanmeldingen" : "Uw bijeenkomsten: aanmeldingen")))),
                .if(account.role != .administrator, .li(.a(.href(InsightPaths.Portal.whiteSpots()), .safeText("Witte vlekken: aanbod tegenover vraag")))),
                .if(account.role == .editor, .li(.a(.href(InsightPaths.Portal.surveys()), .safeText("Behoeftepeilingen onder gemeenten")))),
                .if(account.role == .editor || account.role == .partnerEditor,
                    .li(.a(.href(InsightPaths.Portal.feedback()), .safeText(account.role == .editor ? "Feedback op het aanbod" : "Feedback op uw aanbod")))),
                .if(account.role == .administrator, .li(.a(.href(AccountPaths.users()), .safeText("Gebruikers en uitnodigingen")))),
                .if(account.role == .administrator, .li(.a(.href(ProviderPaths.list()), .safeText("Aanbieders")))),
                .if(account.role == .administrator, .li(.a(.href(VocabularyPaths.overview()), .safeText("Lijsten (thema’s, doelgroepen, …)")))),
                .if(account.role == .administrator, .li(.a(.href(AuditPaths.log()), .safeText("Logboek")))),
                .li(.a(.href(AccountPaths.secondFactorSetup()),
                       .safeText(account.hasSecondFactor ? "Tweede stap opnieuw instellen (nieuwe telefoon)" : "Tweede stap instellen")))),
            .div(.class("portal-actions"),
                 .form(.action(AccountPaths.signOut()), .method(.post),
                       .input(.type(.hidden), .name("csrf"), .value(esc(model.csrfToken))),
                       .button(.type(.submit), .class("button button--secondary"), .safeText("Uitloggen"))),
                 .form(.action(AccountPaths.signOutEverywhere()), .method(.post),
                       .input(.type(.hidden), .name("csrf"), .value(esc(model.csrfToken))),
                       .button(.type(.submit), .class("button button--secondary"), .safeText("Overal uitloggen"))))
        ))
    }
}
