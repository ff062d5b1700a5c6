import Newsletter
import CatalogueService
import Audit
import Accounts
import Catalogue
import Foundation
import Insight
import Markup
import Plot
import SearchLog

/// The white spots: supply against demand per theme × kind, each cell's drill-down, and a one-page
/// summary per theme to print for an interdepartmental meeting.
enum WhiteSpotPages {
    static func points(_ gap: Double) -> String {
        (gap >= 0 ? "+" : "−") + String(format: "%.1f", abs(gap)).replacingOccurrences(of: ".", with: ",") + " pp"
    }

    static func share(_ value: Double) -> String {
        String(format: "%.1f", value * 100).replacingOccurrences(of: ".", with: ",") + " %"
    }

    static func label(_ terms: [Term], _ slug: String) -> String { terms.first { $0.slug == slug }?.label ?? slug }

    static func basis(_ data: WhiteSpotData) -> Node<HTML.BodyContext> {
        let searches = data.searches.filter { $0.source != .guide }.reduce(0) { $0 + $1.searches }
        let zero = data.searches.filter { $0.source != .guide }.reduce(0) { $0 + $1.zeroResults }
        let guide = data.searches.filter { $0.source == .guide }.reduce(0) { $0 + $1.searches }
        return .ul(.class("white-spots__basis"),
                   .li(.safeText(data.latest.map { "Behoeftepeiling: \($0.survey.title), \($0.responses.count) gemeenten" }
                       ?? "Nog geen behoeftepeiling met een behoeftematrix")),
                   .li(.safeText("Zoekvragen (op /aanbod en /zoeken) sinds \(DutchFormat.date(data.since)), gelezen als een thema: \(searches), waarvan \(zero) zonder resultaat")),
                   .li(.safeText("Vragen aan de vraagwijzer, gelezen als een thema: \(guide)")),
                   .li(.safeText("Aanbod: gepubliceerd en actueel; verlopen aanbod (herzieningsdatum voorbij) telt apart en niet mee")))
    }

    static func explanation(_ spots: WhiteSpots) -> Node<HTML.BodyContext> {
        let w = spots.appliedWeights
        let minimum = WhiteSpots.Weights()
        return .section(.class("prose"), .aria("labelledby", "berekening"),
            .h2(.id("berekening"), .safeText("Hoe de kloof wordt berekend")),
            .p(.safeText("Per bron berekenen we welk aandeel van de totale vraag in een cel (thema × soort) valt, en tellen die aandelen gewogen op:")),
            .ul(.li(.safeText("behoeftepeiling (\(share(w.survey))): per gemeente de behoefte bij het thema (0–3) gedeeld door 3, bij elke aangekruiste vorm van steun;")),
                .li(.safeText("zoekvragen (\(share(w.searches))): zoekvragen die als het thema gelezen zijn; een zoekvraag zonder resultaat telt dubbel; verdeeld over de drie soorten;")),
                .li(.safeText("vraagwijzer (\(share(w.guide))): vragen die als het thema gelezen zijn, verdeeld over de soorten;")),
                .li(.safeText("feedback (\(share(w.feedback))): ‘niet nuttig’ bij aanbod in de cel."))),
            .p(.safeText("Een bron zonder genoeg gegevens (minder dan \(Int(minimum.minimumSearches)) zoekvragen, \(Int(minimum.minimumGuideQuestions)) "
                + "vragen aan de vraagwijzer of \(Int(minimum.minimumFeedback)) keer ‘niet nuttig’) geeft haar gewicht naar verhouding aan de andere: een handvol zoekvragen zegt meer over toeval dan over behoefte. Het aandeel aanbod is het deel van het actuele aanbod "
                + "dat in de cel valt. De kloof is het aandeel vraag min het aandeel aanbod, in procentpunten (pp). Vanaf \(points(WhiteSpots.threshold)) "
                + "noemen we een cel een witte vlek: er wordt naar verhouding veel meer gevraagd dan er is.")))
    }

    struct Model {
        var data: WhiteSpotData
        var audiences: [Term]
        /// Whether the reader gets the weekly digest; nil when the site sends none.
        var digest: Bool?
        var csrf: String
        var message: String?
    }

    static func digestForm(_ subscribed: Bool?, csrf: String) -> Node<HTML.BodyContext> {
        guard let subscribed else { return .empty }
        return .section(.aria("labelledby", "bericht"),
                        .h2(.id("bericht"), .safeText("Wekelijks bericht")),
                        .p(.safeText(subscribed
                            ? "U krijgt elke maandag een e-mail met witte vlekken die er sinds het vorige bericht bij kwamen en de zoekvragen zonder resultaat van die week."
                            : "Wilt u elke maandag een e-mail met nieuwe witte vlekken en de zoekvragen zonder resultaat van die week?")),
                        .form(.action(InsightPaths.Portal.digest()), .method(.post), PortalFields.csrf(csrf),
                              .input(.type(.hidden), .name("bericht"), .value(subscribed ? "uit" : "aan")),
                              .button(.type(.submit), .class("button button--secondary"),
                                      .safeText(subscribed ? "Geen wekelijks bericht meer" : "Ja, stuur mij het wekelijkse bericht"))))
    }

    static func searchTable(_ data: WhiteSpotData) -> Node<HTML.BodyContext> {
        /// Searches of a theme on /aanbod and /zoeken together, or the vraagwijzer's.
        func total(_ theme: String, _ source: LoggedSearch.Source) -> ThemeSearchTotal? {
            let rows = data.searches.filter { $0.theme == theme && (source == .guide ? $0.source == .guide : $0.source != .guide) }
            guard !rows.isEmpty else { return nil }
            return ThemeSearchTotal(theme: theme, source: source, searches: rows.reduce(0) { $0 + $1.searches },
                                    zeroResults: rows.reduce(0) { $0 + $1.zeroResults })
        }
        return .div(.class("table-scroll"), .attr("tabindex", "0"), .attr("role", "region"), .aria("label", "Zoekvragen per thema"),
                    .table(.class("portal-table"),
                           .caption(.safeText("Zoekvragen en vragen aan de vraagwijzer, gelezen als een thema")),
                           .thead(.tr(.th(.attr("scope", "col"), .safeText("Thema")), .th(.attr("scope", "col"), .safeText("Zoekvragen")),
                                      .th(.attr("scope", "col"), .safeText("Zonder resultaat")), .th(.attr("scope", "col"), .safeText("Vraagwijzer")))),
                           .tbody(.forEach(data.themes) { theme in
                               .tr(.th(.attr("scope", "row"), .a(.href(InsightPaths.Portal.themeSummary(theme.slug)), .safeText(theme.label))),
                                   .td(.safeText("\(total(theme.slug, .catalogue)?.searches ?? 0)")),
                                   .td(.safeText("\(total(theme.slug, .catalogue)?.zeroResults ?? 0)")),
                                   .td(.safeText("\(total(theme.slug, .guide)?.searches ?? 0)")))
                           })))
    }

    static func page(_ model: Model, site: SiteServices) -> String {
        let data = model.data
        let spots = data.spots
        let meta = PageMeta(title: "Witte vlekken", description: "Aanbod tegenover vraag per thema.", path: InsightPaths.Portal.whiteSpots(), noIndex: true)
        return Layout.render(meta, site: site, content: .group(
            .nav(.class("breadcrumbs"), .aria("label", "Kruimelpad"),
                 .ol(.li(.a(.href(PortalPaths.dashboard()), .safeText("Beheer"))), .li(.aria("current", "page"), .safeText("Witte vlekken")))),
            .h1(.safeText("Witte vlekken in het aanbod")),
            .p(.class("lead"), .safeText("Waar vragen gemeenten naar verhouding meer dan het aanbod biedt? Per thema en soort aanbod: het aandeel van de vraag "
                + "tegenover het aandeel van het aanbod.")),
            .unwrap(model.message) { .div(.class("notice notice--info"), .role("status"), .p(.safeText($0))) },
            basis(data),
            .form(.class("results-filter"), .action(InsightPaths.Portal.whiteSpots()), .method(.get),
                  FormControls.select("doelgroep", "Doelgroep", value: data.audience ?? "", error: nil,
                                      options: model.audiences.map { ($0.slug, $0.label) }, empty: "Alle doelgroepen"),
                  .button(.type(.submit), .class("button button--secondary"), .safeText("Toon"))),
            .h2(.id("grootste"), .safeText("Grootste witte vlekken")),
            spots.gaps.isEmpty ? .p(.safeText("Geen cel met een kloof van \(points(WhiteSpots.threshold)) of meer."))
                : .group(
                    BarChart.svg(spots.gaps.prefix(10).map { .init(label: "\(label(data.themes, $0.theme)) · \(label(data.kinds, $0.kind))", value: $0.gap,
                                                                  text: points($0.gap), emphasis: true) },
                                 title: "De grootste witte vlekken: kloof tussen vraag en aanbod in procentpunten"),
                    .ol(.forEach(Array(spots.gaps.prefix(10))) { cell in
                        .li(.a(.href(InsightPaths.Portal.cell(cell.theme, cell.kind, query: query(data.audience))),
                               .safeText("\(label(data.themes, cell.theme)) · \(label(data.kinds, cell.kind))")),
                            .safeText(": kloof \(points(cell.gap)); actueel aanbod (\(cell.current)"
                                + (cell.stale > 0 ? ", en \(cell.stale) verlopen)" : ")")
                                + (data.previousSpots?.cell(cell.theme, cell.kind).map { "; vorige ronde \(points($0.gap))" } ?? "")))
                    })),
            .h2(.id("matrix"), .safeText("Alle thema’s en soorten")),
            .div(.class("table-scroll"), .attr("tabindex", "0"), .attr("role", "region"), .aria("label", "Matrix van vraag en aanbod"),
                 .table(.class("portal-table white-spots"),
                        .caption(.safeText("Kloof tussen vraag en aanbod per thema en soort (procentpunten); daaronder het actuele aanbod (aantal)")),
                        .thead(.tr(.th(.attr("scope", "col"), .safeText("Thema")),
                                   .forEach(data.kinds) { .th(.attr("scope", "col"), .safeText($0.label)) },
                                   .th(.attr("scope", "col"), .safeText("Samenvatting")))),
                        .tbody(.forEach(data.themes) { theme in
                            .tr(.th(.attr("scope", "row"), .safeText(theme.label)),
                                .forEach(data.kinds) { kind in
                                    guard let cell = spots.cell(theme.slug, kind.slug) else { return .td() }
                                    let trend = data.previousSpots?.cell(theme.slug, kind.slug).map { " (vorige ronde \(points($0.gap)))" } ?? ""
                                    return .td(.class(cell.gap >= WhiteSpots.threshold ? "white-spots__cell white-spots__cell--gap" : "white-spots__cell"),
                                               .a(.href(InsightPaths.Portal.cell(theme.slug, kind.slug, query: query(data.audience))),
                                                  .strong(.safeText(points(cell.gap))),
                                                  .span(.class("visually-hidden"), .safeText(" bij \(theme.label), \(kind.label)"))),
                                               .br(),
                                               .safeText("\(cell.current) actueel" + (cell.stale > 0 ? ", \(cell.stale) verlopen" : "") + trend))
                                },
                                .td(.a(.href(InsightPaths.Portal.themeSummary(theme.slug)), .safeText("Eén pagina"),
                                       .span(.class("visually-hidden"), .safeText(" over \(theme.label)")))))
                        }))),
            .h2(.id("zoekvragen"), .safeText("Zoekvragen per thema")),
            .p(.safeText("Sinds \(DutchFormat.date(data.since)). Een zoekvraag zonder resultaat is het duidelijkste teken van een witte vlek; "
                + "welke dat waren, staat bij elke cel en op de pagina per thema.")),
            searchTable(data),
            .p(.class("inline-links"), .safeText("Downloaden: "),
               .a(.href(InsightPaths.Portal.whiteSpotExport("csv", query: query(data.audience))), .safeText("CSV")), .safeText(" · "),
               .a(.href(InsightPaths.Portal.whiteSpotExport("xlsx", query: query(data.audience))), .safeText("Excel"))),
            explanation(spots),
            digestForm(model.digest, csrf: model.csrf)))
    }

    static func query(_ audience: String?) -> String? { audience.map { "doelgroep=\(PercentEncoding.formComponent($0))" } }

    struct CellModel {
        var data: WhiteSpotData
        var cell: WhiteSpots.Cell
        var theme: Term
        var kind: Term
        var searches: [SearchLogReportRow]
        var zeroResults: [SearchLogReportRow]
        var current: [Offering]
        var stale: [Offering]
        var feedback: [String: FeedbackCount]
    }

    static func cell(_ model: CellModel, site: SiteServices) -> String {
        let cell = model.cell, data = model.data
        let title = "\(model.theme.label) · \(model.kind.label)"
        let meta = PageMeta(title: "Witte vlek: \(title)", description: "Vraag en aanbod in één cel.", path: InsightPaths.Portal.cell(cell.theme, cell.kind),
                            noIndex: true)
        var surveyRow: SurveyResults.MatrixRowResult?
        var suppressed = false
        switch data.answers(about: cell.theme) {
        case .row(let row): surveyRow = row
        case .suppressed: suppressed = true
        case .none: break
        }
        let rows = surveyRow.map { row in NeedLevel.allCases.map { [$0.label, "\(row.levels[$0.rawValue])"] } } ?? []
        func offeringList(_ offerings: [Offering]) -> Node<HTML.BodyContext> {
            .ul(.forEach(offerings) { offering in
                let counts = model.feedback[offering.key.description]
                return .li(.a(.href(CataloguePaths.offering(offering.slug)), .safeText(offering.title)),
                           .safeText(" — \(site.catalogue.taxonomy.provider(offering.provider)?.name ?? offering.provider)"
                               + (counts.map { "; nuttig \($0.useful)×, niet nuttig \($0.notUseful)×" } ?? "")))
            })
        }
        return Layout.render(meta, site: site, content: .group(
            .nav(.class("breadcrumbs"), .aria("label", "Kruimelpad"),
                 .ol(.li(.a(.href(PortalPaths.dashboard()), .safeText("Beheer"))),
                     .li(.a(.href(InsightPaths.Portal.whiteSpots(query: query(data.audience))), .safeText("Witte vlekken"))),
                     .li(.aria("current", "page"), .safeText(title)))),
            .h1(.safeText(title)),
            .p(.class("lead"), .safeText("Kloof \(points(cell.gap)): \(share(cell.demandShare)) van de vraag, \(share(cell.supplyShare)) van het actuele aanbod."
                + (data.previousSpots?.cell(cell.theme, cell.kind).map { " Vorige ronde: \(points($0.gap))." } ?? ""))),
            .table(.class("portal-table"),
                   .caption(.safeText("Waar de vraag in deze cel vandaan komt")),
                   .thead(.tr(.th(.attr("scope", "col"), .safeText("Bron")), .th(.attr("scope", "col"), .safeText("In deze cel")))),
                   .tbody(.tr(.th(.attr("scope", "row"), .safeText("Peilingpunten (behoefte/3, bij deze vorm)")),
                              .td(.safeText(SurveyResultsView.decimal(cell.surveyPoints)))),
                          .tr(.th(.attr("scope", "row"), .safeText("Zoekvragen (deel van het thema)")), .td(.safeText(SurveyResultsView.decimal(cell.searches)))),
                          .tr(.th(.attr("scope", "row"), .safeText("… waarvan zonder resultaat")),
                              .td(.safeText(SurveyResultsView.decimal(cell.zeroResultSearches)))),
                          .tr(.th(.attr("scope", "row"), .safeText("Vraagwijzer (deel van het thema)")), .td(.safeText(SurveyResultsView.decimal(cell.guideQuestions)))),
                          .tr(.th(.attr("scope", "row"), .safeText("‘Niet nuttig’ bij aanbod in de cel")), .td(.safeText("\(cell.notUseful)"))))),
            .h2(.id("antwoorden"), .safeText("Wat gemeenten antwoordden over \(model.theme.label.lowercased())")),
            suppressed ? .p(.safeText("Te weinig antwoorden om te tonen (minder dan \(SurveyResults.minimumGroup) gemeenten)."))
                : surveyRow.map { row in
                    Node<HTML.BodyContext>.group(
                        .p(.safeText("\(row.respondents) gemeenten beoordeelden dit thema; gemiddelde behoefte \(SurveyResultsView.decimal(row.meanNeed)) (0–3). "
                            + "\(row.supports.first { $0.slug == cell.kind }?.count ?? 0) van hen vroegen om steun in de vorm ‘\(model.kind.label.lowercased())’.")),
                        SurveyResultsView.chartAndTable(title: "Behoefte bij \(model.theme.label.lowercased())", header: ["Behoefte", "Gemeenten"], rows: rows,
                                                        bars: NeedLevel.allCases.map { .init(label: $0.label, value: Double(row.levels[$0.rawValue]),
                                                                                             text: "\(row.levels[$0.rawValue])") }),
                        .p(.safeText("Voor wie: " + row.audiences.filter { $0.count > 0 }.sorted { $0.count > $1.count }
                            .map { "\($0.label.lowercased()) (\($0.count))" }.joined(separator: ", "))))
                } ?? .p(.safeText("Nog geen behoeftepeiling.")),
            .h2(.id("zoekvragen"), .safeText("Zoekvragen in dit thema")),
            model.searches.isEmpty ? .p(.safeText("Geen zoekvragen in deze periode."))
                : .ul(.forEach(model.searches) { row in .li(.safeText("‘\(row.query)’ — \(row.searches)×" + (row.maxResults == 0 ? ", zonder resultaat" : ""))) }),
            model.zeroResults.isEmpty ? .empty : .group(
                .h3(.safeText("Zonder resultaat")),
                .ul(.forEach(model.zeroResults) { row in .li(.safeText("‘\(row.query)’ — \(row.searches)×")) })),
            .h2(.id("aanbod"), .safeText("Het aanbod in deze cel")),
            model.current.isEmpty ? .p(.safeText("Geen actueel aanbod.")) : offeringList(model.current),
            model.stale.isEmpty ? .empty : .group(.h3(.safeText("Verlopen (telt niet mee)")), offeringList(model.stale))))
    }

    static func summary(_ data: WhiteSpotData, theme: Term, zeroResults: [SearchLogReportRow], site: SiteServices) -> String {
        let meta = PageMeta(title: "Witte vlekken: \(theme.label)", description: "Samenvatting per thema.", path: InsightPaths.Portal.themeSummary(theme.slug),
                            noIndex: true)
        let cells = data.kinds.compactMap { data.spots.cell(theme.slug, $0.slug) }
        var need: String?
        if case .row(let row) = data.answers(about: theme.slug), let latest = data.latest {
            need = "Gemiddelde behoefte \(SurveyResultsView.decimal(row.meanNeed)) op 0–3; \(SurveyResultsView.percent(row.levels[2] + row.levels[3], row.respondents)) "
                + "van \(row.respondents) gemeenten heeft veel of grote behoefte (\(latest.survey.title))."
        }
        return Layout.render(meta, site: site, content: .div(.class("print-summary"),
            .p(.class("print-summary__back"), .a(.href(InsightPaths.Portal.whiteSpots()), .safeText("Terug naar de witte vlekken"))),
            .h1(.safeText("\(theme.label): vraag en aanbod")),
            .p(.safeText("Weerbaar, \(DutchFormat.date(Day(Date()))). \(theme.description)")),
            .unwrap(need) { .p(.strong(.safeText($0))) },
            .table(.class("portal-table"),
                   .caption(.safeText("Per soort aanbod")),
                   .thead(.tr(.th(.attr("scope", "col"), .safeText("Soort")), .th(.attr("scope", "col"), .safeText("Actueel aanbod")),
                              .th(.attr("scope", "col"), .safeText("Verlopen")), .th(.attr("scope", "col"), .safeText("Aandeel vraag")),
                              .th(.attr("scope", "col"), .safeText("Aandeel aanbod")), .th(.attr("scope", "col"), .safeText("Kloof")),
                              .th(.attr("scope", "col"), .safeText("Vorige ronde")))),
                   .tbody(.forEach(cells) { cell in
                       .tr(.th(.attr("scope", "row"), .safeText(label(data.kinds, cell.kind))), .td(.safeText("\(cell.current)")), .td(.safeText("\(cell.stale)")),
                           .td(.safeText(share(cell.demandShare))), .td(.safeText(share(cell.supplyShare))), .td(.safeText(points(cell.gap))),
                           .td(.safeText(data.previousSpots?.cell(cell.theme, cell.kind).map { points($0.gap) } ?? "–")))
                   })),
            .h2(.safeText("Zoekvragen zonder resultaat")),
            zeroResults.isEmpty ? .p(.safeText("Geen.")) : .ul(.forEach(zeroResults.prefix(8)) { .li(.safeText("‘\($0.query)’ — \($0.searches)×")) }),
            .p(.class("hint"), .safeText("Kloof = aandeel van de vraag min aandeel van het actuele aanbod, in procentpunten. Vraag: behoeftepeiling, zoekvragen, "
                + "vraagwijzer en feedback, gewogen; de berekening staat op de pagina Witte vlekken."))))
    }
}
