import Catalogue

/// Dates and numbers the way Dutch readers expect them.
enum DutchFormat {
    static let months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                         "oktober", "november", "december"]

    /// "14 maart 2023"
    static func date(_ day: Day) -> String { "\(day.day) \(months[day.month - 1]) \(day.year)" }

    /// "1 resultaat", "12 resultaten"
    static func count(_ n: Int, _ singular: String, _ plural: String) -> String {
        "\(number(n)) \(n == 1 ? singular : plural)"
    }

    /// Thousands with a dot: 12.345.
    static func number(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(".") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }
}
