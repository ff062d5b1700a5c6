import Catalogue
import Events
import Foundation
import Mail

/// The registration form as typed, and its rules.
struct RegistrationForm: Sendable, Equatable {
    var name = "", email = "", organisation = "", gemeente = "", role = "", accessibility = ""
    var accessibilityConsent = false
    /// Round id → the chosen workshop, or the workshops in order of preference.
    var choices: [String: [String]] = [:]

    init() {}

    init(form: QueryString, event: Event) {
        name = form.text("naam", .name)
        email = form.text("email", .emailAddress)
        organisation = form.text("organisatie", .name)
        gemeente = form.text("gemeente", .token)
        role = form.text("rol", .key)
        accessibility = form.text("toegankelijkheid", .freeText(500))
        accessibilityConsent = form.isChecked("toestemming-toegankelijkheid")
        for round in event.rounds {
            switch event.allocation {
            case .firstCome:
                if let chosen = form.first("ronde-\(round.id)"), !chosen.isEmpty { choices[round.id] = [String(chosen.prefix(100))] }
            case .rankedChoice:
                let ranked = (1...3).compactMap { form.first("ronde-\(round.id)-keuze-\($0)") }.filter { !$0.isEmpty }.map { String($0.prefix(100)) }
                if !ranked.isEmpty { choices[round.id] = ranked }
            }
        }
    }

    static let labels: [String: String] = ["naam": "Naam", "email": "E-mailadres", "organisatie": "Organisatie", "gemeente": "Gemeente", "rol": "Rol",
                                           "toegankelijkheid": "Toegankelijkheid"]

    func request(event: Event, taxonomy: Taxonomy, municipalities: MunicipalityList = .cbs) -> Result<RegistrationRequest, FormErrors> {
        var errors = FormErrors()
        if name.isEmpty { errors.add("naam", "Vul uw naam in.") } else if QueryString.isTooLong(name, .name) { errors.add("naam", "Hoogstens 200 tekens.") }
        var address: String? = nil
        if email.isEmpty { errors.add("email", "Vul uw e-mailadres in; daar sturen we de bevestiging heen.") } else if let parsed = try? MailAddressCheck.parse(email) {
            address = parsed
        } else {
            errors.add("email", "Vul een geldig e-mailadres in, zoals naam@gemeente.nl.")
        }
        if QueryString.isTooLong(organisation, .name) { errors.add("organisatie", "Hoogstens 200 tekens.") }
        for (field, value) in [("naam", name), ("organisatie", organisation)]
        where value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            errors.add(field, "Gebruik geen regeleinden.")
        }
        if !gemeente.isEmpty, municipalities.municipality(gemeente) == nil { errors.add("gemeente", "Kies een gemeente uit de lijst.") }
        if !role.isEmpty, taxonomy.term(.audience, role) == nil { errors.add("rol", "Kies een rol uit de lijst.") }
        if accessibility.count > 500 { errors.add("toegankelijkheid", "Hoogstens 500 tekens.") }
        if !accessibility.isEmpty && !accessibilityConsent {
            errors.add("toegankelijkheid", "Geef toestemming om dit te bewaren, of laat het veld leeg. We wissen het de dag na de bijeenkomst.")
        }
        for round in event.rounds {
            let ids = Set(round.workshops.map(\.id))
            let chosen = choices[round.id] ?? []
            if chosen.isEmpty {
                errors.add("ronde-\(round.id)", "Kies een workshop voor \(round.title.lowercased()).")
            } else if !chosen.allSatisfy(ids.contains) || Set(chosen).count != chosen.count {
                errors.add("ronde-\(round.id)", "Kies workshops uit de lijst, elk één keer.")
            }
        }
        guard errors.isEmpty, let address else { return .failure(errors) }
        return .success(RegistrationRequest(person: .init(name: name, email: address, organisation: organisation, gemeente: gemeente.isEmpty ? nil : gemeente,
                                                          role: role, accessibility: accessibility.isEmpty ? nil : accessibility), choices: choices))
    }
}

/// The e-mail address a person typed, as it is stored: checked by the mail library, lower case.
enum MailAddressCheck {
    static func parse(_ text: String) throws -> String { try Mail.MailAddress(text.trimmingCharacters(in: .whitespaces)).description.lowercased() }
}
