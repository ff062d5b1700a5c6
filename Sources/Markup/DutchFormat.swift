import Foundation
import Catalogue

/// Dates and numbers the way Dutch readers expect them.
public enum DutchFormat {
    public static let months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                         "oktober", "november", "december"]

    /// "14:32", in the Netherlands' time zone: when a lockout ends.
    public static func time(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .gmt
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }

    /// "27 november 2026 14:32", in the Netherlands' time zone.
    public static func dateTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return "\(parts.day ?? 1) \(months[(parts.month ?? 1) - 1]) \(parts.year ?? 1970) \(time(date))"
    }

    /// "€ 395", "€ 87,50", "€ 1.250": a price as the exchange format writes it ("1250", "87.50").
    public static func euros(_ amount: String) -> String {
        let parts = amount.split(separator: ".", maxSplits: 1)
        let whole = Int(parts.first ?? "") .map(number) ?? String(parts.first ?? "")
        guard parts.count == 2 else { return "€ \(whole)" }
        let cents = parts[1].count == 1 ? parts[1] + "0" : parts[1]
        return cents == "00" ? "€ \(whole)" : "€ \(whole),\(cents)"
    }

    /// "14 maart 2023"
    public static func date(_ day: Day) -> String { "\(day.day) \(months[day.month - 1]) \(day.year)" }

    /// "1 resultaat", "12 resultaten"
    public static func count(_ n: Int, _ singular: String, _ plural: String) -> String {
        "\(number(n)) \(n == 1 ? singular : plural)"
    }

    /// Thousands with a dot: 12.345.
    public static func number(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(".") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }
}
