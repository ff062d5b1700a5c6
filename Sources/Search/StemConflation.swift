/// Dutch word families the classic Snowball stemmer leaves apart, brought together after stemming.
/// The stemmer itself stays equal to the Snowball reference (its tests prove that); these rules run
/// on its output, for documents and queries alike, and are general Dutch morphology:
///
/// - plural -s after -ie: "demonstraties" → "demonstratie" (the stemmer removes -s only after a
///   consonant other than j);
/// - the noun in -atie and the verb in -eren share a stem: "polarisatie", "polariseren" and
///   "polariseert" all become "polariser";
/// - the past participle ge-…-eerd of such a verb: "gepolariseerd(e)" → "polariser";
/// - a final z or v that the plural voiced: "gebedshuizen" → "gebedshuis", "brieven" → "brief",
///   as in the singular;
/// - the plural in -ën after a vowel, written with a diaeresis: "moskeeën" (folded "moskeeen") →
///   "moskee", "categorieën" → "categorie";
/// - the plural in -s of a word in -e, beside the one in -n: "gemeentes" meets "gemeenten" and
///   "gemeente" (after t, d, g, k, l, m, n, p, b, f, v or z, so "proces" and "adres" stay);
/// - the family of an -isme word: the person (-ist, -isten) and the adjective (-istisch, -istische)
///   meet the noun: "racistische", "racist" and "racisme" all become "racist".
///
/// Each rule keeps at least four letters before what it changes, so short words are left alone.
enum StemConflation {
    static func apply(_ stem: String) -> String {
        var bytes = Array(stem.utf8)
        guard bytes.count >= 5, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return stem }
        if ends(bytes, "ies") { bytes.removeLast() }
        if bytes.count >= 6 && (ends(bytes, "eeen") || ends(bytes, "ieen")) {
            // moskeeën, categorieën: the stemmer keeps -en after a vowel; the singular ends in -ee or -ie.
            bytes.removeLast(2)
        } else if bytes.count >= 6 && ends(bytes, "es") && "tdgklmnpbfvz".utf8.contains(bytes[bytes.count - 3]) && !isVowel(bytes[bytes.count - 3]) {
            // gemeentes → gemeente → gemeent, as the stemmer treats the singular (a final e goes).
            bytes.removeLast(2)
        }
        if bytes.count >= 9 && ends(bytes, "istisch") {
            bytes.removeLast(4)
        } else if bytes.count >= 6 && ends(bytes, "ism") {
            bytes[bytes.count - 1] = UInt8(ascii: "t")
        }
        if bytes.count >= 8 && ends(bytes, "atie") {
            bytes.removeLast(4)
            bytes += Array("er".utf8)
        } else if bytes.count >= 9 && starts(bytes, "ge") && ends(bytes, "eerd") {
            bytes.removeFirst(2)
            bytes.removeLast(4)
            bytes += Array("er".utf8)
        } else if bytes.count >= 7 && ends(bytes, "eert") {
            // polariseert: the stemmer keeps the -t of the third person.
            bytes.removeLast(4)
            bytes += Array("er".utf8)
        }
        if bytes.count >= 5, let last = bytes.last, last == UInt8(ascii: "z") || last == UInt8(ascii: "v"),
            !isVowel(bytes[bytes.count - 2])
                || (isVowel(bytes[bytes.count - 2]) && bytes.count >= 3 && isVowel(bytes[bytes.count - 3]))
        {
            bytes[bytes.count - 1] = last == UInt8(ascii: "z") ? UInt8(ascii: "s") : UInt8(ascii: "f")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func ends(_ bytes: [UInt8], _ suffix: String) -> Bool {
        let s = Array(suffix.utf8)
        return bytes.count > s.count && Array(bytes.suffix(s.count)) == s
    }

    private static func starts(_ bytes: [UInt8], _ prefix: String) -> Bool {
        let p = Array(prefix.utf8)
        return bytes.count > p.count && Array(bytes.prefix(p.count)) == p
    }

    private static func isVowel(_ byte: UInt8) -> Bool { "aeiouy".utf8.contains(byte) }
}
