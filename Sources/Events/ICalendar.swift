import Foundation

/// iCalendar (RFC 5545) for events: one VEVENT per session, in UTC, with escaped text and lines
/// folded at 75 octets, CRLF line ends. The feed of all events and each event's own file use it; so
/// does the confirmation mail's attachment.
public enum ICalendar {
    public struct Entry: Sendable {
        public var uid: String
        public var summary: String
        public var description: String
        public var location: String?
        public var url: String
        public var starts: Date
        public var ends: Date

        public init(uid: String, summary: String, description: String, location: String?, url: String, starts: Date, ends: Date) {
            self.uid = uid
            self.summary = summary
            self.description = description
            self.location = location
            self.url = url
            self.starts = starts
            self.ends = ends
        }
    }

    /// One entry per session of each event; `url` gives an event's public address.
    public static func entries(_ events: [Event], url: (Event) -> String, domain: String) -> [Entry] {
        events.flatMap { event in
            event.sessions.map { session in
                Entry(uid: "\(event.slug)-\(session.id)@\(domain)",
                      summary: event.sessions.count > 1 ? "\(event.title): \(session.title)" : event.title,
                      description: plain(event.description) + "\n\n" + url(event),
                      location: event.online ? "Online" : event.venue, url: url(event), starts: session.starts, ends: session.ends)
            }
        }
    }

    public static func render(_ entries: [Entry], name: String, now: Date = Date()) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Weerbaar//Agenda//NL", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                     "X-WR-CALNAME:" + text(name)]
        for entry in entries {
            lines += ["BEGIN:VEVENT", "UID:" + text(entry.uid), "DTSTAMP:" + stamp(now), "DTSTART:" + stamp(entry.starts), "DTEND:" + stamp(entry.ends),
                      "SUMMARY:" + text(entry.summary), "DESCRIPTION:" + text(entry.description), "URL:" + entry.url]
            if let location = entry.location { lines.append("LOCATION:" + text(location)) }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// 20261130T090000Z
    public static func stamp(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ n: Int32, _ width: Int = 2) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        return pad(parts.tm_year + 1900, 4) + pad(parts.tm_mon + 1) + pad(parts.tm_mday) + "T" + pad(parts.tm_hour) + pad(parts.tm_min) + pad(parts.tm_sec) + "Z"
    }

    /// TEXT escaping: backslash, semicolon, comma, and line breaks as \n.
    static func text(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;").replacingOccurrences(of: ",", with: "\\,")
            .replacingOccurrences(of: "\r\n", with: "\\n").replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\n")
    }

    /// Lines longer than 75 octets continue on lines that start with a space, never inside a character.
    static func fold(_ line: String) -> String {
        var out = "", count = 0
        for character in line {
            let size = String(character).utf8.count
            if count + size > 75 {
                out += "\r\n "
                count = 1
            }
            out.append(character)
            count += size
        }
        return out
    }

    /// Markdown to plain text, roughly: markers dropped, links as "text (url)".
    static func plain(_ markdown: String) -> String {
        var text = markdown.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "## ", with: "")
        while let open = text.range(of: "["), let close = text.range(of: "](", range: open.upperBound..<text.endIndex),
              let end = text.range(of: ")", range: close.upperBound..<text.endIndex) {
            let label = text[open.upperBound..<close.lowerBound], url = text[close.upperBound..<end.lowerBound]
            text.replaceSubrange(open.lowerBound..<end.upperBound, with: "\(label) (\(url))")
        }
        return text
    }
}
