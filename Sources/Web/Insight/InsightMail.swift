import Newsletter
import Foundation
import CatalogueService
import Audit
import Accounts
import Catalogue
import Insight
import Markup

/// The e-mails of the needs survey: the invitation with a personal link, and the reminder.
enum InsightMail {
    static func invitation(name: String, survey: Survey, municipality: Municipality, link: String) -> (subject: String, text: String) {
        ("Uitnodiging: \(survey.title)", """
            Beste \(name.isEmpty ? "collega" : name),

            Wat heeft uw gemeente nodig om maatschappelijke spanningen, polarisatie en radicalisering het hoofd
            te bieden? Met de behoeftepeiling "\(survey.title)" horen de landelijke partners dat van gemeenten
            zelf, zodat het aanbod op Weerbaar aansluit bij de praktijk.

            U beantwoordt de peiling namens de gemeente \(municipality.name). Dit is uw persoonlijke link:

            \(link)

            De peiling is open tot en met \(DutchFormat.date(survey.closes)). Uw antwoorden worden bij elke vraag
            bewaard: u kunt stoppen en later verder gaan. Kregen collega's van uw gemeente ook een link, dan
            werkt u samen in één antwoord; één van u verstuurt het.
            \(survey.anonymous ? "\nDe peiling is anoniem: na het versturen bewaren we bij de antwoorden alleen de provincie en de\ngrootteklasse van uw gemeente.\n" : "")
            Deel deze link niet buiten uw gemeente.
            """)
    }

    static func reminder(name: String, survey: Survey, municipality: Municipality, link: String) -> (subject: String, text: String) {
        ("Herinnering: \(survey.title)", """
            Beste \(name.isEmpty ? "collega" : name),

            De gemeente \(municipality.name) heeft de behoeftepeiling "\(survey.title)" nog niet ingestuurd.
            De peiling is open tot en met \(DutchFormat.date(survey.closes)). Wat al bewaard is, blijft staan.

            Met deze nieuwe persoonlijke link gaat u verder (de link uit de eerste uitnodiging werkt niet meer):

            \(link)
            """)
    }
}
