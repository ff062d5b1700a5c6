import Foundation

/// A one-time link sent by e-mail: an invitation to make an account (valid 72 hours) or a password
/// reset (valid one hour). Only the hash of the link's token is stored; a token works once.
public struct AccountToken: Sendable, Equatable {
    public enum Purpose: String, Sendable {
        case invitation = "uitnodiging"
        case reset = "herstel"

        public var lifetime: TimeInterval {
            switch self {
            case .invitation: 72 * 3600
            case .reset: 3600
            }
        }
    }

    public var id: UUID
    public var purpose: Purpose
    public var email: String
    /// For an invitation: the account to make.
    public var name: String
    public var role: Role
    public var provider: String?
    /// For a reset: whose password.
    public var accountID: UUID?
    public var createdAt: Date
    public var expiresAt: Date
    public var usedAt: Date?

    public init(id: UUID = UUID(), purpose: Purpose, email: String, name: String, role: Role, provider: String? = nil,
                accountID: UUID? = nil, createdAt: Date, expiresAt: Date? = nil, usedAt: Date? = nil) {
        self.id = id
        self.purpose = purpose
        self.email = Account.normalisedEmail(email)
        self.name = name
        self.role = role
        self.provider = provider
        self.accountID = accountID
        self.createdAt = createdAt
        self.expiresAt = expiresAt ?? createdAt.addingTimeInterval(purpose.lifetime)
        self.usedAt = usedAt
    }

    public func isUsable(at now: Date) -> Bool { usedAt == nil && now < expiresAt }
}

/// Why a link did not work, in words for the page.
public enum TokenProblem: Error, Equatable, Sendable {
    case unknownOrUsed
    case expired
    case password(String)
    case emailTaken

    public var message: String {
        switch self {
        case .unknownOrUsed: "Deze link is al gebruikt of bestaat niet. Vraag zo nodig een nieuwe aan."
        case .expired: "Deze link is verlopen. Vraag zo nodig een nieuwe aan."
        case .password(let problem): problem
        case .emailTaken: "Er bestaat al een account met dit e-mailadres. Log in of vraag een nieuw wachtwoord aan."
        }
    }
}
