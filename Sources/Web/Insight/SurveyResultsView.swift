import Catalogue
import Newsletter
import CatalogueService
import Audit
import Accounts
import Foundation
import Insight
import Markup
import Plot

/// The results of a survey, per question a chart with its table beside it, as the portal and the
/// public page show them. Open answers are for the editors only; suppressed questions say why.
enum SurveyResultsView {
    static func percent(_ count: Int, _ total: Int) -> String {
        total == 0 ? "–" : "\(Int((Double(count) * 100 / Double(total)).rounded())) %"
    }

    static func decimal(_ value: Double) -> String {
        String(format: "%.1f", value).replacingOccurrences(of: ".", with: ",")
    }

    /// The filter form: province and size class (a GET form, so every view is a link).
    static func filter(action: String, _ filter: ResultsFilter, provinces: [String]) -> Node<HTML.BodyContext> {
        .form(.class("results-filter"), .action(action), .method(.get),
              FormControls.select("provincie", "Provincie", value: filter.province ?? "", error: nil, options: provinces.map { ($0, $0) },
                                  empty: "Alle provincies"),
              FormControls.select("grootte", "Inwonertal", value: filter.sizeClass?.rawValue ?? "", error: nil,
                                  options: SizeClass.allCases.map { ($0.rawValue, $0.label) }, empty: "Alle gemeenten"),
              .button(.type(.submit), .class("button button--secondary"), .safeText("Toon")))
    }

    static func read(_ query: QueryString, provinces: [String]) -> ResultsFilter {
        ResultsFilter(province: query.first("provincie").flatMap { provinces.contains($0) ? $0 : nil },
                      sizeClass: query.first("grootte").flatMap(SizeClass.init(rawValue:)))
    }

    static func questions(_ results: SurveyResults, showTexts: Bool) -> Node<HTML.BodyContext> {
        .forEach(Array(results.questions.enumerated())) { index, result in
            let id = "vraag-\(index + 1)"
            return .section(.class("result"), .aria("labelledby", id),
                            .h2(.id(id), .safeText("\(index + 1). \(result.question.text)")),
                            .p(.class("hint"), .safeText("\(result.question.kind.label). Beantwoord door \(result.answered) van de "
                                + "\(results.responses) gemeenten.")),
                            figures(result, responses: results.responses, showTexts: showTexts, title: result.question.text))
        }
    }

    static func figures(_ result: SurveyResults.QuestionResult, responses: Int, showTexts: Bool, title: String) -> Node<HTML.BodyContext> {
        switch result.figures {
        case .suppressed:
            return .p(.class("notice notice--info"), .safeText("Minder dan \(SurveyResults.minimumGroup) gemeenten beantwoordden deze vraag in deze selectie. "
                + "Om te voorkomen dat antwoorden tot een gemeente te herleiden zijn, tonen we hier geen cijfers."))
        case .counts(let counts):
            return chartAndTable(title: title, header: ["Antwoord", "Gemeenten", "Aandeel"],
                                 rows: counts.map { [$0.label, "\($0.count)", percent($0.count, result.answered)] },
                                 bars: counts.map { .init(label: $0.label, value: Double($0.count), text: "\($0.count)") })
        case .scale(let counts, let mean):
            return .group(.p(.safeText("Gemiddeld \(decimal(mean)) op een schaal van 1 tot 5.")),
                          chartAndTable(title: title, header: ["Waarde", "Gemeenten", "Aandeel"],
                                        rows: counts.map { [$0.label, "\($0.count)", percent($0.count, result.answered)] },
                                        bars: counts.map { .init(label: $0.label, value: Double($0.count), text: "\($0.count)") }))
        case .ranking(let rows):
            return chartAndTable(title: "\(title) (gemiddelde plaats; lager is belangrijker)", header: ["Antwoord", "Gemiddelde plaats", "Vaakst op 1"],
                                 rows: rows.map { [$0.option.label, decimal($0.meanRank), "\($0.first)"] },
                                 bars: rows.map { .init(label: $0.option.label, value: Double($0.first), text: "\($0.first)× eerste") })
        case .texts(let texts):
            guard showTexts else { return .p(.safeText("\(texts.count) gemeenten gaven een toelichting. Open antwoorden publiceren we niet.")) }
            return .details(.summary(.safeText("\(texts.count) open antwoorden")),
                            .ul(.class("result-texts"), .forEach(texts) { .li(.safeText($0)) }))
        case .matrix(let rows):
            let supports = rows.first?.supports.map(\.label) ?? []
            return chartAndTable(title: "\(title): gemiddelde behoefte per thema (0 geen – 3 groot)",
                                 header: ["Thema", "Gemiddelde behoefte (0–3)", "Veel of grote behoefte"] + supports.map { "Vorm: \($0)" },
                                 rows: rows.map { row in
                                     [row.label, decimal(row.meanNeed), percent(row.levels[2] + row.levels[3], row.respondents)]
                                         + row.supports.map { "\($0.count)" }
                                 },
                                 bars: rows.sorted { $0.meanNeed > $1.meanNeed }.map { .init(label: $0.label, value: $0.meanNeed, text: decimal($0.meanNeed)) },
                                 maximum: 3)
        }
    }

    /// The chart beside its table, or above it when the table has more than three columns (it would
    /// not fit half the width).
    static func chartAndTable(title: String, header: [String], rows: [[String]], bars: [BarChart.Bar], maximum: Double? = nil) -> Node<HTML.BodyContext> {
        .div(.class(header.count > 3 ? "result__figures result__figures--stacked" : "result__figures"),
             .element(named: "figure", nodes: [.class("result__chart"), BarChart.svg(bars, title: title, maximum: maximum)]),
             .div(.class("table-scroll"), .attr("tabindex", "0"), .attr("role", "region"), .aria("label", "Tabel: \(esc(title))"),
                  .table(.class("portal-table"),
                         .caption(.safeText(title)),
                         .thead(.tr(.forEach(header) { .th(.attr("scope", "col"), .safeText($0)) })),
                         .tbody(.forEach(rows) { row in
                             .tr(.th(.attr("scope", "row"), .safeText(row.first ?? "")), .forEach(Array(row.dropFirst())) { .td(.safeText($0)) })
                         }))))
    }

    static func responseRates(_ rates: [ResponseRate]) -> Node<HTML.BodyContext> {
        let total = rates.reduce(into: (m: 0, i: 0, r: 0)) { $0.m += $1.municipalities; $0.i += $1.invited; $0.r += $1.responded }
        return .group(
            .h2(.id("respons"), .safeText("Respons per provincie")),
            chartAndTable(title: "Respons per provincie (aandeel gemeenten dat antwoordde)",
                          header: ["Provincie", "Gemeenten", "Uitgenodigd", "Geantwoord", "Respons"],
                          rows: rates.map { [$0.province, "\($0.municipalities)", "\($0.invited)", "\($0.responded)", "\($0.percent) %"] }
                              + [["Nederland", "\(total.m)", "\(total.i)", "\(total.r)", percent(total.r, total.m)]],
                          bars: rates.map { .init(label: $0.province, value: Double($0.percent), text: "\($0.percent) %") }, maximum: 100))
    }
}
