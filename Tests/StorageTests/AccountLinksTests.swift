import Accounts
import Foundation
import Logging
import Storage
import Testing
import TestSupport

/// Invitations and password resets, on SQLite and on PostgreSQL.
@Suite struct AccountLinksTests {
    static func with(_ backend: TestBackend, _ body: (FluentAccountStore, AccountLinks, SignInService) async throws -> Void) async throws {
        try await AccountStoreTests.withService(backend) { store, service in
            try await body(store, AccountLinks(store: store, cost: 4), service)
        }
    }

    @Test(arguments: TestBackend.available)
    func anInvitationMakesTheAccountOnce(backend: TestBackend) async throws {
        try await Self.with(backend) { store, links, service in
            let (token, _) = try await links.invite(email: "Partner@VNG.nl", name: "Pim Partner", role: .partnerEditor, provider: "vng")
            #expect(try await store.account(email: "partner@vng.nl") == nil, "no account before the invitation is accepted")
            let weak = try await links.accept(token, name: "Pim", password: "wachtwoord2024")
            guard case .failure(.password) = weak else { Issue.record("a common password was accepted: \(weak)"); return }
            let accepted = try await links.accept(token, name: "Pim Partner", password: "zeven blauwe olifanten")
            guard case .success(let account) = accepted else { Issue.record("\(accepted)"); return }
            #expect(account.role == .partnerEditor && account.provider == "vng" && account.email == "partner@vng.nl")
            if case .signedIn = try await service.signIn(email: "partner@vng.nl", password: "zeven blauwe olifanten", client: "c") {} else {
                Issue.record("cannot sign in with the chosen password")
            }
            #expect(try await links.accept(token, name: "Pim", password: "nog een ander lang wachtwoord") == .failure(.unknownOrUsed))
            await #expect(throws: TokenProblem.emailTaken) {
                _ = try await links.invite(email: "partner@vng.nl", name: "x", role: .editor, provider: nil)
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func linksExpire(backend: TestBackend) async throws {
        try await Self.with(backend) { store, links, _ in
            let start = Date()
            let (invitation, _) = try await links.invite(email: "laat@example.nl", name: "Laat", role: .editor, provider: nil, at: start)
            let late = try await links.accept(invitation, name: "Laat", password: "zeven blauwe olifanten", at: start.addingTimeInterval(72 * 3600 + 1))
            #expect(late == .failure(.expired))
            try await store.create(try await AccountStoreTests.account())
            let (reset, _) = try #require(try await links.requestReset(email: "redacteur@weerbaar.example", client: "c", at: start))
            let expired = try await links.completeReset(reset, password: "acht grijze pinguins", at: start.addingTimeInterval(3601))
            #expect(expired == .failure(.expired))
        }
    }

    @Test(arguments: TestBackend.available)
    func aResetSetsThePasswordAndEndsEverySession(backend: TestBackend) async throws {
        try await Self.with(backend) { store, links, service in
            try await store.create(try await AccountStoreTests.account())
            guard case .signedIn(let oldToken, _, _) = try await service.signIn(
                email: "redacteur@weerbaar.example", password: "zeven blauwe olifanten", client: "c")
            else { Issue.record("not signed in"); return }
            #expect(try await links.requestReset(email: "niemand@weerbaar.example", client: "c") == nil, "no link for an unknown address")
            let (token, _) = try #require(try await links.requestReset(email: "REDACTEUR@weerbaar.example", client: "c"))
            let result = try await links.completeReset(token, password: "acht grijze pinguins")
            guard case .success = result else { Issue.record("\(result)"); return }
            #expect(try await service.session(token: oldToken) == nil, "the old session ended")
            if case .signedIn = try await service.signIn(email: "redacteur@weerbaar.example", password: "acht grijze pinguins", client: "c") {} else {
                Issue.record("the new password does not work")
            }
            #expect(try await links.completeReset(token, password: "negen witte zwanen") == .failure(.unknownOrUsed))
        }
    }

    @Test(arguments: TestBackend.available)
    func twoUsesAtOnceSucceedOnce(backend: TestBackend) async throws {
        try await Self.with(backend) { store, links, _ in
            let (token, _) = try await links.invite(email: "dubbel@example.nl", name: "Dubbel", role: .editor, provider: nil)
            async let first = links.accept(token, name: "Een", password: "zeven blauwe olifanten")
            async let second = links.accept(token, name: "Twee", password: "acht grijze pinguins")
            let results = try await [first, second]
            #expect(results.filter { if case .success = $0 { true } else { false } }.count == 1, "\(results)")
            #expect(try await store.allAccounts().count == 1)
        }
    }

    @Test(arguments: TestBackend.available)
    func resetRequestsAreLimited(backend: TestBackend) async throws {
        try await Self.with(backend) { store, links, _ in
            try await store.create(try await AccountStoreTests.account())
            var links_sent = 0
            for _ in 0..<6 where try await links.requestReset(email: "redacteur@weerbaar.example", client: "c\(links_sent)") != nil { links_sent += 1 }
            #expect(links_sent == AccountLinks.maxResetRequestsPerAddress)
        }
    }
}
