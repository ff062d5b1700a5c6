import Catalogue
import Newsletter
import Foundation
import CatalogueService
import Audit
import Accounts
import Editions

/// Insight for the partners: the needs survey (answering by a personal link, the portal's survey
/// pages, published results), feedback on offerings, and the white spots.
enum InsightPaths {
    // Answering, behind a gemeente contact's personal link.
    static let answer = Path1("/peiling/{token}")
    static let question = answer.appending(parameter: "/vraag/{n}")
    static let check = answer.appending("/controleren")
    static let submit = answer.appending("/versturen")
    // Published results.
    static let publicSurveys = Path("/peilingen")
    static let publicResults = Path1("/peilingen/{id}")
    // "Was this useful?" on an offering page.
    static let feedback = Path1(MailLinks.offering + "/nuttig")
    // … and under a practice example.
    static let articleFeedback = KnowledgePaths.article.appending("/nuttig")

    enum Portal {
        static let surveys = Path("/beheer/peilingen")
        static let newSurvey = Path("/beheer/peilingen/nieuw")
        static let survey = Path1("/beheer/peilingen/{id}")
        static let addQuestion = survey.appending("/vragen")
        static let removeQuestion = survey.appending(parameter: "/vragen/{vraag}/verwijderen")
        static let status = survey.appending("/status")
        static let nextWave = survey.appending("/volgende-ronde")
        static let invitations = survey.appending("/uitnodigingen")
        static let remind = survey.appending("/herinneren")
        static let results = survey.appending("/resultaten")
        static let export = survey.appending(parameter: "/export/{formaat}")
        static let feedback = Path("/beheer/feedback")
        static let moderate = Path1("/beheer/feedback/{id}")
        static let whiteSpots = Path("/beheer/witte-vlekken")
        static let digest = Path("/beheer/witte-vlekken/bericht")
        static let whiteSpotExport = Path1("/beheer/witte-vlekken/export/{formaat}")
        static let cell = Path2("/beheer/witte-vlekken/{thema}/{soort}")
        static let themeSummary = Path1("/beheer/witte-vlekken/{thema}/samenvatting")
    }
}
