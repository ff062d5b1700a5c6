import Markup
import Accounts
import Catalogue
import CatalogueService
import Foundation
import Plot

/// `/beheer/aanbod/nieuw` and `/beheer/aanbod/{provider}/{id}`: every field of the exchange format,
/// each message beside its field and summarised at the top, a preview of the public page, and the
/// buttons the editor's role allows. It works without JavaScript: the preview is a submit button.
enum OfferingEditPage {
    struct Model {
        var form: OfferingForm
        var errors = FormErrors()
        /// nil for a new offering.
        var managed: ManagedOffering?
        var editToken: EditToken
        var account: Account
        /// Whether this editor may publish this provider's offer directly.
        var canPublish: Bool
        var csrf: String
        var message: String?
        /// A save that lost to someone else's; shown as an alert above the kept input.
        var conflict: String?
        /// The public page as it would look, when the preview was asked for and the input is valid.
        var preview: Offering?
    }

    static func render(_ model: Model, site: SiteServices) -> String {
        let isNew = model.managed == nil
        let title = isNew ? "Nieuw aanbod" : "Aanbod bewerken"
        let action = isNew ? EditorialPaths.newOffering() : EditorialPaths.offering(model.managed!.key.provider, model.managed!.key.id)
        let meta = PageMeta(title: title, description: "Aanbod bewerken in het beheer van Weerbaar.", path: EditorialPaths.offerings(), noIndex: true)
        let taxonomy = site.catalogue.taxonomy
        return Layout.render(meta, site: site, content: .group(
            .nav(.class("breadcrumbs"), .aria("label", "Kruimelpad"),
                 .ol(.li(.a(.href(PortalPaths.dashboard()), .safeText("Beheer"))),
                     .li(.a(.href(EditorialPaths.offerings()), .safeText("Aanbod beheren"))),
                     .li(.aria("current", "page"), .safeText(title)))),
            .h1(.safeText(isNew ? title : "\(title): \(model.managed!.title)")),
            .unwrap(model.managed) { status($0, site: site) },
            .unwrap(model.message) { .div(.class("notice notice--info"), .role("status"), .p(.safeText($0))) },
            .unwrap(model.conflict) { .div(.class("notice"), .role("alert"), .h2(.class("notice__title"), .safeText("Niet opgeslagen")),
                                           .p(.safeText($0))) },
            errorSummary(model.errors),
            reviewBox(model, taxonomy: site.catalogue.taxonomy),
            .form(
                .class("portal-form portal-form--wide"), .action(esc(action)), .method(.post), .attr("novalidate", "novalidate"),
                PortalFields.csrf(model.csrf),
                .input(.type(.hidden), .name("versie"), .value(esc(model.editToken.description))),
                .fieldset(.legend(.safeText("Wat het is")),
                          identity(model, isNew: isNew, taxonomy: taxonomy),
                          text("titel", "Titel", model, max: RecordValidator.maxTitle),
                          area("samenvatting", "Samenvatting", model, rows: 3, hint: "Eén of twee zinnen; verschijnt in de zoekresultaten."),
                          area("beschrijving", "Beschrijving", model, rows: 12,
                               hint: "Opmaak met Markdown: **vet**, *schuin*, [linktekst](https://…), regels met - voor een lijst, ## voor een kopje.")),
                .fieldset(.legend(.safeText("Indeling")),
                          select("soort", "Soort", model, options: taxonomy.terms(.kind).map { ($0.slug, $0.label) }, empty: "Kies een soort"),
                          formSelect(model, taxonomy: taxonomy),
                          FormControls.checkboxes("themas", "Thema’s", selected: model.form.themes, terms: taxonomy.terms(.theme), error: model.errors["themas"]),
                          FormControls.checkboxes("doelgroepen", "Doelgroepen", selected: model.form.audiences, terms: taxonomy.terms(.audience),
                                     error: model.errors["doelgroepen"]),
                          text("trefwoorden", "Trefwoorden", model, hint: "Gescheiden door komma’s, zoals: buurtbemiddeling, draagvlak.")),
                .fieldset(.legend(.safeText("Niveau, fase en erkenning")),
                          select("niveau", "Niveau", model, options: taxonomy.terms(.level).map { ($0.slug, $0.label) }, empty: "Niet vermeld"),
                          FormControls.checkboxes("fases", "Fase van onrust", selected: model.form.phases, terms: taxonomy.terms(.phase), error: model.errors["fases"]),
                          select("erkenning", "Erkenning", model,
                                 options: taxonomy.terms(.evidence).filter { $0.slug != Evidence.notAssessed }.map { ($0.slug, $0.label) },
                                 empty: "Niet beoordeeld"),
                          text("erkenning-datum", "Erkend op", model, type: "date", hint: "Alleen bij een erkenning."),
                          text("erkenning-door", "Erkend door", model, hint: "De commissie of databank die de erkenning gaf.")),
                .fieldset(.legend(.safeText("Praktisch")),
                          select("kosten", "Kosten", model, options: taxonomy.terms(.cost).map { ($0.slug, $0.label) }, empty: "Niet vermeld"),
                          select("werkvorm", "Werkvorm", model, options: taxonomy.terms(.delivery).map { ($0.slug, $0.label) }, empty: "Niet vermeld"),
                          text("duur", "Duur", model, hint: "Bijvoorbeeld: twee dagdelen."),
                          text("prijs", "Prijs in euro", model, hint: "Alleen het bedrag, zoals 395 of 87,50. Leeg bij gratis of op aanvraag."),
                          text("wanneer-en-waar", "Wanneer en waar", model, hint: "Bijvoorbeeld: vier keer per jaar in Utrecht, of op aanvraag bij u in de gemeente."),
                          text("taal", "Taal", model, hint: "Bijvoorbeeld: Nederlands."),
                          text("accreditatie", "Accreditatie", model, hint: "Punten in een beroepsregister, als die er zijn."),
                          text("webadres", "Webadres", model, type: "url", hint: "Waar men het aanbod vindt of zich aanmeldt; begint met https://.")),
                .fieldset(.legend(.safeText("Contact")),
                          text("contact-naam", "Naam", model),
                          text("contact-email", "E-mailadres", model, type: "email"),
                          text("contact-telefoon", "Telefoon", model, type: "tel")),
                .fieldset(.legend(.safeText("Data")),
                          text("verschenen", "Verschenen op", model, type: "date", hint: "Voor publicaties: de datum van verschijnen."),
                          text("herzien-voor", "Herzien vóór", model, type: "date",
                               hint: "Leeg: twaalf maanden na de laatste controle.")),
                .div(.class("portal-actions"),
                     .button(.type(.submit), .attr("name", "actie"), .attr("value", "voorbeeld"), .class("button button--secondary"), .safeText("Voorbeeld bekijken")),
                     .button(.type(.submit), .attr("name", "actie"), .attr("value", "concept"), .class("button button--secondary"), .safeText("Opslaan als concept")),
                     model.canPublish
                        ? .button(.type(.submit), .attr("name", "actie"), .attr("value", "publiceren"), .class("button"), .safeText("Publiceren"))
                        : .button(.type(.submit), .attr("name", "actie"), .attr("value", "indienen"), .class("button"), .safeText("Indienen ter beoordeling")))
            ),
            .unwrap(model.preview) { offering in
                .section(.class("preview"), .aria("labelledby", "voorbeeld"),
                         .h2(.id("voorbeeld"), .safeText("Voorbeeld: zo ziet de pagina eruit")),
                         .div(.class("preview__frame"),
                              OfferingPage.view(.init(offering: offering, provider: taxonomy.provider(offering.provider), taxonomy: taxonomy,
                                                      related: []), headingLevel: 2)))
            },
            .unwrap(model.managed) { managed in otherActions(managed, model: model) }
        ))
    }

    /// Where the offering stands: its status, a pending draft, the redactie's comment.
    static func status(_ managed: ManagedOffering, site: SiteServices) -> Node<HTML.BodyContext> {
        var parts = ["Status: \(managed.status.label)"]
        if managed.stored != nil, let draft = managed.draft {
            parts.append("er is een nieuwe versie \(draft.status == .submitted ? "ter beoordeling" : "in concept"); "
                + "de gepubliceerde versie blijft zichtbaar tot die is gepubliceerd")
        }
        if let draft = managed.draft {
            parts.append("laatst opgeslagen door \(draft.author.name) op \(DutchFormat.dateTime(draft.updated))")
        }
        return .group(
            .p(.class("portal-status"), .safeText(parts.joined(separator: " · ") + ".")),
            .unwrap(managed.draft?.reviewComment) { comment in
                .div(.class("notice"), .role("note"), .h2(.class("notice__title"), .safeText("Opmerking van de redactie")),
                     .p(.safeText(comment)))
            })
    }

    static func errorSummary(_ errors: FormErrors, label: (String) -> String = fieldLabel) -> Node<HTML.BodyContext> {
        FormControls.errorSummary(errors, label: label)
    }

    static func fieldLabel(_ name: String) -> String {
        let field = OfferingForm.textFields.first { $0.name == name }?.field
        switch name {
        case "themas": return "Thema’s"
        case "doelgroepen": return "Doelgroepen"
        default: return field.flatMap { RecordDiff.fieldLabels[$0] } ?? name
        }
    }

    /// The key and provider: chosen for a new offering (a partner editor's provider is fixed), shown for an existing one.
    static func identity(_ model: Model, isNew: Bool, taxonomy: Taxonomy) -> Node<HTML.FormContext> {
        guard isNew else {
            let key = model.managed!.key
            return .p(.class("hint"), .safeText("Kenmerk: \(key.id) · aanbieder: \(taxonomy.provider(key.provider)?.name ?? key.provider)"))
        }
        let providerField: Node<HTML.FormContext> = model.account.role == .partnerEditor
            ? .group(.input(.type(.hidden), .name("aanbieder"), .value(esc(model.account.provider ?? ""))),
                     .p(.class("hint"), .safeText("Aanbieder: \(model.account.provider.flatMap { taxonomy.provider($0)?.name } ?? "")")))
            : select("aanbieder", "Aanbieder", model, options: taxonomy.providers.map { ($0.slug, $0.name) }, empty: "Kies een aanbieder")
        return .group(
            providerField,
            text("kenmerk", "Kenmerk", model, hint: "Kleine letters, cijfers en koppeltekens. Leeg laten: het wordt gemaakt uit de titel."))
    }

    // MARK: - Fields

    static func text(_ name: String, _ label: String, _ model: Model, type: String = "text", max: Int? = nil, hint: String? = nil) -> Node<HTML.FormContext> {
        FormControls.input(name, label, value: model.form[name], error: model.errors[name], type: type, hint: hint)
    }

    static func area(_ name: String, _ label: String, _ model: Model, rows: Int, hint: String?) -> Node<HTML.FormContext> {
        FormControls.textarea(name, label, value: model.form[name], error: model.errors[name], hint: hint, rows: rows)
    }

    static func select(_ name: String, _ label: String, _ model: Model, options: [(String, String)], empty: String) -> Node<HTML.FormContext> {
        FormControls.select(name, label, value: model.form[name], error: model.errors[name], options: options, empty: empty)
    }

    /// The form within its kind, grouped, so the choice shows which forms fit which kind.
    static func formSelect(_ model: Model, taxonomy: Taxonomy) -> Node<HTML.FormContext> {
        let error = model.errors["vorm"]
        let formHint = "Past bij de soort: een handreiking is een publicatie."
        return FormControls.wrapper("vorm", "Vorm", hint: formHint, error: error,
                       .element(named: "select", nodes: [.attr("id", "vorm"), .attr("name", "vorm"), FormControls.describedBy("vorm", hint: formHint, error: error),
                                                         FormControls.option("", "Kies een vorm", selected: model.form["vorm"].isEmpty),
                                                         .group(taxonomy.terms(.kind).map { kind in
                                                             .element(named: "optgroup", nodes: [
                                                                 .attr("label", esc(kind.label)),
                                                                 .group(taxonomy.forms(of: kind.slug).map {
                                                                     FormControls.option($0.slug, $0.label, selected: $0.slug == model.form["vorm"])
                                                                 })])
                                                         })]))
    }

    /// For a redacteur, above a submitted draft: what changed against the site, and the two answers.
    static func reviewBox(_ model: Model, taxonomy: Taxonomy) -> Node<HTML.BodyContext> {
        guard model.account.role == .editor, let managed = model.managed, let draft = managed.draft, draft.status == .submitted else { return .empty }
        let key = managed.key
        let error = model.errors["opmerking"]
        return .section(.class("review"), .aria("labelledby", "beoordelen"),
            .h2(.id("beoordelen"), .safeText("Beoordelen")),
            .p(.safeText("Ingediend door \(draft.author.name) op \(DutchFormat.dateTime(draft.updated)). "
                + (managed.stored == nil ? "Dit aanbod is nieuw." : "Wijzigingen ten opzichte van de versie op de site:"))),
            OfferingHistoryPage.diffTable(RecordDiff.changes(from: managed.stored?.record, to: draft.record, taxonomy: taxonomy), caption: "Wijzigingen"),
            .div(.class("portal-actions"),
                 .form(.action(esc(EditorialPaths.publish(key.provider, key.id))), .method(.post), PortalFields.csrf(model.csrf),
                       .input(.type(.hidden), .name("versie"), .value("\(draft.version)")),
                       .button(.type(.submit), .class("button"), .safeText("Publiceren")))),
            .form(.class("portal-form"), .action(esc(EditorialPaths.sendBack(key.provider, key.id))), .method(.post), PortalFields.csrf(model.csrf),
                  .input(.type(.hidden), .name("versie"), .value("\(draft.version)")),
                  .div(.class(error == nil ? "field" : "field field--error"),
                       .label(.for("opmerking"), .safeText("Opmerking voor de auteur")),
                       .unwrap(error) { .p(.id("opmerking-fout"), .class("field__error"), .safeText($0)) },
                       .element(named: "textarea", nodes: [.attr("id", "opmerking"), .attr("name", "opmerking"), .attr("rows", "4"),
                                                           error == nil ? .empty : .aria("describedby", "opmerking-fout"),
                                                           error == nil ? .empty : .aria("invalid", "true")])),
                  .button(.type(.submit), .class("button button--secondary"), .safeText("Terugsturen met opmerking"))))
    }

    // MARK: - Actions beside the form

    static func otherActions(_ managed: ManagedOffering, model: Model) -> Node<HTML.BodyContext> {
        let key = managed.key
        return .section(.class("portal-more"), .aria("labelledby", "meer"),
            .h2(.id("meer"), .safeText("Meer")),
            .ul(.class("inline-links"),
                .li(.a(.href(esc(EditorialPaths.history(key.provider, key.id))), .safeText("Geschiedenis en eerdere versies"))),
                .li(.a(.href(esc(EditorialPaths.newOffering(query: QueryString.encode([("kopie", "\(managed.key.provider)/\(managed.key.id)")])))), .safeText("Kopie maken als nieuw aanbod"))),
                .unwrap(managed.storedStatus == .published ? managed.stored : nil) {
                    .li(.a(.href(esc(CataloguePaths.offering($0.slug))), .safeText("Bekijk de openbare pagina")))
                }),
            .div(.class("portal-actions"),
                 .if(managed.storedStatus == .published,
                     .form(.action(esc(EditorialPaths.archive(key.provider, key.id))), .method(.post), PortalFields.csrf(model.csrf),
                           .button(.type(.submit), .class("button button--secondary"), .safeText("Archiveren (van de site halen)")))),
                 .if(managed.storedStatus == .archived,
                     .form(.action(esc(EditorialPaths.unarchive(key.provider, key.id))), .method(.post), PortalFields.csrf(model.csrf),
                           .button(.type(.submit), .class("button button--secondary"),
                                   .safeText(model.canPublish ? "Uit het archief halen en publiceren" : "Uit het archief halen (ter beoordeling)"))))))
    }
}

/// The messages the edit page shows after a step.
enum OfferingFlash: String, Flash {
    case opgeslagen, ingediend, gepubliceerd, gearchiveerd, hersteld, teruggezet, teruggestuurd
    var text: String {
        switch self {
        case .opgeslagen: "Opgeslagen als concept. Het staat nog niet op de site."
        case .ingediend: "Ingediend. Een redacteur beoordeelt het; u krijgt bericht per e-mail."
        case .gepubliceerd: "Gepubliceerd: het staat nu op de site."
        case .gearchiveerd: "Gearchiveerd: het staat niet meer op de site."
        case .hersteld: "Uit het archief gehaald."
        case .teruggezet: "De eerdere versie staat nu als concept klaar. Publiceer of dien in om hem op de site te zetten."
        case .teruggestuurd: "Teruggestuurd naar de auteur, met uw opmerking per e-mail."
        }
    }
}

extension EditorialPaths {
    /// The edit page of an offering, with the message of the step just taken.
    static func offering(_ key: OfferingKey, _ flash: OfferingFlash? = nil) -> String {
        offering(key.provider, key.id, query: flash?.rawValue)
    }
}
