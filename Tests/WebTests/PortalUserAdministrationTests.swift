import Accounts
import Audit
import Catalogue
import CatalogueService
import Foundation
import Newsletter
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import TestSupport
import WeerbaarApp
@testable import Web

@Suite struct PortalUserAdministrationTests {
    @Test(arguments: TestBackend.available)
    func aBeheerderChangesRolesAndBlocksButNotThemselves(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            let admin = try await PortalFixtures.account(platform, .administrator)
            let editor = try await PortalFixtures.account(platform, .editor)
            var adminBrowser = Browser(client: client), editorBrowser = Browser(client: client)
            _ = try await adminBrowser.signIn(admin.email, PortalFixtures.password, platform: platform)
            _ = try await editorBrowser.signIn(editor.email, PortalFixtures.password)
            #expect(try await editorBrowser.request(.get, "/beheer").status == 200)

            let form = try await adminBrowser.request(.get, "/beheer/gebruikers/\(editor.id.uuidString)")
            #expect(form.status == 200)
            let csrf = Browser.csrf(in: form.body) ?? ""
            let noProvider = try await adminBrowser.request(.post, "/beheer/gebruikers/\(editor.id.uuidString)",
                                                            form: [("csrf", csrf), ("rol", "partner-redacteur"), ("aanbieder", "")])
            #expect(noProvider.status == 422 && noProvider.body.contains("Kies de aanbieder"))
            let blocked = try await adminBrowser.request(.post, "/beheer/gebruikers/\(editor.id.uuidString)",
                                                         form: [("csrf", csrf), ("rol", "partner-redacteur"), ("aanbieder", "kis"), ("geblokkeerd", "ja")])
            #expect(blocked.location == "/beheer/gebruikers?gewijzigd")
            #expect(try await editorBrowser.request(.get, "/beheer").status == 303, "the blocked editor's session ended")
            #expect(try await editorBrowser.signIn(editor.email, PortalFixtures.password).status == 401)
            let changed = try #require(try await platform.accounts.account(id: editor.id))
            #expect(changed.role == .partnerEditor && changed.provider == "kis" && changed.disabled)
            let recent = try await platform.audit.events(offset: 0, limit: 2).map(\.action)
            #expect(recent == [.signInFailed, .accountChanged], "the change, then the blocked account's attempt")

            let selfForm = try await adminBrowser.request(.get, "/beheer/gebruikers/\(admin.id.uuidString)")
            let demote = try await adminBrowser.request(.post, "/beheer/gebruikers/\(admin.id.uuidString)",
                                                        form: [("csrf", Browser.csrf(in: selfForm.body) ?? ""), ("rol", "redacteur"), ("aanbieder", "")])
            #expect(demote.status == 422 && demote.body.contains("eigen rol"))
            #expect(try await platform.accounts.account(id: admin.id)?.role == .administrator)
            #expect(try await adminBrowser.request(.get, "/beheer/gebruikers/\(UUID().uuidString)").status == 404)
            #expect(try await adminBrowser.request(.get, "/beheer/gebruikers/geen-id").status == 404)
        }
    }
}
