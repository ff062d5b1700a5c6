@testable import Editions
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Newsletter
import Testing
import TestSupport
import WeerbaarApp
@testable import Web

/// An edition from the portal's store through the outbox to the real SMTP sink: personalised by
/// interest, with correct list headers and working personal links, retried on 4xx, bounced on 5xx,
/// and published in the archive.
@Suite(.enabled(if: ReceivedMail.available, "needs the SMTP sink that scripts/test starts"))
struct NewsletterEditionTests {
    static func subscriber(_ platform: Platform, _ email: String, interests: [String]) async throws -> UUID {
        guard case .pending(let subscriber) = try await platform.subscribers.subscribe(
            email: email, name: nil, organisation: nil, interests: interests, source: "/nieuwsbrief", now: Date())
        else { throw CancellationError() }
        _ = try await platform.subscribers.confirm(subscriber.id, now: Date())
        return subscriber.id
    }

    static func edition(_ slug: String) -> Edition {
        Edition(slug: slug, subject: "WeerbaarNL — december", intro: "Het laatste **nieuws** uit het netwerk.",
                sections: [
                    EditionSection(title: "Voor iedereen", blocks: [
                        .article(title: "Terugblik", markdown: "Een goed jaar. <script>alert(1)</script>", imageURL: "https://weerbaar.example/foto.png",
                                 imageAlt: "Deelnemers aan de netwerkdag"),
                        .agenda(items: [AgendaItem(date: "10 december", title: "Netwerkdag", url: "https://weerbaar.example/agenda")]),
                    ]),
                    EditionSection(title: "Over polarisatie", themes: ["polarisatie"], blocks: [.newOfferings(theme: "polarisatie", limit: 3)]),
                    EditionSection(title: "Over extremisme", themes: ["radicalisering"], blocks: [.newOfferings(theme: nil, limit: 2)]),
                ],
                updatedAt: Date(), updatedBy: "redactie@weerbaar.example")
    }

    @Test(arguments: TestBackend.available)
    func anEditionReachesEachSubscriberOnceWithTheirSectionsAndLinks(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend, configure: { $0.newsletterRate = 0; $0.newsletterRetrySeconds = 1 }) { client, platform in
            let domain = "editie-\(UUID().uuidString.prefix(8).lowercased()).example"
            let everything = try await Self.subscriber(platform, "alles@\(domain)", interests: [])
            _ = try await Self.subscriber(platform, "polarisatie@\(domain)", interests: ["polarisatie"])
            _ = try await Self.subscriber(platform, "tijdelijk@\(domain)", interests: [])
            _ = try await Self.subscriber(platform, "onbekend@\(domain)", interests: [])

            let edition = Self.edition("december-\(domain.prefix(14))")
            try await platform.editions.create(edition)
            let started = try await platform.editionDispatch.start(edition)
            #expect(started?.messages == 4)
            #expect(started?.variants == 2, "everyone-without-interests shares one variant; the polarisation reader gets another")
            #expect(try await platform.editionDispatch.start(edition) == nil, "a second start enqueues nothing")

            let sender = try #require(platform.outboxSender(worker: "test"))
            var round = try await sender.sendDue()
            #expect(round.sent == 2 && round.retried == 1 && round.bounced == 1)
            var progress = try await platform.outbox.progress(edition: edition.id)
            #expect(progress[.sent] == 2 && progress[.bounced] == 1 && progress[.queued] == 1)
            // The retry waits its backoff (1 s here); the sink refuses "tijdelijk" every time, so it stays queued with a reason.
            try await Task.sleep(for: .milliseconds(1100))
            round = try await sender.sendDue()
            #expect(round.retried == 1)
            progress = try await platform.outbox.progress(edition: edition.id)
            #expect(progress[.queued] == 1 && progress.remaining == 1)
            #expect(try await platform.outbox.failureReasons(edition: edition.id, limit: 5).first?.reason.contains("550") == true)

            let all = try ReceivedMail.raw(to: "alles@\(domain)")
            let polarisation = try ReceivedMail.raw(to: "polarisatie@\(domain)")
            #expect(all.count == 1 && polarisation.count == 1)
            let mail = try #require(all.first)
            for header in ["List-Id: WeerbaarNL <weerbaarnl.weerbaar.example>", "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
                           "List-Unsubscribe: <https://weerbaar.example/nieuwsbrief/afmelden/", "Message-ID: <editie-", "Date: ",
                           "Content-Type: multipart/alternative", "Content-Type: text/plain; charset=utf-8", "Content-Type: text/html; charset=utf-8"] {
                #expect(mail.contains(header), "missing \(header)")
            }
            let decoded = ReceivedMail.decodeQuotedPrintable(mail)
            #expect(decoded.contains("Over extremisme") && decoded.contains("Over polarisatie"), "no interests: every section")
            #expect(decoded.contains("alt=\"Deelnemers aan de netwerkdag\""))
            let htmlPart = String(try #require(decoded.range(of: "Content-Type: text/html").map { decoded[$0.upperBound...] }))
            #expect(!htmlPart.contains("<script>alert(1)</script>") && htmlPart.contains("&lt;script&gt;"), "an article's markup is escaped")
            #expect(!decoded.contains("%%WEERBAAR"), "every personal link is filled in")
            #expect(!decoded.contains("/nieuwsbrief/klik/") && decoded.contains("href=\"https://weerbaar.example/agenda\""),
                    "click counting is off unless switched on")
            #expect(decoded.contains(platform.configuration.newsletterSenderAddress))
            let theirs = ReceivedMail.decodeQuotedPrintable(try #require(polarisation.first))
            #expect(theirs.contains("Over polarisatie") && !theirs.contains("Over extremisme"), "a themed section goes only to its readers")

            // The personal unsubscribe link in the mail works by RFC 8058 one-click post, and erases.
            let link = try #require(ReceivedMail.link(decoded, under: "/nieuwsbrief/afmelden/")).prefix { $0.isLetter || $0.isNumber || "/-_.".contains($0) }
            let response = try await client.execute(uri: String(link), method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                    body: .init(string: "List-Unsubscribe=One-Click")) { $0.status.code }
            #expect(response == 200)
            #expect(try await platform.subscribers.subscriber(everything) == nil)

            // The archive shows the whole edition, unpersonalised, and lists it in the feed.
            let page = try await client.get("/nieuwsbrief/archief/\(edition.slug)")
            #expect(page.status == 200 && page.body.contains("Over extremisme") && page.body.contains("Over polarisatie"))
            #expect(!page.body.contains("afmelden/"), "no personal link in the archive")
            let list = try await client.get("/nieuwsbrief/archief")
            #expect(list.body.contains("/nieuwsbrief/archief/\(edition.slug)"))
            let feed = try await client.get("/nieuwsbrief/archief.atom")
            #expect(feed.type.hasPrefix("application/atom+xml") && feed.body.contains("WeerbaarNL — december"))
            #expect(try await client.get("/nieuwsbrief/archief/bestaat-niet").status == 404)
        }
    }
}

extension NewsletterEditionTests {
    @Test(arguments: TestBackend.available)
    func withClickCountingOnTheMailsContentLinksCountPerLinkAndRedirect(backend: TestBackend) async throws {
        try await WebHarness.withClient(backend, configure: { $0.newsletterRate = 0; $0.newsletterClickCounting = true }) { client, platform in
            let domain = "klik-\(UUID().uuidString.prefix(8).lowercased()).example"
            _ = try await Self.subscriber(platform, "lezer@\(domain)", interests: [])
            var edition = Self.edition("klik-\(domain.prefix(13))")
            edition.intro = "Lees [de handreiking](https://weerbaar.example/handreiking) en **[vet](https://vet.example)**."
            try await platform.editions.create(edition)
            #expect(try await platform.editionDispatch.start(edition)?.messages == 1)
            #expect(try await #require(platform.outboxSender(worker: "test")).sendDue().sent == 1)

            let mail = ReceivedMail.decodeQuotedPrintable(try #require(try ReceivedMail.raw(to: "lezer@\(domain)").first))
            let links = try await platform.editions.links(edition: edition.id)
            #expect(Set(links.map(\.url)).isSuperset(of: ["https://weerbaar.example/handreiking", "https://weerbaar.example/agenda"]))
            #expect(!links.contains { $0.url == "https://vet.example" }, "bold text is no link, so nothing to count")
            #expect(!links.contains { $0.url.contains("/nieuwsbrief/") }, "personal links and the archive are never counted")
            for link in links {
                #expect(mail.contains("https://weerbaar.example/nieuwsbrief/klik/\(link.id)"), "\(link.url) goes through the counter")
                #expect(!mail.contains("href=\"\(link.url)\""), "\(link.url) is not linked directly")
            }
            #expect(mail.contains("**[vet](https://vet.example)**") || mail.contains("[vet](https://vet.example)"))
            #expect(mail.contains("/nieuwsbrief/afmelden/"), "the personal links stay direct")

            let guide = try #require(links.first { $0.url == "https://weerbaar.example/handreiking" })
            for _ in 0..<2 {
                let click = try await client.get("/nieuwsbrief/klik/\(guide.id)")
                #expect(click.status == 302 && click.headers[.location] == "https://weerbaar.example/handreiking")
                #expect(click.headers[.cacheControl] == "no-store")
            }
            let counted = try await platform.editions.links(edition: edition.id)
            #expect(counted.first == EditionLink(id: guide.id, url: guide.url, clicks: 2), "most clicked first")
            #expect(counted.dropFirst().allSatisfy { $0.clicks == 0 })
            for unknown in ["aaaaaaaaaaaaaaaaaaaa", "..%2F..%2Fbeheer", String(repeating: "z", count: 300)] {
                let page = try await client.get("/nieuwsbrief/klik/\(unknown)")
                #expect(page.status == 404 && page.body.contains("Pagina niet gevonden"), "\(unknown.prefix(20))")
            }

            // The archive and the portal's statistics.
            let archive = try await client.get("/nieuwsbrief/archief/\(edition.slug)")
            #expect(archive.body.contains("href=\"https://weerbaar.example/handreiking\"") && !archive.body.contains("/nieuwsbrief/klik/"))
            let statistics = EditionPages.sent(.init(edition: edition, progress: try await platform.outbox.progress(edition: edition.id), perMinute: 0,
                                                     reasons: [], links: counted),
                                               site: SiteServices(catalogue: platform.catalogue, baseURL: "https://weerbaar.example"))
            #expect(statistics.contains("Kliks per link") && statistics.contains("https://weerbaar.example/handreiking</a></td><td>2</td>"))
        }
    }
}

extension ReceivedMail {
    /// The raw messages to `recipient`, oldest first.
    static func raw(to recipient: String) throws -> [String] {
        guard let directory = ReceivedMail.sinkDirectory else { throw ReceivedMail.NoSink() }
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }.sorted().compactMap { name in
            let envelope = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent(name))) as! [String: Any]
            guard (envelope["rcpt_tos"] as? [String])?.contains(recipient) == true else { return nil }
            return try String(contentsOf: directory.appendingPathComponent(name.replacingOccurrences(of: ".json", with: ".eml")), encoding: .utf8)
        }
    }
}
