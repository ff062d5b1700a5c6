/// Whether an offering is still known to be current: every offering has a "herzien vóór" date — set
/// by the provider, or twelve months after it was last checked — and is due in the 30 days before it.
public enum Freshness: String, Sendable, Comparable {
    case overdue = "verlopen"
    case dueSoon = "binnenkort"
    case current = "actueel"

    public static let reviewAfterMonths = 12
    public static let dueWithinDays = 30

    /// The date by which the offering should be checked again.
    public static func reviewBy(_ offering: Offering) -> Day {
        offering.reviewBy ?? offering.lastChecked.adding(months: reviewAfterMonths)
    }

    public static func of(_ offering: Offering, today: Day) -> Freshness {
        let due = reviewBy(offering)
        if due < today { return .overdue }
        if due.ordinal - today.ordinal <= dueWithinDays { return .dueSoon }
        return .current
    }

    public var label: String {
        switch self {
        case .overdue: "Verlopen"
        case .dueSoon: "Binnenkort herzien"
        case .current: "Actueel"
        }
    }

    public static func < (a: Freshness, b: Freshness) -> Bool {
        let order: [Freshness] = [.overdue, .dueSoon, .current]
        return order.firstIndex(of: a)! < order.firstIndex(of: b)!
    }
}
