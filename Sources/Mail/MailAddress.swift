import Foundation

/// An e-mail address as the mail code accepts it: one mailbox, no display-name tricks, no line
/// breaks, no angle brackets, at most 254 characters. An internationalised domain (IDN) is kept as
/// typed for display and sent in its ASCII (punycode) form, which every SMTP server understands.
public struct MailAddress: Sendable, Hashable, CustomStringConvertible {
    public let local: String
    /// The domain as typed, lower-cased.
    public let domain: String

    public struct Invalid: Error, Equatable, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    public init(_ text: String) throws(Invalid) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.utf8.count <= 254 else { throw Invalid(reason: "langer dan 254 tekens") }
        guard !trimmed.contains(where: { $0.isNewline || $0 == "\r" || $0 == "\n" }),
            !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { throw Invalid(reason: "bevat een regeleinde of stuurteken") }
        guard !trimmed.contains(where: { "<>\"(),;:[]\\ ".contains($0) }) else {
            throw Invalid(reason: "bevat tekens die niet in een e-mailadres horen")
        }
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { throw Invalid(reason: "geen geldig e-mailadres") }
        let local = String(parts[0]), domain = String(parts[1]).lowercased()
        guard local.utf8.count <= 64, local.allSatisfy({ $0.isASCII }) else {
            throw Invalid(reason: "het deel voor de @ is te lang of bevat andere dan ASCII-tekens")
        }
        guard !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else { throw Invalid(reason: "geen geldig e-mailadres") }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && $0.count <= 63 && !$0.hasPrefix("-") && !$0.hasSuffix("-") }),
            labels.allSatisfy({ $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } })
        else { throw Invalid(reason: "het domein na de @ is ongeldig") }
        guard Punycode.domainToASCII(domain) != nil else { throw Invalid(reason: "het domein na de @ is ongeldig") }
        self.local = local
        self.domain = domain
    }

    /// The address as SMTP and headers carry it: the domain in ASCII.
    public var ascii: String { local + "@" + (Punycode.domainToASCII(domain) ?? domain) }

    public var description: String { local + "@" + domain }
}

/// RFC 3492 Punycode, for the labels of an internationalised domain name ("xn--…").
enum Punycode {
    static func domainToASCII(_ domain: String) -> String? {
        var labels: [String] = []
        for label in domain.split(separator: ".", omittingEmptySubsequences: false) {
            if label.allSatisfy(\.isASCII) {
                labels.append(String(label))
            } else {
                guard let encoded = encode(String(label).precomposedStringWithCanonicalMapping.lowercased()) else { return nil }
                labels.append("xn--" + encoded)
            }
        }
        let result = labels.joined(separator: ".")
        return result.utf8.count <= 253 ? result : nil
    }

    static func encode(_ input: String) -> String? {
        let base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700
        let scalars = input.unicodeScalars.map { Int($0.value) }
        var output = scalars.filter { $0 < 0x80 }.map { Character(UnicodeScalar(UInt8($0))) }
        let basicCount = output.count
        var handled = basicCount
        if basicCount > 0 { output.append("-") }
        var n = 0x80, delta = 0, bias = 72

        func adapt(_ delta: Int, _ count: Int, _ first: Bool) -> Int {
            var delta = first ? delta / damp : delta / 2
            delta += delta / count
            var k = 0
            while delta > ((base - tMin) * tMax) / 2 {
                delta /= base - tMin
                k += base
            }
            return k + (base - tMin + 1) * delta / (delta + skew)
        }
        func digit(_ d: Int) -> Character { Character(UnicodeScalar(UInt8(d < 26 ? d + 97 : d + 22))) }

        while handled < scalars.count {
            guard let m = scalars.filter({ $0 >= n }).min() else { return nil }
            let (product, overflow) = (m - n).multipliedReportingOverflow(by: handled + 1)
            guard !overflow else { return nil }
            delta += product
            n = m
            for c in scalars {
                if c < n { delta += 1 }
                if c == n {
                    var q = delta
                    var k = base
                    while true {
                        let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                        if q < t { break }
                        output.append(digit(t + (q - t) % (base - t)))
                        q = (q - t) / (base - t)
                        k += base
                    }
                    output.append(digit(q))
                    bias = adapt(delta, handled + 1, handled == basicCount)
                    delta = 0
                    handled += 1
                }
            }
            delta += 1
            n += 1
        }
        return String(output)
    }
}
