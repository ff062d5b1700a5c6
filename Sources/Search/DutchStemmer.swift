// The Dutch stemmer of the Snowball project (snowballstem.org/algorithms/dutch/stemmer.html), on ASCII
// bytes. Words reach it already case- and diacritic-folded by the analyzer, which is also why the
// algorithm's own accent-removal step is not repeated here. Words with other characters are returned as is.

public enum DutchStemmer {
    public static func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        guard bytes.count > 2, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A || $0 >= 0x30 && $0 <= 0x39 }) else {
            return word
        }
        var stemmer = Run(bytes: bytes)
        stemmer.run()
        bytes = stemmer.bytes
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let a = UInt8(ascii: "a"), e = UInt8(ascii: "e"), i = UInt8(ascii: "i"), o = UInt8(ascii: "o")
    private static let u = UInt8(ascii: "u"), y = UInt8(ascii: "y"), j = UInt8(ascii: "j")
    private static let upperI = UInt8(ascii: "I"), upperY = UInt8(ascii: "Y")

    private struct Run {
        var bytes: [UInt8]
        var p1 = 0
        var p2 = 0
        var eFound = false

        static func isVowel(_ c: UInt8) -> Bool { c == a || c == e || c == i || c == o || c == u || c == y }

        mutating func run() {
            prelude()
            markRegions()
            standardSuffix()
            for k in bytes.indices {
                if bytes[k] == upperI { bytes[k] = i } else if bytes[k] == upperY { bytes[k] = y }
            }
        }

        /// Initial y, and y after a vowel, become consonant Y; i between vowels becomes consonant I.
        mutating func prelude() {
            if bytes.first == y { bytes[0] = upperY }
            var p = 0
            while p + 1 < bytes.count {
                if Self.isVowel(bytes[p]) {
                    if bytes[p + 1] == i, p + 2 < bytes.count, Self.isVowel(bytes[p + 2]) {
                        bytes[p + 1] = upperI
                    } else if bytes[p + 1] == y {
                        bytes[p + 1] = upperY
                    }
                }
                p += 1
            }
        }

        mutating func markRegions() {
            let n = bytes.count
            p1 = n
            p2 = n
            guard let after1 = pastVowelThenConsonant(from: 0) else { return }
            p1 = max(after1, 3)
            p2 = pastVowelThenConsonant(from: after1) ?? n
        }

        func pastVowelThenConsonant(from start: Int) -> Int? {
            var k = start
            while k < bytes.count, !Self.isVowel(bytes[k]) { k += 1 }
            guard k < bytes.count else { return nil }
            while k < bytes.count, Self.isVowel(bytes[k]) { k += 1 }
            guard k < bytes.count else { return nil }
            return k + 1
        }

        func ends(with suffix: String) -> Bool {
            let s = Array(suffix.utf8)
            return bytes.count >= s.count && Array(bytes[(bytes.count - s.count)...]) == s
        }

        /// Whether the text before position `end` ends with `text`.
        func precedes(_ text: String, before end: Int) -> Bool {
            let s = Array(text.utf8)
            return end >= s.count && Array(bytes[(end - s.count)..<end]) == s
        }

        func isNonVowel(at k: Int) -> Bool { k >= 0 && k < bytes.count && !Self.isVowel(bytes[k]) }

        mutating func undouble() {
            if ends(with: "kk") || ends(with: "dd") || ends(with: "tt") { bytes.removeLast() }
        }

        /// Deletes a final e in R1 after a consonant, then undoubles.
        mutating func eEnding() {
            eFound = false
            let start = bytes.count - 1
            guard ends(with: "e"), start >= p1, isNonVowel(at: start - 1) else { return }
            bytes.removeLast()
            eFound = true
            undouble()
        }

        /// Deletes the suffix starting at `start` (en, ene) when in R1, after a consonant and not after "gem".
        @discardableResult
        mutating func enEnding(suffixStart start: Int) -> Bool {
            guard start >= p1, isNonVowel(at: start - 1), !precedes("gem", before: start) else { return false }
            bytes.removeSubrange(start...)
            undouble()
            return true
        }

        mutating func standardSuffix() {
            // Step 1: the longest of heden / ene, en / se, s.
            let n = bytes.count
            if ends(with: "heden") {
                if n - 5 >= p1 { bytes.replaceSubrange((n - 5)..., with: Array("heid".utf8)) }
            } else if ends(with: "ene") {
                enEnding(suffixStart: n - 3)
            } else if ends(with: "en") {
                enEnding(suffixStart: n - 2)
            } else if ends(with: "se") || ends(with: "s") {
                let start = ends(with: "se") ? n - 2 : n - 1
                if start >= p1, isNonVowel(at: start - 1), bytes[start - 1] != j { bytes.removeSubrange(start...) }
            }

            // Step 2: a final e.
            eEnding()

            // Step 3a: heid in R2, not after c; then an "en" before it as in step 1.
            if ends(with: "heid") {
                let start = bytes.count - 4
                if start >= p2, !precedes("c", before: start) {
                    bytes.removeSubrange(start...)
                    if ends(with: "en") { enEnding(suffixStart: bytes.count - 2) }
                }
            }

            // Step 3b: derivational suffixes.
            let m = bytes.count
            if ends(with: "end") || ends(with: "ing") {
                if m - 3 >= p2 {
                    bytes.removeSubrange((m - 3)...)
                    let k = bytes.count
                    if ends(with: "ig"), k - 2 >= p2, !precedes("e", before: k - 2) {
                        bytes.removeSubrange((k - 2)...)
                    } else {
                        undouble()
                    }
                }
            } else if ends(with: "ig") {
                if m - 2 >= p2, !precedes("e", before: m - 2) { bytes.removeSubrange((m - 2)...) }
            } else if ends(with: "lijk") {
                if m - 4 >= p2 {
                    bytes.removeSubrange((m - 4)...)
                    eEnding()
                }
            } else if ends(with: "baar") {
                if m - 4 >= p2 { bytes.removeSubrange((m - 4)...) }
            } else if ends(with: "bar") {
                if m - 3 >= p2, eFound { bytes.removeSubrange((m - 3)...) }
            }

            // Step 4: undouble a vowel in a final consonant-vowel-vowel-consonant (maan → man).
            let k = bytes.count
            if k >= 4, !Self.isVowel(bytes[k - 1]), bytes[k - 1] != upperI,
                bytes[k - 2] == bytes[k - 3], [a, e, o, u].contains(bytes[k - 2]), !Self.isVowel(bytes[k - 4])
            {
                bytes.remove(at: k - 2)
            }
        }
    }
}
