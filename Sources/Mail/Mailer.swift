/// Something that delivers mail. The server uses `SMTPClient`; without `SMTP_URL` in development the
/// composition root uses one that writes the message to the log instead.
public protocol Mailer: Sendable {
    func send(_ message: MailMessage) async throws
}

extension SMTPClient: Mailer {}
