import Foundation
import Testing
@testable import Mail

@Suite struct MailAddressTests {
    @Test func ordinaryAddressesAreAccepted() throws {
        let address = try MailAddress("j.jansen+nieuwsbrief@Gemeente.NL")
        #expect(address.ascii == "j.jansen+nieuwsbrief@gemeente.nl")
    }

    @Test func internationalisedDomainsAreSentAsPunycode() throws {
        // RFC 3492 examples and a Dutch-looking one.
        #expect(Punycode.encode("bücher") == "bcher-kva")
        #expect(Punycode.encode("münchen") == "mnchen-3ya")
        #expect(try MailAddress("info@gemeente-één.nl").ascii == "info@xn--gemeente-n-j7aa.nl", "as Python's idna codec spells it")
        #expect(try MailAddress("info@gemeente-één.nl").description == "info@gemeente-één.nl")
    }

    @Test(arguments: [
        "", "geen-apenstaartje", "a@b", "twee@@apen.nl", "spatie @example.nl", "<a@example.nl>", "\"Naam\" <a@example.nl>",
        "a@example.nl\r\nBcc: slachtoffer@example.nl", "a@example.nl\nX: y", "a@-example.nl", "a..b@example.nl",
        "ë@example.nl", "a@exa_mple.nl",
    ])
    func badAddressesAreRefused(text: String) {
        #expect(throws: MailAddress.Invalid.self) { try MailAddress(text) }
    }

    @Test func aTenKilobyteAddressIsRefused() {
        #expect(throws: MailAddress.Invalid.self) { try MailAddress(String(repeating: "a", count: 10_000) + "@example.nl") }
    }
}

@Suite struct MailMessageTests {
    static let from = try! MailAddress("nieuwsbrief@weerbaar.example")
    static let to = try! MailAddress("lezer@example.nl")

    @Test func aPlainMessageHasTheHeadersAndAQuotedPrintableBody() throws {
        let message = MailMessage(from: Self.from, fromName: "WeerbaarNL", to: [Self.to], subject: "Nieuw aanbod",
                                  text: "Beste lezer,\n.\nEen regel met één accent en = teken.", messageID: "abc@weerbaar.example",
                                  date: Date(timeIntervalSince1970: 1_795_000_000))
        let text = try message.rendered()
        #expect(text.contains("\r\nFrom: \"WeerbaarNL\" <nieuwsbrief@weerbaar.example>\r\n"))
        #expect(text.hasPrefix("Date: Wed, 18 Nov 2026 11:06:40 +0000\r\n"))
        #expect(text.contains("\r\nMessage-ID: <abc@weerbaar.example>\r\n"))
        #expect(text.contains("\r\nSubject: Nieuw aanbod\r\n"))
        #expect(text.contains("Content-Transfer-Encoding: quoted-printable"))
        #expect(text.contains("\r\n=2E\r\n"), "a lone dot line is encoded")
        #expect(text.contains("=C3=A9=C3=A9n") && text.contains(" =3D teken."))
        #expect(!text.contains("\n\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "CRLF only")
    }

    @Test func htmlMakesAMultipartAlternative() throws {
        let message = MailMessage(from: Self.from, to: [Self.to], subject: "Editie", text: "Tekst", html: "<p>HTML</p>",
                                  headers: [("List-Unsubscribe", "<https://weerbaar.example/afmelden/x>"),
                                            ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")])
        let text = try message.rendered()
        #expect(text.contains("Content-Type: multipart/alternative; boundary="))
        #expect(text.contains("Content-Type: text/plain; charset=utf-8") && text.contains("Content-Type: text/html; charset=utf-8"))
        #expect(text.contains("\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"))
    }

    @Test func nonASCIISubjectsAndNamesAreEncodedWords() throws {
        let message = MailMessage(from: Self.from, fromName: "Expertise-unit Sociale Stabiliteit – SZW", to: [Self.to],
                                  subject: "Financiële weerbaarheid van gemeenten: één overzicht", text: "x")
        let text = try message.rendered()
        #expect(text.contains("Subject: =?UTF-8?B?"))
        #expect(text.contains("From: =?UTF-8?B?"))
        let encoded = text.components(separatedBy: "Subject: ")[1].components(separatedBy: "\r\nMessage-ID")[0]
        let decoded = encoded.components(separatedBy: "\r\n ").map { word -> String in
            let base64 = word.dropFirst("=?UTF-8?B?".count).dropLast(2)
            return String(decoding: Data(base64Encoded: String(base64))!, as: UTF8.self)
        }.joined()
        #expect(decoded == "Financiële weerbaarheid van gemeenten: één overzicht")
    }

    @Test func noTextCanAddAHeader() throws {
        let injected = MailMessage(from: Self.from, to: [Self.to], subject: "x", text: "x",
                                   headers: [("X-Test", "waarde\r\nBcc: slachtoffer@example.nl")])
        #expect(throws: MailMessage.HeaderInjection.self) { try injected.rendered() }
        // A subject or a sender's name is rendered, not refused: its line breaks become spaces.
        let subject = try MailMessage(from: Self.from, to: [Self.to], subject: "Hallo\r\nBcc: slachtoffer@example.nl", text: "x").rendered()
        #expect(!subject.contains("\r\nBcc:"), "a line break in a subject becomes a space")
        #expect(subject.contains("\r\nSubject: Hallo  Bcc: slachtoffer@example.nl\r\n"))
        let name = try MailMessage(from: Self.from, fromName: "Naam\"\r\nBcc: x@example.nl", to: [Self.to], subject: "x", text: "x").rendered()
        #expect(!name.contains("\r\nBcc:"))
        #expect(name.contains("From: \"Naam\\\"  Bcc: x@example.nl\" <"))
    }
}

@Suite struct SMTPConfigurationTests {
    @Test func urlsAreReadWithSafeDefaults() throws {
        let submission = try SMTPConfiguration(url: "smtp://user%40x:p%40ss@mail.example.nl")
        #expect(submission.port == 587 && submission.security == .starttls)
        #expect(submission.username == "user@x" && submission.password == "p@ss")
        #expect(try SMTPConfiguration(url: "smtps://mail.example.nl").port == 465)
        #expect(try SMTPConfiguration(url: "smtp://127.0.0.1:2525?tls=none").security == .none)
    }

    @Test func plaintextToAnotherHostIsRefused() {
        #expect(throws: SMTPConfiguration.Invalid.self) { try SMTPConfiguration(url: "smtp://mail.example.nl:25?tls=none") }
        #expect(throws: SMTPConfiguration.Invalid.self) { try SMTPConfiguration(url: "http://mail.example.nl") }
        #expect(throws: SMTPConfiguration.Invalid.self) { try SMTPConfiguration(url: "smtp://mail.example.nl?tls=maybe") }
    }

    @Test func anAttachmentIsAMixedPartInBase64Lines() throws {
        var message = MailMessage(from: try MailAddress("agenda@weerbaar.example"), to: [try MailAddress("deelnemer@gemeente.example")],
                                  subject: "Aangemeld", text: "Tot dan.")
        let ics = String(repeating: "BEGIN:VEVENT\r\nSUMMARY:Themadag – één dag\r\nEND:VEVENT\r\n", count: 20)
        message.attachments = [MailMessage.Attachment(filename: "themadag\r\nX-Evil: 1.ics", contentType: "text/calendar; charset=utf-8", data: Data(ics.utf8))]
        let rendered = try message.rendered()
        #expect(rendered.contains("Content-Type: multipart/mixed; boundary=") && rendered.contains("filename=\"themadagX-Evil1.ics\""))
        #expect(!rendered.contains("\r\nX-Evil"), "a file name cannot add a header")
        let lines = rendered.components(separatedBy: "\r\n")
        let start = try #require(lines.firstIndex { $0.hasPrefix("Content-Disposition: attachment") }) + 2
        let body = lines[start...].prefix { !$0.hasPrefix("--") }
        #expect(body.allSatisfy { $0.count <= 76 })
        #expect(Data(base64Encoded: body.joined()).map { String(decoding: $0, as: UTF8.self) } == ics)
        message.attachments[0].contentType = "text/calendar\r\nBcc: x@y"
        #expect(throws: MailMessage.HeaderInjection.self) { try message.rendered() }
    }
}
