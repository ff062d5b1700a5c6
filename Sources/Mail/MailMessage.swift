import Foundation

/// One e-mail: plain text always, HTML optionally (sent as multipart/alternative), and the extra
/// headers a newsletter needs (List-Id, List-Unsubscribe, …). Rendering refuses header values with
/// line breaks, so no text from a user can add a header.
public struct MailMessage: Sendable {
    public var from: MailAddress
    public var fromName: String?
    public var to: [MailAddress]
    public var replyTo: MailAddress?
    public var subject: String
    public var text: String
    public var html: String?
    /// Extra headers in order, e.g. ("List-Unsubscribe", "<https://…>").
    public var headers: [(name: String, value: String)]
    /// Without angle brackets; generated when nil.
    public var messageID: String?
    public var date: Date
    /// Files sent along (an event's .ics); with any, the message is multipart/mixed.
    public var attachments: [Attachment] = []

    public struct Attachment: Sendable, Equatable {
        /// Plain ASCII, as it is put in the header unencoded.
        public var filename: String
        public var contentType: String
        public var data: Data

        public init(filename: String, contentType: String, data: Data) {
            self.filename = filename
            self.contentType = contentType
            self.data = data
        }
    }

    public init(from: MailAddress, fromName: String? = nil, to: [MailAddress], replyTo: MailAddress? = nil, subject: String,
                text: String, html: String? = nil, headers: [(name: String, value: String)] = [], messageID: String? = nil,
                date: Date = Date()) {
        self.from = from
        self.fromName = fromName
        self.to = to
        self.replyTo = replyTo
        self.subject = subject
        self.text = text
        self.html = html
        self.headers = headers
        self.messageID = messageID
        self.date = date
    }

    public struct HeaderInjection: Error, CustomStringConvertible {
        public var header: String
        public var description: String { "header \(header) contains a line break" }
    }

    /// The message as RFC 5322 text with CRLF line ends, ready for SMTP DATA (before dot-stuffing).
    public func rendered() throws(HeaderInjection) -> String {
        var lines: [String] = []
        func header(_ name: String, _ value: String) throws(HeaderInjection) {
            // A folded line ("\r\n " or "\r\n\t") continues the header; any other CR or LF could start a
            // new one. Scalars, not Characters: "\r\n" is one Character, equal to neither "\r" nor "\n".
            let unfolded = value.replacingOccurrences(of: "\r\n ", with: " ").replacingOccurrences(of: "\r\n\t", with: " ")
            guard !unfolded.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }),
                !name.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == ":" })
            else { throw HeaderInjection(header: name) }
            lines.append(name + ": " + value)
        }
        let domain = from.ascii.split(separator: "@").last.map(String.init) ?? "localhost"
        try header("Date", Self.rfc5322Date(date))
        try header("From", Self.mailbox(from, name: fromName))
        try header("To", to.map { $0.ascii }.joined(separator: ", "))
        if let replyTo { try header("Reply-To", replyTo.ascii) }
        try header("Subject", MIMEEncoding.encodedWords(subject))
        try header("Message-ID", "<\(messageID ?? "\(UUID().uuidString.lowercased())@\(domain)")>")
        try header("MIME-Version", "1.0")
        for (name, value) in headers { try header(name, value) }
        if !attachments.isEmpty {
            let boundary = "=_weerbaar_mixed_" + UUID().uuidString.replacingOccurrences(of: "-", with: "")
            try header("Content-Type", "multipart/mixed; boundary=\"\(boundary)\"")
            lines.append("")
            lines.append("--" + boundary)
            lines += Self.part("text/plain; charset=utf-8", text)
            for attachment in attachments {
                let name = attachment.filename.filter { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
                guard !attachment.contentType.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) else {
                    throw HeaderInjection(header: "Content-Type")
                }
                lines.append("--" + boundary)
                lines += ["Content-Type: \(attachment.contentType); name=\"\(name)\"", "Content-Transfer-Encoding: base64",
                          "Content-Disposition: attachment; filename=\"\(name)\"", ""]
                let encoded = attachment.data.base64EncodedString()
                var index = encoded.startIndex
                while index < encoded.endIndex {
                    let end = encoded.index(index, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
                    lines.append(String(encoded[index..<end]))
                    index = end
                }
            }
            lines.append("--" + boundary + "--")
        } else if let html {
            let boundary = "=_weerbaar_" + UUID().uuidString.replacingOccurrences(of: "-", with: "")
            try header("Content-Type", "multipart/alternative; boundary=\"\(boundary)\"")
            lines.append("")
            lines.append("--" + boundary)
            lines += Self.part("text/plain; charset=utf-8", text)
            lines.append("--" + boundary)
            lines += Self.part("text/html; charset=utf-8", html)
            lines.append("--" + boundary + "--")
        } else {
            try header("Content-Type", "text/plain; charset=utf-8")
            try header("Content-Transfer-Encoding", "quoted-printable")
            lines.append("")
            lines.append(MIMEEncoding.quotedPrintable(text))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func part(_ type: String, _ body: String) -> [String] {
        ["Content-Type: " + type, "Content-Transfer-Encoding: quoted-printable", "", MIMEEncoding.quotedPrintable(body)]
    }

    static func mailbox(_ address: MailAddress, name: String?) -> String {
        guard let name, !name.isEmpty else { return address.ascii }
        return MIMEEncoding.displayName(name) + " <" + address.ascii + ">"
    }

    /// "Fri, 27 Nov 2026 09:00:00 +0000", without a DateFormatter (costly to make, and made per message).
    static func rfc5322Date(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) +0000"
    }
}

/// The encodings mail needs for UTF-8 text in ASCII transport.
enum MIMEEncoding {
    /// RFC 2047 encoded words (base64) when the text is not plain printable ASCII; line breaks become spaces.
    static func encodedWords(_ text: String) -> String {
        let flat = Self.singleLine(text)
        if flat.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) && flat.utf8.count <= 900 { return flat }
        // Chunks of whole characters, each word at most 75 characters (45 bytes of UTF-8 → 60 of base64).
        var words: [String] = []
        var chunk = ""
        for character in flat {
            if chunk.utf8.count + String(character).utf8.count > 45 {
                words.append("=?UTF-8?B?" + Data(chunk.utf8).base64EncodedString() + "?=")
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + Data(chunk.utf8).base64EncodedString() + "?=") }
        return words.joined(separator: "\r\n ")
    }

    /// A display name: quoted when plain ASCII, encoded words otherwise.
    static func displayName(_ name: String) -> String {
        let flat = Self.singleLine(name)
        if flat.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            return "\"" + flat.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        return encodedWords(flat)
    }

    /// Every line break (CR, LF, CRLF, and the Unicode ones) as a space.
    static func singleLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.isWhitespace && $0 != " " && $0 != "\t" ? " " : $0 }))
    }

    /// RFC 2045 quoted-printable with CRLF line ends and soft breaks before 76 characters. Works on
    /// bytes in one pass: a newsletter renders one of these per message.
    static func quotedPrintable(_ text: String) -> String {
        let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
        let bytes = Array(text.utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + bytes.count / 6)
        var lineLength = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            // CRLF, CR and LF all end a line.
            if byte == 13 || byte == 10 {
                out.append(13)
                out.append(10)
                lineLength = 0
                index += (byte == 13 && index + 1 < count && bytes[index + 1] == 10) ? 2 : 1
                continue
            }
            let next: UInt8 = index + 1 < count ? bytes[index + 1] : 10
            let isLast = next == 10 || next == 13
            // A leading dot is encoded so no line of the body is ever a lone "." to SMTP.
            let literal = ((byte >= 33 && byte <= 126 && byte != 61) || ((byte == 32 || byte == 9) && !isLast)) && !(lineLength == 0 && byte == 46)
            let width = literal ? 1 : 3
            if lineLength + width > 75 {
                out.append(61)
                out.append(13)
                out.append(10)
                lineLength = 0
            }
            if literal {
                out.append(byte)
            } else {
                out.append(61)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 15)])
            }
            lineLength += width
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
