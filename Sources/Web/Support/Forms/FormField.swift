import Foundation

/// The kinds of field the site's forms have, each with its limit declared once. A form reads a field
/// through its kind: the value is trimmed where the kind says so and cut one character past the
/// limit, so that validation can still say "too long" without ever holding more than that.
struct FormField: Sendable {
    /// The most characters a valid value has.
    let limit: Int
    /// Leading and trailing white space is not part of the value.
    let trims: Bool

    /// An e-mail address (RFC 5321 allows 254 characters in a path).
    static let emailAddress = FormField(limit: 254, trims: true)
    /// A person's or an organisation's name.
    static let name = FormField(limit: 200, trims: true)
    /// A title, a subject, a label.
    static let title = FormField(limit: 200, trims: true)
    /// A password as typed, spaces and all (the policy allows 72 bytes; bcrypt reads no more).
    static let password = FormField(limit: 200, trims: false)
    /// A one-time code, a version number, a choice from a list.
    static let token = FormField(limit: 64, trims: true)
    /// A kebab-case key such as an offering's or a provider's.
    static let key = FormField(limit: 100, trims: true)
    /// Free text of at most `limit` characters (a description, a comment).
    static func freeText(_ limit: Int) -> FormField { FormField(limit: limit, trims: true) }
}

extension QueryString {
    /// The first value of the field, read as its kind says; "" when absent.
    func text(_ name: String, _ field: FormField) -> String {
        let raw = first(name) ?? ""
        let value = field.trims ? raw.trimmingCharacters(in: .whitespacesAndNewlines) : raw
        return String(value.prefix(field.limit + 1))
    }

    /// The value is over its kind's limit (read with `text`, it kept one character too many).
    static func isTooLong(_ value: String, _ field: FormField) -> Bool { value.count > field.limit }

    /// A checkbox or radio button that posts "ja".
    func isChecked(_ name: String) -> Bool { first(name) == "ja" }
}
