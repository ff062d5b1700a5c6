@testable import Editions
import Accounts
import Foundation
import Knowledge
import HTTPTypes
import HummingbirdTesting
import Logging
import Newsletter
import NIOCore
import Testing
import TestSupport
@testable import WeerbaarApp
@testable import Web

/// The redactie composes an edition in the portal without JavaScript: the form grows section by
/// section and block by block, keeps every value on an error, refuses a stale save, previews the
/// mail, and sends only after a deliberate confirmation.
@Suite struct PortalNewsletterTests {
    static func form(_ page: Browser.Page) -> [(String, String)] {
        // Every hidden and text input and textarea of the editor form, as a browser would post them.
        var pairs: [(String, String)] = []
        let body = page.body
        var rest = body[...]
        while let range = rest.range(of: "<input ") {
            let tag = rest[range.lowerBound...].prefix { $0 != ">" }
            rest = rest[range.upperBound...]
            guard let name = attribute("name", in: tag), !tag.contains("type=\"checkbox\"") || tag.contains("checked") else { continue }
            pairs.append((name, decode(attribute("value", in: tag) ?? "")))
        }
        rest = body[...]
        while let range = rest.range(of: "<textarea ") {
            let tag = rest[range.lowerBound...].prefix { $0 != ">" }
            let after = rest[range.upperBound...]
            guard let close = after.range(of: "</textarea>"), let name = attribute("name", in: tag) else { break }
            let content = after[after.index(after: after.firstIndex(of: ">")!)..<close.lowerBound]
            pairs.append((name, decode(String(content.drop { $0 == "\n" }))))
            rest = after[close.upperBound...]
        }
        return pairs.filter { !$0.0.isEmpty && $0.0 != "website" && $0.0 != "bevestiging" && $0.0 != "tijdstip" }
    }

    static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let range = tag.range(of: " \(name)=\"") else { return nil }
        return String(tag[range.upperBound...].prefix { $0 != "\"" })
    }

    static func decode(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }

    static func set(_ pairs: inout [(String, String)], _ name: String, _ value: String) {
        if let index = pairs.firstIndex(where: { $0.0 == name }) { pairs[index].1 = value } else { pairs.append((name, value)) }
    }

    @Test(arguments: TestBackend.available)
    func aRedacteurComposesChecksAndSendsAnEdition(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend, configure: { $0.smtp = nil }) { client, platform in
            try await PortalFixtures.account(platform, .editor)
            var editor = Browser(client: client)
            #expect(try await editor.signIn("redacteur@weerbaar.example", PortalFixtures.password, platform: platform).location == "/beheer")
            let list = try await editor.request(.get, "/beheer/nieuwsbrief")
            #expect(list.status == 200 && list.body.contains("Nieuwe editie"))
            let created = try await editor.request(.post, "/beheer/nieuwsbrief/nieuw", form: [("csrf", Browser.csrf(in: list.body) ?? "")])
            let base = try #require(created.location)
            var page = try await editor.request(.get, base)
            #expect(page.status == 200 && page.body.contains("Nieuw en bijgewerkt aanbod"))
            // Enter in a field submits with the form's first button: that must be a save, not a block's "Omlaag".
            let editorForm = try #require(page.body.range(of: "portal-form--wide").map { page.body[$0.upperBound...] })
            let firstButton = try #require(editorForm.range(of: "<button").map { editorForm[$0.lowerBound...].prefix { $0 != ">" } })
            #expect(firstButton.contains("value=\"opslaan\""), "\(firstButton)")

            // Add a section, then an article block in it: the form grows, nothing is saved yet.
            var fields = Self.form(page)
            page = try await editor.request(.post, base, form: fields + [("actie", "sectie-toevoegen")])
            #expect(page.status == 200 && page.body.contains("Sectie 2"))
            fields = Self.form(page)
            page = try await editor.request(.post, base, form: fields + [("actie", "blok-1-artikel")])
            #expect(page.body.contains("s1b0-tekst"))

            // Saving with gaps: Dutch messages beside the fields, every value kept.
            fields = Self.form(page)
            Self.set(&fields, "s1-titel", "Uit de praktijk")
            Self.set(&fields, "s1b0-afbeelding", "http://example.org/foto.png")
            Self.set(&fields, "onderwerp", "WeerbaarNL december \"test\"")
            page = try await editor.request(.post, base, form: fields + [("actie", "opslaan")])
            #expect(page.status == 422)
            #expect(page.body.contains("Vul de tekst van het artikel in."))
            #expect(page.body.contains("beginnend met https://"))
            #expect(page.body.contains("Beschrijf wat op de afbeelding staat"))
            #expect(page.body.contains("value=\"Uit de praktijk\"") && page.body.contains("WeerbaarNL december &quot;test&quot;"))

            fields = Self.form(page)
            Self.set(&fields, "s1b0-tekst", "Gemeente **Zwolle** organiseerde dialoogtafels.")
            Self.set(&fields, "s1b0-afbeelding", "https://weerbaar.example/zwolle.png")
            Self.set(&fields, "s1b0-alt", "Een dialoogtafel in het stadhuis")
            fields.append(("s1-themas", "polarisatie"))
            page = try await editor.request(.post, base, form: fields + [("actie", "opslaan")])
            #expect(page.status == 303 && page.location == base + "?opgeslagen")
            let id = try #require(UUID(uuidString: String(base.split(separator: "/").last!)))
            let saved = try #require(try await platform.editions.edition(id))
            #expect(saved.version == 2 && saved.sections.count == 2 && saved.sections[1].themes == ["polarisatie"])
            #expect(saved.sections[1].blocks == [.article(title: "", markdown: "Gemeente **Zwolle** organiseerde dialoogtafels.",
                                                          imageURL: "https://weerbaar.example/zwolle.png", imageAlt: "Een dialoogtafel in het stadhuis")])

            // A save from the old version is refused and the input kept.
            page = try await editor.request(.post, base, form: fields + [("actie", "opslaan")])
            #expect(page.status == 409 && page.body.contains("intussen opgeslagen"))

            // The preview is the mail itself, under its own strict policy; a theme leaves out others' sections.
            let cookie = editor.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
            let preview = try await client.execute(uri: base + "/voorbeeld", method: .get, headers: [.cookie: cookie]) {
                (Int($0.status.code), $0.headers[.contentSecurityPolicy] ?? "", String(buffer: $0.body))
            }
            #expect(preview.0 == 200 && preview.1.contains("default-src 'none'") && !preview.1.contains("script-src"))
            #expect(preview.2.contains("dialoogtafels") && preview.2.contains("role=\"presentation\""))
            let other = try await client.execute(uri: base + "/voorbeeld?thema=radicalisering", method: .get, headers: [.cookie: cookie]) {
                String(buffer: $0.body)
            }
            #expect(!other.contains("dialoogtafels"), "a section for polarisation is not in a radicalisation reader's mail")

            // Scheduling in the past is refused; sending needs the box ticked.
            page = try await editor.request(.get, base)
            let csrf = Browser.csrf(in: page.body) ?? ""
            page = try await editor.request(.post, base + "/plannen", form: [("csrf", csrf), ("versie", "2"), ("tijdstip", "2020-01-01T09:00")])
            #expect(page.status == 422 && page.body.contains("in de toekomst"))
            page = try await editor.request(.post, base + "/versturen", form: [("csrf", csrf), ("versie", "2")])
            #expect(page.status == 422 && page.body.contains("Vink aan"))
            #expect(try await platform.editions.edition(id)?.status == .concept)

            // Scheduled a few minutes ahead, it starts when the sending service looks after its time. (Two
            // minutes was too tight: the form has minute precision and the server wants more than one
            // minute ahead, so on a busy machine 12:00:59 + 2 min = "12:02" was refused at 12:01:01.)
            let soon = EditionPages.localInput(Date().addingTimeInterval(300))
            page = try await editor.request(.post, base + "/plannen", form: [("csrf", csrf), ("versie", "2"), ("tijdstip", soon)])
            #expect(page.location == base + "?gepland")
            #expect(try await platform.editions.edition(id)?.status == .scheduled)
            _ = try await NewsletterEditionTests.subscriber(platform, "lezer@portaal.example", interests: [])
            let sending = NewsletterSending(dispatch: platform.editionDispatch, outbox: platform.outbox, sender: nil, logger: Logger(label: "test"))
            await sending.housekeeping(now: Date())
            #expect(try await platform.editions.edition(id)?.status == .scheduled, "not before its time")
            await sending.housekeeping(now: Date().addingTimeInterval(600))
            #expect(try await platform.editions.edition(id)?.status == .sending)

            // Sent: the page shows progress instead of the form, and edits are refused.
            page = try await editor.request(.get, base)
            #expect(page.body.contains("Voortgang") && page.body.contains("Nog te versturen") && !page.body.contains("name=\"onderwerp\""))
            page = try await editor.request(.post, base, form: fields + [("actie", "opslaan")])
            #expect(page.status == 303)
            #expect(try await platform.editions.edition(id)?.subject == "WeerbaarNL december \"test\"")
        }
    }

    /// An article of Weerbaar is a block: chosen by its address, shown as a card with its kind and
    /// gemeente in the preview, left out once it is no longer published.
    @Test func anArticleIsPlacedInAnEditionAsABlock() async throws {
        try await WebHarness.withClient(.sqlite, configure: { $0.smtp = nil }) { client, platform in
            try await PortalFixtures.account(platform, .editor)
            var editor = Browser(client: client)
            _ = try await editor.signIn("redacteur@weerbaar.example", PortalFixtures.password, platform: platform)
            let practice = try #require(platform.articles.collection.articles.first { $0.kind == .practice && $0.gemeente != nil })
            let list = try await editor.request(.get, "/beheer/nieuwsbrief")
            let base = try #require(try await editor.request(.post, "/beheer/nieuwsbrief/nieuw", form: [("csrf", Browser.csrf(in: list.body) ?? "")]).location)
            var page = try await editor.request(.post, base, form: Self.form(try await editor.request(.get, base)) + [("actie", "blok-0-kennisartikel")])
            #expect(page.body.contains("s0b1-kennisartikel") || page.body.contains("s0b0-kennisartikel"))
            var fields = Self.form(page)
            let name = try #require(fields.first { $0.0.hasSuffix("-kennisartikel") }?.0)
            Self.set(&fields, name, "/artikelen/bestaat-niet")
            page = try await editor.request(.post, base, form: fields + [("actie", "opslaan")])
            #expect(page.status == 422 && page.body.contains("Geef het adres van een gepubliceerd artikel"))
            fields = Self.form(page)
            Self.set(&fields, name, "https://weerbaar.example/artikelen/\(practice.id)?utm=x")
            page = try await editor.request(.post, base, form: fields + [("actie", "opslaan")])
            #expect(page.status == 303)
            let id = try #require(UUID(uuidString: String(base.split(separator: "/").last!)))
            let saved = try #require(try await platform.editions.edition(id))
            #expect(saved.sections[0].blocks.contains(.knowledge(id: practice.id)))
            let content = try await platform.editionDispatch.resolve(saved)
            let cards = content.sections.flatMap(\.blocks).flatMap { block -> [EditionContent.Card] in
                if case .cards(let cards) = block { return cards } else { return [] }
            }
            let card = try #require(cards.first { $0.title == practice.title })
            #expect(card.url.hasSuffix("/artikelen/\(practice.id)") && card.kind == "Praktijkvoorbeeld" && card.provider.hasPrefix("Gemeente "))
            let reopened = try await editor.request(.get, base)
            #expect(reopened.body.contains("value=\"/artikelen/\(practice.id)\""))
            // No longer published: the block drops out of what would go out.
            platform.articles.replace(with: ArticleCollection(articles: platform.articles.collection.articles.filter { $0.id != practice.id },
                                                              editions: []))
            let without = try await platform.editionDispatch.resolve(saved)
            #expect(!without.sections.flatMap(\.blocks).contains { if case .cards(let cards) = $0 { cards.contains { $0.title == practice.title } } else { false } })
        }
    }

    @Test func removingABlockOrSectionKeepsTheOthersValues() {
        var form = EditionForm()
        form.sections = [.init(blocks: [.article, .agenda, .offering]), .init(blocks: [.newOfferings])]
        form.values = ["s0-titel": "Een", "s0b0-tekst": "eerste", "s0b1-agenda": "1 jan | Dag", "s0b2-aanbod": "vng/x",
                       "s1-titel": "Twee", "s1b0-aantal": "3"]
        form.themes = [1: ["polarisatie"]]
        var applied = form.apply("weg-0-0")
        #expect(applied)
        #expect(form.sections[0].blocks == [.agenda, .offering])
        #expect(form["s0b0-agenda"] == "1 jan | Dag" && form["s0b1-aanbod"] == "vng/x" && form["s0b2-aanbod"].isEmpty)
        applied = form.apply("sectie-weg-0")
        #expect(applied)
        #expect(form.sections.count == 1 && form["s0-titel"] == "Twee" && form["s0b0-aantal"] == "3" && form.themes[0] == ["polarisatie"])
        applied = form.apply("opslaan")
        #expect(!applied)
        applied = form.apply("blok-7-artikel")
        #expect(!applied, "a section that does not exist")
    }

    @Test func movingABlockOrSectionCarriesItsValuesAndNothingMovesPastTheEnds() {
        var form = EditionForm()
        form.sections = [.init(blocks: [.article, .agenda]), .init(blocks: [.newOfferings])]
        form.values = ["s0-titel": "Een", "s0b0-tekst": "eerste", "s0b0-titel": "Kop", "s0b1-agenda": "1 jan | Dag",
                       "s1-titel": "Twee", "s1b0-aantal": "3", "s1b0-soort": "nieuw"]
        form.themes = [1: ["polarisatie"]]
        var applied = form.apply("omlaag-0-0")
        #expect(applied)
        #expect(form.sections[0].blocks == [.agenda, .article])
        #expect(form["s0b0-agenda"] == "1 jan | Dag" && form["s0b0-tekst"].isEmpty)
        #expect(form["s0b1-tekst"] == "eerste" && form["s0b1-titel"] == "Kop" && form["s0b1-agenda"].isEmpty)
        applied = form.apply("omhoog-0-1")
        #expect(applied)
        #expect(form.sections[0].blocks == [.article, .agenda] && form["s0b0-tekst"] == "eerste")

        applied = form.apply("sectie-omhoog-1")
        #expect(applied)
        #expect(form.sections == [.init(blocks: [.newOfferings]), .init(blocks: [.article, .agenda])])
        #expect(form["s0-titel"] == "Twee" && form["s0b0-aantal"] == "3" && form.themes[0] == ["polarisatie"] && form["s0b1-agenda"].isEmpty)
        #expect(form["s1-titel"] == "Een" && form["s1b0-tekst"] == "eerste" && form["s1b1-agenda"] == "1 jan | Dag" && form.themes[1] == nil)

        for beyond in ["omhoog-0-0", "omlaag-1-1", "sectie-omhoog-0", "sectie-omlaag-1", "omlaag-5-0", "omhoog-0-"] {
            applied = form.apply(beyond)
            #expect(!applied, "\(beyond)")
        }
        #expect(form["s1b0-tekst"] == "eerste", "a refused move changes nothing")
    }
}
