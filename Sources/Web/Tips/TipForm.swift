import Catalogue
import Foundation
import Knowledge
import Mail

/// The tip form as typed, and its rules: the story (with the fields of a practice example), where
/// and about what, links only (no files), and who sends it. The sender's edit through their personal
/// link uses the same form without the sender's part.
struct TipForm: Sendable, Equatable {
    var kind = "", title = "", story = "", aanleiding = "", aanpak = "", resultaat = "", lessen = "", betrokken = "", gemeente = "", links = ""
    var themes: [String] = []
    var name = "", email = "", organisation = ""
    var showName = false

    init() {}

    init(form: QueryString) {
        kind = form.text("soort", .token)
        title = form.text("titel", .title)
        story = form.text("verhaal", .freeText(Self.storyLimit))
        aanleiding = form.text("aanleiding", .freeText(Self.fieldLimit))
        aanpak = form.text("aanpak", .freeText(Self.fieldLimit))
        resultaat = form.text("resultaat", .freeText(Self.fieldLimit))
        lessen = form.text("lessen", .freeText(Self.fieldLimit))
        betrokken = form.text("betrokken", .freeText(1_000))
        gemeente = form.text("gemeente", .token)
        links = form.text("links", .freeText(2_000))
        themes = Array(form.values("themas").prefix(20))
        name = form.text("naam", .name)
        email = form.text("email", .emailAddress)
        organisation = form.text("organisatie", .name)
        showName = form.isChecked("naam-tonen")
    }

    init(content: Tip.Content) {
        kind = content.kind.rawValue
        title = content.title
        story = content.story
        aanleiding = content.aanleiding
        aanpak = content.aanpak
        resultaat = content.resultaat
        lessen = content.lessen
        betrokken = content.betrokken
        gemeente = content.gemeente ?? ""
        links = content.links.joined(separator: "\n")
        themes = content.themes
    }

    static let storyLimit = 8_000
    static let fieldLimit = 3_000
    static let maxLinks = 5

    static let labels: [String: String] = [
        "soort": "Wat stuurt u in", "titel": "Titel", "verhaal": "Uw verhaal", "aanleiding": "Aanleiding", "aanpak": "Aanpak",
        "resultaat": "Resultaat", "lessen": "Lessen", "betrokken": "Wie waren betrokken", "gemeente": "Gemeente", "themas": "Thema’s",
        "links": "Links", "naam": "Uw naam", "email": "Uw e-mailadres", "organisatie": "Organisatie",
    ]

    /// The content, or the Dutch messages by field name.
    func content(taxonomy: Taxonomy, municipalities: MunicipalityList = .cbs) -> Result<Tip.Content, FormErrors> {
        var errors = FormErrors()
        let kind = Tip.Kind(rawValue: kind)
        if kind == nil { errors.add("soort", "Kies of u een tip, een praktijkvoorbeeld of een dilemma instuurt.") }
        if title.isEmpty { errors.add("titel", "Geef uw inzending een korte titel.") } else if QueryString.isTooLong(title, .title) {
            errors.add("titel", "Houd de titel onder \(FormField.title.limit) tekens.")
        }
        if story.count < 20 { errors.add("verhaal", "Vertel in een paar zinnen waar het om gaat.") } else if story.count > Self.storyLimit {
            errors.add("verhaal", "Uw verhaal is langer dan \(Self.storyLimit) tekens. Kort het in; de redactie neemt contact op als ze meer wil weten.")
        }
        if kind == .practice {
            for (name, value, what) in [("aanleiding", aanleiding, "de aanleiding"), ("aanpak", aanpak, "de aanpak"), ("resultaat", resultaat, "het resultaat")]
            where value.isEmpty {
                errors.add(name, "Beschrijf \(what); bij een praktijkvoorbeeld is dat wat lezers zoeken.")
            }
        }
        for (name, value) in [("aanleiding", aanleiding), ("aanpak", aanpak), ("resultaat", resultaat), ("lessen", lessen)]
        where value.count > Self.fieldLimit {
            errors.add(name, "Dit veld is langer dan \(Self.fieldLimit) tekens.")
        }
        if betrokken.count > 1_000 { errors.add("betrokken", "Dit veld is langer dan 1.000 tekens.") }
        if !gemeente.isEmpty, municipalities.municipality(gemeente) == nil { errors.add("gemeente", "Kies een gemeente uit de lijst.") }
        let terms = Set(taxonomy.terms(.theme).map(\.slug))
        if !themes.allSatisfy(terms.contains) { errors.add("themas", "Kies thema’s uit de lijst.") }
        let links = Self.lines(links)
        if links.count > Self.maxLinks { errors.add("links", "Hoogstens \(Self.maxLinks) links.") }
        if let bad = links.first(where: { !Self.isWebLink($0) }) {
            errors.add("links", "‘\(bad.prefix(80))’ is geen webadres. Zet per regel één adres dat begint met https://.")
        }
        guard errors.isEmpty, let kind else { return .failure(errors) }
        return .success(Tip.Content(kind: kind, title: title, story: story, aanleiding: aanleiding, aanpak: aanpak, resultaat: resultaat,
                                    lessen: lessen, betrokken: betrokken, gemeente: gemeente.isEmpty ? nil : gemeente, themes: themes, links: links))
    }

    /// The sender, or messages: a name and an address are needed to confirm and to answer.
    func sender(errors: inout FormErrors) -> TipSender? {
        if name.isEmpty { errors.add("naam", "Vul uw naam in; we tonen hem alleen als u dat aanvinkt.") }
        for (field, value) in [("naam", name), ("organisatie", organisation)] {
            if QueryString.isTooLong(value, .name) { errors.add(field, "Hoogstens \(FormField.name.limit) tekens.") }
            if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) { errors.add(field, "Gebruik geen regeleinden.") }
        }
        var address: MailAddress? = nil
        if email.isEmpty { errors.add("email", "Vul uw e-mailadres in; we sturen er een link heen om uw inzending te bevestigen.") } else if
            QueryString.isTooLong(email, .emailAddress) { errors.add("email", "Dit e-mailadres is te lang.") } else {
            address = try? MailAddress(email)
            if address == nil { errors.add("email", "Vul een geldig e-mailadres in, zoals naam@gemeente.nl.") }
        }
        guard let address, errors.isEmpty else { return nil }
        return TipSender(name: name, email: address.description, organisation: organisation, showName: showName)
    }

    static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// An http(s) address with a host and no white space: what a link may be.
    static func isWebLink(_ text: String) -> Bool {
        guard text.count <= 500, !text.contains(where: \.isWhitespace), let url = URL(string: text), let scheme = url.scheme?.lowercased(),
              ["http", "https"].contains(scheme), let host = url.host, host.contains(".") else { return false }
        return true
    }
}
