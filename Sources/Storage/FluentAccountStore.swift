import Accounts
import FluentKit
import Foundation
import SQLKit

/// Accounts and sessions in the relational database, the same code on SQLite and PostgreSQL.
public struct FluentAccountStore: AccountStore {
    let database: any Database

    public init(database: WeerbaarDatabase) { self.database = database.database }


    public func create(_ account: Account) async throws {
        // The unique index decides; checking first only gives the common case a clear error.
        if try await AccountModel.query(on: database).filter(\.$email == account.email).count() > 0 {
            throw AccountError.emailTaken
        }
        try await AccountModel(account).create(on: database)
    }

    public func account(email: String) async throws -> Account? {
        try await AccountModel.query(on: database).filter(\.$email == Account.normalisedEmail(email)).first()?.domain()
    }

    public func account(id: UUID) async throws -> Account? {
        try await AccountModel.find(id, on: database)?.domain()
    }

    public func accountCount() async throws -> Int {
        try await AccountModel.query(on: database).count()
    }

    public func createSession(_ session: Session, tokenHash: String) async throws {
        try await SessionModel(session, tokenHash: tokenHash).create(on: database)
    }

    public func session(tokenHash: String) async throws -> (Session, Account)? {
        guard let model = try await SessionModel.query(on: database).filter(\.$tokenHash == tokenHash).first(),
            let session = model.domain(), let account = try await account(id: model.accountID)
        else { return nil }
        return (session, account)
    }

    public func touchSession(id: UUID, at date: Date) async throws {
        try await SessionModel.query(on: database).filter(\.$id == id).set(\.$lastSeenAt, to: date).update()
    }

    public func deleteSession(id: UUID) async throws {
        try await SessionModel.query(on: database).filter(\.$id == id).delete()
    }

    public func deleteSessions(accountID: UUID) async throws {
        try await SessionModel.query(on: database).filter(\.$accountID == accountID).delete()
    }

    public func recordFailure(key: String, at date: Date, window: TimeInterval) async throws -> Int {
        let now = date.timeIntervalSince1970
        try await database.sql.raw("DELETE FROM sign_in_failures WHERE subject = \(bind: key) AND failed_at < \(bind: now - window)").run()
        try await database.sql.raw("INSERT INTO sign_in_failures (subject, failed_at) VALUES (\(bind: key), \(bind: now))").run()
        return try await failures(key: key, since: date.addingTimeInterval(-window))
    }

    public func failures(key: String, since date: Date) async throws -> Int {
        struct Count: Decodable { var failures: Int }
        let row = try await database.sql.raw("""
            SELECT CAST(COUNT(*) AS BIGINT) AS failures FROM sign_in_failures
            WHERE subject = \(bind: key) AND failed_at >= \(bind: date.timeIntervalSince1970)
            """).first(decoding: Count.self)
        return row?.failures ?? 0
    }

    public func clearFailures(key: String) async throws {
        try await database.sql.raw("DELETE FROM sign_in_failures WHERE subject = \(bind: key)").run()
    }

    public func update(accountID: UUID, role: Role, provider: String?, disabled: Bool) async throws {
        try await database.transaction { tx in
            try await AccountModel.query(on: tx).filter(\.$id == accountID)
                .set(\.$role, to: role.rawValue).set(\.$provider, to: provider).set(\.$disabled, to: disabled).update()
            if disabled { try await SessionModel.query(on: tx).filter(\.$accountID == accountID).delete() }
        }
    }

    public func setTOTP(accountID: UUID, secret: String?, recoveryCodeHashes: [String]) async throws {
        try await database.transaction { tx in
            try await AccountModel.query(on: tx).filter(\.$id == accountID)
                .set(\.$totpSecret, to: secret).set(\.$totpLastCounter, to: nil).update()
            try await tx.sql.raw("DELETE FROM recovery_codes WHERE account_id = \(bind: accountID)").run()
            for hash in recoveryCodeHashes {
                try await tx.sql.raw("""
                    INSERT INTO recovery_codes (id, account_id, code_hash) VALUES (\(bind: UUID()), \(bind: accountID), \(bind: hash))
                    """).run()
            }
        }
    }

    public func useRecoveryCode(accountID: UUID, hash: String, at date: Date) async throws -> Bool {
        // Conditional, so two requests with the same code cannot both pass.
        let rows = try await database.sql.raw("""
            UPDATE recovery_codes SET used_at = \(bind: date)
            WHERE account_id = \(bind: accountID) AND code_hash = \(bind: hash) AND used_at IS NULL
            RETURNING id
            """).all()
        return rows.count == 1
    }

    public func unusedRecoveryCodes(accountID: UUID) async throws -> Int {
        struct Row: Decodable { var n: Int }
        return try await database.sql.raw("""
            SELECT COUNT(*) AS n FROM recovery_codes WHERE account_id = \(bind: accountID) AND used_at IS NULL
            """).first(decoding: Row.self)?.n ?? 0
    }

    public func useTOTPCounter(accountID: UUID, counter: Int64) async throws -> Bool {
        // Conditional, so two requests with the same code cannot both pass.
        let rows = try await database.sql.raw("""
            UPDATE accounts SET totp_last_counter = \(bind: counter)
            WHERE id = \(bind: accountID) AND (totp_last_counter IS NULL OR totp_last_counter < \(bind: counter))
            RETURNING id
            """).all()
        return rows.count == 1
    }

    public func allAccounts() async throws -> [Account] {
        try await AccountModel.query(on: database).sort(\.$name).all().compactMap { $0.domain() }
    }

    public func createToken(_ token: AccountToken, tokenHash: String) async throws {
        try await AccountTokenModel(token, tokenHash: tokenHash).create(on: database)
    }

    public func openInvitations() async throws -> [AccountToken] {
        try await AccountTokenModel.query(on: database)
            .filter(\.$purpose == AccountToken.Purpose.invitation.rawValue).filter(\.$usedAt == nil)
            .sort(\.$createdAt, .descending).all().compactMap { $0.domain() }
    }

    public func withdrawInvitation(id: UUID, at date: Date) async throws -> AccountToken? {
        try await database.transaction { tx in
            guard let model = try await AccountTokenModel.query(on: tx).filter(\.$id == id)
                .filter(\.$purpose == AccountToken.Purpose.invitation.rawValue).filter(\.$usedAt == nil).first()
            else { return nil }
            // Conditional, like using it: a withdrawal and an acceptance at once cannot both succeed.
            let rows = try await tx.sql.raw("""
                UPDATE account_tokens SET used_at = \(bind: date) WHERE id = \(bind: id) AND used_at IS NULL RETURNING id
                """).all()
            return rows.count == 1 ? model.domain() : nil
        }
    }

    public func token(tokenHash: String) async throws -> AccountToken? {
        try await AccountTokenModel.query(on: database).filter(\.$tokenHash == tokenHash).first()?.domain()
    }

    public func useToken(tokenHash: String, at date: Date, creating account: Account?, newPasswordHash: String?) async throws -> Bool {
        try await database.transaction { tx in
            // The conditional update is the lock: of two uses at once, one changes a row and the other none.
            let sql = tx.sql
            let used = try await sql.raw("""
                UPDATE account_tokens SET used_at = \(bind: date)
                WHERE token_hash = \(bind: tokenHash) AND used_at IS NULL AND expires_at > \(bind: date)
                RETURNING account_id
                """).all()
            guard used.count == 1 else { return false }
            if let account {
                if try await AccountModel.query(on: tx).filter(\.$email == account.email).count() > 0 { throw AccountError.emailTaken }
                try await AccountModel(account).create(on: tx)
            }
            if let newPasswordHash, let token = try await AccountTokenModel.query(on: tx).filter(\.$tokenHash == tokenHash).first(),
               let accountID = token.accountID {
                try await AccountModel.query(on: tx).filter(\.$id == accountID).set(\.$passwordHash, to: newPasswordHash).update()
                try await SessionModel.query(on: tx).filter(\.$accountID == accountID).delete()
            }
            return true
        }
    }
}
