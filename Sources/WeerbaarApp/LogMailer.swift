import Logging
import Mail

/// Development without SMTP_URL: mail is written to the log (links included) instead of sent, with a
/// warning, so invitations and resets can be followed on a laptop. Production sets SMTP_URL.
struct LogMailer: Mailer {
    let logger: Logger

    func send(_ message: MailMessage) async throws {
        logger.warning("SMTP_URL is not set; this e-mail is logged, not sent",
                       metadata: ["to": "\(message.to.map(\.description).joined(separator: ", "))", "subject": "\(message.subject)"])
        logger.notice("\n\(message.text)")
    }
}
