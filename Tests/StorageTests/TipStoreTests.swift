import Catalogue
import Foundation
import Knowledge
@testable import Storage
import Testing
import TestSupport

/// Tips from readers through their states, on SQLite and PostgreSQL: one claim wins, the accepted
/// tip and its draft article are one transaction, and the retention erases the sender.
@Suite struct TipStoreTests {
    static let sender = TipSender(name: "Sanne Inzender", email: "sanne@gemeente.example", organisation: "Gemeente Voorbeeld", showName: true)
    static let content = Tip.Content(kind: .practice, title: "Koffie in de wijk", story: "Elke week koffie met bewoners.\nMeer tekst.",
                                     aanleiding: "Onrust", aanpak: "Koffie", resultaat: "Gesprek", lessen: "Volhouden", betrokken: "Wijkteam",
                                     gemeente: "GM0344", themes: ["polarisatie", "vertrouwen"], links: ["https://voorbeeld.example/verslag"])

    @Test(arguments: TestBackend.available)
    func aTipGoesFromConfirmationToADraftArticle(backend: TestBackend) async throws {
        try await SurveyStoreTests.withStore(backend) { _, database in
            let store = SQLTipStore(database: database)
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            let tip = try await store.create(UUID(), Self.content, sender: Self.sender, tokenHash: "hash-1", now: start)
            #expect(try await store.tip(tokenHash: "hash-1")?.1 == Self.sender)
            #expect(try await store.tips(TipFilter(states: [.submitted])).isEmpty, "unconfirmed tips are not in the queue")
            await #expect(throws: TipProblem.wrongState(.unconfirmed)) {
                try await store.move(tip.id, from: [.submitted], to: .inReview, now: start, change: TipChange(claim: Editor(email: "a@x", name: "A")))
            }
            try await store.move(tip.id, from: [.unconfirmed], to: .submitted, now: start.addingTimeInterval(60), change: TipChange())
            #expect(try await store.tips(TipFilter(states: [.submitted], theme: "vertrouwen")).map(\.id) == [tip.id])
            #expect(try await store.tips(TipFilter(theme: "extremisme")).isEmpty)

            let anna = Editor(email: "anna@weerbaar.example", name: "Anna"), bram = Editor(email: "bram@weerbaar.example", name: "Bram")
            try await store.move(tip.id, from: [.submitted], to: .inReview, now: start.addingTimeInterval(120), change: TipChange(claim: anna))
            await #expect(throws: TipProblem.claimedByOther("Anna")) {
                try await store.move(tip.id, from: [.inReview], to: .changesRequested, now: start, change: TipChange(byClaimer: bram, requestNote: "x"))
            }
            try await store.move(tip.id, from: [.inReview], to: .changesRequested, now: start.addingTimeInterval(180),
                                 change: TipChange(byClaimer: anna, requestNote: "Noem de wijk niet bij naam."))
            var edited = Self.content
            edited.story = "Elke week koffie met bewoners, zonder namen."
            let back = try await store.resubmit(tip.id, content: edited, now: start.addingTimeInterval(240))
            #expect(back.state == .inReview && back.claimedBy == anna && back.content.story == edited.story)

            let draft = back.draftArticle(id: "koffie-in-de-wijk", sender: Self.sender, today: Day("2027-01-15")!)
            #expect(draft.authors == ["Sanne Inzender"] && draft.practice?.lessen == "Volhouden" && draft.body.contains("https://voorbeeld.example/verslag"))
            let accepted = try await store.accept(tip.id, article: draft, by: anna, note: nil, now: start.addingTimeInterval(3_600))
            #expect(accepted.state == .accepted && accepted.articleID == "koffie-in-de-wijk")
            let article = try #require(try await SQLArticleStore(database: database).managedArticle("koffie-in-de-wijk"))
            #expect(article.status == .concept && article.content.title == "Koffie in de wijk")
            #expect(try await SQLArticleStore(database: database).published().articles.isEmpty, "a draft, not public")
            await #expect(throws: TipProblem.wrongState(.accepted)) {
                try await store.move(tip.id, from: Set(Tip.State.allCases), to: .withdrawn, now: start, change: TipChange())
            }
            let times = try await store.decisionTimes(since: start)
            #expect(times.count == 1 && times.median == 3_540, "from confirmation to decision")

            // A year after the decision the sender's data go; the accepted tip stays for its article.
            #expect(try await store.purge(decidedBefore: start.addingTimeInterval(3_000), unconfirmedBefore: start) == 0)
            #expect(try await store.purge(decidedBefore: start.addingTimeInterval(4_000), unconfirmedBefore: start) == 1)
            let kept = try #require(try await store.tip(tip.id))
            #expect(kept.0.state == .accepted && kept.1 == nil)
        }
    }

    @Test(arguments: TestBackend.available)
    func ofTwoEditorsClaimingAtOnceExactlyOneWins(backend: TestBackend) async throws {
        try await SurveyStoreTests.withStore(backend) { _, database in
            let store = SQLTipStore(database: database)
            let now = Date()
            for round in 0..<5 {
                let tip = try await store.create(UUID(), Self.content, sender: Self.sender, tokenHash: "claim-\(round)", now: now)
                try await store.move(tip.id, from: [.unconfirmed], to: .submitted, now: now, change: TipChange())
                let winners = await withTaskGroup(of: String?.self) { group in
                    for n in 0..<4 {
                        group.addTask {
                            let editor = Editor(email: "redacteur\(n)@weerbaar.example", name: "Redacteur \(n)")
                            return (try? await store.move(tip.id, from: [.submitted], to: .inReview, now: now, change: TipChange(claim: editor))) == nil
                                ? nil : editor.email
                        }
                    }
                    return await group.reduce(into: [String]()) { if let email = $1 { $0.append(email) } }
                }
                #expect(winners.count == 1, "round \(round): \(winners)")
                #expect(try await store.tip(tip.id)?.0.claimedBy?.email == winners.first)
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func declinedAndUnconfirmedTipsGoWhole(backend: TestBackend) async throws {
        try await SurveyStoreTests.withStore(backend) { _, database in
            let store = SQLTipStore(database: database)
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            let never = try await store.create(UUID(), Self.content, sender: Self.sender, tokenHash: "never", now: start)
            let declined = try await store.create(UUID(), Self.content, sender: Self.sender, tokenHash: "declined", now: start)
            let editor = Editor(email: "a@x", name: "A")
            try await store.move(declined.id, from: [.unconfirmed], to: .submitted, now: start, change: TipChange())
            try await store.move(declined.id, from: [.submitted], to: .inReview, now: start, change: TipChange(claim: editor))
            let decided = try await store.move(declined.id, from: [.inReview], to: .declined, now: start.addingTimeInterval(10),
                                               change: TipChange(byClaimer: editor, declineReason: .promotional, decisionNote: "Sorry."))
            #expect(decided.declineReason == .promotional && decided.decided != nil)
            #expect(try await store.purge(decidedBefore: start, unconfirmedBefore: start.addingTimeInterval(1)) == 2, "the unconfirmed tip and its sender")
            #expect(try await store.tip(never.id) == nil)
            #expect(try await store.purge(decidedBefore: start.addingTimeInterval(11), unconfirmedBefore: start) == 2)
            #expect(try await store.tip(declined.id) == nil)
            #expect(try await store.tips(TipFilter()).isEmpty)
        }
    }
}
