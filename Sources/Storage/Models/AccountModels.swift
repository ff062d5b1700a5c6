import Accounts
import FluentKit
import Foundation

final class AccountModel: Model, @unchecked Sendable {
    static let schema = "accounts"

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "name") var name: String
    @Field(key: "role") var role: String
    @OptionalField(key: "provider_slug") var provider: String?
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "totp_secret") var totpSecret: String?
    @OptionalField(key: "totp_last_counter") var totpLastCounter: Int64?
    @Field(key: "disabled") var disabled: Bool

    init() {}

    init(_ account: Account) {
        id = account.id
        email = account.email
        name = account.name
        role = account.role.rawValue
        provider = account.provider
        passwordHash = account.passwordHash
        createdAt = account.createdAt
        totpSecret = account.totpSecret
        totpLastCounter = account.totpLastCounter
        disabled = account.disabled
    }

    func domain() -> Account? {
        guard let id, let role = Role(rawValue: role) else { return nil }
        return Account(id: id, email: email, name: name, role: role, provider: provider, passwordHash: passwordHash, createdAt: createdAt,
                       totpSecret: totpSecret, totpLastCounter: totpLastCounter, disabled: disabled)
    }
}

final class SessionModel: Model, @unchecked Sendable {
    static let schema = "sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "csrf_token") var csrfToken: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date
    @Field(key: "verified") var verified: Bool

    init() {}

    init(_ session: Session, tokenHash: String) {
        id = session.id
        accountID = session.accountID
        self.tokenHash = tokenHash
        csrfToken = session.csrfToken
        createdAt = session.createdAt
        lastSeenAt = session.lastSeenAt
        verified = session.verified
    }

    func domain() -> Session? {
        guard let id else { return nil }
        return Session(id: id, accountID: accountID, csrfToken: csrfToken, createdAt: createdAt, lastSeenAt: lastSeenAt, verified: verified)
    }
}

final class AccountTokenModel: Model, @unchecked Sendable {
    static let schema = "account_tokens"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "purpose") var purpose: String
    @Field(key: "email") var email: String
    @Field(key: "name") var name: String
    @Field(key: "role") var role: String
    @OptionalField(key: "provider_slug") var provider: String?
    @OptionalField(key: "account_id") var accountID: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?

    init() {}

    init(_ token: AccountToken, tokenHash: String) {
        id = token.id
        self.tokenHash = tokenHash
        purpose = token.purpose.rawValue
        email = token.email
        name = token.name
        role = token.role.rawValue
        provider = token.provider
        accountID = token.accountID
        createdAt = token.createdAt
        expiresAt = token.expiresAt
        usedAt = token.usedAt
    }

    func domain() -> AccountToken? {
        guard let id, let purpose = AccountToken.Purpose(rawValue: purpose), let role = Role(rawValue: role) else { return nil }
        return AccountToken(id: id, purpose: purpose, email: email, name: name, role: role, provider: provider, accountID: accountID,
                            createdAt: createdAt, expiresAt: expiresAt, usedAt: usedAt)
    }
}
