import Foundation
import Testing
@testable import Mail

/// Against the real SMTP server on loopback that scripts/test starts (scripts/smtp/sink.py); skipped,
/// and named as skipped by scripts/test, when it is not running.
enum SMTPSink {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }
    /// The sink is running; in CI the tests run regardless, and fail without it.
    static var available: Bool { environment["WEERBAAR_TEST_SMTP_URL"] != nil || environment["CI"] == "true" }
    static var plain: SMTPConfiguration { try! SMTPConfiguration(url: environment["WEERBAAR_TEST_SMTP_URL"]!) }
    static var secure: SMTPConfiguration { try! SMTPConfiguration(url: environment["WEERBAAR_TEST_SMTP_TLS_URL"]!) }

    struct Delivery {
        var envelope: [String: Any]
        var content: String
    }

    /// Messages the sink received for one recipient.
    static func deliveries(to recipient: String) throws -> [Delivery] {
        let directory = URL(fileURLWithPath: environment["WEERBAAR_TEST_SMTP_DIR"]!)
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }.sorted()
            .compactMap { name in
                let envelope = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent(name))) as! [String: Any]
                guard (envelope["rcpt_tos"] as? [String])?.contains(recipient) == true else { return nil }
                let eml = directory.appendingPathComponent(name.replacingOccurrences(of: ".json", with: ".eml"))
                return Delivery(envelope: envelope, content: try String(contentsOf: eml, encoding: .utf8))
            }
    }

    static func uniqueRecipient(_ prefix: String = "lezer") -> MailAddress {
        try! MailAddress("\(prefix)-\(UUID().uuidString.prefix(8).lowercased())@example.nl")
    }
}

@Suite(.enabled(if: SMTPSink.available, "needs the SMTP sink that scripts/test starts"))
struct SMTPClientTests {
    static let from = try! MailAddress("nieuwsbrief@weerbaar.example")

    @Test func deliversOverPlainSMTPOnLoopback() async throws {
        let recipient = SMTPSink.uniqueRecipient()
        let message = MailMessage(from: Self.from, fromName: "WeerbaarNL", to: [recipient], subject: "Welkom bij één nieuwsbrief",
                                  text: "Regel één\n.\n..twee punten", html: "<p>Hallo</p>")
        try await SMTPClient(configuration: SMTPSink.plain).send(message)
        let deliveries = try SMTPSink.deliveries(to: recipient.ascii)
        #expect(deliveries.count == 1)
        #expect(deliveries.first?.envelope["mail_from"] as? String == "nieuwsbrief@weerbaar.example")
        #expect(deliveries.first?.envelope["tls"] as? Bool == false)
        let content = try #require(deliveries.first?.content)
        #expect(content.contains("Subject: =?UTF-8?B?"))
        #expect(content.contains("\n=2E\r\n") || content.contains("\n=2E\n"), "the dot line arrives as it was encoded")
        #expect(content.contains("<p>Hallo</p>"))
    }

    @Test func usesSTARTTLSAndAuthenticates() async throws {
        let recipient = SMTPSink.uniqueRecipient()
        try await SMTPClient(configuration: SMTPSink.secure).send(
            MailMessage(from: Self.from, to: [recipient], subject: "Beveiligd", text: "Over TLS"))
        let delivery = try #require(try SMTPSink.deliveries(to: recipient.ascii).first)
        #expect(delivery.envelope["tls"] as? Bool == true)
        #expect(delivery.envelope["authenticated"] as? Bool == true)
    }

    @Test func aWrongPasswordIsAPermanentFailure() async throws {
        var configuration = SMTPSink.secure
        configuration.password = "fout"
        await #expect(throws: SMTPError.self) {
            try await SMTPClient(configuration: configuration).send(
                MailMessage(from: Self.from, to: [SMTPSink.uniqueRecipient()], subject: "x", text: "x"))
        }
        do {
            try await SMTPClient(configuration: configuration).send(
                MailMessage(from: Self.from, to: [SMTPSink.uniqueRecipient()], subject: "x", text: "x"))
        } catch let error as SMTPError {
            #expect(!error.isTemporary, "\(error)")
        }
    }

    @Test func anUntrustedCertificateIsRefused() async throws {
        var configuration = SMTPSink.secure
        configuration.caFile = nil
        let recipient = SMTPSink.uniqueRecipient()
        await #expect(throws: SMTPError.self) {
            try await SMTPClient(configuration: configuration).send(MailMessage(from: Self.from, to: [recipient], subject: "x", text: "x"))
        }
        #expect(try SMTPSink.deliveries(to: recipient.ascii).isEmpty)
    }

    @Test func requiredSTARTTLSIsNotSkippedWhenTheServerLacksIt() async throws {
        var configuration = SMTPSink.plain
        configuration.security = .starttls
        do {
            try await SMTPClient(configuration: configuration).send(
                MailMessage(from: Self.from, to: [SMTPSink.uniqueRecipient()], subject: "x", text: "x"))
            Issue.record("sent without the required STARTTLS")
        } catch let error as SMTPError {
            #expect(error == .protocolViolation("the server does not offer STARTTLS, and the configuration requires it"))
        }
    }

    @Test func temporaryAndPermanentRejectionsAreTold() async throws {
        let client = SMTPClient(configuration: SMTPSink.plain)
        do {
            try await client.send(MailMessage(from: Self.from, to: [SMTPSink.uniqueRecipient("tijdelijk")], subject: "x", text: "x"))
            Issue.record("451 was not reported")
        } catch let error as SMTPError {
            #expect(error.isTemporary)
            guard case .temporary(let code, _) = error else { Issue.record("\(error)"); return }
            #expect(code == 451)
        }
        do {
            try await client.send(MailMessage(from: Self.from, to: [SMTPSink.uniqueRecipient("onbekend")], subject: "x", text: "x"))
            Issue.record("550 was not reported")
        } catch let error as SMTPError {
            // A refused recipient is a bounce: the outbox records it as such and never retries.
            guard case .recipientRejected(let code, _) = error else { Issue.record("\(error)"); return }
            #expect(code == 550)
            #expect(!error.isTemporary)
        }
    }

    @Test func oneSessionSendsManyMessagesEvenAfterARejection() async throws {
        let recipients = (0..<5).map { _ in SMTPSink.uniqueRecipient() }
        try await SMTPClient(configuration: SMTPSink.secure).withSession { session in
            for (index, recipient) in recipients.enumerated() {
                if index == 2 {
                    await #expect(throws: SMTPError.self) {
                        try await session.send(MailMessage(from: Self.from, to: [SMTPSink.uniqueRecipient("onbekend")], subject: "x", text: "x"))
                    }
                }
                try await session.send(MailMessage(from: Self.from, to: [recipient], subject: "Bericht \(index)", text: "Nummer \(index)"))
            }
        }
        for recipient in recipients { #expect(try SMTPSink.deliveries(to: recipient.ascii).count == 1) }
    }

    @Test func nothingListensIsAConnectionError() async throws {
        let configuration = SMTPConfiguration(host: "127.0.0.1", port: 1, security: .none)
        do {
            try await SMTPClient(configuration: configuration).send(
                MailMessage(from: Self.from, to: [SMTPSink.uniqueRecipient()], subject: "x", text: "x"))
            Issue.record("no error")
        } catch let error as SMTPError {
            #expect(error.isTemporary)
        }
    }
}
