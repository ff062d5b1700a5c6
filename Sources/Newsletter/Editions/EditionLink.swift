import Foundation

/// A link in a sent edition whose clicks are counted, when the platform has click counting on
/// (`NEWSLETTER_CLICK_COUNTING`; off by default). The mail then points at `/nieuwsbrief/klik/{id}`,
/// which adds one and redirects to `url`. The count is per link of an edition and never per reader:
/// the address in the mail is the same for everyone, so a click tells nothing about who clicked.
public struct EditionLink: Sendable, Equatable {
    /// Random and unguessable, so the redirect only leads where an edition links to.
    public var id: String
    public var url: String
    public var clicks: Int

    public init(id: String = EditionLink.newID(), url: String, clicks: Int = 0) {
        self.id = id
        self.url = url
        self.clicks = clicks
    }

    /// 20 characters from a 32-letter alphabet: 100 bits.
    public static func newID() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<20).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] })
    }

    public static func isWellFormed(_ id: String) -> Bool {
        id.count == 20 && id.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }
    }
}
