import Events
import Foundation
import Markup

/// The e-mails of a registration: the confirmation (with the sessions as an .ics), a place on the
/// waiting list, an offered seat (claim or not interested), and a cancellation.
enum EventMail {
    static func when(_ event: Event) -> String {
        event.sessions.map { "- \($0.title): \(DutchFormat.dateTime($0.starts)) tot \(DutchFormat.time($0.ends))" }.joined(separator: "\n")
    }

    static func places(_ registration: Registration, _ event: Event) -> String {
        let lines = registration.places.compactMap { place -> String? in
            guard let round = event.rounds.first(where: { $0.id == place.round }) else { return nil }
            let workshop = place.workshop.flatMap { id in round.workshops.first { $0.id == id }?.title } ?? "nog niet toegewezen"
            return "- \(round.title): \(workshop) (\(place.state.label.lowercased()))"
        }
        return lines.isEmpty ? "" : "\nUw workshops:\n" + lines.joined(separator: "\n") + "\n"
    }

    static func confirmed(_ registration: Registration, _ event: Event, link: String) -> (subject: String, text: String) {
        ("Aangemeld: \(event.title)", """
            Beste \(registration.person?.name ?? "deelnemer"),

            U bent aangemeld voor "\(event.title)".

            \(when(event))
            \(event.online ? "Online; de link volgt voor de bijeenkomst." : "Waar: \(event.venue ?? "")")
            \(places(registration, event))
            In de bijlage staat de bijeenkomst voor uw agenda. Via uw persoonlijke link ziet u uw aanmelding,
            en kunt u annuleren; doe dat als u niet kunt, dan krijgt iemand op de wachtlijst uw plaats:

            \(link)

            Met vriendelijke groet,
            de organisatie via Weerbaar
            """)
    }

    static func waitlisted(_ registration: Registration, _ event: Event, link: String) -> (subject: String, text: String) {
        ("Op de wachtlijst: \(event.title)", """
            Beste \(registration.person?.name ?? "deelnemer"),

            "\(event.title)" is vol. U staat op de wachtlijst. Komt er een plaats vrij, dan krijgt u een
            e-mail en heeft u \(event.offerHours) uur om die plaats te nemen; daarna gaat zij naar de volgende.

            Uw aanmelding, en de wachtlijst verlaten:

            \(link)

            Met vriendelijke groet,
            de organisatie via Weerbaar
            """)
    }

    static func offered(_ registration: Registration, _ event: Event, link: String) -> (subject: String, text: String) {
        let until = (registration.offeredUntil ?? registration.places.compactMap(\.offeredUntil).min()).map(DutchFormat.dateTime) ?? ""
        return ("Er is een plaats voor u: \(event.title)", """
            Beste \(registration.person?.name ?? "deelnemer"),

            Er is een plaats vrijgekomen bij "\(event.title)"\(registration.state == .offered ? "" : " in een workshop waarvoor u op de wachtlijst stond").
            Neem haar vóór \(until) via uw persoonlijke link; daar kunt u ook laten weten dat u niet meer wilt,
            dan gaat de plaats meteen naar de volgende:

            \(link)

            Met vriendelijke groet,
            de organisatie via Weerbaar
            """)
    }

    static func allocated(_ registration: Registration, _ event: Event, link: String) -> (subject: String, text: String) {
        ("Uw workshops: \(event.title)", """
            Beste \(registration.person?.name ?? "deelnemer"),

            De aanmelding voor "\(event.title)" is gesloten en de workshops zijn verdeeld. \(event.allocation.explanation)
            \(places(registration, event))
            Kreeg u in een ronde geen van uw keuzes, dan kunt u via uw persoonlijke link kiezen uit de workshops
            waar nog plaats is, of uw aanmelding annuleren:

            \(link)

            Met vriendelijke groet,
            de organisatie via Weerbaar
            """)
    }

    /// A reminder as queued for the agenda's outbox (greeting, workshops and link are added per participant).
    static func reminder(_ event: Event, session: Event.Session, days: Int) -> (subject: String, body: String) {
        (days == 1 ? "Morgen: \(event.title)" : "Over een week: \(event.title)", """
            \(days == 1 ? "Morgen" : "Over een week") is "\(event.title)"\(event.sessions.count > 1 ? " (\(session.title))" : "").

            \(DutchFormat.dateTime(session.starts)) tot \(DutchFormat.time(session.ends))
            \(event.online ? "Online." : "Waar: \(event.venue ?? "")")

            Kunt u niet? Annuleer dan via uw persoonlijke link hieronder; iemand op de wachtlijst krijgt uw plaats.
            """)
    }

    static func cancelled(_ registration: Registration, _ event: Event) -> (subject: String, text: String) {
        ("Geannuleerd: \(event.title)", """
            Beste \(registration.person?.name ?? "deelnemer"),

            Uw aanmelding voor "\(event.title)" is geannuleerd. Uw plaats gaat naar de eerste op de wachtlijst.
            Wilt u toch komen, meld u dan opnieuw aan zolang de aanmelding open is.

            Met vriendelijke groet,
            de organisatie via Weerbaar
            """)
    }

    /// What changed for participants between two versions of an event: times, place, sessions,
    /// rounds and workshops (title, room, time). Empty when nothing they plan around changed.
    static func changes(from before: Event, to after: Event) -> [String] {
        var lines: [String] = []
        if before.online != after.online || before.venue != after.venue {
            lines.append(after.online ? "De bijeenkomst is nu online." : "Nieuwe locatie: \(after.venue ?? "")")
        }
        for session in after.sessions {
            guard let old = before.sessions.first(where: { $0.id == session.id }) else {
                lines.append("Nieuwe sessie: \(session.title), \(DutchFormat.dateTime(session.starts)) tot \(DutchFormat.time(session.ends))")
                continue
            }
            if old.starts != session.starts || old.ends != session.ends {
                lines.append("\(session.title): nu \(DutchFormat.dateTime(session.starts)) tot \(DutchFormat.time(session.ends))"
                             + " (was \(DutchFormat.dateTime(old.starts)) tot \(DutchFormat.time(old.ends)))")
            }
        }
        for old in before.sessions where !after.sessions.contains(where: { $0.id == old.id }) {
            lines.append("Vervallen: \(old.title) van \(DutchFormat.dateTime(old.starts))")
        }
        for round in after.rounds {
            guard let old = before.rounds.first(where: { $0.id == round.id }) else { continue }
            if old.starts != round.starts || old.ends != round.ends {
                lines.append("\(round.title): nu van \(DutchFormat.time(round.starts)) tot \(DutchFormat.time(round.ends))")
            }
            for workshop in round.workshops {
                guard let was = old.workshops.first(where: { $0.id == workshop.id }) else { continue }
                if was.room != workshop.room { lines.append("Workshop \"\(workshop.title)\": nu in \(workshop.room)") }
                if was.title != workshop.title { lines.append("Workshop \"\(was.title)\" heet nu \"\(workshop.title)\"") }
            }
        }
        return lines
    }

    /// The change notice as stored (the greeting and personal link are added per participant).
    static func changeNotice(_ event: Event, _ lines: [String]) -> (subject: String, body: String) {
        ("Gewijzigd: \(event.title)", """
            De organisator heeft "\(event.title)" gewijzigd:

            \(lines.map { "- " + $0 }.joined(separator: "\n"))

            Het programma zoals het nu is, staat op de pagina van de bijeenkomst.
            """)
    }

    /// A message from the outbox for one participant: greeting, the message, their workshops, their personal link.
    static func personal(_ message: EventMessage, _ registration: Registration, event: Event?, link: String, organiser: String) -> String {
        """
        Beste \(registration.person?.name ?? "deelnemer"),

        \(message.body)
        \(event.map { places(registration, $0) } ?? "")
        Uw aanmelding bekijken, wijzigen of annuleren:
        \(link)

        Met vriendelijke groet,
        \(organiser), via Weerbaar
        """
    }

    static func moved(_ registration: Registration, _ event: Event, link: String) -> (subject: String, text: String) {
        ("Uw workshop is gewijzigd: \(event.title)", """
            Beste \(registration.person?.name ?? "deelnemer"),

            De organisator heeft uw workshopkeuze voor "\(event.title)" aangepast.
            \(places(registration, event))
            Via uw persoonlijke link ziet u uw aanmelding:

            \(link)

            Met vriendelijke groet,
            de organisatie via Weerbaar
            """)
    }
}
