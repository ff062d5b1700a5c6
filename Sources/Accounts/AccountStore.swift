import Foundation

/// Where accounts, sessions and sign-in failures are kept; the storage layer implements it on
/// SQLite and PostgreSQL.
public protocol AccountStore: Sendable {
    /// Throws `AccountError.emailTaken` when the address is in use.
    func create(_ account: Account) async throws
    func account(email: String) async throws -> Account?
    func account(id: UUID) async throws -> Account?
    func accountCount() async throws -> Int

    /// Stores a session under the hash of its cookie token.
    func createSession(_ session: Session, tokenHash: String) async throws
    /// The session and its account, or nil when unknown.
    func session(tokenHash: String) async throws -> (Session, Account)?
    func touchSession(id: UUID, at: Date) async throws
    func deleteSession(id: UUID) async throws
    /// Signs an account out everywhere.
    func deleteSessions(accountID: UUID) async throws

    /// Counts a failed sign-in under `key` (a hash of an address or a client) and returns the
    /// failures within the window, after this one.
    func recordFailure(key: String, at: Date, window: TimeInterval) async throws -> Int
    func failures(key: String, since: Date) async throws -> Int
    func clearFailures(key: String) async throws

    func allAccounts() async throws -> [Account]

    /// Changes role and provider, and blocks or unblocks; blocking ends every session.
    func update(accountID: UUID, role: Role, provider: String?, disabled: Bool) async throws

    /// Sets (or with nil removes) the second factor's secret, and replaces the account's recovery codes
    /// with these hashes (`RecoveryCodes.hash`), in one transaction.
    func setTOTP(accountID: UUID, secret: String?, recoveryCodeHashes: [String]) async throws
    /// Uses a recovery code: true once for each stored, unused code; false for anything else.
    func useRecoveryCode(accountID: UUID, hash: String, at: Date) async throws -> Bool
    /// How many of the account's recovery codes are still unused.
    func unusedRecoveryCodes(accountID: UUID) async throws -> Int
    /// Records a TOTP step as used, if it is newer than the last one; false when it was not (a replay).
    func useTOTPCounter(accountID: UUID, counter: Int64) async throws -> Bool

    func createToken(_ token: AccountToken, tokenHash: String) async throws
    /// Invitations not (yet) used, expired ones included, newest first.
    func openInvitations() async throws -> [AccountToken]
    /// Makes an unused invitation unusable; returns it, or nil when there was no such open invitation.
    func withdrawInvitation(id: UUID, at: Date) async throws -> AccountToken?
    func token(tokenHash: String) async throws -> AccountToken?
    /// In one transaction: marks the token used if it still was unused and unexpired, then creates
    /// `creating` (an invitation) or sets `newPasswordHash` on the token's account and ends all its
    /// sessions (a reset). False when the token was no longer usable; then nothing is written.
    func useToken(tokenHash: String, at: Date, creating: Account?, newPasswordHash: String?) async throws -> Bool
}

public enum AccountError: Error, Equatable {
    case emailTaken
}
