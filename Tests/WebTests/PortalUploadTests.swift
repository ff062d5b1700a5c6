import Markup
import Accounts
import Catalogue
import CatalogueService
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import TestSupport
import WeerbaarApp
@testable import Web

extension Browser {
    /// Posts a form with a file, as a browser does for <input type=file>.
    mutating func upload(_ path: String, csrf: String, fileName: String, data: Data) async throws -> Page {
        try await multipart(path, fields: [("csrf", csrf)], files: [("bestand", fileName, data)])
    }

    /// A multipart/form-data post with text fields and files.
    mutating func multipart(_ path: String, fields: [(String, String)], files: [(name: String, fileName: String, data: Data)]) async throws -> Page {
        let boundary = "----weerbaar-test-\(UUID().uuidString)"
        var body = Data()
        for (name, value) in fields {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for file in files {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.fileName)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
            body += file.data
            body += Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        var headers = HTTPFields()
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        return try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(bytes: body)) { response in
            Page(status: Int(response.status.code), location: response.headers[.location], body: String(buffer: response.body), setCookies: [])
        }
    }

    /// The confirmation form's action of a dry run.
    static func confirmPath(in body: String) -> String? {
        guard let range = body.range(of: "action=\"/beheer/aanbod/uploaden/") else { return nil }
        return "/beheer/aanbod/uploaden/" + body[range.upperBound...].prefix { $0 != "\"" }
    }
}

@Suite struct PortalUploadTests {
    static func csv(_ records: [OfferingRecord]) -> Data { ExchangeFile.write(records, format: .csv) }

    /// The template, downloaded as a partner editor: Dutch columns, an example of their own provider;
    /// uploaded unchanged, it is a dry run with one new offering and no problem.
    @Test(arguments: TestBackend.available)
    func theTemplateHasDutchColumnsAndUploadsAsItIs(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            try await PortalFixtures.account(platform, .partnerEditor, provider: "lse")
            var partner = Browser(client: client)
            _ = try await partner.signIn("partner-redacteur@weerbaar.example", PortalFixtures.password)
            let form = try await partner.request(.get, "/beheer/aanbod/uploaden")
            #expect(form.body.contains("href=\"/beheer/aanbod/uploaden/sjabloon.xlsx\"") && form.body.contains("href=\"/beheer/aanbod/uploaden/sjabloon.csv\""))
            let cookie = partner.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
            for (path, type) in [("/beheer/aanbod/uploaden/sjabloon.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                                 ("/beheer/aanbod/uploaden/sjabloon.csv", "text/csv; charset=utf-8")] {
                let (status, contentType, data) = try await client.execute(uri: path, method: .get, headers: [.cookie: cookie]) { response in
                    (Int(response.status.code), response.headers[.contentType] ?? "", Data(response.body.readableBytesView))
                }
                #expect(status == 200 && contentType == type, "\(path)")
                let name = String(path.split(separator: "/").last!)
                let records = try UploadReader.read(data, fileName: name, taxonomy: platform.catalogue.taxonomy).get()
                #expect(records.map(\.provider) == ["lse"], "the partner's own provider, \(path)")
                let dryRun = try await partner.upload("/beheer/aanbod/uploaden", csrf: Browser.csrf(in: form.body) ?? "", fileName: name, data: data)
                #expect(dryRun.status == 200 && dryRun.body.contains("1 nieuw") && dryRun.body.contains("0 fouten"), "\(path)")
            }
            var stranger = Browser(client: client)
            #expect(try await stranger.request(.get, "/beheer/aanbod/uploaden/sjabloon.xlsx").location?.hasPrefix("/beheer/inloggen") == true,
                    "not without signing in")
        }
    }

    @Test(arguments: TestBackend.available)
    func aPartnerSeesADryRunAndOnConfirmationEverythingIsSubmittedInOneGo(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            try await PortalFixtures.account(platform, .partnerEditor, provider: "vng")
            var partner = Browser(client: client)
            _ = try await partner.signIn("partner-redacteur@weerbaar.example", PortalFixtures.password)
            let own = platform.catalogue.offerings { $0.provider == "vng" }.sorted { $0.id < $1.id }
            var changed = own[0].record
            changed.title = "Gewijzigd via upload"
            var new = own[1].record
            new.id = "nieuw-via-upload"
            new.title = "Nieuw via upload"
            let form = try await partner.request(.get, "/beheer/aanbod/uploaden")
            #expect(form.status == 200 && form.body.contains("enctype=\"multipart/form-data\""))
            let csrf = Browser.csrf(in: form.body) ?? ""

            let dryRun = try await partner.upload("/beheer/aanbod/uploaden", csrf: csrf, fileName: "aanbod.csv",
                                                  data: Self.csv([changed, new, own[2].record]))
            #expect(dryRun.status == 200)
            #expect(dryRun.body.contains("1 nieuw") && dryRun.body.contains("1 gewijzigd") && dryRun.body.contains("1 ongewijzigd"))
            #expect(dryRun.body.contains("Gewijzigd via upload") && dryRun.body.contains(esc(own[0].title)), "the diff shows before and after")
            #expect(dryRun.body.contains("ingediend ter beoordeling"))
            // Nothing is written by the dry run.
            #expect(try await platform.editorial.managed(new.key) == nil)
            #expect(try await platform.editorial.managed(own[0].key)?.draft == nil)

            let confirm = try #require(Browser.confirmPath(in: dryRun.body))
            #expect(try await partner.request(.post, confirm, form: [("csrf", csrf)]).location == "/beheer/aanbod?ingediend")
            #expect(try await platform.editorial.managed(new.key)?.draft?.status == .submitted)
            #expect(try await platform.editorial.managed(own[0].key)?.draft?.record.title == "Gewijzigd via upload")
            #expect(platform.catalogue.offering(own[0].key)?.title == own[0].title, "submitted, not published")
            #expect(platform.catalogue.offering(new.key) == nil)
            // A dry run is confirmed once.
            #expect(try await partner.request(.post, confirm, form: [("csrf", csrf)]).status == 410)
        }
    }

    @Test(arguments: TestBackend.available)
    func aPartnerCannotUploadAnotherProvidersOfferAndBadFilesGetEveryProblemWithItsRow(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            try await PortalFixtures.account(platform, .partnerEditor, provider: "vng")
            var partner = Browser(client: client)
            _ = try await partner.signIn("partner-redacteur@weerbaar.example", PortalFixtures.password)
            let csrf = Browser.csrf(in: try await partner.request(.get, "/beheer/aanbod/uploaden").body) ?? ""
            let other = try #require(platform.catalogue.offerings { $0.provider == "lse" }.first)
            var taken = other.record
            taken.title = "Overgenomen"
            let refused = try await partner.upload("/beheer/aanbod/uploaden", csrf: csrf, fileName: "aanbod.csv", data: Self.csv([taken]))
            #expect(refused.status == 422)
            #expect(refused.body.contains("u kunt alleen aanbod van &#39;vng&#39; uploaden") || refused.body.contains("u kunt alleen aanbod van 'vng' uploaden"))
            #expect(Browser.confirmPath(in: refused.body) == nil, "no confirmation with problems")

            let broken = "id,provider,title,summary,kind,form,themes\nnieuw-een,vng,Titel,,publicatie,handreiking,polarisatie\nnieuw-twee,vng,Titel,Samenvatting,publicatie,bestaat-niet,polarisatie\n"
            let page = try await partner.upload("/beheer/aanbod/uploaden", csrf: csrf, fileName: "aanbod.csv", data: Data(broken.utf8))
            #expect(page.status == 422)
            #expect(page.body.contains("regel 2, veld Samenvatting") && page.body.contains("regel 3, veld Vorm"))
            #expect(try await partner.upload("/beheer/aanbod/uploaden", csrf: csrf, fileName: "aanbod.pdf", data: Data("%PDF".utf8)).status == 422)
            #expect(try await partner.upload("/beheer/aanbod/uploaden", csrf: "fout", fileName: "aanbod.csv", data: Data(broken.utf8)).status == 403)
            let huge = try await partner.upload("/beheer/aanbod/uploaden", csrf: csrf, fileName: "aanbod.csv",
                                                data: Data(repeating: UInt8(ascii: "a"), count: UploadRoutes<WeerbaarRequestContext>.maxUploadBytes + 1))
            #expect(huge.status == 413 && huge.body.contains("groter dan 10 MB"))
            #expect(try await platform.editorial.managedOfferings(provider: "vng").allSatisfy { $0.draft == nil })
        }
    }

    @Test(arguments: TestBackend.available)
    func aRedacteursWorkbookIsPublishedButAChangeInBetweenRefusesTheWholeUpload(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            try await PortalFixtures.account(platform, .editor)
            try await PortalFixtures.account(platform, .partnerEditor, provider: "vng")
            var editor = Browser(client: client), other = Browser(client: client)
            _ = try await editor.signIn("redacteur@weerbaar.example", PortalFixtures.password)
            _ = try await other.signIn("partner-redacteur@weerbaar.example", PortalFixtures.password)
            let csrf = Browser.csrf(in: try await editor.request(.get, "/beheer/aanbod/uploaden").body) ?? ""
            let workbook = try Data(contentsOf: Repository.root.appendingPathComponent("Tests/CatalogueServiceTests/Resources/upload-valid.xlsx"))
            let dryRun = try await editor.upload("/beheer/aanbod/uploaden", csrf: csrf, fileName: "aanbod.xlsx", data: workbook)
            #expect(dryRun.status == 200 && dryRun.body.contains("2 nieuw") && dryRun.body.contains("gepubliceerd"))
            let confirm = try #require(Browser.confirmPath(in: dryRun.body))
            // Someone else's confirmation link is not theirs to use.
            #expect(try await other.request(.post, confirm, form: [("csrf", Browser.csrf(in: try await other.request(.get, "/beheer").body) ?? "")])
                        .status == 410)
            #expect(try await editor.request(.post, confirm, form: [("csrf", csrf)]).location == "/beheer/aanbod?geupload")
            let een = try #require(platform.catalogue.offering(OfferingKey(provider: "vng", id: "werkmap-een")))
            #expect(een.published == Day("2025-03-14"))

            // A second upload changes 'werkmap-een'; before it is confirmed, the partner saves that offering.
            var changed = een.record
            changed.title = "Uit de tweede upload"
            var another = changed
            another.id = "werkmap-drie"
            // The new offering comes first in the file: saved one by one, it would be stored before the conflict.
            let second = try await editor.upload("/beheer/aanbod/uploaden", csrf: csrf, fileName: "tweede.csv", data: Self.csv([another, changed]))
            let secondConfirm = try #require(Browser.confirmPath(in: second.body))
            let partnerForm = try await other.request(.get, "/beheer/aanbod/vng/werkmap-een")
            var fields = OfferingForm(record: een.record).text.map { ($0.key, $0.value) } + een.record.themes.map { ("themas", $0) }
            fields += [("csrf", Browser.csrf(in: partnerForm.body) ?? ""), ("versie", Browser.editToken(in: partnerForm.body) ?? ""), ("actie", "concept")]
            #expect(try await other.request(.post, "/beheer/aanbod/vng/werkmap-een", form: fields).status == 303)
            let conflict = try await editor.request(.post, secondConfirm, form: [("csrf", csrf)])
            #expect(conflict.status == 409 && conflict.body.contains("Er is niets opgeslagen"))
            // Asked of the store: the live catalogue is only reloaded after an upload that succeeded.
            #expect(try await platform.editorial.managed(another.key) == nil, "all or nothing")
            #expect(try await platform.editorial.managed(een.key)?.stored?.title == een.title)
            #expect(platform.catalogue.offering(another.key) == nil)
            #expect(platform.catalogue.offering(een.key)?.title == een.title)
        }
    }
}
