import Markup
import Catalogue
import CatalogueService
import Plot

/// `/beheer/lijsten`: the vocabularies that classify the offer, for beheerders to keep.
enum VocabularyPages {
    /// Dutch names in URLs and headings.
    static let names: [(vocabulary: Vocabulary, path: String, title: String)] = [
        (.theme, "thema", "Thema’s"), (.audience, "doelgroep", "Doelgroepen"), (.kind, "soort", "Soorten"),
        (.form, "vorm", "Vormen"), (.cost, "kosten", "Kosten"), (.delivery, "werkvorm", "Werkvormen"),
        (.level, "niveau", "Niveaus"), (.phase, "fase", "Fasen van onrust"), (.evidence, "erkenning", "Erkenningsniveaus"),
    ]

    static func vocabulary(path: String) -> Vocabulary? { names.first { $0.path == path }?.vocabulary }
    static func path(_ vocabulary: Vocabulary) -> String { names.first { $0.vocabulary == vocabulary }!.path }
    static func title(_ vocabulary: Vocabulary) -> String { names.first { $0.vocabulary == vocabulary }!.title }
    static func facet(_ vocabulary: Vocabulary) -> Facet { Facet(rawValue: vocabulary.rawValue)! }

    static func overview(message: String?, site: SiteServices) -> String {
        let meta = PageMeta(title: "Lijsten", description: "De vaste lijsten van het aanbod.", path: VocabularyPaths.overview(), noIndex: true)
        let taxonomy = site.catalogue.taxonomy
        return Layout.render(meta, site: site, content: .group(
            .h1(.safeText("Lijsten")),
            .unwrap(message) { .div(.class("notice notice--info"), .role("status"), .p(.safeText($0))) },
            .p(.safeText("Met deze lijsten wordt het aanbod ingedeeld en gefilterd. U kunt waarden toevoegen, hernoemen, ordenen en samenvoegen.")),
            .ul(.forEach(names) { entry in
                .li(.a(.href(esc(VocabularyPaths.vocabulary(entry.path))), .safeText(entry.title)),
                    .safeText(" (\(taxonomy.terms(entry.vocabulary).count) waarden)"))
            }),
            .p(.a(.href(PortalPaths.dashboard()), .safeText("Terug naar het beheer")))))
    }

    struct Model {
        var vocabulary: Vocabulary
        var csrf: String
        var message: String?
        var errors = FormErrors()
        var slug = "", label = "", description = "", parent = "", from = "", into = ""
    }

    static func list(_ model: Model, site: SiteServices) -> String {
        let vocabulary = model.vocabulary
        let title = title(vocabulary)
        let list = path(vocabulary), base = VocabularyPaths.vocabulary(list)
        let meta = PageMeta(title: title, description: "Een vaste lijst van het aanbod.", path: base, noIndex: true)
        let taxonomy = site.catalogue.taxonomy
        let counts = site.catalogue.counts(facet(vocabulary))
        let terms = taxonomy.terms(vocabulary)
        let options = terms.map { ($0.slug, $0.label + (vocabulary == .form ? " (\(taxonomy.label(.kind, $0.parent ?? "")))" : "")) }
        return Layout.render(meta, site: site, content: .group(
            .nav(.class("breadcrumbs"), .aria("label", "Kruimelpad"),
                 .ol(.li(.a(.href(PortalPaths.dashboard()), .safeText("Beheer"))), .li(.a(.href(VocabularyPaths.overview()), .safeText("Lijsten"))),
                     .li(.aria("current", "page"), .safeText(title)))),
            .h1(.safeText(title)),
            .unwrap(model.message) { .div(.class("notice notice--info"), .role("status"), .p(.safeText($0))) },
            FormControls.errorSummary(model.errors, label: { ["kenmerk": "Kenmerk", "naam": "Naam", "soort": "Soort", "van": "Samenvoegen"][$0] ?? $0 }),
            .table(.class("portal-table"),
                   .caption(.safeText("\(title) in de volgorde van de site")),
                   .thead(.tr(.th(.attr("scope", "col"), .safeText("Naam")), .th(.attr("scope", "col"), .safeText("Kenmerk")),
                              .th(.attr("scope", "col"), .safeText("Gepubliceerd aanbod")),
                              .th(.attr("scope", "col"), .span(.class("visually-hidden"), .safeText("Acties"))))),
                   .tbody(.forEach(terms) { term in
                       .tr(.th(.attr("scope", "row"), .safeText(term.label + (vocabulary == .form ? " (\(taxonomy.label(.kind, term.parent ?? "")))" : ""))),
                           .td(.safeText(term.slug)),
                           .td(.safeText("\(counts[term.slug] ?? 0)")),
                           .td(.div(.class("portal-actions"),
                                    .a(.href(esc(VocabularyPaths.term(list, term.slug))), .safeText("Hernoemen"), .span(.class("visually-hidden"), .safeText(": \(term.label)"))),
                                    moveButton(VocabularyPaths.moveUp(list, term.slug), term, "Omhoog", model.csrf),
                                    moveButton(VocabularyPaths.moveDown(list, term.slug), term, "Omlaag", model.csrf))))
                   })),
            .if(vocabulary != .kind, .group(
                .h2(.safeText("Waarde toevoegen")),
                .form(.class("portal-form"), .action(esc(VocabularyPaths.add(list))), .method(.post), PortalFields.csrf(model.csrf),
                      ProviderFormPage.field("kenmerk", "Kenmerk", model.slug, error: model.errors["kenmerk"],
                                             hint: "Kleine letters en koppeltekens; staat in webadressen en bestanden."),
                      ProviderFormPage.field("naam", "Naam", model.label, error: model.errors["naam"]),
                      ProviderFormPage.field("beschrijving", "Beschrijving", model.description, error: model.errors["beschrijving"]),
                      .if(vocabulary == .form, FormControls.select("soort", "Soort", value: model.parent, error: model.errors["soort"],
                                                                        options: taxonomy.terms(.kind).map { ($0.slug, $0.label) }, empty: "Kies een soort")),
                      .button(.type(.submit), .class("button"), .safeText("Toevoegen"))),
                .h2(.safeText("Samenvoegen")),
                .p(.safeText("Al het aanbod met de eerste waarde krijgt de tweede; daarna verdwijnt de eerste uit de lijst. "
                    + "Ook concepten gaan mee, en elk gewijzigd aanbod krijgt een versie in zijn geschiedenis. Dit kan niet ongedaan worden gemaakt.")),
                .form(.class("portal-form"), .action(esc(VocabularyPaths.merge(list))), .method(.post), PortalFields.csrf(model.csrf),
                      mergeSelect("van", "Samenvoegen: deze waarde", options, selected: model.from, error: model.errors["van"]),
                      mergeSelect("naar", "in deze waarde", options, selected: model.into, error: nil),
                      .button(.type(.submit), .class("button button--secondary"), .safeText("Samenvoegen"))))),
            .p(.a(.href(VocabularyPaths.overview()), .safeText("Terug naar de lijsten")))))
    }

    static func moveButton(_ action: String, _ term: Term, _ label: String, _ csrf: String) -> Node<HTML.BodyContext> {
        .form(.action(esc(action)), .method(.post), PortalFields.csrf(csrf),
              .button(.type(.submit), .class("button button--secondary button--small"), .safeText(label),
                      .span(.class("visually-hidden"), .safeText(": \(term.label)"))))
    }

    static func mergeSelect(_ name: String, _ label: String, _ options: [(String, String)], selected: String, error: String?) -> Node<HTML.FormContext> {
        FormControls.select(name, label, value: selected, error: error, options: options, empty: "Kies een waarde")
    }

    static func termForm(_ vocabulary: Vocabulary, _ term: Term, label: String, description: String, errors: FormErrors, csrf: String,
                         site: SiteServices) -> String {
        let list = path(vocabulary), base = VocabularyPaths.vocabulary(list)
        let meta = PageMeta(title: "Hernoemen: \(term.label)", description: "Een waarde hernoemen.", path: base, noIndex: true)
        return Layout.render(meta, site: site, content: .group(
            .nav(.class("breadcrumbs"), .aria("label", "Kruimelpad"),
                 .ol(.li(.a(.href(VocabularyPaths.overview()), .safeText("Lijsten"))), .li(.a(.href(esc(base)), .safeText(title(vocabulary)))),
                     .li(.aria("current", "page"), .safeText(term.label)))),
            .h1(.safeText("Hernoemen: \(term.label)")),
            .p(.safeText("Het kenmerk ‘\(term.slug)’ blijft; de naam is wat bezoekers lezen.")),
            FormControls.errorSummary(errors, label: { ["naam": "Naam", "beschrijving": "Beschrijving"][$0] ?? $0 }),
            .form(.class("portal-form"), .action(esc(VocabularyPaths.term(list, term.slug))), .method(.post), PortalFields.csrf(csrf),
                  ProviderFormPage.field("naam", "Naam", label, error: errors["naam"]),
                  ProviderFormPage.field("beschrijving", "Beschrijving", description, error: errors["beschrijving"]),
                  .button(.type(.submit), .class("button"), .safeText("Opslaan"))),
            .p(.a(.href(esc(base)), .safeText("Terug naar \(title(vocabulary).lowercased())")))))
    }
}
