import Foundation
import HummingbirdBcrypt
import NIOPosix

/// Signing in: the password check, the lockout, and a new session. The answers never tell whether an
/// address has an account: an unknown address costs the same bcrypt work and gets the same message,
/// and the lockout counts failures per address whether or not it exists, and per client.
public struct SignInService: Sendable {
    public static let maxFailuresPerAddress = 5
    public static let maxFailuresPerClient = 20
    public static let lockout: TimeInterval = 15 * 60
    public static let idleTimeout: TimeInterval = 30 * 60
    /// Cost 12: about a quarter of a second per check on the build machine.
    public static let bcryptCost: UInt8 = 12

    public enum Outcome: Sendable, Equatable {
        case signedIn(token: String, session: Session, account: Account)
        /// The password was right; the session opens only the code page until the code is given.
        case secondFactorRequired(token: String, session: Session, account: Account)
        /// The second step passed with a recovery code instead of the app; `remaining` codes are left.
        case signedInWithRecoveryCode(token: String, session: Session, account: Account, remaining: Int)
        case refused
        /// Too many failures: try again after this moment.
        case locked(until: Date)
    }

    let store: any AccountStore
    let cost: UInt8

    public init(store: any AccountStore, cost: UInt8 = SignInService.bcryptCost) {
        self.store = store
        self.cost = cost
    }

    public func signIn(email: String, password: String, client: String, at now: Date = Date()) async throws -> Outcome {
        let address = Account.normalisedEmail(email)
        let addressKey = "address:" + Tokens.hash(address), clientKey = "client:" + Tokens.hash(client)
        let since = now.addingTimeInterval(-Self.lockout)
        let addressFailures = try await store.failures(key: addressKey, since: since)
        let clientFailures = try await store.failures(key: clientKey, since: since)
        if addressFailures >= Self.maxFailuresPerAddress || clientFailures >= Self.maxFailuresPerClient {
            return .locked(until: now.addingTimeInterval(Self.lockout))
        }
        let account = try await store.account(email: address)
        // Unknown addresses are checked against a hash of the same cost, so the answer takes as long.
        let hash = account?.passwordHash ?? Self.dummyHash(cost: cost)
        let matches = try await Self.verify(password, hash: hash)
        // A blocked account gets the same answer as a wrong password.
        guard let account, matches, !account.disabled else {
            let failures = try await store.recordFailure(key: addressKey, at: now, window: Self.lockout)
            _ = try await store.recordFailure(key: clientKey, at: now, window: Self.lockout)
            if failures >= Self.maxFailuresPerAddress { return .locked(until: now.addingTimeInterval(Self.lockout)) }
            return .refused
        }
        let token = Tokens.random()
        let session = Session(accountID: account.id, csrfToken: Tokens.random(), createdAt: now, lastSeenAt: now,
                              verified: !account.hasSecondFactor)
        try await store.createSession(session, tokenHash: Tokens.hash(token))
        if account.hasSecondFactor { return .secondFactorRequired(token: token, session: session, account: account) }
        try await store.clearFailures(key: addressKey)
        return .signedIn(token: token, session: session, account: account)
    }

    /// The second step: a TOTP code, or one of the recovery codes, for a session that gave the right
    /// password. A right code ends the pending session and starts a new, verified one (a new id again);
    /// wrong codes count toward the same lockout as wrong passwords.
    public func verifySecondFactor(pending: Session, account: Account, code: String, at now: Date = Date()) async throws -> Outcome {
        let addressKey = "address:" + Tokens.hash(account.email)
        if try await store.failures(key: addressKey, since: now.addingTimeInterval(-Self.lockout)) >= Self.maxFailuresPerAddress {
            return .locked(until: now.addingTimeInterval(Self.lockout))
        }
        var passed = false
        var recoveryCodeUsed = false
        if account.hasSecondFactor, let hash = RecoveryCodes.hash(code, account: account.id) {
            passed = try await store.useRecoveryCode(accountID: account.id, hash: hash, at: now)
            recoveryCodeUsed = passed
        } else if let encoded = account.totpSecret, let secret = Base32.decode(encoded),
            let counter = TOTP.verify(code, secret: secret, at: now, lastUsed: account.totpLastCounter.map { UInt64(max(0, $0)) }) {
            passed = try await store.useTOTPCounter(accountID: account.id, counter: Int64(counter))
        }
        guard passed else {
            let failures = try await store.recordFailure(key: addressKey, at: now, window: Self.lockout)
            if failures >= Self.maxFailuresPerAddress {
                try await store.deleteSession(id: pending.id)
                return .locked(until: now.addingTimeInterval(Self.lockout))
            }
            return .refused
        }
        try await store.clearFailures(key: addressKey)
        try await store.deleteSession(id: pending.id)
        let token = Tokens.random()
        let session = Session(accountID: account.id, csrfToken: Tokens.random(), createdAt: now, lastSeenAt: now, verified: true)
        try await store.createSession(session, tokenHash: Tokens.hash(token))
        if recoveryCodeUsed {
            return .signedInWithRecoveryCode(token: token, session: session, account: account,
                                             remaining: try await store.unusedRecoveryCodes(accountID: account.id))
        }
        return .signedIn(token: token, session: session, account: account)
    }

    /// The session of a cookie token, if it exists and was used within the idle timeout; a session
    /// idle for longer is deleted.
    public func session(token: String, at now: Date = Date()) async throws -> (Session, Account)? {
        guard !token.isEmpty, token.utf8.count <= 128, let (session, account) = try await store.session(tokenHash: Tokens.hash(token)) else {
            return nil
        }
        guard now.timeIntervalSince(session.lastSeenAt) <= Self.idleTimeout, !account.disabled else {
            try await store.deleteSession(id: session.id)
            return nil
        }
        // Writing on every request would be a write per page view; once a minute keeps the idle clock.
        if now.timeIntervalSince(session.lastSeenAt) > 60 { try await store.touchSession(id: session.id, at: now) }
        return (session, account)
    }

    public static func hashPassword(_ password: String, cost: UInt8 = bcryptCost) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    static func verify(_ password: String, hash: String) async throws -> Bool {
        // bcrypt is slow on purpose; keep it off the request threads.
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    static func dummyHash(cost: UInt8) -> String {
        // A fixed valid hash of a random password at this cost (computed once per process).
        DummyHash.shared.hash(cost: cost)
    }
}

/// One bcrypt hash per cost, of a password nobody knows, for checking unknown addresses.
final class DummyHash: Sendable {
    static let shared = DummyHash()
    private let hashes: [UInt8: String]

    private init() {
        var hashes: [UInt8: String] = [:]
        for cost in [4, 12] as [UInt8] { hashes[cost] = Bcrypt.hash(Tokens.random(), cost: cost) }
        self.hashes = hashes
    }

    func hash(cost: UInt8) -> String { hashes[cost] ?? hashes[12]! }
}
