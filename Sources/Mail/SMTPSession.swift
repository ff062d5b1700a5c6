import Foundation
import NIOCore
import NIOSSL

/// One open SMTP connection, after the greeting, TLS and authentication. Not shared between tasks:
/// the commands of a session run one after another.
public final class SMTPSession {
    struct Reply {
        var code: Int
        var lines: [String]
        var text: String { lines.joined(separator: " ") }
    }

    private var inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private let channel: any Channel
    private let configuration: SMTPConfiguration
    private let tls: NIOSSLContext?
    private var received: [UInt8] = []
    private(set) var capabilities: [String] = []
    /// Whether the connection is encrypted now (implicit TLS or after STARTTLS).
    public private(set) var isEncrypted = false

    init(inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator, outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>,
         channel: any Channel, configuration: SMTPConfiguration, tls: NIOSSLContext?) {
        self.inbound = inbound
        self.outbound = outbound
        self.channel = channel
        self.configuration = configuration
        self.tls = tls
        self.isEncrypted = configuration.security == .tls
    }

    /// Greeting, EHLO, STARTTLS when configured, AUTH when credentials are given.
    func open() async throws {
        try expect(try await reply(), 220)
        try await ehlo()
        if configuration.security == .starttls {
            guard capabilities.contains(where: { $0.uppercased() == "STARTTLS" }) else {
                throw SMTPError.protocolViolation("the server does not offer STARTTLS, and the configuration requires it")
            }
            try expect(try await command("STARTTLS"), 220)
            guard let tls else { throw SMTPError.protocolViolation("no TLS context") }
            let host = SMTPClient.sniName(configuration.host)
            do {
                try await channel.eventLoop.submit { [channel] in
                    try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: tls, serverHostname: host), position: .first)
                }.get()
            } catch {
                throw SMTPError.connection("STARTTLS: \(error)")
            }
            isEncrypted = true
            try await ehlo()
        }
        if let username = configuration.username {
            guard isEncrypted || configuration.isLoopback else {
                throw SMTPError.protocolViolation("refusing to send a password over an unencrypted connection")
            }
            try await authenticate(username: username, password: configuration.password ?? "")
        }
    }

    /// Sends one message: MAIL FROM, RCPT TO for every recipient, DATA.
    public func send(_ message: MailMessage) async throws {
        let data: String
        do {
            data = try message.rendered()
        } catch {
            throw SMTPError.protocolViolation("\(error)")
        }
        try expect(try await command("MAIL FROM:<\(message.from.ascii)>"), 250)
        for recipient in message.to {
            let answer = try await command("RCPT TO:<\(recipient.ascii)>")
            if answer.code != 250 && answer.code != 251 {
                _ = try? await command("RSET")
                if (500..<600).contains(answer.code) { throw SMTPError.recipientRejected(code: answer.code, message: answer.text) }
                try expect(answer, 250)
            }
        }
        try expect(try await command("DATA"), 354)
        // Dot-stuffing: a line that starts with "." gets a second one (RFC 5321 4.5.2).
        var body = data.replacingOccurrences(of: "\r\n.", with: "\r\n..")
        if body.hasPrefix(".") { body = "." + body }
        try await write(body + ".\r\n")
        try expect(try await reply(), 250)
    }

    func quit() async throws {
        _ = try await command("QUIT")
    }

    // MARK: - Protocol

    private func ehlo() async throws {
        let answer = try await command("EHLO \(configuration.helo)")
        try expect(answer, 250)
        capabilities = Array(answer.lines.dropFirst())
    }

    private func authenticate(username: String, password: String) async throws {
        let mechanisms = capabilities.first { $0.uppercased().hasPrefix("AUTH ") || $0.uppercased().hasPrefix("AUTH=") }?
            .dropFirst(5).split(separator: " ").map { $0.uppercased() } ?? []
        if mechanisms.contains("PLAIN") {
            let token = Data(("\u{0}" + username + "\u{0}" + password).utf8).base64EncodedString()
            try expect(try await command("AUTH PLAIN \(token)", redacted: "AUTH PLAIN ***"), 235)
        } else if mechanisms.contains("LOGIN") {
            try expect(try await command("AUTH LOGIN"), 334)
            try expect(try await command(Data(username.utf8).base64EncodedString(), redacted: "***"), 334)
            try expect(try await command(Data(password.utf8).base64EncodedString(), redacted: "***"), 235)
        } else {
            throw SMTPError.protocolViolation("the server offers no AUTH mechanism we speak (PLAIN, LOGIN)")
        }
    }

    private func expect(_ reply: Reply, _ code: Int) throws {
        guard reply.code != code else { return }
        switch reply.code {
        case 400..<500: throw SMTPError.temporary(code: reply.code, message: reply.text)
        case 500..<600: throw SMTPError.permanent(code: reply.code, message: reply.text)
        default: throw SMTPError.protocolViolation("expected \(code), got \(reply.code) \(reply.text)")
        }
    }

    private func command(_ line: String, redacted: String? = nil) async throws -> Reply {
        guard !line.utf8.contains(13) && !line.utf8.contains(10) else {
            throw SMTPError.protocolViolation("a command may not contain a line break: \(redacted ?? line)")
        }
        try await write(line + "\r\n")
        return try await reply()
    }

    private func write(_ text: String) async throws {
        do {
            try await outbound.write(ByteBuffer(string: text))
        } catch {
            throw SMTPError.connection("write failed: \(error)")
        }
    }

    /// The next reply: lines "250-…" continue it, "250 …" (or "250") ends it.
    private func reply() async throws -> Reply {
        var lines: [String] = []
        var code = 0
        while true {
            let line = try await nextLine()
            guard line.count >= 3, let parsed = Int(line.prefix(3)), (200..<600).contains(parsed) else {
                throw SMTPError.protocolViolation("unreadable reply: \(line.prefix(100))")
            }
            code = parsed
            lines.append(String(line.dropFirst(4)))
            if line.count == 3 || line[line.index(line.startIndex, offsetBy: 3)] == " " { break }
            guard lines.count < 1_000 else { throw SMTPError.protocolViolation("reply too long") }
        }
        return Reply(code: code, lines: lines)
    }

    private func nextLine() async throws -> String {
        while true {
            if let end = received.firstIndex(of: 0x0A) {
                var lineBytes = Array(received[..<end])
                received.removeFirst(end + 1)
                if lineBytes.last == 0x0D { lineBytes.removeLast() }
                return String(decoding: lineBytes, as: UTF8.self)
            }
            guard received.count < 64 * 1024 else { throw SMTPError.protocolViolation("reply line too long") }
            let chunk: ByteBuffer?
            do {
                chunk = try await inbound.next()
            } catch {
                throw SMTPError.connection("\(error)")
            }
            guard let chunk else { throw SMTPError.connection("the server closed the connection (or did not answer in time)") }
            received += chunk.readableBytesView
        }
    }
}
