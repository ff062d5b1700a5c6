import Newsletter
import Audit
import Accounts
import Catalogue
import CatalogueService
import Foundation
import Insight
import SearchLog

/// Everything the white-spot pages read, gathered once per request: the live catalogue's offer, the
/// latest survey wave with a needs matrix and the one before it, searches per theme over the last
/// twelve months (from the search log's daily roll-up), and "not useful" feedback per offering.
struct WhiteSpotData {
    var themes: [Term]
    var kinds: [Term]
    var audience: String?
    var latest: (survey: Survey, responses: [SubmittedResponse])?
    var previous: (survey: Survey, responses: [SubmittedResponse])?
    var searches: [ThemeSearchTotal]
    var spots: WhiteSpots
    var previousSpots: WhiteSpots?
    var since: Day

    static func load(_ site: SiteServices, _ insight: InsightServices, audience: String?, today: Day = Day(Date())) async throws -> WhiteSpotData {
        let taxonomy = site.catalogue.taxonomy
        let themes = taxonomy.terms(.theme), kinds = taxonomy.terms(.kind)
        // The latest wave with a needs matrix that enough gemeenten answered to count (a wave that has
        // just opened does not wipe out the one before); the trend compares with the wave it was copied
        // from, or else the one before it.
        let waves = try await insight.surveys.surveys().filter { $0.status != .concept && $0.needsMatrix != nil }
        var answered: [(Survey, [SubmittedResponse])] = []
        for wave in waves {
            let responses = try await insight.surveys.responses(wave.id)
            if responses.count >= SurveyResults.minimumGroup { answered.append((wave, responses)) }
            if answered.count == 2 { break }
        }
        let latest = answered.first
        let previous = latest.flatMap { latest in answered.dropFirst().first { $0.0.id == latest.0.previousWave } ?? answered.dropFirst().first }
        let since = today.adding(months: -12)
        let searches = try await insight.searchLog.themeTotals(since: since.description)
        let feedback = try await insight.feedback.counts(provider: nil)

        var input = WhiteSpots.Input(themes: themes.map(\.slug), kinds: kinds.map(\.slug))
        // The snapshot's values as they are: `offerings(where:)` sorts by title, which at 100,000
        // offerings took most of the page's time and is not needed for counting.
        for offering in site.catalogue.snapshot.offerings.values where audience == nil || offering.audiences.contains(audience!) {
            let stale = Freshness.of(offering, today: today) == .overdue
            for theme in offering.themes {
                let key = WhiteSpots.CellKey(theme, offering.kind)
                if stale { input.stale[key, default: 0] += 1 } else { input.current[key, default: 0] += 1 }
            }
        }
        for total in searches {
            if total.source == .guide {
                input.guideQuestions[total.theme, default: 0] += Double(total.searches)
            } else {
                input.searches[total.theme, default: 0] += Double(total.searches)
                input.zeroResultSearches[total.theme, default: 0] += Double(total.zeroResults)
            }
        }
        for count in feedback where count.notUseful > 0 {
            guard let offering = site.catalogue.offering(OfferingKey(parsing: count.offering) ?? OfferingKey(provider: "", id: "")),
                  audience == nil || offering.audiences.contains(audience!) else { continue }
            for theme in offering.themes { input.notUseful[WhiteSpots.CellKey(theme, offering.kind), default: 0] += count.notUseful }
        }
        var previousInput = input
        if let latest, let matrix = latest.0.needsMatrix { input.surveyPoints = WhiteSpots.surveyPoints(matrix, latest.1, audience: audience) }
        var previousSpots: WhiteSpots?
        if let previous, let matrix = previous.0.needsMatrix {
            previousInput.surveyPoints = WhiteSpots.surveyPoints(matrix, previous.1, audience: audience)
            previousSpots = WhiteSpots(previousInput)
        }
        return WhiteSpotData(themes: themes, kinds: kinds, audience: audience, latest: latest.map { ($0.0, $0.1) }, previous: previous.map { ($0.0, $0.1) },
                             searches: searches, spots: WhiteSpots(input), previousSpots: previousSpots, since: since)
    }

    /// What the latest wave's gemeenten said about one theme; nil without a wave, `.suppressed` when
    /// fewer than five answered the matrix.
    enum ThemeAnswers {
        case none, suppressed
        case row(SurveyResults.MatrixRowResult)
    }

    func answers(about theme: String) -> ThemeAnswers {
        guard let latest, let matrix = latest.survey.needsMatrix else { return .none }
        let results = SurveyResults(Survey(title: "", year: 0, opens: latest.survey.opens, closes: latest.survey.closes, questions: [matrix]),
                                    responses: latest.responses)
        guard case .matrix(let rows) = results.questions.first?.figures else { return .suppressed }
        return rows.first { $0.slug == theme }.map(ThemeAnswers.row) ?? .none
    }

    /// The matrix as rows for an export: one row per theme × kind.
    var table: [[String]] {
        let header = ["thema", "soort", "actueel_aanbod", "verlopen_aanbod", "peilingpunten", "zoekvragen", "zonder_resultaat", "vraagwijzer",
                      "niet_nuttig", "aandeel_vraag_pct", "aandeel_aanbod_pct", "kloof_procentpunt", "kloof_vorige_ronde"]
        func number(_ value: Double) -> String { String(format: "%.2f", value) }
        return [header] + spots.cells.map { cell in
            [cell.theme, cell.kind, "\(cell.current)", "\(cell.stale)", number(cell.surveyPoints), number(cell.searches), number(cell.zeroResultSearches),
             number(cell.guideQuestions), "\(cell.notUseful)", number(cell.demandShare * 100), number(cell.supplyShare * 100), number(cell.gap),
             previousSpots?.cell(cell.theme, cell.kind).map { number($0.gap) } ?? ""]
        }
    }
}
