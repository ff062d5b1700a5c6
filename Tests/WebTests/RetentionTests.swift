import Catalogue
import Foundation
import Knowledge
import Logging
import Testing
import TestSupport
@testable import WeerbaarApp

/// The one retention job runs every feature's rule: a tip's sender is gone a year after the decision,
/// a tip never confirmed after a week; a failing rule does not stop the others.
@Suite struct RetentionTests {
    @Test(arguments: TestBackend.available)
    func everyFeaturesRuleRunsAndAFailingOneDoesNotStopTheOthers(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend) { _, platform in
            let store = platform.tipStore
            let now = Date()
            let content = Tip.Content(kind: .tip, title: "Oud", story: "Een oud verhaal uit de wijk.")
            let sender = TipSender(name: "Lezer", email: "lezer@gemeente.example", organisation: "", showName: false)
            let yearAgo = now.addingTimeInterval(-TipRetention.senderData - 3_600)
            let editor = Editor(email: "r@x", name: "R")
            // Accepted 13 months ago: the sender goes, the tip stays for its article.
            let accepted = try await store.create(UUID(), content, sender: sender, tokenHash: "a", now: yearAgo)
            try await store.move(accepted.id, from: [.unconfirmed], to: .submitted, now: yearAgo, change: TipChange())
            try await store.move(accepted.id, from: [.submitted], to: .inReview, now: yearAgo, change: TipChange(claim: editor))
            try await store.accept(accepted.id, article: accepted.draftArticle(id: "oud-verhaal", sender: sender, today: Day(yearAgo)), by: editor,
                                   note: nil, now: yearAgo)
            // Declined last week: everything stays.
            let recent = try await store.create(UUID(), content, sender: sender, tokenHash: "b", now: now.addingTimeInterval(-8 * 86_400))
            try await store.move(recent.id, from: [.unconfirmed], to: .submitted, now: now, change: TipChange())
            try await store.move(recent.id, from: [.submitted], to: .inReview, now: now, change: TipChange(claim: editor))
            try await store.move(recent.id, from: [.inReview], to: .declined, now: now, change: TipChange(byClaimer: editor, declineReason: .duplicate))
            // Never confirmed, eight days old: gone whole.
            let never = try await store.create(UUID(), content, sender: sender, tokenHash: "c", now: now.addingTimeInterval(-8 * 86_400))

            struct Broken: Error {}
            let rules = [RetentionRule(name: "kapot") { _ in throw Broken() }] + platform.retentionRules
            #expect(rules.count >= 5 && rules.contains { $0.name.hasPrefix("tips:") })
            let removed = await RetentionJob(rules: rules, logger: Logger(label: "test")).tick(now: now)
            #expect(removed["kapot"] == nil)
            #expect(removed.first { $0.key.hasPrefix("tips:") }?.value == 3, "the accepted tip's sender, the unconfirmed tip and its sender")
            let kept = try await store.tip(accepted.id)
            #expect(kept?.1 == nil && kept?.0.state == .accepted)
            #expect(try await store.tip(recent.id)?.1 == sender)
            #expect(try await store.tip(never.id) == nil)
        }
    }
}
