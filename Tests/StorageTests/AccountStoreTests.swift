import Accounts
import Foundation
import Logging
import Storage
import Testing
import TestSupport

/// Accounts, sessions and the sign-in lockout, on SQLite and on PostgreSQL.
@Suite struct AccountStoreTests {
    static func withService(_ backend: TestBackend, _ body: (FluentAccountStore, SignInService) async throws -> Void) async throws {
        try await ScratchDatabase.with(backend) { location in
            let database = try WeerbaarDatabase.open(location, logger: Logger(label: "test"))
            do {
                try await database.migrate()
                let store = FluentAccountStore(database: database)
                try await body(store, SignInService(store: store, cost: 4))
            } catch {
                await database.shutdown()
                throw error
            }
            await database.shutdown()
        }
    }

    static func account(_ email: String = "redacteur@weerbaar.example", password: String = "zeven blauwe olifanten") async throws -> Account {
        Account(email: email, name: "Rita Redacteur", role: .editor, passwordHash: try await SignInService.hashPassword(password, cost: 4))
    }

    @Test(arguments: TestBackend.available)
    func anAddressHasOneAccountWhateverItsCase(backend: TestBackend) async throws {
        try await Self.withService(backend) { store, _ in
            try await store.create(try await Self.account())
            await #expect(throws: AccountError.emailTaken) { try await store.create(try await Self.account("Redacteur@Weerbaar.example ")) }
            #expect(try await store.account(email: "REDACTEUR@weerbaar.example")?.name == "Rita Redacteur")
            #expect(try await store.accountCount() == 1)
        }
    }

    @Test(arguments: TestBackend.available)
    func signingInMakesANewSessionEveryTime(backend: TestBackend) async throws {
        try await Self.withService(backend) { store, service in
            try await store.create(try await Self.account())
            let first = try await service.signIn(email: "redacteur@weerbaar.example", password: "zeven blauwe olifanten", client: "c")
            let second = try await service.signIn(email: "redacteur@weerbaar.example", password: "zeven blauwe olifanten", client: "c")
            guard case .signedIn(let tokenA, let sessionA, _) = first, case .signedIn(let tokenB, let sessionB, _) = second else {
                Issue.record("not signed in: \(first), \(second)")
                return
            }
            #expect(tokenA != tokenB && sessionA.id != sessionB.id && sessionA.csrfToken != sessionB.csrfToken)
            #expect(try await service.session(token: tokenA)?.1.email == "redacteur@weerbaar.example")
            #expect(try await service.session(token: "verzonnen") == nil)
        }
    }

    @Test(arguments: TestBackend.available)
    func anIdleSessionEndsAfterThirtyMinutes(backend: TestBackend) async throws {
        try await Self.withService(backend) { store, service in
            try await store.create(try await Self.account())
            let start = Date()
            guard case .signedIn(let token, _, _) = try await service.signIn(
                email: "redacteur@weerbaar.example", password: "zeven blauwe olifanten", client: "c", at: start)
            else { Issue.record("not signed in"); return }
            #expect(try await service.session(token: token, at: start.addingTimeInterval(29 * 60)) != nil)
            // Used at 29 minutes, so still alive 29 minutes later; then idle for 31.
            #expect(try await service.session(token: token, at: start.addingTimeInterval(58 * 60)) != nil)
            #expect(try await service.session(token: token, at: start.addingTimeInterval(89 * 60 + 1)) == nil)
            #expect(try await service.session(token: token, at: start.addingTimeInterval(60)) == nil, "an ended session stays ended")
        }
    }

    @Test(arguments: TestBackend.available)
    func signingOutEverywhereEndsEverySession(backend: TestBackend) async throws {
        try await Self.withService(backend) { store, service in
            let account = try await Self.account()
            try await store.create(account)
            var tokens: [String] = []
            for _ in 0..<3 {
                if case .signedIn(let token, _, _) = try await service.signIn(email: account.email, password: "zeven blauwe olifanten", client: "c") {
                    tokens.append(token)
                }
            }
            #expect(tokens.count == 3)
            try await store.deleteSessions(accountID: account.id)
            for token in tokens { #expect(try await service.session(token: token) == nil) }
        }
    }

    @Test(arguments: TestBackend.available)
    func theLockoutHoldsUnderABurstAndDoesNotTellWhetherAnAddressExists(backend: TestBackend) async throws {
        try await Self.withService(backend) { store, service in
            try await store.create(try await Self.account())
            let now = Date()
            for address in ["redacteur@weerbaar.example", "bestaat-niet@weerbaar.example"] {
                var outcomes: [SignInService.Outcome] = []
                for attempt in 0..<8 {
                    outcomes.append(try await service.signIn(email: address, password: "fout wachtwoord \(attempt)", client: "client-\(address)",
                                                             at: now.addingTimeInterval(Double(attempt))))
                }
                #expect(outcomes.prefix(4).allSatisfy { $0 == .refused }, "\(address)")
                #expect(outcomes.dropFirst(4).allSatisfy { if case .locked = $0 { true } else { false } }, "\(address): \(outcomes)")
            }
            // Locked means locked: the right password does not get in during the lockout…
            let during = try await service.signIn(email: "redacteur@weerbaar.example", password: "zeven blauwe olifanten", client: "x",
                                                  at: now.addingTimeInterval(60))
            if case .locked = during {} else { Issue.record("signed in during the lockout: \(during)") }
            // …and does after it.
            let after = try await service.signIn(email: "redacteur@weerbaar.example", password: "zeven blauwe olifanten", client: "x",
                                                 at: now.addingTimeInterval(SignInService.lockout + 60))
            if case .signedIn = after {} else { Issue.record("not signed in after the lockout: \(after)") }
        }
    }

    @Test(arguments: TestBackend.available)
    func oneClientTryingManyAddressesIsLockedToo(backend: TestBackend) async throws {
        try await Self.withService(backend) { _, service in
            let now = Date()
            var last: SignInService.Outcome = .refused
            for attempt in 0..<(SignInService.maxFailuresPerClient + 1) {
                last = try await service.signIn(email: "iemand\(attempt)@example.nl", password: "fout", client: "198.51.100.7",
                                                at: now.addingTimeInterval(Double(attempt)))
            }
            if case .locked = last {} else { Issue.record("a client spraying addresses was not locked: \(last)") }
        }
    }
}

@Suite struct AccountBlockingTests {
    @Test(arguments: TestBackend.available)
    func aBlockedAccountCannotSignInAndItsSessionsEnd(backend: TestBackend) async throws {
        try await AccountStoreTests.withService(backend) { store, service in
            let account = try await AccountStoreTests.account()
            try await store.create(account)
            guard case .signedIn(let token, _, _) = try await service.signIn(email: account.email, password: "zeven blauwe olifanten", client: "c")
            else { Issue.record("not signed in"); return }
            try await store.update(accountID: account.id, role: .partnerEditor, provider: "vng", disabled: true)
            let changed = try #require(try await store.account(id: account.id))
            #expect(changed.role == .partnerEditor && changed.provider == "vng" && changed.disabled)
            #expect(try await service.session(token: token) == nil, "blocking ended the session")
            #expect(try await service.signIn(email: account.email, password: "zeven blauwe olifanten", client: "c") == .refused,
                    "the same answer as a wrong password")
            try await store.update(accountID: account.id, role: .editor, provider: nil, disabled: false)
            if case .signedIn = try await service.signIn(email: account.email, password: "zeven blauwe olifanten", client: "c") {} else {
                Issue.record("unblocked account cannot sign in")
            }
        }
    }
}
