import Accounts
import Audit
import Catalogue
import Foundation
import HTTPTypes
import Knowledge
import Newsletter
import Testing
import TestSupport
import WeerbaarApp
@testable import Web

/// A reader's tip from the form to a draft article, with the mail a sender gets at each step, on
/// both backends: nothing is public or in the queue before the address is confirmed, one editor
/// claims, the sender edits through the personal link, the checklist is required to accept.
@Suite(.enabled(if: ReceivedMail.available, "needs the SMTP sink that scripts/test starts"))
struct TipFlowTests {
    static let run = UUID().uuidString.prefix(8).lowercased()

    static func fields(_ csrf: String, email: String, title: String) -> [(String, String)] {
        [("csrf", csrf), ("soort", "praktijkvoorbeeld"), ("titel", title),
         ("verhaal", "In onze wijk liepen de spanningen op na een besluit over opvang. We organiseerden tafelgesprekken."),
         ("aanleiding", "Een raadsbesluit over opvang."), ("aanpak", "Tafelgesprekken met bewoners en een vaste contactpersoon."),
         ("resultaat", "Minder klachten, meer vertrouwen."), ("lessen", "Begin vroeg."), ("gemeente", "GM0344"), ("themas", "polarisatie"),
         ("links", "https://voorbeeld.example/verslag"), ("naam", "Sanne Inzender"), ("email", email), ("organisatie", "Gemeente Utrecht"),
         ("naam-tonen", "ja")]
    }

    @Test(arguments: TestBackend.available)
    func aTipIsConfirmedClaimedChangedAndAccepted(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            try await PortalFixtures.account(platform, .editor)
            try await PortalFixtures.account(platform, .editor, email: "collega@weerbaar.example")
            var reader = Browser(client: client), editor = Browser(client: client), colleague = Browser(client: client)
            _ = try await editor.signIn("redacteur@weerbaar.example", PortalFixtures.password)
            _ = try await colleague.signIn("collega@weerbaar.example", PortalFixtures.password)
            let email = "sanne-\(backend)-\(Self.run)@gemeente.example"
            let title = "Tafelgesprekken \(Self.run)"

            let before = try await platform.tipStore.tips(TipFilter()).count  // the demo's
            let form = try await reader.request(.get, "/tip-ons")
            #expect(form.status == 200 && form.body.contains("Praktijkvoorbeeld") && form.body.contains("name=\"website\""))
            let csrf = Browser.csrf(in: form.body) ?? ""
            // A bot fills the honeypot: the same answer, nothing kept.
            let bot = try await reader.request(.post, "/tip-ons", form: Self.fields(csrf, email: "bot-\(Self.run)@x.example", title: "Bot") + [("website", "x")])
            #expect(bot.status == 200 && bot.body.contains("Kijk in uw mailbox"))
            // A practice example without its approach, and a link that is not one: named, nothing kept.
            let wrong = try await reader.request(.post, "/tip-ons", form: Self.fields(csrf, email: email, title: title).map {
                $0.0 == "aanpak" ? ("aanpak", "") : $0.0 == "links" ? ("links", "javascript:alert(1)") : $0
            })
            #expect(wrong.status == 422 && wrong.body.contains("Beschrijf de aanpak") && wrong.body.contains("geen webadres"))
            #expect(wrong.body.contains("Tafelgesprekken met") == false && wrong.body.contains("In onze wijk liepen"), "what was typed stays")
            #expect(try await platform.tipStore.tips(TipFilter()).count == before)
            var stranger = Browser(client: client)
            let stale = try await stranger.request(.post, "/tip-ons", form: Self.fields("vervalst", email: email, title: title))
            #expect(stale.status == 403)

            // The form shown again carries a fresh token.
            let sent = try await reader.request(.post, "/tip-ons", form: Self.fields(Browser.csrf(in: wrong.body) ?? "", email: email, title: title))
            #expect(sent.status == 200 && sent.body.contains("Kijk in uw mailbox"))
            let mail = try #require(try await ReceivedMail.awaitMessages(to: email) { $0.contains("Bevestig uw inzending") }.last)
            let link = try #require(ReceivedMail.link(mail, under: "/tip-ons/"))
            #expect(try await editor.request(.get, "/beheer/tips").body.contains(title) == false, "unconfirmed: not in the queue")
            let unconfirmed = try await reader.request(.get, link)
            #expect(unconfirmed.status == 200 && unconfirmed.body.contains("Nog niet bevestigd") && unconfirmed.body.contains("Inzending bevestigen"))
            let confirmed = try await reader.request(.post, link + "/bevestigen", form: [("csrf", Browser.csrf(in: unconfirmed.body) ?? "")])
            #expect(confirmed.location == link + "?bevestigd")

            // The queue: one editor claims; the colleague's claim at the same moment is refused.
            let queue = try await editor.request(.get, "/beheer/tips")
            #expect(queue.status == 200 && queue.body.contains(title) && queue.body.contains("Ingediend, wacht op een redacteur"))
            let tip = try #require(try await platform.tipStore.tips(TipFilter(states: [.submitted])).first { $0.content.title == title })
            let page = try await editor.request(.get, "/beheer/tips/\(tip.id.uuidString)")
            #expect(page.body.contains(email) && page.body.contains("Ja, de inzender gaf toestemming"))
            let other = try await colleague.request(.get, "/beheer/tips/\(tip.id.uuidString)")
            #expect(try await editor.request(.post, "/beheer/tips/\(tip.id.uuidString)/oppakken", form: [("csrf", Browser.csrf(in: page.body) ?? "")]).status == 303)
            let late = try await colleague.request(.post, "/beheer/tips/\(tip.id.uuidString)/oppakken", form: [("csrf", Browser.csrf(in: other.body) ?? "")])
            #expect(late.status == 422 && late.body.contains("in behandeling"))
            #expect(try await colleague.request(.post, "/beheer/tips/\(tip.id.uuidString)/afwijzen",
                                                form: [("csrf", Browser.csrf(in: other.body) ?? ""), ("reden", "dubbel")]).status == 422,
                    "only the editor who claimed it decides")

            // Changes requested: the sender gets mail and edits through the link.
            let claimed = try await editor.request(.get, "/beheer/tips/\(tip.id.uuidString)")
            let editorCSRF = Browser.csrf(in: claimed.body) ?? ""
            let asked = try await editor.request(.post, "/beheer/tips/\(tip.id.uuidString)/aanpassing-vragen",
                                                 form: [("csrf", editorCSRF), ("verzoek", "Noem de straat niet.")])
            #expect(asked.location == "/beheer/tips/\(tip.id.uuidString)?gevraagd")
            let request = try #require(try await ReceivedMail.awaitMessages(to: email) { $0.contains("Noem de straat niet.") }.last)
            #expect(ReceivedMail.link(request, under: "/tip-ons/") == link, "the same personal link, signed again")
            let status = try await reader.request(.get, link)
            #expect(status.body.contains("Noem de straat niet.") && status.body.contains("Inzending aanpassen"))
            let editForm = try await reader.request(.get, link + "/aanpassen")
            #expect(editForm.status == 200 && editForm.body.contains("Tafelgesprekken met bewoners"))
            let edited = try await reader.request(.post, link + "/aanpassen", form: Self.fields(Browser.csrf(in: editForm.body) ?? "", email: email, title: title)
                .map { $0.0 == "verhaal" ? ("verhaal", "In onze wijk liepen de spanningen op. We organiseerden tafelgesprekken, zonder straatnamen.") : $0 })
            #expect(edited.location == link + "?aangepast")
            #expect(try await platform.tipStore.tip(tip.id)?.0.state == .inReview)

            // Accepting needs the checklist; then the draft article is there, and the sender hears.
            let back = try await editor.request(.get, "/beheer/tips/\(tip.id.uuidString)")
            #expect(back.body.contains("zonder straatnamen") && back.body.contains("Checklist"))
            let csrf2 = Browser.csrf(in: back.body) ?? ""
            let unchecked = try await editor.request(.post, "/beheer/tips/\(tip.id.uuidString)/accepteren",
                                                     form: [("csrf", csrf2), ("kenmerk", "tafelgesprekken-\(Self.run)"), ("controle", "namen")])
            #expect(unchecked.status == 422 && unchecked.body.contains("Loop de hele checklist na"))
            let accepted = try await editor.request(.post, "/beheer/tips/\(tip.id.uuidString)/accepteren",
                                                    form: [("csrf", csrf2), ("kenmerk", "tafelgesprekken-\(Self.run)"), ("controle", "namen"),
                                                           ("controle", "herleidbaar"), ("controle", "bijzonder"), ("controle", "bronnen"),
                                                           ("bericht", "Mooi voorbeeld.")])
            #expect(accepted.location == "/beheer/artikelen/tafelgesprekken-\(Self.run)?opgeslagen")
            let draft = try #require(try await platform.articleStore.managedArticle("tafelgesprekken-\(Self.run)"))
            #expect(draft.status == .concept && draft.content.kind == .practice && draft.content.authors == ["Sanne Inzender"])
            #expect(platform.articles.collection.article(draft.content.id) == nil, "a draft, not public")
            #expect(try await ReceivedMail.awaitMessages(to: email) { $0.contains("Mooi voorbeeld.") }.contains { $0.contains("neemt uw inzending") })
            let final = try await reader.request(.get, link)
            #expect(final.body.contains("Geaccepteerd") && !final.body.contains("Inzending intrekken"))

            let log = try await platform.audit.events(offset: 0, limit: 30).filter { $0.action == .tipTransition }
            #expect(log.count == 6, "created, confirmed, claimed, changes asked, edited, accepted: \(log.map(\.details))")
            let dashboard = try await editor.request(.get, "/beheer")
            let open = try await platform.tipStore.tips(TipFilter(states: TipQueueFilter.open)).count
            #expect(dashboard.body.contains("Tips van lezers (\(open) open)") && dashboard.body.contains("mediane tijd tot besluit"))
        }
    }

    @Test(arguments: TestBackend.available)
    func aTipIsDeclinedWithAReasonOrWithdrawnByItsSender(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { client, platform in
            try await PortalFixtures.account(platform, .editor)
            var reader = Browser(client: client), editor = Browser(client: client)
            _ = try await editor.signIn("redacteur@weerbaar.example", PortalFixtures.password)
            let email = "afwijzing-\(backend)-\(Self.run)@gemeente.example"
            var links: [String] = []
            for title in ["Reclame \(Self.run)", "Ingetrokken \(Self.run)"] {
                let form = try await reader.request(.get, "/tip-ons")
                _ = try await reader.request(.post, "/tip-ons", form: Self.fields(Browser.csrf(in: form.body) ?? "", email: email, title: title))
                let mail = try #require(try await ReceivedMail.awaitMessages(to: email) { $0.contains(title) }.last { $0.contains(title) })
                let link = try #require(ReceivedMail.link(mail, under: "/tip-ons/"))
                let status = try await reader.request(.get, link)
                _ = try await reader.request(.post, link + "/bevestigen", form: [("csrf", Browser.csrf(in: status.body) ?? "")])
                links.append(link)
            }
            let tips = try await platform.tipStore.tips(TipFilter(states: [.submitted]))
            let promotional = try #require(tips.first { $0.content.title.hasPrefix("Reclame") })
            let page = try await editor.request(.get, "/beheer/tips/\(promotional.id.uuidString)")
            _ = try await editor.request(.post, "/beheer/tips/\(promotional.id.uuidString)/oppakken", form: [("csrf", Browser.csrf(in: page.body) ?? "")])
            let claimed = try await editor.request(.get, "/beheer/tips/\(promotional.id.uuidString)")
            let csrf = Browser.csrf(in: claimed.body) ?? ""
            let noReason = try await editor.request(.post, "/beheer/tips/\(promotional.id.uuidString)/afwijzen", form: [("csrf", csrf), ("reden", "onzin")])
            #expect(noReason.status == 422 && noReason.body.contains("Kies een reden uit de lijst"))
            let declined = try await editor.request(.post, "/beheer/tips/\(promotional.id.uuidString)/afwijzen",
                                                    form: [("csrf", csrf), ("reden", "promotioneel")])
            #expect(declined.location == "/beheer/tips/\(promotional.id.uuidString)?afgewezen")
            #expect(try await ReceivedMail.awaitMessages(to: email) { $0.contains("publiceert haar niet") }
                .contains { $0.contains(Tip.DeclineReason.promotional.explanation) })
            #expect(try await reader.request(.get, links[0]).body.contains(Tip.DeclineReason.promotional.explanation))

            // The sender withdraws the other one; after that the editor has nothing to claim.
            let status = try await reader.request(.get, links[1])
            let withdrawn = try await reader.request(.post, links[1] + "/intrekken", form: [("csrf", Browser.csrf(in: status.body) ?? "")])
            #expect(withdrawn.location == links[1] + "?ingetrokken")
            let other = try #require(tips.first { $0.content.title.hasPrefix("Ingetrokken") })
            #expect(try await platform.tipStore.tip(other.id)?.0.state == .withdrawn)
            let late = try await editor.request(.post, "/beheer/tips/\(other.id.uuidString)/oppakken", form: [("csrf", csrf)])
            #expect(late.status == 422 && late.body.contains("ingetrokken"))
            #expect(try await reader.request(.get, "/tip-ons/bestaat-niet").status == 410)
            let queue = try await editor.request(.get, "/beheer/tips?status=afgewezen&status=ingetrokken&thema=polarisatie")
            #expect(queue.body.contains("Reclame \(Self.run)") && queue.body.contains("Ingetrokken \(Self.run)"))
            #expect(try await editor.request(.get, "/beheer/tips?thema=extremisme").body.contains("Geen inzendingen met deze filters"))
        }
    }

    /// Over-long fields, a second confirmation click and a link used after the decision: a Dutch
    /// message or the status page as it is, and nothing half-written.
    @Test func badInputAndRepeatedClicksChangeNothing() async throws {
        try await WebHarness.withClient(.sqlite) { client, platform in
            var reader = Browser(client: client)
            let before = try await platform.tipStore.tips(TipFilter()).count
            let form = try await reader.request(.get, "/tip-ons")
            let long = try await reader.request(.post, "/tip-ons", form: Self.fields(Browser.csrf(in: form.body) ?? "", email: "lang-\(Self.run)@gemeente.example",
                                                                                    title: String(repeating: "t", count: 250)).map {
                $0.0 == "verhaal" ? ("verhaal", String(repeating: "Lang verhaal. ", count: 700)) : $0.0 == "naam" ? ("naam", "Een\nregel") : $0
            })
            #expect(long.status == 422 && long.body.contains("Houd de titel onder 200 tekens") && long.body.contains("langer dan 8000 tekens")
                && long.body.contains("Gebruik geen regeleinden"))
            #expect(try await platform.tipStore.tips(TipFilter()).count == before)
            let script = try await reader.request(.post, "/tip-ons", form: Self.fields(Browser.csrf(in: long.body) ?? "", email: "html-\(Self.run)@gemeente.example",
                                                                                      title: "<script>alert(1)</script>"))
            #expect(script.status == 200)
            let tip = try #require(try await platform.tipStore.tips(TipFilter(states: [.unconfirmed])).first { $0.content.title.contains("<script>") })
            let token = platform.site().tips!.links.token(.tip, subscriber: tip.id, expires: nil)
            let status = try await reader.request(.get, "/tip-ons/\(token)")
            #expect(status.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !status.body.contains("<script>alert(1)"))
            let csrf = Browser.csrf(in: status.body) ?? ""
            #expect(try await reader.request(.post, "/tip-ons/\(token)/bevestigen", form: [("csrf", csrf)]).location == "/tip-ons/\(token)?bevestigd")
            let again = try await reader.request(.get, "/tip-ons/\(token)")
            let second = try await reader.request(.post, "/tip-ons/\(token)/bevestigen", form: [("csrf", Browser.csrf(in: again.body) ?? "")])
            #expect(second.location == "/tip-ons/\(token)", "a second click changes nothing and says nothing new")
            // After the decision the link still shows the tip, and a late withdrawal or edit changes nothing.
            let editor = Editor(email: "r@weerbaar.example", name: "R")
            try await platform.tipStore.move(tip.id, from: [.submitted], to: .inReview, now: Date(), change: TipChange(claim: editor))
            try await platform.tipStore.move(tip.id, from: [.inReview], to: .declined, now: Date(), change: TipChange(byClaimer: editor, declineReason: .duplicate))
            let decided = try await reader.request(.get, "/tip-ons/\(token)")
            #expect(decided.body.contains("Afgewezen") && !decided.body.contains("Inzending intrekken"))
            #expect(try await reader.request(.post, "/tip-ons/\(token)/intrekken", form: [("csrf", Browser.csrf(in: decided.body) ?? "")]).location
                == "/tip-ons/\(token)")
            #expect(try await reader.request(.get, "/tip-ons/\(token)/aanpassen").location == "/tip-ons/\(token)")
            #expect(try await platform.tipStore.tip(tip.id)?.0.state == .declined)
            let log = try await platform.audit.events(offset: 0, limit: 20).filter { $0.action == .tipTransition && $0.subject.contains("<script>") }
            #expect(log.count == 2, "created and confirmed once: \(log.map(\.details))")
        }
    }

    /// The demo has a tip in every state, and the queue shows the open ones with their age.
    @Test func theDemoHasATipInEveryState() async throws {
        try await WebHarness.withClient(.sqlite) { client, platform in
            let tips = try await platform.tipStore.tips(TipFilter())
            #expect(Set(tips.map(\.state)) == Set(Tip.State.allCases))
            let accepted = try #require(tips.first { $0.state == .accepted })
            #expect(try await platform.articleStore.managedArticle(try #require(accepted.articleID))?.status == .concept)
            try await PortalFixtures.account(platform, .editor)
            var editor = Browser(client: client)
            _ = try await editor.signIn("redacteur@weerbaar.example", PortalFixtures.password)
            let queue = try await editor.request(.get, "/beheer/tips")
            let open = tips.filter { TipQueueFilter.open.contains($0.state) }
            #expect(queue.body.contains("Inzendingen (\(open.count))") && queue.body.contains("dagen"))
            #expect(queue.body.contains("Mediane tijd van ontvangst tot besluit"))
        }
    }

    /// Six tips from one client within the hour: the sixth is refused, kindly.
    @Test func theFormIsRateLimitedPerClient() async throws {
        try await WebHarness.withClient(.sqlite) { client, platform in
            var reader = Browser(client: client)
            let before = try await platform.tipStore.tips(TipFilter(states: [.unconfirmed])).count
            var statuses: [Int] = []
            for n in 0..<6 {
                let form = try await reader.request(.get, "/tip-ons")
                statuses.append(try await reader.request(.post, "/tip-ons", form: Self.fields(Browser.csrf(in: form.body) ?? "",
                                                                                                 email: "limiet-\(n)-\(Self.run)@gemeente.example",
                                                                                                 title: "Limiet \(n)")).status)
            }
            #expect(statuses == [200, 200, 200, 200, 200, 429])
            #expect(try await platform.tipStore.tips(TipFilter(states: [.unconfirmed])).count == before + 5)
        }
    }
}
