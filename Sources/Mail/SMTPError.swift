/// What can go wrong when sending, sorted the way a sender must act on it: a temporary failure
/// (4xx, a lost connection, a timeout) is worth retrying later; a permanent one (5xx) is not.
public enum SMTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server answered 4xx.
    case temporary(code: Int, message: String)
    /// The server answered 5xx.
    case permanent(code: Int, message: String)
    /// The server refused a recipient with 5xx at RCPT TO (no such mailbox, …): a bounce, not worth
    /// retrying, and a sign the address is dead.
    case recipientRejected(code: Int, message: String)
    /// The server broke the protocol, or offered no way to do what the configuration demands
    /// (no STARTTLS, no AUTH mechanism we speak).
    case protocolViolation(String)
    /// Connecting, TLS or the connection itself failed, or the server took too long.
    case connection(String)

    public var isTemporary: Bool {
        switch self {
        case .temporary, .connection: true
        case .permanent, .recipientRejected, .protocolViolation: false
        }
    }

    public var description: String {
        switch self {
        case .temporary(let code, let message): "SMTP \(code) (temporary): \(message)"
        case .permanent(let code, let message): "SMTP \(code) (permanent): \(message)"
        case .recipientRejected(let code, let message): "SMTP \(code) (recipient rejected): \(message)"
        case .protocolViolation(let text): "SMTP protocol: \(text)"
        case .connection(let text): "SMTP connection: \(text)"
        }
    }
}
