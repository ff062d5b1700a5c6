import Newsletter
import CatalogueService
import Audit
import Accounts
import Catalogue
import Foundation
import Insight
import Markup
import Plot

/// The pages a gemeente contact answers the survey on: one question per page with its progress,
/// a check of all answers, and what comes after sending. No JavaScript; every control has a label
/// or legend, a matrix is a fieldset per theme (a table of radio buttons does not work on a phone).
enum SurveyAnswerPages {
    struct Context {
        var token: String
        var survey: Survey
        var municipality: Municipality
        var answers: [String: Answer]
        var responded: Bool
    }

    static func meta(_ title: String, _ context: Context) -> PageMeta {
        PageMeta(title: title, description: context.survey.title, path: InsightPaths.answer(context.token), noIndex: true)
    }

    static func overview(_ context: Context, message: String?, today: Day, site: SiteServices) -> String {
        let survey = context.survey
        let visible = survey.visibleQuestions(context.answers)
        let answered = visible.count { !(context.answers[$0.id]?.isEmpty ?? true) }
        let next = visible.firstIndex { context.answers[$0.id]?.isEmpty ?? true } ?? 0
        let privacy = survey.anonymous
            ? "Deze peiling is anoniem: na het versturen bewaren we alleen de provincie en de grootteklasse van uw gemeente bij de antwoorden, "
                + "en bij uw gemeente alleen dat zij heeft geantwoord."
            : "De redactie ziet welke gemeente wat antwoordde. Openbare resultaten tonen alleen groepen van ten minste \(SurveyResults.minimumGroup) gemeenten."
        let canAnswer = !context.responded && survey.acceptsAnswers(on: today)
        let state: Node<HTML.BodyContext>
        if context.responded {
            state = .div(.class("notice notice--info"), .p(.safeText("De gemeente \(context.municipality.name) heeft de peiling ingestuurd. Dank u wel! "
                + "Een gemeente stuurt één antwoord in; het is niet meer te wijzigen.")))
        } else if !survey.acceptsAnswers(on: today) {
            let closed = survey.status == .closed || today > survey.closes
            let text = closed ? "De peiling is gesloten sinds \(DutchFormat.date(survey.closes)). U kunt niet meer antwoorden."
                : "De peiling is nog niet open. U kunt antwoorden van \(DutchFormat.date(survey.opens)) tot en met \(DutchFormat.date(survey.closes))."
            state = .div(.class("notice notice--warning"), .p(.safeText(text)))
        } else {
            state = .empty
        }
        return Layout.render(meta(survey.title, context), site: site, content: .group(
            .h1(.safeText(survey.title)),
            .p(.class("lead"), .safeText("U beantwoordt deze peiling namens de gemeente \(context.municipality.name).")),
            .unwrap(message) { .div(.class("notice notice--info"), .role("status"), .p(.safeText($0))) },
            state,
            !canAnswer ? .empty : .group(
                    .unwrap(survey.intro.isEmpty ? nil : survey.intro) { intro in .div(.class("prose"), SafeMarkdown.render(intro)) },
                    .p(.safeText("Open tot en met \(DutchFormat.date(survey.closes)). Uw antwoorden worden bij elke vraag bewaard: u kunt stoppen en later "
                        + "verder gaan met dezelfde link. Collega’s van uw gemeente die ook een link kregen, werken in hetzelfde antwoord; "
                        + "één van u verstuurt het.")),
                    .p(.safeText(privacy)),
                    progress(answered: answered, of: visible.count),
                    .ol(.class("survey-steps"), .forEach(Array(visible.enumerated())) { index, question -> Node<HTML.ListContext> in
                        let open = context.answers[question.id]?.isEmpty ?? true
                        let state = !open ? " — beantwoord" : question.required ? " — nog te beantwoorden" : " — nog open (niet verplicht)"
                        return .li(.a(.href(InsightPaths.question(context.token, String(index + 1))), .safeText(question.text)), .safeText(state))
                    }),
                    .div(.class("portal-actions"),
                         .a(.class("button"), .href(InsightPaths.question(context.token, String(next + 1))),
                            .safeText(answered == 0 ? "Begin met vraag 1" : "Ga verder")),
                         .a(.class("button button--secondary"), .href(InsightPaths.check(context.token)), .safeText("Controleren en versturen"))))))
    }

    static func progress(answered: Int, of total: Int) -> Node<HTML.BodyContext> {
        .p(.class("survey-progress"),
           .element(named: "label", nodes: [.attr("for", "voortgang"), .safeText("\(answered) van \(total) vragen beantwoord ")]),
           .element(named: "progress", nodes: [.attr("id", "voortgang"), .attr("max", "\(max(total, 1))"), .attr("value", "\(answered)"),
                                               .safeText("\(answered) van \(total)")]))
    }

    struct QuestionModel {
        var context: Context
        var number: Int
        var question: Question
        var total: Int
        var csrf: String
        /// The values as sent, to show again with errors.
        var fields: [String: [String]]
        var errors: [AnswerReader.Problem] = []
    }

    static func question(_ model: QuestionModel, site: SiteServices) -> String {
        let q = model.question
        let token = model.context.token
        var errors = FormErrors()
        for problem in model.errors { errors.add(problem.field, problem.message) }
        let title = "Vraag \(model.number) van \(model.total)"
        return Layout.render(meta("\(title) – \(model.context.survey.title)", model.context), site: site, content: .group(
            .p(.a(.href(InsightPaths.answer(token)), .safeText("Terug naar het overzicht"))),
            .p(.class("survey-step"), .safeText("\(model.context.survey.title) · gemeente \(model.context.municipality.name)")),
            .p(.class("survey-progress"),
               .element(named: "label", nodes: [.attr("for", "voortgang"), .safeText("\(title) ")]),
               .element(named: "progress", nodes: [.attr("id", "voortgang"), .attr("max", "\(model.total)"), .attr("value", "\(model.number)"),
                                                   .safeText(title)])),
            FormControls.errorSummary(errors, label: { _ in q.kind == .needsMatrix ? "Behoeftematrix" : "Uw antwoord" }),
            .form(.class("portal-form portal-form--wide survey-form"), .action(InsightPaths.question(token, String(model.number))), .method(.post),
                  .attr("novalidate", "novalidate"),
                  .input(.type(.hidden), .name("csrf"), .value(esc(model.csrf))),
                  controls(q, fields: model.fields, errors: errors, heading: true),
                  .div(.class("portal-actions"),
                       .button(.type(.submit), .name("actie"), .value("verder"), .class("button"),
                               .safeText(model.number == model.total ? "Opslaan en controleren" : "Opslaan en verder")),
                       .button(.type(.submit), .name("actie"), .value("later"), .class("button button--secondary"), .safeText("Opslaan, later verder"))),
                  model.number > 1 ? .p(.a(.href(InsightPaths.question(token, String(model.number - 1))), .safeText("Vorige vraag"))) : .empty)))
    }

    /// The stored answer as the form's fields, so a page shows what was saved.
    static func fields(_ question: Question, _ answer: Answer?) -> [String: [String]] {
        guard let answer else { return [:] }
        switch question.kind {
        case .single, .multiple: return [AnswerReader.name(question): answer.values]
        case .scale: return [AnswerReader.name(question): answer.number.map { [String($0)] } ?? []]
        case .text: return [AnswerReader.name(question): [answer.text ?? ""]]
        case .ranking:
            var fields: [String: [String]] = [:]
            for (index, slug) in answer.values.enumerated() {
                if let option = question.option(slug) { fields[AnswerReader.name(question, rank: option)] = [String(index + 1)] }
            }
            return fields
        case .needsMatrix:
            var fields: [String: [String]] = [:]
            for row in question.options {
                guard let cell = answer.matrix?[row.slug] else { continue }
                fields[AnswerReader.name(question, row: row, .need)] = [String(cell.need)]
                fields[AnswerReader.name(question, row: row, .supports)] = cell.supports
                fields[AnswerReader.name(question, row: row, .audiences)] = cell.audiences
            }
            return fields
        }
    }

    /// A group of radio buttons or checkboxes; the first control carries the group's name as its id,
    /// so the error summary's link lands on it.
    static func choices(_ name: String, _ legend: String, heading: Bool = false, hint: String?, options: [Option], selected: [String], multiple: Bool,
                        error: String?, inline: Bool = false) -> Node<HTML.FormContext> {
        let described = FormControls.describedIDs(name, hint: hint, error: error).joined(separator: " ")
        return .fieldset(.class(error == nil ? "field choices" : "field choices field--error") , .unwrap(described.isEmpty ? nil : described) { .aria("describedby", $0) },
                         legendNode(legend, heading: heading),
                         .unwrap(hint) { .p(.id("\(name)-uitleg"), .class("hint"), .safeText($0)) },
                         .unwrap(error) { .p(.id("\(name)-fout"), .class("field__error"), .safeText($0)) },
                         .div(.class(inline ? "choices__row" : "choices__list"), .forEach(Array(options.enumerated())) { index, option in
                             let id = index == 0 ? name : "\(name)-\(option.slug)"
                             return .div(.class(multiple ? "checkbox" : "radio"),
                                         .input(.type(multiple ? .checkbox : .radio), .id(esc(id)), .name(esc(name)), .value(esc(option.slug)),
                                                .checked(selected.contains(option.slug))),
                                         .label(.for(esc(id)), .safeText(option.label)))
                         }))
    }

    static func controls(_ q: Question, fields: [String: [String]], errors: FormErrors, heading: Bool) -> Node<HTML.FormContext> {
        let name = AnswerReader.name(q)
        let legend = q.text
        let hint = q.hint.isEmpty ? (q.required ? nil : "Niet verplicht.") : q.hint + (q.required ? "" : " (Niet verplicht.)")
        switch q.kind {
        case .single, .multiple:
            return choices(name, legend, heading: heading, hint: hint ?? (q.kind == .multiple ? "Kies er een of meer." : nil), options: q.options,
                           selected: fields[name] ?? [], multiple: q.kind == .multiple, error: errors[name])
        case .scale:
            var options: [Option] = []
            for value in 1...5 {
                var label = String(value)
                if value == 1, let low = q.scaleLabels.first { label = "1 – \(low)" }
                if value == 5, q.scaleLabels.count > 1 { label = "5 – \(q.scaleLabels[1])" }
                options.append(Option(slug: String(value), label: label))
            }
            return choices(name, legend, heading: heading, hint: hint, options: options, selected: fields[name] ?? [], multiple: false, error: errors[name], inline: true)
        case .text:
            return .div(.class(errors[name] == nil ? "field" : "field field--error"),
                        heading ? .raw("<h1 class=\"survey-question\"><label for=\"\(esc(name))\">\(esc(q.text))</label></h1>")
                            : .element(named: "label", nodes: [.attr("for", esc(name)), .safeText(q.text)]),
                        .unwrap(hint) { .p(.id("\(name)-uitleg"), .class("hint"), .safeText($0)) },
                        .unwrap(errors[name]) { .p(.id("\(name)-fout"), .class("field__error"), .safeText($0)) },
                        .element(named: "textarea", nodes: [.attr("id", name), .attr("name", name), .attr("rows", "6"),
                                                            FormControls.describedBy(name, hint: hint, error: errors[name]),
                                                            .raw("\n"), .safeText(fields[name]?.first ?? "")]))
        case .ranking:
            let first = q.options.first.map { AnswerReader.name(q, rank: $0) } ?? name
            let places = (1...max(1, q.options.count)).map { (String($0), "Plaats \($0)") }
            return .fieldset(.class(errors[first] == nil ? "field" : "field field--error"),
                             legendNode(legend, heading: heading),
                             .p(.class("hint"), .safeText("Geef wat u het belangrijkst vindt plaats 1, het volgende plaats 2, enzovoort. "
                                 + "U hoeft niet alles een plaats te geven.")),
                             .unwrap(errors[first]) { .p(.id("\(first)-fout"), .class("field__error"), .safeText($0)) },
                             .forEach(q.options) { option in
                                 let field = AnswerReader.name(q, rank: option)
                                 return FormControls.select(field, option.label, value: fields[field]?.first ?? "", error: nil, options: places,
                                                            empty: "Geen plaats")
                             })
        case .needsMatrix:
            let levels = NeedLevel.allCases.map { Option(slug: String($0.rawValue), label: $0.label) }
            return .fieldset(.class("field survey-matrix"),
                             legendNode(legend, heading: heading),
                             .p(.class("hint"), .safeText((q.hint.isEmpty ? "" : q.hint + " ")
                                 + "Geef per thema aan hoeveel behoefte uw gemeente heeft aan ondersteuning, en bij behoefte: in welke vorm en voor wie.")),
                             .forEach(q.options) { row in
                                 let need = AnswerReader.name(q, row: row, .need)
                                 return .fieldset(.class("survey-matrix__row"),
                                                  legendNode(row.label, heading: false),
                                                  choices(need, "Hoeveel behoefte heeft uw gemeente bij \(row.label.lowercased())?", hint: nil,
                                                          options: levels, selected: fields[need] ?? [], multiple: false, error: errors[need], inline: true),
                                                  choices(AnswerReader.name(q, row: row, .supports), "In welke vorm?", hint: nil, options: q.supports,
                                                          selected: fields[AnswerReader.name(q, row: row, .supports)] ?? [], multiple: true, error: nil, inline: true),
                                                  q.audiences.isEmpty ? .empty
                                                      : choices(AnswerReader.name(q, row: row, .audiences), "Voor wie?", hint: nil, options: q.audiences,
                                                                selected: fields[AnswerReader.name(q, row: row, .audiences)] ?? [], multiple: true, error: nil,
                                                                inline: true))
                             })
        }
    }

    /// A legend; the question of a one-question page is the page's heading, inside its legend as
    /// GOV.UK's pattern has it, so a screen reader announces the question with its choices.
    static func legendNode(_ text: String, heading: Bool) -> Node<HTML.FormContext> {
        .element(named: "legend", nodes: [heading ? .raw("<h1 class=\"survey-question\">\(esc(text))</h1>") : .safeText(text)])
    }

    /// An answer as a line of text, for the check page and exports.
    static func summary(_ question: Question, _ answer: Answer?) -> String {
        guard let answer, !answer.isEmpty else { return "Niet beantwoord" }
        func label(_ slug: String) -> String { question.option(slug)?.label ?? slug }
        switch question.kind {
        case .single, .multiple: return answer.values.map(label).joined(separator: ", ")
        case .scale: return answer.number.map(String.init) ?? ""
        case .text: return answer.text ?? ""
        case .ranking: return answer.values.enumerated().map { "\($0.offset + 1). \(label($0.element))" }.joined(separator: "; ")
        case .needsMatrix:
            return question.options.compactMap { row -> String? in
                guard let cell = answer.matrix?[row.slug] else { return nil }
                let level = NeedLevel(rawValue: cell.need)?.label.lowercased() ?? "?"
                let supports = cell.supports.compactMap { slug in question.supports.first { $0.slug == slug }?.label.lowercased() }
                let audiences = cell.audiences.compactMap { slug in question.audiences.first { $0.slug == slug }?.label.lowercased() }
                return "\(row.label): \(level)" + (supports.isEmpty ? "" : " (\(supports.joined(separator: ", "))")
                    + (audiences.isEmpty ? "" : (supports.isEmpty ? " (" : "; ") + "voor " + audiences.joined(separator: ", "))
                    + (supports.isEmpty && audiences.isEmpty ? "" : ")")
            }.joined(separator: "; ")
        }
    }

    static func check(_ context: Context, csrf: String, missing: [Question], site: SiteServices) -> String {
        let visible = context.survey.visibleQuestions(context.answers)
        var errors = FormErrors()
        for question in missing { errors.add("vraag-\(question.id)", "Deze vraag is verplicht en nog niet beantwoord.") }
        return Layout.render(meta("Controleren – \(context.survey.title)", context), site: site, content: .group(
            .p(.a(.href(InsightPaths.answer(context.token)), .safeText("Terug naar het overzicht"))),
            .h1(.safeText("Controleer de antwoorden van gemeente \(context.municipality.name)")),
            FormControls.errorSummary(errors, label: { name in visible.first { "vraag-\($0.id)" == name }?.text ?? name }),
            .element(named: "dl", nodes: [.class("survey-answers"), .group(visible.enumerated().map { index, question in
                .group(.element(named: "dt", nodes: [.attr("id", "vraag-\(question.id)"), .safeText("\(index + 1). \(question.text)")]),
                       .element(named: "dd", nodes: [.safeText(summary(question, context.answers[question.id])), .raw(" "),
                                                     .a(.href(InsightPaths.question(context.token, String(index + 1))),
                                                        .safeText("Wijzigen"), .span(.class("visually-hidden"), .safeText(" (vraag \(index + 1))")))]))
            })]),
            .form(.action(InsightPaths.submit(context.token)), .method(.post),
                  .input(.type(.hidden), .name("csrf"), .value(esc(csrf))),
                  .p(.safeText("Na het versturen kunnen u en uw collega’s de antwoorden niet meer wijzigen.")),
                  .button(.type(.submit), .class("button"), .safeText("Versturen namens gemeente \(context.municipality.name)")))))
    }

    static func message(_ title: String, _ paragraphs: [String], path: String, site: SiteServices, status: Bool = false) -> String {
        MessagePage.render(title, paragraphs, path: path, description: "Behoeftepeiling", site: site)
    }
}
