/// A QR Code encoder (ISO/IEC 18004:2015) without dependencies, for showing an authenticator app's
/// `otpauth://totp/...` URI as an SVG drawn on the server.
///
/// What it does: byte mode (the data is taken as raw bytes; text as its UTF-8), versions 1–40, the four
/// error-correction levels, Reed–Solomon over GF(256), format and version information, and the choice
/// among the eight masks by the standard's four penalty rules. The smallest version that fits is used.
///
/// What it does not: numeric, alphanumeric, kanji or ECI modes, mixed segments, structured append,
/// Micro QR, raising the correction level when there is room, or decoding. Byte mode only costs capacity
/// for data that is all digits or upper case; a URI is read by every app in byte mode.
public struct QRCode: Sendable {
    public enum Correction: Sendable { case low, medium, quartile, high }

    /// The data does not fit in a version 40 symbol at the chosen correction level.
    public struct TooLong: Error, Sendable, Equatable {
        public let byteCount: Int
        /// The most bytes a version 40 symbol holds at the chosen level.
        public let maximum: Int
    }

    public let version: Int
    /// Modules per side: 17 + 4 × version.
    public let size: Int
    /// The data mask, 0...7.
    public let mask: Int
    /// Row by row; `true` is dark.
    private let modules: [Bool]

    public init(bytes: [UInt8], correction: Correction = .medium) throws {
        try self.init(bytes: bytes, correction: correction, forcedMask: nil)
    }

    public init(text: String, correction: Correction = .medium) throws {
        try self.init(bytes: Array(text.utf8), correction: correction, forcedMask: nil)
    }

    /// `forcedMask` skips the penalty evaluation; for tests that compare with another encoder.
    init(bytes: [UInt8], correction: Correction, forcedMask: Int?) throws {
        guard let version = Self.smallestVersion(byteCount: bytes.count, correction: correction) else {
            throw TooLong(byteCount: bytes.count, maximum: Self.byteCapacity(version: 40, correction: correction))
        }
        let data = Self.dataCodewords(bytes, version: version, correction: correction)
        let codewords = Self.withErrorCorrection(data, version: version, correction: correction)

        var unmasked = Grid(version: version)
        unmasked.place(codewords)
        let mask = forcedMask ?? Self.bestMask(for: unmasked, correction: correction)
        precondition((0..<8).contains(mask), "a QR mask is 0...7")

        self.version = version
        self.size = unmasked.size
        self.mask = mask
        self.modules = unmasked.masked(mask, correction).dark
    }

    /// Whether the module at column `x`, row `y` is dark; outside the symbol (the quiet zone) it is light.
    public func isDark(x: Int, y: Int) -> Bool {
        guard (0..<size).contains(x), (0..<size).contains(y) else { return false }
        return modules[y * size + x]
    }

    /// A self-contained SVG: the viewBox counts modules, with a light quiet zone of 4 modules around the
    /// symbol and all dark modules in one `<path>`. It scales to any size the page gives it.
    public func svg(label: String) -> String {
        let quiet = 4
        let side = size + 2 * quiet
        var path = ""
        for y in 0..<size {
            var x = 0
            while x < size {
                guard isDark(x: x, y: y) else { x += 1; continue }
                let start = x
                while isDark(x: x, y: y) { x += 1 }
                path += "M\(start + quiet) \(y + quiet)h\(x - start)v1h-\(x - start)z"
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\""
            + " shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"\(esc(label))\">"
            + "<rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/>"
            + "<path fill=\"#000\" d=\"\(path)\"/></svg>"
    }
}

// MARK: - Capacity (ISO/IEC 18004 Tables 1 and 9)

extension QRCode.Correction {
    /// Index into the block tables, which list L, M, Q, H in that order.
    var tableIndex: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .quartile: 2
        case .high: 3
        }
    }

    /// The two bits the format information carries (Table 12): L 01, M 00, Q 11, H 10.
    var formatBits: Int {
        switch self {
        case .low: 0b01
        case .medium: 0b00
        case .quartile: 0b11
        case .high: 0b10
        }
    }
}

extension QRCode {
    /// All codewords (data and error correction) of versions 1...40 (Table 1).
    static let totalCodewords = [
        26, 44, 70, 100, 134, 172, 196, 242, 292, 346, 404, 466, 532, 581, 655, 733, 815, 901, 991, 1085,
        1156, 1258, 1364, 1474, 1588, 1706, 1828, 1921, 2051, 2185, 2323, 2465, 2611, 2761, 2876, 3034, 3196, 3362, 3532, 3706,
    ]

    /// Error-correction codewords in each block, for versions 1...40; rows L, M, Q, H (Table 9).
    static let eccCodewordsPerBlock = [
        [7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
         28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        [10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
         26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
        [13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
         28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        [17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
         30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
    ]

    /// Error-correction blocks, for versions 1...40; rows L, M, Q, H (Table 9). Where the codewords do
    /// not divide evenly, the last blocks hold one data codeword more than the first.
    static let blockCount = [
        [1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8,
         8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
        [1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
         17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
        [1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20,
         23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68],
        [1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
         25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81],
    ]

    static func eccPerBlock(version: Int, correction: Correction) -> Int {
        eccCodewordsPerBlock[correction.tableIndex][version - 1]
    }

    static func blocks(version: Int, correction: Correction) -> Int {
        blockCount[correction.tableIndex][version - 1]
    }

    static func dataCodewordCount(version: Int, correction: Correction) -> Int {
        totalCodewords[version - 1] - blocks(version: version, correction: correction) * eccPerBlock(version: version, correction: correction)
    }

    /// Bits of the character count in byte mode (Table 3).
    static func countBits(version: Int) -> Int { version <= 9 ? 8 : 16 }

    /// The most bytes that fit, after the 4-bit mode indicator and the character count.
    static func byteCapacity(version: Int, correction: Correction) -> Int {
        (dataCodewordCount(version: version, correction: correction) * 8 - 4 - countBits(version: version)) / 8
    }

    static func smallestVersion(byteCount: Int, correction: Correction) -> Int? {
        (1...40).first { byteCount <= byteCapacity(version: $0, correction: correction) }
    }
}

// MARK: - Codewords

extension QRCode {
    /// The data codewords: mode indicator 0100 (byte), the count, the bytes, a terminator of up to four
    /// zero bits, zero bits to the byte boundary, then the pad codewords 0xEC and 0x11 in turn (§7.4).
    static func dataCodewords(_ bytes: [UInt8], version: Int, correction: Correction) -> [UInt8] {
        let capacity = dataCodewordCount(version: version, correction: correction)
        var bits = BitBuffer()
        bits.append(0b0100, count: 4)
        bits.append(bytes.count, count: countBits(version: version))
        for byte in bytes { bits.append(Int(byte), count: 8) }
        bits.append(0, count: min(4, capacity * 8 - bits.count))
        bits.append(0, count: (8 - bits.count % 8) % 8)

        var codewords = bits.bytes
        var pad: UInt8 = 0xEC
        while codewords.count < capacity {
            codewords.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return codewords
    }

    /// Splits the data into blocks, adds each block's Reed–Solomon codewords and interleaves them:
    /// the first codeword of every block, then the second, ..., then the same for the error correction (§7.6).
    static func withErrorCorrection(_ data: [UInt8], version: Int, correction: Correction) -> [UInt8] {
        let blockCount = blocks(version: version, correction: correction)
        let eccLength = eccPerBlock(version: version, correction: correction)
        let shortBlocks = blockCount - data.count % blockCount
        let shortLength = data.count / blockCount
        let divisor = ReedSolomon.generator(degree: eccLength)

        var dataBlocks: [ArraySlice<UInt8>] = []
        var start = 0
        for index in 0..<blockCount {
            let length = shortLength + (index < shortBlocks ? 0 : 1)
            dataBlocks.append(data[start..<start + length])
            start += length
        }
        let eccBlocks = dataBlocks.map { ReedSolomon.remainder(of: $0, dividedBy: divisor) }

        var result: [UInt8] = []
        result.reserveCapacity(totalCodewords[version - 1])
        for column in 0...shortLength {
            for block in dataBlocks where column < block.count {
                result.append(block[block.startIndex + column])
            }
        }
        for column in 0..<eccLength {
            for block in eccBlocks { result.append(block[column]) }
        }
        return result
    }
}

extension QRCode {
    /// Bits appended most significant first.
    struct BitBuffer {
        private(set) var bits: [Bool] = []
        var count: Int { bits.count }

        mutating func append(_ value: Int, count: Int) {
            for shift in stride(from: count - 1, through: 0, by: -1) {
                bits.append((value >> shift) & 1 == 1)
            }
        }

        /// Whole bytes; the caller pads to a byte boundary first.
        var bytes: [UInt8] {
            stride(from: 0, to: bits.count, by: 8).map { start in
                bits[start..<start + 8].reduce(0) { byte, bit in byte << 1 | (bit ? 1 : 0) }
            }
        }
    }

    /// Reed–Solomon error correction over GF(256) with the field polynomial x⁸+x⁴+x³+x²+1 (0x11D).
    /// Polynomials are coefficient arrays, highest degree first.
    enum ReedSolomon {
        static func multiply(_ x: UInt8, _ y: UInt8) -> UInt8 {
            var product = 0
            for shift in stride(from: 7, through: 0, by: -1) {
                product = (product << 1) ^ ((product >> 7) * 0x11D)
                product ^= ((Int(y) >> shift) & 1) * Int(x)
            }
            return UInt8(product)
        }

        /// (x − α⁰)(x − α¹)…(x − α^(degree−1)) with α = 2, without its leading 1.
        static func generator(degree: Int) -> [UInt8] {
            var coefficients = [UInt8](repeating: 0, count: degree)
            coefficients[degree - 1] = 1
            var root: UInt8 = 1
            for _ in 0..<degree {
                for index in 0..<degree {
                    coefficients[index] = multiply(coefficients[index], root)
                    if index + 1 < degree { coefficients[index] ^= coefficients[index + 1] }
                }
                root = multiply(root, 2)
            }
            return coefficients
        }

        /// The remainder of data × x^degree divided by the generator: the error-correction codewords.
        static func remainder(of data: ArraySlice<UInt8>, dividedBy generator: [UInt8]) -> [UInt8] {
            var remainder = [UInt8](repeating: 0, count: generator.count)
            for byte in data {
                let factor = byte ^ remainder.removeFirst()
                remainder.append(0)
                for index in remainder.indices {
                    remainder[index] ^= multiply(generator[index], factor)
                }
            }
            return remainder
        }
    }
}

// MARK: - The matrix

extension QRCode {
    /// The mask whose symbol has the lowest penalty; the lowest number on a tie.
    static func bestMask(for unmasked: Grid, correction: Correction) -> Int {
        let penalties = (0..<8).map { unmasked.masked($0, correction).penalty() }
        return penalties.firstIndex(of: penalties.min()!)!
    }

    /// The modules of one symbol while it is built: function patterns first, then the data, then a mask.
    struct Grid {
        let version: Int
        let size: Int
        private(set) var dark: [Bool]
        /// Finder, separator, timing and alignment patterns, format and version information: never masked.
        private(set) var isFunction: [Bool]

        init(version: Int) {
            self.version = version
            size = 17 + 4 * version
            dark = Array(repeating: false, count: size * size)
            isFunction = Array(repeating: false, count: size * size)
            drawFunctionPatterns()
        }

        subscript(x: Int, y: Int) -> Bool { dark[y * size + x] }

        private mutating func setFunction(_ x: Int, _ y: Int, _ isDark: Bool) {
            dark[y * size + x] = isDark
            isFunction[y * size + x] = true
        }

        // MARK: Function patterns

        private mutating func drawFunctionPatterns() {
            for i in 0..<size {
                setFunction(6, i, i % 2 == 0)
                setFunction(i, 6, i % 2 == 0)
            }
            drawFinder(centerX: 3, centerY: 3)
            drawFinder(centerX: size - 4, centerY: 3)
            drawFinder(centerX: 3, centerY: size - 4)

            let positions = Self.alignmentPositions(version: version)
            let last = positions.count - 1
            for (i, x) in positions.enumerated() {
                for (j, y) in positions.enumerated() {
                    let overlapsFinder = (i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0)
                    if !overlapsFinder { drawAlignment(centerX: x, centerY: y) }
                }
            }
            drawFormatBits(0)  // Reserves the area; the real bits come with the mask.
            drawVersionBits()
        }

        /// The 7×7 finder pattern with its light separator, clipped at the symbol's edge.
        private mutating func drawFinder(centerX: Int, centerY: Int) {
            for dy in -4...4 {
                for dx in -4...4 {
                    let x = centerX + dx, y = centerY + dy
                    guard (0..<size).contains(x), (0..<size).contains(y) else { continue }
                    let ring = max(abs(dx), abs(dy))
                    setFunction(x, y, ring != 2 && ring != 4)
                }
            }
        }

        private mutating func drawAlignment(centerX: Int, centerY: Int) {
            for dy in -2...2 {
                for dx in -2...2 {
                    setFunction(centerX + dx, centerY + dy, max(abs(dx), abs(dy)) != 1)
                }
            }
        }

        /// The row and column coordinates of the alignment pattern centres (Annex E): 6, then evenly spaced
        /// (an even step) back from size − 7. Version 32 is the one exception to the step's formula.
        static func alignmentPositions(version: Int) -> [Int] {
            guard version > 1 else { return [] }
            let count = version / 7 + 2
            let size = 17 + 4 * version
            let step = version == 32 ? 26 : (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2
            return [6] + (0..<count - 1).map { size - 7 - $0 * step }.reversed()
        }

        /// The 15 format bits (§7.9): the correction level and mask, BCH(15,5) with generator 0x537,
        /// XOR 0x5412; one copy around the top-left finder, the other split between the other two.
        /// Also the dark module beside the bottom-left finder.
        mutating func drawFormatBits(_ data: Int) {
            var remainder = data
            for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
            let bits = (data << 10 | remainder) ^ 0x5412
            func bit(_ i: Int) -> Bool { (bits >> i) & 1 == 1 }

            for i in 0...5 { setFunction(8, i, bit(i)) }
            setFunction(8, 7, bit(6))
            setFunction(8, 8, bit(7))
            setFunction(7, 8, bit(8))
            for i in 9..<15 { setFunction(14 - i, 8, bit(i)) }

            for i in 0..<8 { setFunction(size - 1 - i, 8, bit(i)) }
            for i in 8..<15 { setFunction(8, size - 15 + i, bit(i)) }
            setFunction(8, size - 8, true)
        }

        /// The 18 version bits (§7.10), from version 7 on: BCH(18,6) with generator 0x1F25, in two 6×3
        /// blocks beside the top-right and bottom-left finders.
        private mutating func drawVersionBits() {
            guard version >= 7 else { return }
            var remainder = version
            for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
            let bits = version << 12 | remainder
            for i in 0..<18 {
                let isDark = (bits >> i) & 1 == 1
                let across = size - 11 + i % 3, down = i / 3
                setFunction(across, down, isDark)
                setFunction(down, across, isDark)
            }
        }

        // MARK: Data and masks

        /// Places the codewords' bits in two-module columns from the bottom right, going up and down in
        /// turn, skipping function modules and the vertical timing pattern (§7.7.3). Modules left over
        /// (the remainder bits) stay light.
        mutating func place(_ codewords: [UInt8]) {
            var bitIndex = 0
            var right = size - 1
            while right >= 1 {
                if right == 6 { right = 5 }
                let upward = (right + 1) & 2 == 0
                for step in 0..<size {
                    let y = upward ? size - 1 - step : step
                    for x in [right, right - 1] where !isFunction[y * size + x] && bitIndex < codewords.count * 8 {
                        dark[y * size + x] = (codewords[bitIndex / 8] >> (7 - bitIndex % 8)) & 1 == 1
                        bitIndex += 1
                    }
                }
                right -= 2
            }
        }

        /// Whether mask `mask` inverts the module at column x, row y (Table 10).
        static func inverts(_ mask: Int, x: Int, y: Int) -> Bool {
            switch mask {
            case 0: (x + y) % 2 == 0
            case 1: y % 2 == 0
            case 2: x % 3 == 0
            case 3: (x + y) % 3 == 0
            case 4: (x / 3 + y / 2) % 2 == 0
            case 5: x * y % 2 + x * y % 3 == 0
            case 6: (x * y % 2 + x * y % 3) % 2 == 0
            default: ((x + y) % 2 + x * y % 3) % 2 == 0
            }
        }

        /// This grid with `mask` applied to the data modules and the format bits that name it.
        func masked(_ mask: Int, _ correction: QRCode.Correction) -> Grid {
            var result = self
            for y in 0..<size {
                for x in 0..<size where !isFunction[y * size + x] && Self.inverts(mask, x: x, y: y) {
                    result.dark[y * size + x].toggle()
                }
            }
            result.drawFormatBits(correction.formatBits << 3 | mask)
            return result
        }

        // MARK: Penalty (§7.8.3)

        /// The penalty of the finished symbol, format and version information included; the mask with the
        /// lowest wins, the lowest number on a tie.
        func penalty() -> Int {
            var total = 0
            for i in 0..<size {
                let row = (0..<size).map { self[$0, i] }
                let column = (0..<size).map { self[i, $0] }
                total += Self.linePenalty(row) + Self.linePenalty(column)
            }
            return total + sameColourBlocks() * 3 + darkBalancePenalty()
        }

        /// N1 and N3 for one row or column.
        static func linePenalty(_ line: [Bool]) -> Int {
            let runs = runLengths(line)
            let longRuns = runs.filter { $0 >= 5 }.reduce(0) { $0 + 3 + ($1 - 5) }
            return longRuns + finderLikePatterns(runs, quietZone: line.count) * 40
        }

        /// The lengths of the runs of one colour, light first: even indices are light runs, odd ones dark.
        /// A line that starts dark starts with a light run of length 0.
        static func runLengths(_ line: [Bool]) -> [Int] {
            var runs = [0]
            var colour = false
            for module in line {
                if module != colour {
                    runs.append(0)
                    colour = module
                }
                runs[runs.count - 1] += 1
            }
            return runs
        }

        /// N3: dark–light–dark–light–dark runs in the ratio 1:1:3:1:1, with light 4 units wide before or
        /// after (each side that is counts once). The light quiet zone beyond the ends counts as light.
        static func finderLikePatterns(_ runs: [Int], quietZone: Int) -> Int {
            var runs = runs
            runs[0] += quietZone
            if runs.count % 2 == 0 { runs.append(quietZone) } else { runs[runs.count - 1] += quietZone }

            var count = 0
            for first in stride(from: 1, to: runs.count - 5, by: 2) {
                let n = runs[first]
                guard runs[first + 1] == n, runs[first + 2] == 3 * n, runs[first + 3] == n, runs[first + 4] == n else {
                    continue
                }
                let before = runs[first - 1], after = runs[first + 5]
                if before >= 4 * n && after >= n { count += 1 }
                if after >= 4 * n && before >= n { count += 1 }
            }
            return count
        }

        /// N2: 2×2 blocks of one colour (overlapping blocks each count).
        private func sameColourBlocks() -> Int {
            var count = 0
            for y in 0..<size - 1 {
                for x in 0..<size - 1 {
                    let colour = self[x, y]
                    if self[x + 1, y] == colour && self[x, y + 1] == colour && self[x + 1, y + 1] == colour { count += 1 }
                }
            }
            return count
        }

        /// N4: 10 points for each full 5 % that the share of dark modules is away from 50 %.
        private func darkBalancePenalty() -> Int {
            let darkCount = dark.filter { $0 }.count
            let total = size * size
            return abs(darkCount * 20 - total * 10) / total * 10
        }
    }
}
