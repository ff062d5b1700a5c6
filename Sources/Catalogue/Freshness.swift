/// Whether an offering is still known to be current: every offering has a "herzien vóór" date — set
/// by the provider, or twelve months after it was last checked (or came in, if nobody has checked it yet) — and is due in the 30 days before it.
public enum Freshness: String, Sendable, Comparable {
    case overdue = "verlopen"
    case dueSoon = "binnenkort"
    case current = "actueel"

    public static let reviewAfterMonths = 12
    public static let dueWithinDays = 30
    /// How long an offering may be overdue before search ranks it lower.
    public static let graceDays = 90
    /// What its relevance is multiplied by after that: it still appears, below current offers that fit as well.
    public static let staleRankFactor: Float = 0.6

    /// Overdue for longer than the grace period.
    public static func isStale(_ offering: Offering, today: Day) -> Bool {
        today.ordinal - reviewBy(offering).ordinal > graceDays
    }

    /// The date by which the offering should be checked again.
    public static func reviewBy(_ offering: Offering) -> Day {
        offering.reviewBy ?? (offering.lastChecked ?? Day(offering.created)).adding(months: reviewAfterMonths)
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
