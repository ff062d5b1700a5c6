import Foundation

/// Invitations and password resets: making the links, and using them once.
public struct AccountLinks: Sendable {
    /// Reset requests per address and per client in an hour, whatever the answer.
    public static let maxResetRequestsPerAddress = 3
    public static let maxResetRequestsPerClient = 10

    let store: any AccountStore
    let cost: UInt8
    let policy: PasswordPolicy

    public init(store: any AccountStore, cost: UInt8 = SignInService.bcryptCost, policy: PasswordPolicy = .standard) {
        self.store = store
        self.cost = cost
        self.policy = policy
    }

    /// A new invitation; returns the token for the link. Throws `TokenProblem.emailTaken` when the
    /// address already has an account.
    public func invite(email: String, name: String, role: Role, provider: String?, at now: Date = Date()) async throws -> (String, AccountToken) {
        if try await store.account(email: email) != nil { throw TokenProblem.emailTaken }
        let token = Tokens.random()
        let record = AccountToken(purpose: .invitation, email: email, name: name, role: role, provider: role == .partnerEditor ? provider : nil,
                                  createdAt: now)
        try await store.createToken(record, tokenHash: Tokens.hash(token))
        return (token, record)
    }

    /// The invitation or reset behind a link, if it can still be used.
    public func usable(_ token: String, _ purpose: AccountToken.Purpose, at now: Date = Date()) async throws -> Result<AccountToken, TokenProblem> {
        guard token.utf8.count <= 128, let record = try await store.token(tokenHash: Tokens.hash(token)), record.purpose == purpose,
            record.usedAt == nil
        else { return .failure(.unknownOrUsed) }
        guard record.isUsable(at: now) else { return .failure(.expired) }
        return .success(record)
    }

    /// Makes the invited account with the chosen password; the link is used up in the same transaction.
    public func accept(_ token: String, name: String, password: String, at now: Date = Date()) async throws -> Result<Account, TokenProblem> {
        let record: AccountToken
        switch try await usable(token, .invitation, at: now) {
        case .failure(let problem): return .failure(problem)
        case .success(let found): record = found
        }
        let chosenName = name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? record.name : name.trimmingCharacters(in: .whitespacesAndNewlines)
        if let problem = policy.problem(with: password, email: record.email, name: chosenName) { return .failure(.password(problem)) }
        let account = Account(email: record.email, name: String(chosenName.prefix(200)), role: record.role, provider: record.provider,
                              passwordHash: try await SignInService.hashPassword(password, cost: cost), createdAt: now)
        do {
            guard try await store.useToken(tokenHash: Tokens.hash(token), at: now, creating: account, newPasswordHash: nil) else {
                return .failure(.unknownOrUsed)
            }
        } catch AccountError.emailTaken {
            return .failure(.emailTaken)
        }
        return .success(account)
    }

    /// Asks for a reset link. Returns the token and account only when the address has an account and
    /// the request is within the limits; the page answers the same in every case.
    public func requestReset(email: String, client: String, at now: Date = Date()) async throws -> (String, Account)? {
        let address = Account.normalisedEmail(email)
        let addressCount = try await store.recordFailure(key: "reset-address:" + Tokens.hash(address), at: now, window: 3600)
        let clientCount = try await store.recordFailure(key: "reset-client:" + Tokens.hash(client), at: now, window: 3600)
        guard addressCount <= Self.maxResetRequestsPerAddress, clientCount <= Self.maxResetRequestsPerClient,
            let account = try await store.account(email: address)
        else { return nil }
        let token = Tokens.random()
        try await store.createToken(
            AccountToken(purpose: .reset, email: account.email, name: account.name, role: account.role, accountID: account.id, createdAt: now),
            tokenHash: Tokens.hash(token))
        return (token, account)
    }

    /// Sets the new password, uses up the link, and ends every session of the account.
    public func completeReset(_ token: String, password: String, at now: Date = Date()) async throws -> Result<Account, TokenProblem> {
        let record: AccountToken
        switch try await usable(token, .reset, at: now) {
        case .failure(let problem): return .failure(problem)
        case .success(let found): record = found
        }
        guard let accountID = record.accountID, let account = try await store.account(id: accountID) else { return .failure(.unknownOrUsed) }
        if let problem = policy.problem(with: password, email: account.email, name: account.name) { return .failure(.password(problem)) }
        let hash = try await SignInService.hashPassword(password, cost: cost)
        guard try await store.useToken(tokenHash: Tokens.hash(token), at: now, creating: nil, newPasswordHash: hash) else {
            return .failure(.unknownOrUsed)
        }
        return .success(account)
    }
}
