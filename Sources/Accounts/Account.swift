import Foundation

/// A portal user. The password is only ever held as a bcrypt hash.
public struct Account: Sendable, Equatable, Identifiable {
    public var id: UUID
    /// Lower-cased; the sign-in name.
    public var email: String
    public var name: String
    public var role: Role
    /// For a partner editor: the provider whose offer they keep.
    public var provider: String?
    public var passwordHash: String
    public var createdAt: Date
    /// The second factor's secret (base32), once set up.
    public var totpSecret: String?
    /// The last TOTP step accepted: a code is never accepted twice.
    public var totpLastCounter: Int64?
    /// A blocked account cannot sign in; its sessions were ended when it was blocked.
    public var disabled: Bool

    public init(id: UUID = UUID(), email: String, name: String, role: Role, provider: String? = nil, passwordHash: String,
                createdAt: Date = Date(), totpSecret: String? = nil, totpLastCounter: Int64? = nil, disabled: Bool = false) {
        self.disabled = disabled
        self.id = id
        self.email = Self.normalisedEmail(email)
        self.name = name
        self.role = role
        self.provider = provider
        self.passwordHash = passwordHash
        self.createdAt = createdAt
        self.totpSecret = totpSecret
        self.totpLastCounter = totpLastCounter
    }

    public var hasSecondFactor: Bool { totpSecret != nil }

    /// E-mail addresses are compared as the user would: case does not matter, surrounding spaces neither.
    public static func normalisedEmail(_ email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}

/// A signed-in browser: a row per session in the database, found by the hash of the cookie's token
/// (a stolen database does not yield usable cookies), with its own CSRF token.
public struct Session: Sendable, Equatable {
    public var id: UUID
    public var accountID: UUID
    /// Base64url token for the forms of this session.
    public var csrfToken: String
    public var createdAt: Date
    public var lastSeenAt: Date
    /// False between the password and the second factor: such a session opens only the code page.
    public var verified: Bool

    public init(id: UUID = UUID(), accountID: UUID, csrfToken: String, createdAt: Date, lastSeenAt: Date, verified: Bool = true) {
        self.id = id
        self.accountID = accountID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.verified = verified
    }
}
