import Newsletter
import CatalogueService
import Audit
import Accounts
import Catalogue
import Foundation
import Insight
import Markup
import Plot

/// The redactie's survey pages: the waves, one wave with its questions, the invitations per gemeente
/// and the results while the survey runs.
enum SurveyPortalPages {
    static func breadcrumbs(_ current: String, survey: Survey? = nil) -> Node<HTML.BodyContext> {
        .nav(.class("breadcrumbs"), .aria("label", "Kruimelpad"),
             .ol(.li(.a(.href(PortalPaths.dashboard()), .safeText("Beheer"))),
                 survey == nil ? .empty : .li(.a(.href(InsightPaths.Portal.surveys()), .safeText("Behoeftepeilingen"))),
                 .unwrap(survey) { .li(.a(.href(InsightPaths.Portal.survey($0.id.uuidString)), .safeText($0.title))) },
                 .li(.aria("current", "page"), .safeText(current))))
    }

    static func list(_ surveys: [(Survey, responded: Int)], csrf: String, message: String?, site: SiteServices) -> String {
        let meta = PageMeta(title: "Behoeftepeilingen", description: "De behoeftepeilingen onder gemeenten.", path: InsightPaths.Portal.surveys(), noIndex: true)
        return Layout.render(meta, site: site, content: .group(
            breadcrumbs("Behoeftepeilingen"),
            .h1(.safeText("Behoeftepeilingen")),
            .unwrap(message) { .div(.class("notice notice--info"), .role("status"), .p(.safeText($0))) },
            .p(.safeText("Een peiling vraagt gemeenten wat zij nodig hebben. Elke gemeente (CBS-lijst, 342) stuurt één antwoord in; "
                + "de behoeftematrix voedt de witte vlekken.")),
            .div(.class("portal-actions"), .a(.class("button"), .href(InsightPaths.Portal.newSurvey()), .safeText("Nieuwe peiling"))),
            .table(.class("portal-table"),
                   .caption(.safeText("Peilingen (\(surveys.count))")),
                   .thead(.tr(.th(.safeText("Titel")), .th(.safeText("Jaar")), .th(.safeText("Status")), .th(.safeText("Open")), .th(.safeText("Geantwoord")))),
                   .tbody(.forEach(surveys) { survey, responded in
                       .tr(.td(.a(.href(InsightPaths.Portal.survey(survey.id.uuidString)), .safeText(survey.title))),
                           .td(.safeText(String(survey.year))),
                           .td(.safeText(survey.status.label + (survey.resultsPublished ? ", resultaten openbaar" : ""))),
                           .td(.safeText("\(DutchFormat.date(survey.opens)) – \(DutchFormat.date(survey.closes))")),
                           .td(.safeText("\(responded) gemeenten")))
                   }))))
    }

    /// The public list of surveys whose results are published.
    static func publicList(_ surveys: [(Survey, responded: Int)], site: SiteServices) -> String {
        let meta = PageMeta(title: "Behoeftepeilingen onder gemeenten", description: "Wat gemeenten nodig hebben: de resultaten van de behoeftepeilingen.",
                            path: InsightPaths.publicSurveys())
        return Layout.render(meta, site: site, content: .group(
            .h1(.safeText("Behoeftepeilingen onder gemeenten")),
            .p(.class("lead"), .safeText("Wat hebben gemeenten nodig om spanningen, polarisatie en radicalisering het hoofd te bieden? De landelijke partners "
                + "vragen het gemeenten zelf, zodat het aanbod op Weerbaar aansluit bij de praktijk.")),
            surveys.isEmpty ? .p(.safeText("Er zijn nog geen resultaten gepubliceerd."))
                : .ul(.class("entry-list"), .forEach(surveys) { survey, responded in
                    .li(.a(.href(InsightPaths.publicResults(survey.id.uuidString)), .safeText(survey.title)),
                        .safeText(" — \(responded) van de \(MunicipalityList.cbs.all.count) gemeenten antwoordden; gesloten op \(DutchFormat.date(survey.closes))."))
                })))
    }

    struct DetailsForm {
        var title = "", year = "", opens = "", closes = "", intro = ""
        var anonymous = false

        init() {}
        init(_ survey: Survey) {
            title = survey.title
            year = String(survey.year)
            opens = survey.opens.description
            closes = survey.closes.description
            intro = survey.intro
            anonymous = survey.anonymous
        }
        init(form: QueryString) {
            title = form.text("titel", .title)
            year = form.text("jaar", .key)
            opens = form.text("open", .key)
            closes = form.text("sluit", .key)
            intro = form.text("inleiding", .freeText(4_000))
            anonymous = form.first("anoniem") == "ja"
        }

        /// The survey with these details, or what is wrong with them.
        func apply(to survey: Survey?, errors: inout FormErrors) -> Survey? {
            let title = self.title.trimmingCharacters(in: .whitespacesAndNewlines)
            if title.isEmpty { errors.add("titel", "Geef de peiling een titel.") } else if QueryString.isTooLong(title, .title) { errors.add("titel", "Hoogstens \(FormField.title.limit) tekens.") }
            let year = Int(self.year)
            if year == nil || !(2000...2100).contains(year!) { errors.add("jaar", "Geef een jaar, bijvoorbeeld 2026.") }
            let opens = Day(self.opens), closes = Day(self.closes)
            if opens == nil { errors.add("open", "Geef een datum als 2026-03-01.") }
            if closes == nil { errors.add("sluit", "Geef een datum als 2026-04-15.") }
            if let opens, let closes, closes < opens { errors.add("sluit", "De peiling sluit na de dag waarop zij opent.") }
            if intro.count > 4_000 { errors.add("inleiding", "Hoogstens 4.000 tekens.") }
            guard errors.isEmpty, let year, let opens, let closes else { return nil }
            var result = survey ?? Survey(title: title, year: year, opens: opens, closes: closes)
            result.title = title
            result.year = year
            result.opens = opens
            result.closes = closes
            result.intro = intro.trimmingCharacters(in: .whitespacesAndNewlines)
            // Anonymity is a promise to respondents: it is chosen before the survey opens.
            if !result.questionsFrozen { result.anonymous = anonymous }
            return result
        }
    }

    static func details(_ form: DetailsForm, errors: FormErrors, action: String, frozen: Bool, csrf: String) -> Node<HTML.BodyContext> {
        .group(
            FormControls.errorSummary(errors, label: { ["titel": "Titel", "jaar": "Jaar", "open": "Opent op", "sluit": "Sluit op", "inleiding": "Inleiding"][$0] ?? $0 }),
            .form(.class("portal-form portal-form--wide"), .action(action), .method(.post), .attr("novalidate", "novalidate"),
                  PortalFields.csrf(csrf),
                  FormControls.input("titel", "Titel", value: form.title, error: errors["titel"]),
                  FormControls.input("jaar", "Jaar", value: form.year, error: errors["jaar"], hint: "Het jaar van deze ronde, bijvoorbeeld 2026."),
                  FormControls.input("open", "Opent op", value: form.opens, error: errors["open"], type: "date"),
                  FormControls.input("sluit", "Sluit op (tot en met)", value: form.closes, error: errors["sluit"], type: "date"),
                  FormControls.textarea("inleiding", "Inleiding voor de gemeenten", value: form.intro, error: errors["inleiding"],
                                        hint: "Waarom de peiling, wat er met de antwoorden gebeurt. Opmaak als in het aanbod (Markdown).", rows: 5),
                  frozen ? .p(.safeText(form.anonymous ? "Deze peiling is anoniem." : "Deze peiling is niet anoniem."))
                      : .div(.class("checkbox"),
                             .input(.type(.checkbox), .id("anoniem"), .name("anoniem"), .value("ja"), .checked(form.anonymous)),
                             .label(.for("anoniem"), .safeText("Anoniem: na het versturen geen koppeling tussen antwoorden en gemeente of genodigden"))),
                  .button(.type(.submit), .class("button"), .safeText("Opslaan"))))
    }

    static func newSurvey(_ form: DetailsForm, errors: FormErrors, csrf: String, site: SiteServices) -> String {
        let meta = PageMeta(title: "Nieuwe peiling", description: "Een nieuwe behoeftepeiling.", path: InsightPaths.Portal.newSurvey(), noIndex: true)
        return Layout.render(meta, site: site, content: .group(
            breadcrumbs("Nieuwe peiling"), .h1(.safeText("Nieuwe peiling")),
            .p(.safeText("Na het opslaan voegt u de vragen toe. Een nieuwe peiling begint met een behoeftematrix over de thema’s, vormen en doelgroepen van het aanbod.")),
            details(form, errors: errors, action: InsightPaths.Portal.newSurvey(), frozen: false, csrf: csrf)))
    }

    struct QuestionForm {
        var kind = Question.Kind.single.rawValue, text = "", hint = "", options = "", low = "", high = "", conditionQuestion = "", conditionValues = ""
        var required = false
        init() {}
        init(form: QueryString) {
            kind = form.text("soort", .key)
            text = form.text("vraag", .freeText(500))
            hint = form.text("uitleg", .freeText(1_000))
            options = form.text("opties", .freeText(4_000))
            low = form.text("laag", .name)
            high = form.text("hoog", .name)
            conditionQuestion = form.text("als-vraag", .key)
            conditionValues = form.text("als-antwoord", .freeText(500))
            required = form.first("verplicht") == "ja"
        }

        /// The question, with options made from the lines of the options field.
        func question(in survey: Survey, taxonomy: Taxonomy, errors: inout FormErrors) -> Question? {
            guard let kind = Question.Kind(rawValue: kind) else { errors.add("soort", "Kies een soort vraag."); return nil }
            let text = self.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if kind != .needsMatrix && text.isEmpty { errors.add("vraag", "Schrijf de vraag.") }
            if text.count > 500 { errors.add("vraag", "Hoogstens 500 tekens.") }
            let lines = options.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            var options: [Option] = []
            for line in lines {
                let slug = Slug.make(line, maxLength: 40)
                if slug.isEmpty || options.contains(where: { $0.slug == slug }) {
                    errors.add("opties", "Elk antwoord staat op een eigen regel en komt één keer voor (‘\(line)’).")
                    break
                }
                options.append(Option(slug: slug, label: String(line.prefix(200))))
            }
            if [.single, .multiple, .ranking].contains(kind) && options.count < 2 { errors.add("opties", "Geef ten minste twee antwoorden, elk op een regel.") }
            if options.count > 30 { errors.add("opties", "Hoogstens 30 antwoorden.") }
            var condition: Condition?
            if !conditionQuestion.isEmpty {
                guard let earlier = survey.question(conditionQuestion), [.single, .multiple, .scale].contains(earlier.kind) else {
                    errors.add("als-vraag", "Kies een eerdere meerkeuze- of schaalvraag."); return nil
                }
                let wanted = conditionValues.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                let values = wanted.compactMap { value -> String? in
                    if earlier.kind == .scale { return Int(value).flatMap { (1...5).contains($0) ? String($0) : nil } }
                    return earlier.options.first { $0.label.lowercased() == value.lowercased() || $0.slug == value }?.slug
                }
                if values.isEmpty || values.count != wanted.count {
                    errors.add("als-antwoord", earlier.kind == .scale ? "Geef een of meer waarden van 1 tot 5, gescheiden door komma’s."
                                                                      : "Geef een of meer antwoorden van die vraag, zoals ze daar staan, gescheiden door komma’s.")
                    return nil
                }
                condition = Condition(question: earlier.id, values: values)
            }
            guard errors.isEmpty else { return nil }
            var id = kind == .needsMatrix ? "behoefte" : Slug.make(text, maxLength: 30)
            if id.isEmpty { id = "vraag" }
            let base = id
            var n = 2
            while survey.question(id) != nil { id = "\(base)-\(n)"; n += 1 }
            switch kind {
            case .needsMatrix:
                func options(_ vocabulary: Vocabulary) -> [Option] { taxonomy.terms(vocabulary).map { Option(slug: $0.slug, label: $0.label) } }
                return Question(id: id, kind: kind, text: text.isEmpty ? "Hoeveel behoefte heeft uw gemeente aan ondersteuning per thema?" : text,
                                hint: hint, required: required, options: options(.theme), supports: options(.kind), audiences: options(.audience),
                                condition: condition)
            case .scale:
                return Question(id: id, kind: kind, text: text, hint: hint, required: required,
                                scaleLabels: [low.isEmpty ? "helemaal niet" : low, high.isEmpty ? "heel erg" : high], condition: condition)
            case .text:
                return Question(id: id, kind: kind, text: text, hint: hint, required: required, condition: condition)
            default:
                return Question(id: id, kind: kind, text: text, hint: hint, required: required, options: options, condition: condition)
            }
        }
    }

    struct SurveyModel {
        var survey: Survey
        var details: DetailsForm
        var detailErrors = FormErrors()
        var question = QuestionForm()
        var questionErrors = FormErrors()
        var participations: [Participation]
        var csrf: String
        var message: String?
    }

    static func survey(_ model: SurveyModel, site: SiteServices) -> String {
        let survey = model.survey
        let id = survey.id.uuidString
        let meta = PageMeta(title: survey.title, description: "Een behoeftepeiling.", path: InsightPaths.Portal.survey(id), noIndex: true)
        let responded = model.participations.count(where: \.responded)
        func statusButton(_ status: SurveyStatus, _ label: String, secondary: Bool = false) -> Node<HTML.BodyContext> {
            .form(.action(InsightPaths.Portal.status(id)), .method(.post),
                  PortalFields.csrf(model.csrf), .input(.type(.hidden), .name("status"), .value(status.rawValue)),
                  .button(.type(.submit), .class(secondary ? "button button--secondary" : "button"), .safeText(label)))
        }
        let earlier = survey.questions.filter { [.single, .multiple, .scale].contains($0.kind) }
        return Layout.render(meta, site: site, content: .group(
            breadcrumbs(survey.title, survey: nil),
            .h1(.safeText(survey.title)),
            .unwrap(model.message) { .div(.class("notice notice--info"), .role("status"), .p(.safeText($0))) },
            .p(.safeText("Status: \(survey.status.label). \(model.participations.count) gemeenten uitgenodigd, \(responded) hebben geantwoord.")),
            .div(.class("portal-actions"),
                 .a(.class("button button--secondary"), .href(InsightPaths.Portal.invitations(id)), .safeText("Uitnodigingen en respons")),
                 .a(.class("button button--secondary"), .href(InsightPaths.Portal.results(id)), .safeText("Resultaten")),
                 survey.status == .concept ? statusButton(.open, "Openen (de vragen liggen dan vast)") : .empty,
                 survey.status == .open ? statusButton(.closed, "Sluiten", secondary: true) : .empty,
                 survey.status == .closed ? statusButton(.open, "Heropenen", secondary: true) : .empty,
                 survey.status == .closed
                     ? .form(.action(InsightPaths.Portal.status(id)), .method(.post), PortalFields.csrf(model.csrf),
                             .input(.type(.hidden), .name("publiceren"), .value(survey.resultsPublished ? "nee" : "ja")),
                             .button(.type(.submit), .class("button button--secondary"),
                                     .safeText(survey.resultsPublished ? "Resultaten niet meer openbaar" : "Resultaten openbaar maken")))
                     : .empty,
                 survey.questionsFrozen
                     ? .form(.action(InsightPaths.Portal.nextWave(id)), .method(.post), PortalFields.csrf(model.csrf),
                             .button(.type(.submit), .class("button button--secondary"), .safeText("Volgende ronde voorbereiden (kopie)")))
                     : .empty),
            .h2(.safeText("Gegevens")),
            details(model.details, errors: model.detailErrors, action: InsightPaths.Portal.survey(id), frozen: survey.questionsFrozen, csrf: model.csrf),
            .h2(.id("vragen"), .safeText("Vragen (\(survey.questions.count))")),
            survey.questionsFrozen ? .p(.safeText("De peiling is geopend: de vragen liggen vast, zodat alle gemeenten dezelfde vragen beantwoorden. "
                + "Voor een volgende ronde maakt u een kopie.")) : .empty,
            .ol(.class("survey-questions"), .forEach(survey.questions) { question in
                .li(.strong(.safeText(question.text)), .safeText(" — \(question.kind.label.lowercased())\(question.required ? ", verplicht" : "")"),
                    .unwrap(question.condition) { condition in
                        .safeText(" — alleen als ‘\(survey.question(condition.question)?.text ?? condition.question)’ is beantwoord met "
                            + condition.values.map { value in survey.question(condition.question)?.option(value)?.label ?? value }.joined(separator: " of "))
                    },
                    question.options.isEmpty || question.kind == .needsMatrix ? .empty
                        : .ul(.forEach(question.options) { .li(.safeText($0.label)) }),
                    question.kind == .needsMatrix ? .p(.class("hint"), .safeText("Thema’s: \(question.options.map(\.label).joined(separator: ", ")). "
                        + "Vormen: \(question.supports.map(\.label).joined(separator: ", ")). Doelgroepen: \(question.audiences.map(\.label).joined(separator: ", ")).")) : .empty,
                    survey.questionsFrozen ? .empty
                        : .form(.action(InsightPaths.Portal.removeQuestion(id, question.id)), .method(.post), PortalFields.csrf(model.csrf),
                                .button(.type(.submit), .class("button button--link"), .safeText("Verwijderen"),
                                        .span(.class("visually-hidden"), .safeText(": \(question.text)")))))
            }),
            survey.questionsFrozen ? .empty : .group(
                .h2(.id("nieuwe-vraag"), .safeText("Vraag toevoegen")),
                FormControls.errorSummary(model.questionErrors, label: { ["soort": "Soort", "vraag": "Vraag", "opties": "Antwoorden",
                                                                        "als-vraag": "Alleen tonen als", "als-antwoord": "Antwoord"][$0] ?? $0 }),
                .form(.class("portal-form portal-form--wide"), .action(InsightPaths.Portal.addQuestion(id)), .method(.post), .attr("novalidate", "novalidate"),
                      PortalFields.csrf(model.csrf),
                      FormControls.select("soort", "Soort vraag", value: model.question.kind, error: model.questionErrors["soort"],
                                          options: Question.Kind.allCases.map { ($0.rawValue, $0.label) }, empty: "Kies een soort"),
                      FormControls.input("vraag", "Vraag", value: model.question.text, error: model.questionErrors["vraag"],
                                         hint: "Bij een behoeftematrix mag u dit leeg laten; de thema’s, vormen en doelgroepen komen uit de lijsten van het aanbod."),
                      FormControls.input("uitleg", "Uitleg bij de vraag (niet verplicht)", value: model.question.hint, error: nil),
                      FormControls.textarea("opties", "Antwoorden, elk op een eigen regel", value: model.question.options,
                                            error: model.questionErrors["opties"], hint: "Voor een keuze- of rangordevraag.", rows: 5),
                      FormControls.input("laag", "Schaal: wat 1 betekent", value: model.question.low, error: nil, hint: "Bijvoorbeeld ‘helemaal niet’."),
                      FormControls.input("hoog", "Schaal: wat 5 betekent", value: model.question.high, error: nil),
                      FormControls.select("als-vraag", "Alleen tonen als deze vraag … (niet verplicht)", value: model.question.conditionQuestion,
                                          error: model.questionErrors["als-vraag"], options: earlier.map { ($0.id, $0.text) }, empty: "Altijd tonen"),
                      FormControls.input("als-antwoord", "… is beantwoord met (gescheiden door komma’s)", value: model.question.conditionValues,
                                         error: model.questionErrors["als-antwoord"]),
                      .div(.class("checkbox"), .input(.type(.checkbox), .id("verplicht"), .name("verplicht"), .value("ja"), .checked(model.question.required)),
                           .label(.for("verplicht"), .safeText("Verplicht"))),
                      .button(.type(.submit), .class("button"), .safeText("Vraag toevoegen"))))))
    }

    struct InvitationsModel {
        var survey: Survey
        var participations: [Participation]
        var invitations: [Invitation]
        var municipalities: MunicipalityList
        var csrf: String
        var lines = ""
        var errors = FormErrors()
        var message: String?
    }

    static func invitations(_ model: InvitationsModel, site: SiteServices) -> String {
        let survey = model.survey
        let id = survey.id.uuidString
        let meta = PageMeta(title: "Uitnodigingen", description: "Uitnodigingen voor een peiling.", path: InsightPaths.Portal.invitations(id), noIndex: true)
        let byCode = Dictionary(grouping: model.invitations, by: \.municipality)
        let waiting = model.participations.filter { !$0.responded }.count
        return Layout.render(meta, site: site, content: .group(
            breadcrumbs("Uitnodigingen", survey: survey),
            .h1(.safeText("Uitnodigingen en respons")),
            .unwrap(model.message) { .div(.class("notice notice--info"), .role("status"), .p(.safeText($0))) },
            SurveyResultsView.responseRates(ResponseRate.perProvince(model.municipalities, model.participations)),
            .h2(.id("uitnodigen"), .safeText("Contactpersonen uitnodigen")),
            .p(.safeText("Per regel: CBS-code of naam van de gemeente, e-mailadres en (niet verplicht) naam, gescheiden door puntkomma’s. "
                + "Bijvoorbeeld: GM0344; oov@gemeente.example; Sanne de Vries. Een gemeente mag meer contactpersonen hebben; zij werken in één antwoord.")),
            FormControls.errorSummary(model.errors, label: { _ in "Contactpersonen" }),
            .form(.class("portal-form portal-form--wide"), .action(InsightPaths.Portal.invitations(id)), .method(.post), .attr("novalidate", "novalidate"),
                  PortalFields.csrf(model.csrf),
                  FormControls.textarea("contacten", "Contactpersonen", value: model.lines, error: model.errors["contacten"],
                                        hint: "Hoogstens 500 regels per keer. Iedereen krijgt een persoonlijke link per e-mail.", rows: 8),
                  .button(.type(.submit), .class("button"), .safeText("Uitnodigingen versturen"))),
            waiting == 0 || survey.status != .open ? .empty
                : .form(.action(InsightPaths.Portal.remind(id)), .method(.post), PortalFields.csrf(model.csrf),
                        .p(.safeText("\(waiting) uitgenodigde gemeenten hebben nog niet geantwoord.")),
                        .button(.type(.submit), .class("button button--secondary"), .safeText("Herinnering sturen aan deze \(waiting) gemeenten"))),
            .div(.class("table-scroll"), .attr("tabindex", "0"), .attr("role", "region"), .aria("label", "Uitgenodigde gemeenten"),
                 .table(.class("portal-table"),
                        .caption(.safeText("Uitgenodigde gemeenten (\(model.participations.count))")),
                        .thead(.tr(.th(.safeText("Gemeente")), .th(.safeText("Provincie")), .th(.safeText("Contactpersonen")),
                                   .th(.safeText("Link geopend")), .th(.safeText("Stand")))),
                        .tbody(.forEach(model.participations) { participation in
                            let municipality = model.municipalities.municipality(participation.municipality)
                            let invitations = byCode[participation.municipality] ?? []
                            return .tr(.td(.safeText(municipality?.name ?? participation.municipality)),
                                       .td(.safeText(municipality?.province ?? "")),
                                       .td(.safeText(invitations.map { $0.name.isEmpty ? $0.email : "\($0.name) (\($0.email))" }.joined(separator: ", "))),
                                       .td(.safeText(invitations.compactMap(\.openedAt).max().map(DutchFormat.dateTime) ?? "nee")),
                                       .td(.safeText(participation.responded ? "Ingestuurd"
                                                     : participation.answered > 0 ? "Bezig (\(participation.answered) vragen)" : "Nog niet begonnen")))
                        })))))
    }

    static func results(_ survey: Survey, _ results: SurveyResults, filter: ResultsFilter, provinces: [String], rates: [ResponseRate],
                        publicPage: Bool, site: SiteServices) -> String {
        let id = survey.id.uuidString
        let path = publicPage ? InsightPaths.publicResults(id) : InsightPaths.Portal.results(id)
        let meta = PageMeta(title: "Resultaten \(survey.title)", description: "De resultaten van de behoeftepeiling \(survey.title).", path: path,
                            noIndex: !publicPage)
        return Layout.render(meta, site: site, content: .group(
            publicPage ? .empty : breadcrumbs("Resultaten", survey: survey),
            .h1(.safeText("Resultaten: \(survey.title)")),
            .p(.class("lead"), .safeText("\(results.responses) gemeenten in deze selectie stuurden een antwoord in"
                + (survey.status == .open ? " (de peiling loopt nog; de cijfers veranderen)." : "."))),
            .p(.safeText("Groepen van minder dan \(SurveyResults.minimumGroup) gemeenten tonen we niet: een vraag die in de gekozen selectie door "
                + "minder gemeenten is beantwoord, blijft zonder cijfers.")),
            SurveyResultsView.filter(action: path, filter, provinces: provinces),
            publicPage ? .empty : .p(.class("inline-links"), .safeText("Downloaden: "),
                                     .a(.href(InsightPaths.Portal.export(id, "csv")), .safeText("CSV")), .safeText(" · "),
                                     .a(.href(InsightPaths.Portal.export(id, "xlsx")), .safeText("Excel")), .safeText(" · "),
                                     .a(.href(InsightPaths.Portal.export(id, "json")), .safeText("JSON"))),
            SurveyResultsView.responseRates(rates),
            SurveyResultsView.questions(results, showTexts: !publicPage)))
    }
}
