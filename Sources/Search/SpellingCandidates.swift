/// The index vocabulary arranged for typo lookup: terms bucketed by length, each with a 64-bit
/// signature of the letters it contains. An edit changes at most two bits of the signature, so a
/// term within distance d of a query differs in at most 2d bits; that one popcount rejects nearly
/// every term before the edit distance is computed. A scan of 100,000 terms stays well under a
/// millisecond, and the structure costs 16 bytes per term beyond the term itself.
struct SpellingCandidates: Sendable {
    struct Entry: Sendable {
        var signature: UInt64
        var term: String
        var bytes: [UInt8]
    }

    private var byLength: [[Entry]] = []
    static let maximumLength = 40

    mutating func insert(_ term: String) {
        let bytes = Array(term.utf8)
        guard bytes.count <= Self.maximumLength else { return }
        while byLength.count <= bytes.count { byLength.append([]) }
        byLength[bytes.count].append(Entry(signature: Self.signature(bytes), term: term, bytes: bytes))
    }

    /// Terms within `maxDistance` (Damerau–Levenshtein, adjacent transpositions) of `term`, nearest first.
    func near(_ term: String, maxDistance: Int) -> [(term: String, distance: Int)] {
        let query = Array(term.utf8)
        // Nothing in the vocabulary is that long; a pasted 500-letter "word" must not cost a scan.
        guard query.count <= Self.maximumLength else { return [] }
        let signature = Self.signature(query)
        var found: [(term: String, distance: Int)] = []
        let lengths = max(0, query.count - maxDistance)...min(Self.maximumLength, query.count + maxDistance)
        for length in lengths where length < byLength.count {
            for entry in byLength[length] where (entry.signature ^ signature).nonzeroBitCount <= 2 * maxDistance {
                let distance = Self.distance(query, entry.bytes, limit: maxDistance)
                if distance <= maxDistance && distance > 0 { found.append((entry.term, distance)) }
            }
        }
        return found.sorted { ($0.distance, $0.term) < ($1.distance, $1.term) }
    }

    static func signature(_ bytes: [UInt8]) -> UInt64 {
        var signature: UInt64 = 0
        for byte in bytes {
            switch byte {
            case 0x61...0x7A: signature |= 1 << UInt64(byte - 0x61)
            case 0x30...0x39: signature |= 1 << UInt64(26 + byte - 0x30)
            default: signature |= 1 << UInt64(36 + byte % 28)
            }
        }
        return signature
    }

    /// Optimal string alignment distance, abandoned as soon as a whole row exceeds `limit`.
    static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        let n = a.count, m = b.count
        if abs(n - m) > limit { return limit + 1 }
        var previous2 = [Int](repeating: 0, count: m + 1)
        var previous = Array(0...m)
        var current = [Int](repeating: 0, count: m + 1)
        for i in 1...max(n, 1) where n > 0 {
            current[0] = i
            var rowMinimum = i
            for j in 1...max(m, 1) where m > 0 {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, previous2[j - 2] + 1) }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return n == 0 ? m : (m == 0 ? n : previous[m])
    }
}
