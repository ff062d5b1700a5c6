import Foundation

/// One thing that happened in the portal, as the append-only audit log keeps it: when, who (by
/// e-mail and name as they were at the time, so the entry survives the account), what, and about what.
public struct AuditEvent: Sendable, Equatable {
    /// What happened. The raw value is stored; new actions are added at the end, never renamed.
    public enum Action: String, Sendable, CaseIterable {
        case signedIn = "ingelogd"
        case signInLocked = "inloggen-geblokkeerd"
        case signedOutEverywhere = "overal-uitgelogd"
        case invited = "uitgenodigd"
        case accountCreated = "account-gemaakt"
        case passwordReset = "wachtwoord-hersteld"
        case secondFactorSetUp = "tweede-stap-ingesteld"
        case administratorCreated = "beheerder-aangemaakt"
        case accountCreatedByCommand = "account-aangemaakt-opdrachtregel"
        case catalogueImported = "aanbod-geimporteerd"
        case accountChanged = "account-gewijzigd"
        case offeringConfirmed = "aanbod-bevestigd"
        case offeringSaved = "aanbod-opgeslagen"
        case offeringSubmitted = "aanbod-ingediend"
        case offeringPublished = "aanbod-gepubliceerd"
        case offeringSentBack = "aanbod-teruggestuurd"
        case offeringArchived = "aanbod-gearchiveerd"
        case offeringUnarchived = "aanbod-uit-archief"
        case revisionRestored = "versie-teruggezet"
        case providerChanged = "aanbieder-gewijzigd"
        case vocabularyChanged = "lijst-gewijzigd"
        case editionScheduled = "editie-gepland"
        case editionSent = "editie-verstuurd"
        case editionDeleted = "editie-verwijderd"
        case signInFailed = "inloggen-mislukt"
        case secondFactorFailed = "tweede-stap-mislukt"
        case recoveryCodeUsed = "herstelcode-gebruikt"
        case secondFactorReset = "tweede-stap-gewist"
        case invitationResent = "uitnodiging-opnieuw-verstuurd"
        case invitationWithdrawn = "uitnodiging-ingetrokken"
        case handbookEntrySaved = "handboekartikel-opgeslagen"
        case handbookEntryPublished = "handboekartikel-gepubliceerd"
        case handbookComposed = "leerroute-of-contactpunten-gewijzigd"
        case surveyChanged = "peiling-gewijzigd"
        case surveyInvitationsSent = "peiling-uitnodigingen-verstuurd"
        case feedbackModerated = "feedback-beoordeeld"
        case articleSaved = "artikel-opgeslagen"
        case articlePublished = "artikel-gepubliceerd"
        case tipTransition = "tip-status-gewijzigd"
        case registrationChanged = "aanmelding-gewijzigd"
        case registrationsExported = "aanmeldingen-geexporteerd"
        case eventSaved = "bijeenkomst-opgeslagen"
        case eventMessageSent = "bericht-aan-deelnemers"

        /// The Dutch wording for the log page.
        public var label: String {
            switch self {
            case .signedIn: "Ingelogd"
            case .signInLocked: "Inloggen geblokkeerd na te veel pogingen"
            case .signedOutEverywhere: "Overal uitgelogd"
            case .invited: "Uitgenodigd"
            case .accountCreated: "Account gemaakt via uitnodiging"
            case .passwordReset: "Wachtwoord hersteld"
            case .secondFactorSetUp: "Tweede stap ingesteld"
            case .administratorCreated: "Beheerder aangemaakt (opdrachtregel)"
            case .accountCreatedByCommand: "Account aangemaakt (opdrachtregel, zonder uitnodiging)"
            case .catalogueImported: "Aanbod geïmporteerd"
            case .accountChanged: "Account gewijzigd (rol, aanbieder of blokkering)"
            case .offeringConfirmed: "Aanbod bevestigd als nog actueel"
            case .offeringSaved: "Aanbod opgeslagen als concept"
            case .offeringSubmitted: "Aanbod ingediend ter beoordeling"
            case .offeringPublished: "Aanbod gepubliceerd"
            case .offeringSentBack: "Aanbod teruggestuurd met opmerking"
            case .offeringArchived: "Aanbod gearchiveerd"
            case .offeringUnarchived: "Aanbod uit het archief gehaald"
            case .revisionRestored: "Eerdere versie teruggezet als concept"
            case .providerChanged: "Aanbieder gewijzigd"
            case .vocabularyChanged: "Lijst gewijzigd (waarde toegevoegd, hernoemd of samengevoegd)"
            case .editionScheduled: "Nieuwsbriefeditie ingepland (of planning gewijzigd)"
            case .editionSent: "Nieuwsbriefeditie verstuurd"
            case .editionDeleted: "Nieuwsbriefeditie verwijderd"
            case .signInFailed: "Inloggen mislukt (e-mailadres of wachtwoord onjuist)"
            case .secondFactorFailed: "Onjuiste code bij de tweede stap"
            case .recoveryCodeUsed: "Ingelogd met een herstelcode"
            case .secondFactorReset: "Tweede stap gewist door een beheerder"
            case .invitationResent: "Uitnodiging opnieuw verstuurd"
            case .invitationWithdrawn: "Uitnodiging ingetrokken"
            case .handbookEntrySaved: "Handboekartikel opgeslagen (concept of ingediend)"
            case .handbookEntryPublished: "Handboekartikel gepubliceerd"
            case .handbookComposed: "Leerroute of contactpunten bij een thema gewijzigd"
            case .surveyChanged: "Behoeftepeiling gewijzigd (gegevens, vragen of status)"
            case .surveyInvitationsSent: "Uitnodigingen of herinneringen voor een peiling verstuurd"
            case .feedbackModerated: "Toelichting bij feedback goed- of afgekeurd"
            case .articleSaved: "Artikel opgeslagen (concept, ingediend, teruggestuurd of teruggezet)"
            case .articlePublished: "Artikel gepubliceerd"
            case .tipTransition: "Tip of praktijkvoorbeeld van een lezer: status gewijzigd"
            case .registrationChanged: "Aanmelding voor een bijeenkomst goedgekeurd, verplaatst of aanwezigheid genoteerd"
            case .registrationsExported: "Aanmeldingen van een bijeenkomst geëxporteerd (CSV of XLSX)"
            case .eventSaved: "Bijeenkomst aangemaakt of gewijzigd"
            case .eventMessageSent: "Bericht aan de deelnemers van een bijeenkomst verstuurd"
            }
        }
    }

    public var id: UUID
    public var at: Date
    /// E-mail address of who did it; "systeem" for the command line.
    public var actor: String
    public var actorName: String
    public var action: Action
    /// What it was about: an e-mail address, a file name, an offering.
    public var subject: String
    public var details: String

    public init(id: UUID = UUID(), at: Date = Date(), actor: String, actorName: String, action: Action, subject: String = "", details: String = "") {
        self.id = id
        self.at = at
        self.actor = actor
        self.actorName = actorName
        self.action = action
        self.subject = subject
        self.details = details
    }
}

/// Which entries of the log to show: by person (who did it, or whom it was about), by action, and
/// from one moment until another. Empty, it selects everything.
public struct AuditFilter: Sendable, Equatable {
    /// Part of an e-mail address or name; matched against who did it and what it was about.
    public var person: String?
    public var action: AuditEvent.Action?
    public var from: Date?
    /// Exclusive.
    public var until: Date?

    public init(person: String? = nil, action: AuditEvent.Action? = nil, from: Date? = nil, until: Date? = nil) {
        self.person = person.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.flatMap { $0.isEmpty ? nil : $0 }
        self.action = action
        self.from = from
        self.until = until
    }

    public static let everything = AuditFilter()
}

/// The audit log: appended to, read, never changed. The store offers no update and no delete.
public protocol AuditLog: Sendable {
    func append(_ event: AuditEvent) async throws
    /// Newest first.
    func events(_ filter: AuditFilter, offset: Int, limit: Int) async throws -> [AuditEvent]
    func count(_ filter: AuditFilter) async throws -> Int
}

extension AuditLog {
    public func events(offset: Int, limit: Int) async throws -> [AuditEvent] { try await events(.everything, offset: offset, limit: limit) }
    public func count() async throws -> Int { try await count(.everything) }
}

/// The log as CSV for a spreadsheet: quoted fields, formula-looking values defused.
public enum AuditCSV {
    public static func render(_ events: [AuditEvent]) -> String {
        func field(_ value: String) -> String {
            let safe = value.first.map { "=+-@\t\r".contains($0) } == true ? "'" + value : value
            return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        let formatter = ISO8601DateFormatter()
        var text = "tijdstip,door,naam,actie,onderwerp,details\r\n"
        for event in events {
            text += [formatter.string(from: event.at), event.actor, event.actorName, event.action.rawValue, event.subject, event.details]
                .map(field).joined(separator: ",") + "\r\n"
        }
        return text
    }
}
