import Markup
import Catalogue
import Handbook
import Foundation
import Knowledge
import CatalogueService
import Plot
import Search

/// `/vraagwijzer`: the user describes a situation in a sentence (or picks an example) and gets how the
/// question was read — its words and themes, which they can switch off or add — and the best three
/// offerings to read, to learn from and to contact. Plain GET forms: it works without JavaScript.
enum QuestionGuidePage {
    struct Model {
        var taxonomy: Taxonomy
        var answer: GuideAnswer?
        var notices: [String]
        var highlighter: Highlighter
        /// Learning routes of the themes the question is about.
        var routes: [LearningRoute] = []
        /// Practice examples that fit the question.
        var practice: [Knowledge.Article] = []
    }

    static let path = CataloguePaths.guide()
    /// Marks a submission of the theme form: from then on the themes are the user's, not the text's.
    static let themesChosenParameter = "themas"

    /// Situations civil servants recognise, in their words; also the home page's entry points.
    static let examples: [String] = [
        "Een inwoner lijkt steeds verder mee te gaan in extreme denkbeelden",
        "Er is een demonstratie aangekondigd en een tegenactie dreigt",
        "De komst van een opvanglocatie voor asielzoekers zorgt voor onrust in de buurt",
        "Onze burgemeester wordt online bedreigd en uitgescholden",
        "De verhoudingen tussen groepen inwoners verharden",
        "Jongeren delen extreme filmpjes op sociale media",
        "Criminelen lijken invloed te krijgen op het lokale bestuur",
        "Inwoners keren zich af van de gemeente en de politiek",
    ]

    static let headings: [String: (title: String, lead: String)] = [
        "publicatie": ("Lezen", "Publicaties: handreikingen, rapporten en infobladen"),
        "training": ("Leren", "Trainingen: workshops, leerlijnen en leernetwerken"),
        "contactpunt": ("Contact opnemen", "Contactpunten: expertiseteams, vraagbaken en adviesdiensten"),
    ]

    /// The question in the URL, and a notice for everything that had to be corrected.
    static func question(from pairs: [(String, String)], taxonomy: Taxonomy) -> (GuideQuestion?, [String]) {
        var text = ""
        var themes: [String] = []
        var chosen = false
        var notices: [String] = []
        for (name, value) in pairs {
            switch name {
            case "vraag":
                text = value.trimmingCharacters(in: .whitespacesAndNewlines)
            case Facet.theme.pageParameter:
                if taxonomy.term(.theme, value) != nil {
                    if !themes.contains(value) { themes.append(value) }
                } else {
                    notices.append("Het thema ‘\(value)’ bestaat niet en is genegeerd.")
                }
            case themesChosenParameter:
                chosen = true
            default:
                break
            }
        }
        if text.count > CatalogueQuery.maxTextLength {
            notices.append("Uw beschrijving is langer dan \(CatalogueQuery.maxTextLength) tekens; alleen het begin is gebruikt.")
            text = String(text.prefix(CatalogueQuery.maxTextLength))
        }
        if text.isEmpty && !chosen && themes.isEmpty { return (nil, notices) }
        return (GuideQuestion(text: text, themes: chosen || !themes.isEmpty ? themes : nil), notices)
    }

    static func url(text: String, themes: [String]? = nil) -> String {
        var pairs = [("vraag", text)]
        if let themes {
            pairs += themes.map { (Facet.theme.pageParameter, $0) }
            pairs.append((themesChosenParameter, "gekozen"))
        }
        return path + "?" + QueryString.encode(pairs)
    }

    static func render(_ model: Model, site: SiteServices) -> String {
        let title = model.answer.map { $0.question.text.isEmpty ? "Vraagwijzer" : "Vraagwijzer: ‘\($0.question.text)’" } ?? "Vraagwijzer"
        let meta = PageMeta(
            title: title,
            description: "Beschrijf de situatie in uw gemeente en vind de publicaties, trainingen en contactpunten die erbij passen.",
            path: path, noIndex: model.answer != nil, section: .guide)
        return Layout.render(meta, site: site, content: view(model))
    }

    static func view(_ model: Model) -> Node<HTML.BodyContext> {
        .group(
            .h1(.safeText("Vraagwijzer")),
            .p(.class("lead"), .safeText("Beschrijf in een zin de situatie waar u mee te maken heeft. U krijgt de best passende publicaties, trainingen en contactpunten van de landelijke partners.")),
            .if(!model.notices.isEmpty, FinderPage.notices(model.notices)),
            questionForm(model.answer?.question.text ?? ""),
            .unwrap(model.answer, { answer($0, model) }, else: exampleList())
        )
    }

    static func questionForm(_ text: String) -> Node<HTML.BodyContext> {
        .form(
            .class("guide-form"), .action(path), .method(.get),
            .label(.for("vraag"), .safeText("Beschrijf uw situatie")),
            .p(.id("vraag-hint"), .class("hint"), .safeText("Bijvoorbeeld: wat er speelt, wie erbij betrokken zijn en wat u zoekt.")),
            .textarea(.id("vraag"), .name("vraag"), .attr("rows", "3"), .attr("maxlength", String(CatalogueQuery.maxTextLength)),
                      .aria("describedby", "vraag-hint"), .class("guide-form__text"), .raw(esc(text))),
            .button(.type(.submit), .class("button"), .safeText("Vind passend aanbod"))
        )
    }

    static func exampleList() -> Node<HTML.BodyContext> {
        .section(
            .aria("labelledby", "voorbeelden"),
            .h2(.id("voorbeelden"), .safeText("Of kies een voorbeeld")),
            .ul(.class("situations"), .forEach(examples) { example in
                .li(.a(.class("situation"), .href(esc(url(text: example))), .safeText(example)))
            })
        )
    }

    static func answer(_ answer: GuideAnswer, _ model: Model) -> Node<HTML.BodyContext> {
        .group(
            reading(answer, taxonomy: model.taxonomy),
            .group(answer.sections.map { section($0, answer: answer, model: model) }),
            .if(!model.routes.isEmpty, .section(.class("guide-kind"), .aria("labelledby", "leerroutes"),
                .h2(.id("leerroutes"), .safeText("Stap voor stap leren")),
                .p(.class("guide-kind__lead"), .safeText("Leerroutes bij deze thema's: aanbod van verschillende partners op een rij, van basis tot expert.")),
                .ul(.class("guide-kind__list"), .forEach(model.routes) { route in
                    .li(.a(.href(esc(HandbookPaths.route(route.slug))), .safeText(route.title)))
                }))),
            .if(!model.practice.isEmpty, .section(.class("guide-kind"), .aria("labelledby", "praktijk"),
                .h2(.id("praktijk"), .safeText("Hoe andere gemeenten het aanpakten")),
                .p(.class("guide-kind__lead"), .safeText("Praktijkvoorbeelden bij uw vraag: aanleiding, aanpak, resultaat en lessen.")),
                .div(.class("card-list"), .forEach(model.practice) { KnowledgePages.card($0, taxonomy: model.taxonomy, headingLevel: 3) }))),
            .p(.class("guide-more"),
               .a(.class("button button--secondary"), .href(esc(FinderURL.make(answer.catalogueQuery))),
                  .safeText("Bekijk al het passende aanbod in de catalogus (\(answer.total))")))
        )
    }

    /// How the question was read: its words, and its themes as a form of switchable chips.
    static func reading(_ answer: GuideAnswer, taxonomy: Taxonomy) -> Node<HTML.BodyContext> {
        let themes = taxonomy.terms(.theme)
        // Chosen themes first, in the order they were read, then the others to add.
        let ordered = answer.themes.compactMap { slug in themes.first { $0.slug == slug } }
            + themes.filter { !answer.themes.contains($0.slug) }
        return .section(
            .class("guide-reading"), .aria("labelledby", "gelezen"),
            .h2(.id("gelezen"), .safeText("Zo hebben we uw vraag gelezen")),
            .if(!answer.words.isEmpty,
                .p(.safeText("Zoekwoorden: "), .group(answer.words.enumerated().map { index, word in
                    .group(.if(index > 0, .safeText(", ")), .strong(.safeText(word)))
                }))),
            .unwrap(answer.phase) { phase in
                .p(.safeText("Uw vraag gaat over de fase "), .strong(.safeText(taxonomy.label(.phase, phase).lowercased())),
                   .safeText(" van maatschappelijke onrust; aanbod voor die fase staat voorop."))
            },
            .p(.safeText(answer.readThemes.isEmpty
                ? "In uw beschrijving herkenden we geen thema. Kies hieronder de thema's die passen."
                : "Herkende thema's staan aangevinkt. Zet er een uit of voeg er een toe en werk het antwoord bij.")),
            .form(
                .action(path), .method(.get),
                .input(.type(.hidden), .name("vraag"), .value(esc(answer.question.text))),
                .input(.type(.hidden), .name(themesChosenParameter), .value("gekozen")),
                .fieldset(
                    .class("theme-chips"),
                    .legend(.safeText("Thema's")),
                    .ul(.class("theme-chips__list"), .forEach(ordered) { theme in
                        let id = "thema-\(theme.slug)"
                        return .li(.class("theme-chip"),
                                   .input(.type(.checkbox), .id(esc(id)), .name(Facet.theme.pageParameter), .value(esc(theme.slug)),
                                          .checked(answer.themes.contains(theme.slug))),
                                   .label(.for(esc(id)), .safeText(theme.label),
                                          .if(answer.readThemes.contains(theme.slug),
                                              .span(.class("theme-chip__note"), .safeText(" (herkend)")))))
                    })
                ),
                .button(.type(.submit), .class("button button--secondary"), .safeText("Antwoord bijwerken"))
            )
        )
    }

    static func section(_ section: GuideAnswer.Section, answer: GuideAnswer, model: Model) -> Node<HTML.BodyContext> {
        let heading = headings[section.kind] ?? (model.taxonomy.label(.kind, section.kind), "")
        let id = "soort-\(section.kind)"
        let kindLabel = model.taxonomy.label(.kind, section.kind).lowercased()
        return .section(
            .class("guide-kind guide-kind--\(section.kind)"), .aria("labelledby", esc(id)),
            .h2(.id(esc(id)), .safeText(heading.title)),
            .p(.class("guide-kind__lead"), .safeText(heading.lead)),
            section.offerings.isEmpty
                ? .p(.safeText("Bij deze vraag vonden we geen \(kindLabel)-aanbod. Probeer andere woorden of andere thema's."))
                : .ol(.class("card-list guide-kind__list"), .forEach(section.offerings) { offering in
                    .li(Components.offeringCard(offering, taxonomy: model.taxonomy, highlighter: model.highlighter,
                                                terms: answer.matchedTerms))
                }),
            .if(section.total > section.offerings.count,
                .p(.a(.href(esc(FinderURL.make(section.catalogueQuery))),
                      .safeText("Alle \(section.total) resultaten van de soort \(kindLabel) bij deze vraag"))))
        )
    }
}
