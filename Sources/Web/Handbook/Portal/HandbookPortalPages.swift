import Accounts
import Catalogue
import CatalogueService
import Foundation
import Handbook
import Markup
import Plot

/// The portal's handbook pages: the entries with their data quality, the form, the history.
enum HandbookPortalPages {
    static let standardTopics = [Topic(slug: "signaleren", label: "Signaleren"), Topic(slug: "netwerk-en-samenwerking", label: "Netwerk en samenwerking"),
                                 Topic(slug: "communicatie", label: "Communicatie"),
                                 Topic(slug: "bestuurlijk-handelen", label: "Bestuurlijk handelen en demonstratierecht"), Topic(slug: "nazorg", label: "Nazorg")]

    struct ListModel {
        var account: Account
        var entries: [ManagedEntry]
        var message: String?
        var catalogue: LiveCatalogue
        var handbook: Handbook
    }

    static func list(_ model: ListModel, site: SiteServices) -> String {
        let meta = PageMeta(title: "Handboek beheren", description: "De artikelen van het handboek.", path: HandbookPortalPaths.entries(), noIndex: true)
        let quality = HandbookQuality(model.entries.filter { $0.status == .published }.map(\.entry), today: Day(Date()))
        let taxonomy = model.catalogue.taxonomy
        func row(_ label: String, _ count: Int) -> Node<HTML.TableContext> {
            .tr(.th(.attr("scope", "row"), .safeText(label)), .td(.safeText("\(quality.percent(count)) %")),
                .td(.safeText("\(count) van \(quality.entries)")))
        }
        return Layout.render(meta, site: site, content: .group(
            .nav(.class("breadcrumbs"), .aria("label", "Kruimelpad"),
                 .ol(.li(.a(.href(PortalPaths.dashboard()), .safeText("Beheer"))), .li(.aria("current", "page"), .safeText("Handboek")))),
            .h1(.safeText("Handboek beheren")),
            .unwrap(model.message) { .div(.class("notice notice--info"), .role("status"), .p(.safeText($0))) },
            .div(.class("portal-actions"),
                 .a(.class("button"), .href(HandbookPortalPaths.newEntry()),
                    .safeText(model.account.role == .partnerEditor ? "Een artikel voorstellen" : "Nieuw artikel")),
                 .if(model.account.role == .editor, .a(.class("button button--secondary"), .href(HandbookPortalPaths.routes()),
                                                      .safeText("Leerroutes en contactpunten per thema")))),
            .table(.class("portal-table"),
                   .caption(.safeText("Kwaliteit van de gepubliceerde artikelen (doel: 100 %)")),
                   .thead(.tr(.th(.safeText("Heeft")), .th(.safeText("Aandeel")), .th(.safeText("Aantal")))),
                   .tbody(row("een analyse", quality.withAnalysis), row("een fase", quality.withPhase), row("een datum", quality.withDate),
                          row("een auteur", quality.withAuthor), row("een herzieningsdatum binnen 18 maanden", quality.withCurrentReview))),
            .table(.class("portal-table"),
                   .caption(.safeText("Artikelen (\(model.entries.count))")),
                   .thead(.tr(.th(.safeText("Titel")), .th(.safeText("Fase")), .th(.safeText("Status")), .th(.safeText("Herzien vóór")),
                              .th(.safeText("Gewijzigd door")))),
                   .tbody(.forEach(model.entries) { managed in
                       .tr(.td(.a(.href(esc(HandbookPortalPaths.entry(managed.entry.id))), .safeText(HandbookPages.Model(handbook: model.handbook, catalogue: model.catalogue).title(managed.entry)))),
                           .td(.safeText(managed.entry.phases.map { taxonomy.label(.phase, $0) }.joined(separator: ", "))),
                           .td(.safeText(managed.status.label)),
                           .td(.safeText(managed.entry.reviewBy.map(DutchFormat.date) ?? "–")),
                           .td(.safeText(managed.updatedBy)))
                   }))))
    }

    struct FormModel {
        var account: Account
        var csrf: String
        var form: HandbookEntryForm
        var managed: ManagedEntry?
        var publications: [Offering]
        var topics: [Topic]
        var canPublish: Bool
        var errors = FormErrors()
        var message: String?
    }

    static func form(_ model: FormModel, site: SiteServices) -> String {
        let isNew = model.managed == nil
        let form = model.form
        let errors = model.errors
        let taxonomy = site.catalogue.taxonomy
        let action = isNew ? HandbookPortalPaths.newEntry() : HandbookPortalPaths.entry(form.id)
        let meta = PageMeta(title: isNew ? "Nieuw artikel" : "Artikel bewerken", description: "Een artikel van het handboek.", path: action, noIndex: true)
        let labels: [String: String] = ["kenmerk": "Kenmerk", "publicatie": "Publicatie", "document-titel": "Titel", "document-organisatie": "Organisatie",
                                        "document-jaar": "Jaar", "document-soort": "Soort document", "document-paginas": "Pagina’s", "fases": "Fase",
                                        "onderwerp": "Onderwerp", "analyse": "Analyse", "auteur": "Auteur", "datum": "Datum",
                                        "herzien-voor": "Herzien vóór", "erkenning": "Erkenning"]
        return Layout.render(meta, site: site, content: .group(
            .nav(.class("breadcrumbs"), .aria("label", "Kruimelpad"),
                 .ol(.li(.a(.href(PortalPaths.dashboard()), .safeText("Beheer"))), .li(.a(.href(HandbookPortalPaths.entries()), .safeText("Handboek"))),
                     .li(.aria("current", "page"), .safeText(isNew ? "Nieuw artikel" : form.id)))),
            .h1(.safeText(isNew ? "Nieuw artikel" : "Artikel bewerken")),
            .unwrap(model.managed) { managed in
                .p(.class("portal-status"), .safeText("Status: \(managed.status.label) · versie \(managed.version) · "),
                   .a(.href(esc(HandbookPortalPaths.history(managed.entry.id))), .safeText("Geschiedenis")))
            },
            .unwrap(model.message) { .div(.class("notice notice--info"), .role("status"), .p(.safeText($0))) },
            .unwrap(model.managed?.reviewComment) { comment in
                .div(.class("notice"), .role("note"), .h2(.class("notice__title"), .safeText("Opmerking van de redactie")), .p(.safeText(comment)))
            },
            FormControls.errorSummary(errors) { labels[$0] ?? $0 },
            .form(.class("portal-form portal-form--wide"), .action(esc(action)), .method(.post), .attr("novalidate", "novalidate"),
                PortalFields.csrf(model.csrf),
                .input(.type(.hidden), .name("versie"), .value(String(model.managed?.version ?? 0))),
                .if(isNew, FormControls.input("kenmerk", "Kenmerk", value: form.id, error: errors["kenmerk"], hint: "Kleine letters en koppeltekens; blijft vast.")),
                .fieldset(.legend(.safeText("Waarover")),
                    FormControls.select("publicatie", "Publicatie uit de catalogus", value: form.offering, error: errors["publicatie"],
                                            options: model.publications.map { ("\($0.provider)/\($0.id)", $0.title) },
                                            empty: model.canPublish ? "Geen: een document buiten de catalogus" : "Kies een publicatie"),
                    .if(model.canPublish, .group(
                        FormControls.input("document-titel", "Of: titel van een document buiten de catalogus", value: form.documentTitle, error: errors["document-titel"]),
                        FormControls.input("document-organisatie", "Organisatie", value: form.organisation, error: errors["document-organisatie"]),
                        FormControls.input("document-jaar", "Jaar", value: form.year, error: errors["document-jaar"], type: "number"),
                        FormControls.input("document-soort", "Soort document", value: form.type, error: errors["document-soort"], hint: "Bijvoorbeeld: handreiking, rapport."),
                        FormControls.input("document-paginas", "Pagina’s", value: form.pages, error: errors["document-paginas"], type: "number")))),
                .fieldset(.legend(.safeText("Plaats in het handboek")),
                    FormControls.checkboxes("fases", "Fase van onrust", selected: form.phases, terms: taxonomy.terms(.phase), error: errors["fases"]),
                    FormControls.select("onderwerp", "Onderwerp", value: form.topic, error: errors["onderwerp"],
                                            options: model.topics.map { ($0.slug, $0.label) }, empty: "Kies een onderwerp")),
                .fieldset(.legend(.safeText("Analyse")),
                    FormControls.textarea("analyse", "Analyse", value: form.analysis, error: errors["analyse"],
                                          hint: "Twee tot vier zinnen: wat het biedt, voor wie, en een kanttekening.", rows: 6),
                    FormControls.input("auteur", "Auteur", value: form.author, error: errors["auteur"]),
                    FormControls.input("datum", "Datum", value: form.date, error: errors["datum"], type: "date"),
                    FormControls.input("herzien-voor", "Herzien vóór", value: form.reviewBy, error: errors["herzien-voor"], type: "date"),
                    FormControls.select("erkenning", "Erkenning", value: form.evidence, error: errors["erkenning"],
                                            options: taxonomy.terms(.evidence).filter { $0.slug != Evidence.notAssessed }.map { ($0.slug, $0.label) },
                                            empty: "Niet beoordeeld")),
                .div(.class("portal-actions"),
                     .button(.type(.submit), .attr("name", "actie"), .attr("value", "concept"), .class("button button--secondary"), .safeText("Opslaan als concept")),
                     model.canPublish
                        ? .button(.type(.submit), .attr("name", "actie"), .attr("value", "publiceren"), .class("button"), .safeText("Publiceren"))
                        : .button(.type(.submit), .attr("name", "actie"), .attr("value", "indienen"), .class("button"), .safeText("Indienen bij de redactie")))),
            .unwrap(model.canPublish && model.managed?.status == .submitted ? model.managed : nil) { managed in
                .section(.class("review"), .aria("labelledby", "terugsturen"),
                    .h2(.id("terugsturen"), .safeText("Terugsturen naar de auteur")),
                    .form(.class("portal-form"), .action(esc(HandbookPortalPaths.sendBack(managed.entry.id))), .method(.post),
                          PortalFields.csrf(model.csrf),
                          .input(.type(.hidden), .name("versie"), .value(String(managed.version))),
                          FormControls.textarea("opmerking", "Wat moet er anders?", value: "", error: errors["opmerking"],
                                                hint: "De auteur ziet deze opmerking boven het formulier.", rows: 3),
                          .button(.type(.submit), .class("button button--secondary"), .safeText("Terugsturen"))))
            }))
    }

    static func history(_ managed: ManagedEntry, _ revisions: [EntryRevision], csrf: String, canRestore: Bool, site: SiteServices) -> String {
        let meta = PageMeta(title: "Geschiedenis van \(managed.entry.id)", description: "Elke versie van een artikel.",
                            path: HandbookPortalPaths.history(managed.entry.id), noIndex: true)
        return Layout.render(meta, site: site, content: .group(
            .nav(.class("breadcrumbs"), .aria("label", "Kruimelpad"),
                 .ol(.li(.a(.href(HandbookPortalPaths.entries()), .safeText("Handboek"))),
                     .li(.a(.href(esc(HandbookPortalPaths.entry(managed.entry.id))), .safeText(managed.entry.id))),
                     .li(.aria("current", "page"), .safeText("Geschiedenis")))),
            .h1(.safeText("Geschiedenis")),
            .table(.class("portal-table"),
                   .caption(.safeText("Versies, nieuwste eerst")),
                   .thead(.tr(.th(.safeText("Versie")), .th(.safeText("Wanneer")), .th(.safeText("Door")), .th(.safeText("Status")), .th(.safeText("Analyse")),
                              .th(.span(.class("visually-hidden"), .safeText("Acties"))))),
                   .tbody(.forEach(revisions) { revision in
                       .tr(.td(.safeText(String(revision.number))), .td(.safeText(DutchFormat.dateTime(revision.at))),
                           .td(.safeText(revision.editor.name)), .td(.safeText(revision.status.label)), .td(.safeText(revision.entry.analysis)),
                           .td(canRestore && revision.number != revisions.first?.number
                               ? .form(.action(esc(HandbookPortalPaths.restore(managed.entry.id, String(revision.number)))), .method(.post),
                                       PortalFields.csrf(csrf), .input(.type(.hidden), .name("versie"), .value(String(managed.version))),
                                       .button(.type(.submit), .class("button button--secondary button--small"), .safeText("Terugzetten als concept"),
                                               .span(.class("visually-hidden"), .safeText(" (versie \(revision.number))"))))
                               : .empty))
                   }))))
    }
}
