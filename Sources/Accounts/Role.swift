/// What a portal user may do. Least privilege: a partner editor sees and edits only the offer of the
/// one provider they belong to; editors review and publish everything; administrators manage users,
/// providers and vocabularies; a rijkspartner reads the white spots and published results only.
public enum Role: String, Sendable, CaseIterable, Codable {
    case administrator = "beheerder"
    case editor = "redacteur"
    case partnerEditor = "partner-redacteur"
    /// Ministry staff who watch the offer and its white spots but change nothing.
    case nationalPartner = "rijkspartner"

    /// The Dutch name as the portal shows it.
    public var label: String {
        switch self {
        case .administrator: "Beheerder"
        case .editor: "Redacteur"
        case .partnerEditor: "Partner-redacteur"
        case .nationalPartner: "Rijkspartner"
        }
    }

    /// Administrators must use a second factor (TOTP); the others may.
    public var requiresSecondFactor: Bool { self == .administrator }
}
