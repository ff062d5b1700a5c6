import Accounts
import Catalogue
import CatalogueService
import Foundation
import Knowledge
import Markup
import Plot

/// The portal's article pages: the list, the form, the history.
enum ArticlePortalPages {
    struct ListModel {
        var account: Account
        var articles: [ManagedArticle]
        var message: String?
    }

    static func list(_ model: ListModel, site: SiteServices) -> String {
        let meta = PageMeta(title: "Artikelen beheren", description: "Artikelen, praktijkvoorbeelden en infobladen.", path: ArticlePortalPaths.articles(),
                            noIndex: true)
        return Layout.render(meta, site: site, content: .group(
            .nav(.class("breadcrumbs"), .aria("label", "Kruimelpad"),
                 .ol(.li(.a(.href(PortalPaths.dashboard()), .safeText("Beheer"))), .li(.aria("current", "page"), .safeText("Artikelen")))),
            .h1(.safeText("Artikelen beheren")),
            .unwrap(model.message) { .div(.class("notice notice--info"), .role("status"), .p(.safeText($0))) },
            .div(.class("portal-actions"),
                 .a(.class("button"), .href(ArticlePortalPaths.newArticle()),
                    .safeText(model.account.role == .partnerEditor ? "Een artikel voorstellen" : "Nieuw artikel"))),
            model.articles.isEmpty ? .p(.safeText("Er zijn nog geen artikelen.")) :
            .table(.class("portal-table"),
                   .caption(.safeText("Artikelen (\(model.articles.count)), laatst gewijzigd eerst")),
                   .thead(.tr(.th(.safeText("Titel")), .th(.safeText("Soort")), .th(.safeText("Status")), .th(.safeText("Gewijzigd")),
                              .th(.safeText("Door")))),
                   .tbody(.forEach(model.articles) { managed in
                       .tr(.td(.a(.href(esc(ArticlePortalPaths.article(managed.content.id))), .safeText(managed.content.title))),
                           .td(.safeText(managed.content.kind.label)),
                           .td(.safeText(managed.status.label + (managed.reviewComment == nil ? "" : " (teruggestuurd)"))),
                           .td(.safeText(DutchFormat.dateTime(managed.updated))),
                           .td(.safeText(managed.updatedBy)))
                   }))))
    }

    struct FormModel {
        var account: Account
        var csrf: String
        var form: ArticleForm
        var managed: ManagedArticle?
        var canPublish: Bool
        /// Readers have seen it: a major edit gets a public change note.
        var everPublished: Bool
        var errors = FormErrors()
        var message: String?
    }

    static func form(_ model: FormModel, site: SiteServices) -> String {
        let isNew = model.managed == nil
        let form = model.form
        let action = isNew ? ArticlePortalPaths.newArticle() : ArticlePortalPaths.article(form.id)
        let title = isNew ? "Nieuw artikel" : "Artikel bewerken"
        let meta = PageMeta(title: title, description: "Een artikel van Weerbaar.", path: action, noIndex: true)
        return Layout.render(meta, site: site, content: .group(
            .nav(.class("breadcrumbs"), .aria("label", "Kruimelpad"),
                 .ol(.li(.a(.href(PortalPaths.dashboard()), .safeText("Beheer"))), .li(.a(.href(ArticlePortalPaths.articles()), .safeText("Artikelen"))),
                     .li(.aria("current", "page"), .safeText(isNew ? "Nieuw artikel" : form.id)))),
            .h1(.safeText(title)),
            .unwrap(model.managed) { managed in
                .p(.class("portal-status"), .safeText("Status: \(managed.status.label) · versie \(managed.version) · "),
                   .a(.href(esc(ArticlePortalPaths.history(managed.content.id))), .safeText("Geschiedenis")),
                   .if(managed.status == .published, .group(.safeText(" · "),
                       .a(.href(esc(KnowledgePaths.article(managed.content.id))), .safeText("Bekijk op de site")))))
            },
            .unwrap(model.message) { .div(.class("notice notice--info"), .role("status"), .p(.safeText($0))) },
            .unwrap(model.managed?.reviewComment) { comment in
                .div(.class("notice"), .role("note"), .h2(.class("notice__title"), .safeText("Opmerking van de redactie")), .p(.safeText(comment)))
            },
            FormControls.errorSummary(model.errors) { ArticleForm.labels[$0] ?? $0 },
            .form(.class("portal-form portal-form--wide"), .action(esc(action)), .method(.post), .attr("novalidate", "novalidate"),
                  PortalFields.csrf(model.csrf),
                  .input(.type(.hidden), .name("versie"), .value(String(model.managed?.version ?? 0))),
                  fields(model, site: site),
                  practiceFields(model),
                  changeNoteFields(model),
                  .div(.class("portal-actions"),
                       .button(.type(.submit), .attr("name", "actie"), .attr("value", "concept"), .class("button button--secondary"),
                               .safeText("Opslaan als concept")),
                       model.canPublish
                           ? .button(.type(.submit), .attr("name", "actie"), .attr("value", "publiceren"), .class("button"), .safeText("Publiceren"))
                           : .button(.type(.submit), .attr("name", "actie"), .attr("value", "indienen"), .class("button"), .safeText("Indienen bij de redactie")))),
            sendBackForm(model)))
    }

    static func fields(_ model: FormModel, site: SiteServices) -> Node<HTML.FormContext> {
        let form = model.form, errors = model.errors
        let gemeenten = MunicipalityList.cbs.all.sorted { $0.name < $1.name }.map { ($0.code, "\($0.name) (\($0.province))") }
        return .group(
            .if(model.managed == nil, FormControls.input("kenmerk", "Kenmerk", value: form.id, error: errors["kenmerk"],
                                                         hint: "Kleine letters en koppeltekens; het wordt het adres van het artikel en blijft vast.")),
            FormControls.select("soort", "Soort", value: form.kind, error: errors["soort"],
                                options: Knowledge.Article.Kind.allCases.map { ($0.rawValue, $0.label) }, empty: "Kies een soort"),
            FormControls.input("titel", "Titel", value: form.title, error: errors["titel"]),
            FormControls.textarea("inleiding", "Inleiding", value: form.lead, error: errors["inleiding"],
                                  hint: "Twee of drie zinnen; ze staan in overzichten en zoekresultaten.", rows: 3),
            FormControls.textarea("tekst", "Tekst", value: form.body, error: errors["tekst"],
                                  hint: "Kopjes met ##, lijstjes met -, links als [tekst](https://…).", rows: 14),
            FormControls.textarea("auteurs", "Auteurs", value: form.authors, error: errors["auteurs"], hint: "Eén per regel.", rows: 2),
            FormControls.checkboxes("themas", "Thema’s", selected: form.themes, terms: site.catalogue.taxonomy.terms(.theme), error: errors["themas"]),
            FormControls.textarea("aanbod", "Gerelateerd aanbod", value: form.offerings, error: errors["aanbod"],
                                  hint: "Per regel het kenmerk uit de catalogus, zoals het adres na /aanbod/ laat zien: aanbieder/kenmerk.", rows: 3),
            FormControls.select("gemeente", "Gemeente", value: form.gemeente, error: errors["gemeente"], options: gemeenten, empty: "Geen gemeente"),
            FormControls.input("herzien-voor", "Herzien vóór", value: form.reviewBy, error: errors["herzien-voor"], type: "date"))
    }

    static func practiceFields(_ model: FormModel) -> Node<HTML.FormContext> {
        let form = model.form, errors = model.errors
        return .fieldset(.legend(.safeText("Alleen voor een praktijkvoorbeeld")),
            .p(.class("field__hint"), .safeText("Wat lezers van een praktijkvoorbeeld zoeken, in deze volgorde. Andere soorten laten dit leeg.")),
            FormControls.textarea("aanleiding", "Aanleiding", value: form.aanleiding, error: errors["aanleiding"], hint: nil, rows: 3),
            FormControls.textarea("aanpak", "Aanpak", value: form.aanpak, error: errors["aanpak"], hint: nil, rows: 4),
            FormControls.textarea("resultaat", "Resultaat", value: form.resultaat, error: errors["resultaat"], hint: nil, rows: 3),
            FormControls.textarea("lessen", "Lessen", value: form.lessen, error: errors["lessen"], hint: nil, rows: 3),
            FormControls.textarea("betrokken", "Wie waren betrokken", value: form.betrokken, error: errors["betrokken"], hint: nil, rows: 2),
            FormControls.input("contact", "Contact", value: form.contact, error: errors["contact"],
                               hint: "Alleen met toestemming van wie u noemt; anders leeg (lezers lopen dan via de redactie)."))
    }

    static func changeNoteFields(_ model: FormModel) -> Node<HTML.FormContext> {
        guard model.everPublished else { return .empty }
        let errors = model.errors
        return .fieldset(.legend(.safeText("Wijziging")),
            .p(.class("field__hint"), .safeText("Een kleine wijziging (een typfout, een link) blijft stil. Bij een belangrijke wijziging zien lezers de datum en uw notitie onder het artikel.")),
            .div(.class("checkbox"),
                 .input(.type(.checkbox), .id("belangrijke-wijziging"), .name("belangrijke-wijziging"), .value("ja"), .checked(model.form.major)),
                 .label(.for("belangrijke-wijziging"), .safeText("Dit is een belangrijke wijziging"))),
            FormControls.input("wijzigingsnotitie", "Wijzigingsnotitie", value: model.form.changeNote, error: errors["wijzigingsnotitie"],
                               hint: "Eén zin, bijvoorbeeld: resultaat na een jaar aangevuld."))
    }

    static func sendBackForm(_ model: FormModel) -> Node<HTML.BodyContext> {
        guard model.canPublish, let managed = model.managed, managed.status == .submitted else { return .empty }
        return .section(.class("review"), .aria("labelledby", "terugsturen"),
            .h2(.id("terugsturen"), .safeText("Terugsturen naar de auteur")),
            .form(.class("portal-form"), .action(esc(ArticlePortalPaths.sendBack(managed.content.id))), .method(.post),
                  PortalFields.csrf(model.csrf),
                  .input(.type(.hidden), .name("versie"), .value(String(managed.version))),
                  FormControls.textarea("opmerking", "Wat moet er anders?", value: "", error: model.errors["opmerking"],
                                        hint: "De auteur ziet deze opmerking boven het formulier.", rows: 3),
                  .button(.type(.submit), .class("button button--secondary"), .safeText("Terugsturen"))))
    }

    static func history(_ managed: ManagedArticle, _ revisions: [ArticleRevision], csrf: String, canRestore: Bool, site: SiteServices) -> String {
        let id = managed.content.id
        let meta = PageMeta(title: "Geschiedenis van \(managed.content.title)", description: "Elke versie van een artikel.",
                            path: ArticlePortalPaths.history(id), noIndex: true)
        return Layout.render(meta, site: site, content: .group(
            .nav(.class("breadcrumbs"), .aria("label", "Kruimelpad"),
                 .ol(.li(.a(.href(ArticlePortalPaths.articles()), .safeText("Artikelen"))),
                     .li(.a(.href(esc(ArticlePortalPaths.article(id))), .safeText(managed.content.title))),
                     .li(.aria("current", "page"), .safeText("Geschiedenis")))),
            .h1(.safeText("Geschiedenis")),
            .table(.class("portal-table"),
                   .caption(.safeText("Versies, nieuwste eerst")),
                   .thead(.tr(.th(.safeText("Versie")), .th(.safeText("Wanneer")), .th(.safeText("Door")), .th(.safeText("Status")),
                              .th(.safeText("Titel")), .th(.safeText("Wijzigingsnotities")), .th(.span(.class("visually-hidden"), .safeText("Acties"))))),
                   .tbody(.forEach(revisions) { revision in
                       .tr(.td(.safeText(String(revision.number))), .td(.safeText(DutchFormat.dateTime(revision.at))),
                           .td(.safeText(revision.editor.name)), .td(.safeText(revision.status.label)), .td(.safeText(revision.content.title)),
                           .td(.safeText(String(revision.content.changeNotes.count))),
                           .td(canRestore && revision.number != revisions.first?.number
                               ? .form(.action(esc(ArticlePortalPaths.restore(id, String(revision.number)))), .method(.post),
                                       PortalFields.csrf(csrf), .input(.type(.hidden), .name("versie"), .value(String(managed.version))),
                                       .button(.type(.submit), .class("button button--secondary button--small"), .safeText("Terugzetten als concept"),
                                               .span(.class("visually-hidden"), .safeText(" (versie \(revision.number))"))))
                               : .empty))
                   }))))
    }
}
