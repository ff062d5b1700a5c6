import Catalogue
import CatalogueService
import Foundation
import Knowledge
import Markup
import Plot

/// The public pages of tips: the form, the answer after sending, the sender's status page behind
/// their personal link, and the edit form when the redactie asked for changes.
enum TipPages {
    struct FormModel {
        var csrf: String
        var form = TipForm()
        var errors = FormErrors()
    }

    static func form(_ model: FormModel, site: SiteServices) -> String {
        let meta = PageMeta(title: "Tip ons", description: "Stuur de redactie van Weerbaar een tip, een praktijkvoorbeeld of een dilemma.",
                            path: TipPaths.form())
        return Layout.render(meta, site: site, content: .group(
            .h1(.safeText("Tip ons")),
            .p(.class("lead"), .safeText("Werkt uw gemeente aan een aanpak die anderen verder helpt, of zit u met een dilemma waar collega’s iets aan hebben? "
                + "Vertel het de redactie. Niets wordt gepubliceerd voordat een redacteur het heeft gelezen en met u heeft afgestemd.")),
            FormControls.errorSummary(model.errors) { TipForm.labels[$0] ?? $0 },
            .form(.class("portal-form portal-form--wide"), .action(TipPaths.form()), .method(.post), .attr("novalidate", "novalidate"),
                  PortalFields.csrf(model.csrf),
                  storyFields(model.form, errors: model.errors, site: site),
                  .fieldset(.legend(.safeText("Over u")),
                      .p(.class("field__hint"), .safeText("We gebruiken uw gegevens alleen om uw inzending te bevestigen en met u te overleggen.")),
                      FormControls.input("naam", "Uw naam", value: model.form.name, error: model.errors["naam"]),
                      FormControls.input("email", "Uw e-mailadres", value: model.form.email, error: model.errors["email"], type: "email",
                                         hint: "We sturen er een link heen om uw inzending te bevestigen."),
                      FormControls.input("organisatie", "Organisatie (niet verplicht)", value: model.form.organisation, error: model.errors["organisatie"]),
                      .div(.class("checkbox"),
                           .input(.type(.checkbox), .id("naam-tonen"), .name("naam-tonen"), .value("ja"), .checked(model.form.showName)),
                           .label(.for("naam-tonen"), .safeText("Mijn naam mag bij een artikel over mijn inzending staan")))),
                  NewsletterPages.honeypot(id: "tip-website"),
                  .button(.type(.submit), .class("button"), .safeText("Versturen"))),
            privacy()))
    }

    /// What the sender tells: shared by the form and the edit page.
    static func storyFields(_ form: TipForm, errors: FormErrors, site: SiteServices) -> Node<HTML.FormContext> {
        let gemeenten = MunicipalityList.cbs.all.sorted { $0.name < $1.name }.map { ($0.code, $0.name) }
        return .group(
            .fieldset(.class(errors["soort"] == nil ? "field choices" : "field choices field--error"), .id("soort"),
                .legend(.safeText("Wat stuurt u in?")),
                .unwrap(errors["soort"]) { .p(.id("soort-fout"), .class("field__error"), .safeText($0)) },
                .forEach(Tip.Kind.allCases) { kind in
                    .div(.class("radio"),
                         .input(.type(.radio), .id("soort-\(kind.rawValue)"), .name("soort"), .value(kind.rawValue), .checked(form.kind == kind.rawValue)),
                         .label(.for("soort-\(kind.rawValue)"), .safeText(kind.label + " — " + hint(kind))))
                }),
            FormControls.input("titel", "Titel", value: form.title, error: errors["titel"], hint: "Een korte zin, zoals: Buurtgesprekken na de brand in de sporthal."),
            FormControls.textarea("verhaal", "Uw verhaal", value: form.story, error: errors["verhaal"],
                                  hint: "Wat speelde er, wat deed u, wat wilt u delen of vragen? Noem geen mensen die daar niet mee instemden.", rows: 8),
            .fieldset(.legend(.safeText("Bij een praktijkvoorbeeld")),
                .p(.class("field__hint"), .safeText("Aanleiding, aanpak en resultaat zijn dan verplicht; de rest helpt lezers.")),
                FormControls.textarea("aanleiding", "Aanleiding", value: form.aanleiding, error: errors["aanleiding"], hint: nil, rows: 3),
                FormControls.textarea("aanpak", "Aanpak", value: form.aanpak, error: errors["aanpak"], hint: nil, rows: 4),
                FormControls.textarea("resultaat", "Resultaat", value: form.resultaat, error: errors["resultaat"], hint: nil, rows: 3),
                FormControls.textarea("lessen", "Lessen (niet verplicht)", value: form.lessen, error: errors["lessen"], hint: nil, rows: 3),
                FormControls.textarea("betrokken", "Wie waren betrokken (niet verplicht)", value: form.betrokken, error: errors["betrokken"],
                                      hint: "Organisaties en rollen, geen namen.", rows: 2)),
            FormControls.select("gemeente", "Gemeente (niet verplicht)", value: form.gemeente, error: errors["gemeente"], options: gemeenten,
                                empty: "Geen of meerdere gemeenten"),
            FormControls.checkboxes("themas", "Thema’s (niet verplicht)", selected: form.themes, terms: site.catalogue.taxonomy.terms(.theme),
                                    error: errors["themas"]),
            FormControls.textarea("links", "Links (niet verplicht)", value: form.links, error: errors["links"],
                                  hint: "Hoogstens \(TipForm.maxLinks), één per regel, zoals een verslag of een rapport. Bestanden nemen we niet aan.", rows: 3))
    }

    static func hint(_ kind: Tip.Kind) -> String {
        switch kind {
        case .tip: "een project, aanpak, publicatie of bijeenkomst die de redactie moet kennen"
        case .practice: "een aanpak uit uw gemeente, met aanleiding, aanpak en resultaat"
        case .dilemma: "een vraag uit de praktijk waar u zelf niet uitkomt"
        }
    }

    static func privacy() -> Node<HTML.BodyContext> {
        .section(.aria("labelledby", "privacy"),
            .h2(.id("privacy"), .safeText("Wat we bewaren")),
            .p(.safeText("Uw inzending en, apart daarvan, uw naam, e-mailadres en organisatie. Uw naam staat alleen bij een artikel als u dat aanvinkt; "
                + "uw e-mailadres en organisatie publiceren we nooit. Bevestigt u niet binnen zeven dagen, dan verwijderen we alles. "
                + "Een jaar na het besluit van de redactie verwijderen we uw contactgegevens, en een afgewezen of ingetrokken inzending helemaal.")))
    }

    static func sent(site: SiteServices) -> String {
        MessagePage.render("Kijk in uw mailbox", [
            "We hebben uw inzending ontvangen en sturen u een e-mail met een persoonlijke link. Bevestig daarmee dat dit uw adres is; pas dan leest de redactie uw inzending.",
            "Geen e-mail ontvangen? Kijk ook bij ongewenste e-mail. Bevestigt u niet binnen zeven dagen, dan verwijderen we uw inzending.",
        ], path: TipPaths.form(), description: "Tip ons", site: site)
    }

    struct StatusModel {
        var tip: Tip
        var token: String
        var csrf: String
        var message: String?
    }

    /// The steps of a tip as the sender sees them, with where it stands.
    static func status(_ model: StatusModel, site: SiteServices) -> String {
        let tip = model.tip
        let path = TipPaths.status(model.token)
        let meta = PageMeta(title: "Uw inzending", description: "Hoe het met uw inzending staat.", path: path, noIndex: true)
        let steps: [(Tip.State, String)] = [(.unconfirmed, "Bevestigd"), (.submitted, "Ontvangen door de redactie"), (.inReview, "In behandeling"),
                                             (.accepted, "Besluit")]
        let reached: Int = switch tip.state {
        case .unconfirmed: 0
        case .submitted: 2
        case .inReview, .changesRequested: 3
        case .accepted, .declined, .withdrawn: 4
        }
        return Layout.render(meta, site: site, content: .group(
            .h1(.safeText("Uw inzending: \(tip.content.title)")),
            .unwrap(model.message) { .div(.class("notice notice--info"), .role("status"), .p(.safeText($0))) },
            .p(.class("lead"), .safeText("Status: \(tip.state.label).")),
            .ol(.class("steps steps--progress"), .forEach(Array(steps.enumerated())) { index, step in
                .li(.class(index < reached ? "steps__done" : "steps__todo"),
                    index == reached - 1 ? .attribute(named: "aria-current", value: "step") : .empty,
                    .safeText(step.1), .span(.class("visually-hidden"), .safeText(index < reached ? " (gedaan)" : " (nog niet)")))
            }),
            explanation(model),
            actions(model),
            .h2(.safeText("Wat u instuurde")),
            .dl(.class("facts"),
                .dt(.safeText("Soort")), .dd(.safeText(tip.content.kind.label)),
                .dt(.safeText("Ingestuurd")), .dd(.safeText(DutchFormat.date(Day(tip.created)))),
                .unwrap(tip.content.gemeente.flatMap(MunicipalityList.cbs.municipality)) { .group(.dt(.safeText("Gemeente")), .dd(.safeText($0.name))) }),
            .div(.class("tip-story"), .forEach(tip.content.story.split(whereSeparator: \.isNewline)) { .p(.safeText(String($0))) })))
    }

    static func explanation(_ model: StatusModel) -> Node<HTML.BodyContext> {
        let tip = model.tip
        switch tip.state {
        case .unconfirmed:
            return .p(.safeText("Bevestig uw inzending; pas daarna leest de redactie haar."))
        case .submitted:
            return .p(.safeText("Uw inzending wacht op een redacteur. We streven naar een besluit binnen twee weken."))
        case .inReview:
            return .p(.safeText("Een redacteur leest uw inzending. U hoort van ons als we iets willen vragen of een besluit hebben genomen."))
        case .changesRequested:
            return .div(.class("notice"), .role("note"), .h2(.class("notice__title"), .safeText("De redactie vraagt u iets aan te passen")),
                        .p(.safeText(tip.requestNote ?? "")))
        case .accepted:
            return .group(.p(.safeText("De redactie neemt uw inzending over en maakt er een artikel van.")),
                          .unwrap(tip.decisionNote) { .p(.safeText("De redacteur schrijft: \($0)")) })
        case .declined:
            return .group(.p(.safeText("De redactie publiceert uw inzending niet. " + (tip.declineReason?.explanation ?? ""))),
                          .unwrap(tip.decisionNote) { .p(.safeText("De redacteur schrijft: \($0)")) })
        case .withdrawn:
            return .p(.safeText("U heeft uw inzending ingetrokken. Een jaar daarna verwijderen we haar met uw gegevens; wilt u dat eerder, mail de redactie."))
        }
    }

    static func actions(_ model: StatusModel) -> Node<HTML.BodyContext> {
        let tip = model.tip, token = model.token
        return .div(.class("portal-actions"),
            .if(tip.state == .unconfirmed,
                .form(.action(esc(TipPaths.confirm(token))), .method(.post), PortalFields.csrf(model.csrf),
                      .button(.type(.submit), .class("button"), .safeText("Inzending bevestigen")))),
            .if(tip.state == .changesRequested, .a(.class("button"), .href(esc(TipPaths.edit(token))), .safeText("Inzending aanpassen"))),
            .if(tip.state.canWithdraw,
                .form(.action(esc(TipPaths.withdraw(token))), .method(.post), PortalFields.csrf(model.csrf),
                      .button(.type(.submit), .class("button button--secondary"), .safeText("Inzending intrekken")))))
    }

    struct EditModel {
        var tip: Tip
        var token: String
        var csrf: String
        var form: TipForm
        var errors = FormErrors()
    }

    static func edit(_ model: EditModel, site: SiteServices) -> String {
        let path = TipPaths.edit(model.token)
        let meta = PageMeta(title: "Inzending aanpassen", description: "Uw inzending aanpassen.", path: path, noIndex: true)
        return Layout.render(meta, site: site, content: .group(
            .h1(.safeText("Inzending aanpassen")),
            .div(.class("notice"), .role("note"), .h2(.class("notice__title"), .safeText("De redactie vraagt")), .p(.safeText(model.tip.requestNote ?? ""))),
            FormControls.errorSummary(model.errors) { TipForm.labels[$0] ?? $0 },
            .form(.class("portal-form portal-form--wide"), .action(esc(path)), .method(.post), .attr("novalidate", "novalidate"),
                  PortalFields.csrf(model.csrf),
                  storyFields(model.form, errors: model.errors, site: site),
                  .button(.type(.submit), .class("button"), .safeText("Aangepaste inzending versturen"))),
            .p(.a(.href(esc(TipPaths.status(model.token))), .safeText("Terug naar uw inzending")))))
    }
}
