import Catalogue
import CatalogueService
import Foundation
import Knowledge
import Markup
import Plot

/// The moderation pages: the queue and one tip with its steps.
enum TipModerationPages {
    struct QueueModel {
        var tips: [Tip]
        var filter: TipQueueFilter
        var median: TimeInterval?
        var decided: Int
        var me: String
    }

    /// "3 dagen", "5 uur": how long something has waited, in Dutch.
    static func duration(_ seconds: TimeInterval) -> String {
        let hours = Int(seconds / 3600)
        if hours < 24 { return hours == 1 ? "1 uur" : "\(max(hours, 0)) uur" }
        let days = hours / 24
        return days == 1 ? "1 dag" : "\(days) dagen"
    }

    static func queue(_ model: QueueModel, site: SiteServices) -> String {
        let meta = PageMeta(title: "Tips van lezers", description: "Inzendingen van lezers, te beoordelen door de redactie.",
                            path: TipPaths.Portal.queue(), noIndex: true)
        let taxonomy = site.catalogue.taxonomy
        let now = Date()
        let states: [Tip.State] = Tip.State.allCases.filter { $0 != .unconfirmed }
        return Layout.render(meta, site: site, content: .group(
            .nav(.class("breadcrumbs"), .aria("label", "Kruimelpad"),
                 .ol(.li(.a(.href(PortalPaths.dashboard()), .safeText("Beheer"))), .li(.aria("current", "page"), .safeText("Tips van lezers")))),
            .h1(.safeText("Tips van lezers")),
            .p(.safeText(model.median.map { "Mediane tijd van ontvangst tot besluit: \(duration($0)) (over \(model.decided) besluiten in de laatste 90 dagen)." }
                ?? "Er zijn in de laatste 90 dagen nog geen besluiten genomen.")),
            .form(.class("filters filters--inline"), .action(TipPaths.Portal.queue()), .method(.get),
                .fieldset(.class("field choices"), .legend(.safeText("Status")),
                    .forEach(states) { state in
                        .div(.class("checkbox"),
                             .input(.type(.checkbox), .id("status-\(state.rawValue)"), .name("status"), .value(state.rawValue),
                                    .checked(model.filter.states.contains(state))),
                             .label(.for("status-\(state.rawValue)"), .safeText(state.label)))
                    }),
                FormControls.select("thema", "Thema", value: model.filter.theme ?? "", error: nil,
                                    options: taxonomy.terms(.theme).map { ($0.slug, $0.label) }, empty: "Alle thema’s"),
                .button(.type(.submit), .class("button button--secondary"), .safeText("Filteren"))),
            model.tips.isEmpty ? .p(.safeText("Geen inzendingen met deze filters.")) :
            .table(.class("portal-table"),
                   .caption(.safeText("Inzendingen (\(model.tips.count)), langst wachtend eerst")),
                   .thead(.tr(.th(.safeText("Titel")), .th(.safeText("Soort")), .th(.safeText("Status")), .th(.safeText("Wacht")),
                              .th(.safeText("Bij")), .th(.safeText("Thema’s")))),
                   .tbody(.forEach(model.tips) { tip in
                       .tr(.td(.a(.href(esc(TipPaths.Portal.tip(tip.id.uuidString))), .safeText(tip.content.title))),
                           .td(.safeText(tip.content.kind.label)),
                           .td(.safeText(tip.state.label)),
                           .td(.safeText(tip.state.isFinal ? "–" : duration(now.timeIntervalSince(tip.submitted ?? tip.created)))),
                           .td(.safeText(tip.claimedBy.map { $0.email == model.me ? "u" : $0.name } ?? "–")),
                           .td(.safeText(tip.content.themes.map { taxonomy.label(.theme, $0) }.joined(separator: ", "))))
                   }))))
    }

    /// What an editor checks before a tip is taken over: the personal data of people who did not consent.
    static let checklist: [(String, String)] = [
        ("namen", "Er staan geen namen van inwoners, cliënten of collega’s in die daar niet mee instemden"),
        ("herleidbaar", "Niemand is te herkennen aan details: een adres, een school, een functie in een kleine gemeente, een datum met een incident"),
        ("bijzonder", "Er staan geen bijzondere gegevens van anderen in: gezondheid, geloof, afkomst, politieke voorkeur, strafrechtelijke gegevens"),
        ("bronnen", "Citaten en cijfers zijn na te gaan, of de inzender is gevraagd ze te onderbouwen"),
    ]

    struct TipModel {
        var tip: Tip
        var sender: TipSender?
        var csrf: String
        var me: String
        var message: String?
        var errors = FormErrors()
        var form = QueryString(raw: nil)
    }

    static func tip(_ model: TipModel, site: SiteServices) -> String {
        let tip = model.tip
        let meta = PageMeta(title: tip.content.title, description: "Een inzending van een lezer.", path: TipPaths.Portal.tip(tip.id.uuidString), noIndex: true)
        let taxonomy = site.catalogue.taxonomy
        let content = tip.content
        let practice: [(String, String)] = [("Aanleiding", content.aanleiding), ("Aanpak", content.aanpak), ("Resultaat", content.resultaat),
                                            ("Lessen", content.lessen), ("Wie waren betrokken", content.betrokken)].filter { !$0.1.isEmpty }
        return Layout.render(meta, site: site, content: .group(
            .nav(.class("breadcrumbs"), .aria("label", "Kruimelpad"),
                 .ol(.li(.a(.href(PortalPaths.dashboard()), .safeText("Beheer"))), .li(.a(.href(TipPaths.Portal.queue()), .safeText("Tips van lezers"))),
                     .li(.aria("current", "page"), .safeText(content.title)))),
            .h1(.safeText(content.title)),
            .unwrap(model.message) { .div(.class("notice notice--info"), .role("status"), .p(.safeText($0))) },
            FormControls.errorSummary(model.errors) { ["stap": "Stap", "verzoek": "Verzoek", "kenmerk": "Kenmerk", "controle": "Checklist", "reden": "Reden"][$0] ?? $0 },
            .dl(.class("facts"),
                .dt(.safeText("Status")), .dd(.safeText(tip.state.label + (tip.claimedBy.map { ", bij \($0.name)" } ?? ""))),
                .dt(.safeText("Soort")), .dd(.safeText(content.kind.label)),
                .dt(.safeText("Ontvangen")), .dd(.safeText(tip.submitted.map(DutchFormat.dateTime) ?? "nog niet bevestigd")),
                .unwrap(content.gemeente.flatMap(MunicipalityList.cbs.municipality)) { .group(.dt(.safeText("Gemeente")), .dd(.safeText("\($0.name) (\($0.province))"))) },
                .dt(.safeText("Thema’s")), .dd(.safeText(content.themes.isEmpty ? "–" : content.themes.map { taxonomy.label(.theme, $0) }.joined(separator: ", "))),
                .unwrap(tip.declineReason) { .group(.dt(.safeText("Reden van afwijzing")), .dd(.safeText($0.label))) },
                .unwrap(tip.articleID) { id in .group(.dt(.safeText("Artikel")), .dd(.a(.href(esc(ArticlePortalPaths.article(id))), .safeText(id)))) }),
            .h2(.safeText("Het verhaal")),
            .div(.class("tip-story"), .forEach(content.story.split(whereSeparator: \.isNewline)) { .p(.safeText(String($0))) }),
            .forEach(practice) { section in .group(.h3(.safeText(section.0)), .p(.safeText(section.1))) },
            .if(!content.links.isEmpty, .group(.h3(.safeText("Links van de inzender")),
                .p(.class("field__hint"), .safeText("Niet door ons gecontroleerd: open ze met zorg.")),
                .ul(.forEach(content.links) { .li(.safeText($0)) }))),
            .h2(.safeText("Inzender")),
            model.sender.map { sender in
                .dl(.class("facts"),
                    .dt(.safeText("Naam")), .dd(.safeText(sender.name)),
                    .dt(.safeText("E-mail")), .dd(.safeText(sender.email)),
                    .dt(.safeText("Organisatie")), .dd(.safeText(sender.organisation.isEmpty ? "–" : sender.organisation)),
                    .dt(.safeText("Naam tonen")), .dd(.safeText(sender.showName ? "Ja, de inzender gaf toestemming" : "Nee")))
            } ?? .p(.safeText("De gegevens van de inzender zijn verwijderd (een jaar na het besluit).")),
            .if(tip.state == .changesRequested, .div(.class("notice"), .role("note"), .h2(.class("notice__title"), .safeText("Gevraagd aan de inzender")),
                                                     .p(.safeText(tip.requestNote ?? "")))),
            steps(model)))
    }

    static func steps(_ model: TipModel) -> Node<HTML.BodyContext> {
        let tip = model.tip, id = tip.id.uuidString
        let mine = tip.claimedBy?.email == model.me
        switch tip.state {
        case .submitted:
            return .form(.action(esc(TipPaths.Portal.claim(id))), .method(.post), PortalFields.csrf(model.csrf),
                         .button(.type(.submit), .class("button"), .safeText("Oppakken")))
        case .inReview where mine:
            return .group(
                .section(.aria("labelledby", "checklist"), .class("review"),
                    .h2(.id("checklist"), .safeText("Overnemen als concept-artikel")),
                    .form(.class("portal-form"), .action(esc(TipPaths.Portal.accept(id))), .method(.post), PortalFields.csrf(model.csrf),
                        .fieldset(.class(model.errors["controle"] == nil ? "field choices" : "field choices field--error"), .id("controle"),
                            .legend(.safeText("Checklist: persoonsgegevens van anderen")),
                            .unwrap(model.errors["controle"]) { .p(.id("controle-fout"), .class("field__error"), .safeText($0)) },
                            .forEach(checklist) { item in
                                .div(.class("checkbox"),
                                     .input(.type(.checkbox), .id("controle-\(item.0)"), .name("controle"), .value(item.0),
                                            .checked(model.form.values("controle").contains(item.0))),
                                     .label(.for("controle-\(item.0)"), .safeText(item.1)))
                            }),
                        FormControls.input("kenmerk", "Kenmerk van het artikel", value: model.form.first("kenmerk") ?? Slug.make(tip.content.title),
                                           error: model.errors["kenmerk"], hint: "Het adres van het artikel; u maakt het daarna af in het artikelformulier."),
                        FormControls.textarea("bericht", "Bericht aan de inzender (niet verplicht)", value: "", error: nil, hint: nil, rows: 2),
                        .button(.type(.submit), .class("button"), .safeText("Overnemen")))),
                .section(.aria("labelledby", "aanpassen"), .class("review"),
                    .h2(.id("aanpassen"), .safeText("Om een aanpassing vragen")),
                    .form(.class("portal-form"), .action(esc(TipPaths.Portal.requestChanges(id))), .method(.post), PortalFields.csrf(model.csrf),
                        FormControls.textarea("verzoek", "Wat moet de inzender aanpassen?", value: model.form.first("verzoek") ?? "", error: model.errors["verzoek"],
                                              hint: "De inzender krijgt dit per e-mail en past de inzending aan via de persoonlijke link.", rows: 3),
                        .button(.type(.submit), .class("button button--secondary"), .safeText("Verzoek versturen")))),
                declineForm(model),
                .form(.action(esc(TipPaths.Portal.release(id))), .method(.post), PortalFields.csrf(model.csrf),
                      .button(.type(.submit), .class("button button--secondary"), .safeText("Vrijgeven voor een collega"))))
        case .changesRequested where mine:
            return declineForm(model)
        case .inReview, .changesRequested:
            return .p(.safeText("Deze inzending is in behandeling bij \(tip.claimedBy?.name ?? "een collega"); alleen die redacteur neemt de volgende stap."))
        case .unconfirmed, .accepted, .declined, .withdrawn:
            return .empty
        }
    }

    static func declineForm(_ model: TipModel) -> Node<HTML.BodyContext> {
        .section(.aria("labelledby", "afwijzen"), .class("review"),
            .h2(.id("afwijzen"), .safeText("Afwijzen")),
            .form(.class("portal-form"), .action(esc(TipPaths.Portal.decline(model.tip.id.uuidString))), .method(.post), PortalFields.csrf(model.csrf),
                FormControls.select("reden", "Reden", value: model.form.first("reden") ?? "", error: model.errors["reden"],
                                    options: Tip.DeclineReason.allCases.map { ($0.rawValue, $0.label) }, empty: "Kies een reden"),
                FormControls.textarea("notitie", "Toelichting aan de inzender (niet verplicht)", value: "", error: nil, hint: nil, rows: 2),
                .button(.type(.submit), .class("button button--secondary"), .safeText("Afwijzen"))))
    }
}
