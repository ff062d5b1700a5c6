import Catalogue
import Events
import Foundation

/// The demo's agenda, dated from the day it is loaded: the national theme day with twelve workshops
/// in three rounds, a learning network that meets four times, two webinars, and one past meeting
/// with its materials. Written for this project; the rooms, hosts and times are made up.
public enum DemoEvents {
    static let privacy = "De organisator ziet uw naam, e-mailadres, organisatie, gemeente en rol, en gebruikt die alleen voor deze bijeenkomst. "
        + "Wat u over toegankelijkheid schrijft, wissen we de dag na de bijeenkomst; uw andere gegevens zes maanden na de laatste bijeenkomst."

    /// A moment in the Netherlands' time zone, `days` from `today`, at hour:minute.
    static func at(_ today: Date, days: Int, _ hour: Int, _ minute: Int = 0) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .gmt
        let day = calendar.date(byAdding: .day, value: days, to: calendar.startOfDay(for: today)) ?? today
        return calendar.date(bySettingHour: hour, minute: minute, second: 0, of: day) ?? day
    }

    public static func events(today: Date = Date()) -> [Event] {
        func workshop(_ id: String, _ title: String, _ host: String, _ room: String, _ theme: String, _ capacity: Int = 25) -> Event.Workshop {
            Event.Workshop(id: id, title: title, host: host, room: room, theme: theme, capacity: capacity)
        }
        let day = 70
        let themeDay = Event(
            slug: "themadag-samen-voor-sociale-stabiliteit", kind: .themeDay, provider: "szw-ess",
            title: "Themadag Samen voor sociale stabiliteit (demo)",
            description: """
                De landelijke themadag voor gemeenten, met twaalf workshops in drie rondes over inclusie, polarisatie, problematisch gedrag \
                en ondermijning, radicalisering en extremisme. U kiest per ronde één workshop.

                **Voor wie:** beleidsmedewerkers, adviseurs openbare orde, jongerenwerkers en wijkprofessionals.
                """,
            themes: ["polarisatie", "inclusie", "radicalisering", "problematisch-gedrag"], audiences: ["beleidsmedewerkers"],
            venue: "Congrescentrum (demo), Stationsplein 1, Amersfoort", online: false, province: "Utrecht",
            registrationOpens: at(today, days: -14, 9), registrationCloses: at(today, days: day - 7, 17), capacity: 250, privacyNotice: privacy,
            sessions: [Event.Session(id: "dag", title: "Themadag", starts: at(today, days: day, 9, 30), ends: at(today, days: day, 16, 30), rounds: [
                Event.Round(id: "1", title: "Ronde 1", starts: at(today, days: day, 10, 30), ends: at(today, days: day, 11, 45), workshops: [
                    workshop("r1-gesprek-na-incident", "Het gesprek na een incident in de wijk", "Expertise-unit Sociale Stabiliteit", "Zaal Eem", "polarisatie"),
                    workshop("r1-inclusief-communiceren", "Inclusief communiceren als het spannend wordt", "Kennisplatform Inclusief Samenleven", "Zaal Flint", "inclusie"),
                    workshop("r1-jongeren-online", "Jongeren en extremisme online", "Platform JEP", "Zaal Hoog", "radicalisering", 30),
                    workshop("r1-overlast-aanpak", "Groepen jongeren met overlastgevend gedrag", "Taskforce Problematisch gedrag", "Zaal Laag", "problematisch-gedrag", 20),
                ]),
                Event.Round(id: "2", title: "Ronde 2", starts: at(today, days: day, 12, 45), ends: at(today, days: day, 14, 0), workshops: [
                    workshop("r2-sleutelfiguren", "Werken met sleutelfiguren", "Expertise-unit Sociale Stabiliteit", "Zaal Eem", "polarisatie"),
                    workshop("r2-discriminatie-melden", "Van melding discriminatie naar aanpak", "Kennisplatform Inclusief Samenleven", "Zaal Flint", "inclusie"),
                    workshop("r2-casusoverleg", "Casusoverleg radicalisering: wie doet wat?", "Landelijk Steunpunt Extremisme", "Zaal Hoog", "extremisme", 20),
                    workshop("r2-ondermijning-signalen", "Signalen van ondermijning in de wijk", "Ministerie van Justitie en Veiligheid", "Zaal Laag", "ondermijning"),
                ]),
                Event.Round(id: "3", title: "Ronde 3", starts: at(today, days: day, 14, 15), ends: at(today, days: day, 15, 30), workshops: [
                    workshop("r3-bestuurder-onder-druk", "De bestuurder onder druk", "Nederlands Genootschap van Burgemeesters", "Zaal Eem", "vertrouwen", 20),
                    workshop("r3-demonstraties", "Demonstraties en tegendemonstraties", "Vereniging van Nederlandse Gemeenten", "Zaal Flint", "maatschappelijke-onrust"),
                    workshop("r3-complotdenken", "In gesprek met complotdenkers", "Rijksopleidingsinstituut tegengaan Radicalisering", "Zaal Hoog", "radicalisering"),
                    workshop("r3-school-en-wijk", "School en wijk: spanningen samen oppakken", "Platform JEP", "Zaal Laag", "polarisatie"),
                ]),
            ])])
        let network = Event(
            slug: "leernetwerk-polarisatie", kind: .learningNetwork, provider: "szw-ess", title: "Leernetwerk polarisatie (demo)",
            description: "Een vaste groep ambtenaren van gemeenten die vier keer per jaar samen casussen bespreekt. Na elke bijeenkomst verschijnt een infoblad.",
            themes: ["polarisatie", "vertrouwen"], audiences: ["beleidsmedewerkers"], venue: "Gemeentehuis (demo), Utrecht", online: false, province: "Utrecht",
            registrationOpens: at(today, days: -30, 9), registrationCloses: at(today, days: 20, 17), capacity: 24, needsApproval: true,
            privacyNotice: privacy,
            sessions: [20, 110, 200, 290].enumerated().map { index, offset in
                Event.Session(id: "\(index + 1)", title: "Bijeenkomst \(index + 1)", starts: at(today, days: 21 + offset, 13), ends: at(today, days: 21 + offset, 16, 30))
            }, offering: "szw-ess/leernetwerk-polarisatie-in-de-wijk")
        let webinarOne = Event(
            slug: "webinar-online-haat-tegen-raadsleden", kind: .webinar, provider: "vng", title: "Webinar: online haat tegen raadsleden (demo)",
            description: "Wat kunt u als griffier of adviseur doen als raadsleden online worden bedreigd? Een uur met praktijkvoorbeelden en vragen.",
            themes: ["vertrouwen", "extremisme"], audiences: ["bestuurders"], venue: nil, online: true,
            registrationOpens: at(today, days: -7, 9), registrationCloses: at(today, days: 13, 12), capacity: 500, privacyNotice: privacy,
            sessions: [Event.Session(id: "1", title: "Webinar", starts: at(today, days: 14, 15), ends: at(today, days: 14, 16))],
            offering: "vng/webinar-reeks-sociale-stabiliteit")
        let webinarTwo = Event(
            slug: "webinar-signalen-radicalisering-jongeren", kind: .webinar, provider: "platform-jep", title: "Webinar: signalen van radicalisering bij jongeren (demo)",
            description: "Voor jongerenwerkers en docenten: herkennen, duiden en bespreken. Met een casus en de route naar advies.",
            themes: ["radicalisering"], audiences: ["jongerenwerkers"], venue: nil, online: true,
            registrationOpens: at(today, days: -3, 9), registrationCloses: at(today, days: 34, 12), capacity: 300, privacyNotice: privacy,
            sessions: [Event.Session(id: "1", title: "Webinar", starts: at(today, days: 35, 10), ends: at(today, days: 35, 11, 30))])
        let past = Event(
            slug: "regionale-bijeenkomst-azc-in-de-regio", kind: .regional, provider: "vng", title: "Regionale bijeenkomst: een azc in de regio (demo)",
            description: "Gemeenten uit het noorden deelden hun ervaringen met informatieavonden, inloopspreekuren en de samenwerking met het COA.",
            themes: ["maatschappelijke-onrust", "vertrouwen"], audiences: ["beleidsmedewerkers"], venue: "Provinciehuis (demo), Groningen", online: false,
            province: "Groningen", registrationOpens: at(today, days: -90, 9), registrationCloses: at(today, days: -40, 12), capacity: 60, privacyNotice: privacy,
            sessions: [Event.Session(id: "1", title: "Bijeenkomst", starts: at(today, days: -35, 13), ends: at(today, days: -35, 17))],
            materials: [Event.Material(title: "Infoblad: in gesprek met bezorgde inwoners over een azc", url: "/artikelen/infoblad-in-gesprek-met-bezorgde-inwoners-over-een-azc")])
        return [themeDay, network, webinarOne, webinarTwo, past]
    }
}
