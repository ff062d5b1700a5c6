import Testing
@testable import Markup

/// The encoder against matrices made by another encoder (python-qrcode 8.2, byte mode forced,
/// `get_matrix()` with no border), module for module, and its edges: version choice, capacity, SVG.
@Suite struct QRCodeTests {
    /// The symbol as rows of `#` (dark) and `.` (light).
    static func rows(_ code: QRCode) -> [String] {
        (0..<code.size).map { y in String((0..<code.size).map { x in code.isDark(x: x, y: y) ? "#" : "." }) }
    }

    @Test func versionTwoAtHighMatchesTheReference() throws {
        let code = try QRCode(text: "Weerbaar", correction: .high)
        #expect((code.version, code.size, code.mask) == (2, 25, 5))
        #expect(Self.rows(code) == Golden.weerbaarHigh)
    }

    @Test func versionThreeAtQuartileMatchesTheReference() throws {
        let code = try QRCode(text: "https://weerbaar.example/", correction: .quartile)
        #expect((code.version, code.size, code.mask) == (3, 29, 6))
        #expect(Self.rows(code) == Golden.urlQuartile)
    }

    /// Version 8: two blocks of each length, and the version information blocks.
    @Test func anAuthenticatorURIAtMediumMatchesTheReference() throws {
        let uri = "otpauth://totp/Weerbaar:anne.de.vries%40gemeente.demo.example?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
            + "&issuer=Weerbaar&algorithm=SHA1&digits=6&period=30"
        let code = try QRCode(text: uri)
        #expect((code.version, code.size, code.mask) == (8, 49, 4))
        #expect(Self.rows(code) == Golden.otpauthMedium)
    }

    /// python-qrcode scores the masks with the format information left blank and no quiet zone, so it
    /// can prefer another mask than the standard's rules (here 4, where this encoder picks 3); with the
    /// mask forced, the symbols are the same.
    @Test func aForcedMaskGivesTheReferenceSymbol() throws {
        let chosen = try QRCode(text: "Weerbaar", correction: .low)
        #expect((chosen.version, chosen.mask) == (1, 3))
        #expect(Self.rows(chosen) != Golden.weerbaarLowMask4)

        let forced = try QRCode(bytes: Array("Weerbaar".utf8), correction: .low, forcedMask: 4)
        #expect((forced.version, forced.mask) == (1, 4))
        #expect(Self.rows(forced) == Golden.weerbaarLowMask4)
    }

    /// 122 bytes is exactly what version 7 holds at medium; one byte more needs version 8.
    @Test func theSmallestVersionThatFits() throws {
        let uri = "otpauth://totp/Weerbaar:anne%40gemeente.example?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Weerbaar&digits=6&period=30"
        #expect(uri.utf8.count == 122)
        #expect(try QRCode(text: uri, correction: .medium).version == 7)
        #expect(try QRCode(text: uri + "1", correction: .medium).version == 8)
        #expect(try QRCode(text: "", correction: .high).version == 1)
    }

    @Test func tooLongForVersion40Throws() throws {
        #expect(throws: QRCode.TooLong(byteCount: 3000, maximum: 1273)) {
            try QRCode(bytes: Array(repeating: 0x61, count: 3000), correction: .high)
        }
        #expect(throws: QRCode.TooLong(byteCount: 2954, maximum: 2953)) {
            try QRCode(bytes: Array(repeating: 0x61, count: 2954), correction: .low)
        }
        let largest = try QRCode(bytes: Array(repeating: 0x61, count: 1273), correction: .high)
        #expect((largest.version, largest.size) == (40, 177))
    }

    @Test func theSVGEscapesItsLabelAndDrawsEveryDarkModule() throws {
        let code = try QRCode(text: "otpauth://totp/Weerbaar:anne?secret=JBSWY3DPEHPK3PXP", correction: .medium)
        let svg = code.svg(label: #"Scan "mij" & <b>'t</b>"#)
        let side = code.size + 8
        #expect(svg.hasPrefix("<svg "))
        #expect(svg.hasSuffix("</svg>"))
        #expect(svg.contains(#"viewBox="0 0 \#(side) \#(side)""#))
        #expect(svg.contains(#"aria-label="Scan &quot;mij&quot; &amp; &lt;b&gt;&#39;t&lt;/b&gt;""#))
        #expect(svg.contains(#"role="img""#))
        #expect(svg.contains(#"shape-rendering="crispEdges""#))
        #expect(!svg.contains("<b>"))
        #expect(svg.split(separator: "<path", omittingEmptySubsequences: false).count == 2, "one path")

        // Each "M x y h n v1 h-n z" is a run of dark modules in one row, offset by the quiet zone.
        let path = try #require(svg.split(separator: "d=\"").last?.split(separator: "\"").first)
        var drawn = Set<[Int]>()
        for run in path.split(separator: "M") {
            let numbers = run.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            let (x, y, length) = (numbers[0], numbers[1], numbers[2])
            for dx in 0..<length { drawn.insert([x + dx - 4, y - 4]) }
        }
        var dark = Set<[Int]>()
        for y in 0..<code.size {
            for x in 0..<code.size where code.isDark(x: x, y: y) { dark.insert([x, y]) }
        }
        #expect(drawn == dark)
    }

    @Test func outsideTheSymbolIsLight() throws {
        let code = try QRCode(text: "Weerbaar")
        #expect(code.isDark(x: 0, y: 0))
        #expect(!code.isDark(x: -1, y: 0))
        #expect(!code.isDark(x: 0, y: code.size))
    }
}

/// Reference symbols from python-qrcode 8.2 (`QRCode(box_size=1, border=0)`, data as
/// `QRData(bytes, mode=MODE_8BIT_BYTE)`), row by row.
enum Golden {
    /// python-qrcode 8.2, byte mode, ECL H, version 2, mask 5.
    static let weerbaarHigh = [
        "#######.##...#.#..#######",
        "#.....#..#.....#..#.....#",
        "#.###.#.#.#.##.##.#.###.#",
        "#.###.#...##.####.#.###.#",
        "#.###.#.##..##..#.#.###.#",
        "#.....#..#.#....#.#.....#",
        "#######.#.#.#.#.#.#######",
        "........##...####........",
        ".....##..##.#.#.#.#.#.#.#",
        "##..#...#.####..#.##.##..",
        "#..##.##....##....#.#..##",
        "...#.#..##....########.##",
        ".####.#..####.##.####...#",
        "####.#.#.#.###...##......",
        "#.#...###.##.#####..#####",
        "#...##.###.#.##.#...####.",
        "#..#.##.......###########",
        "........#..#....#...#..##",
        "#######..#..#..##.#.##..#",
        "#.....#.#.#.#.###...##..#",
        "#.###.#..#.####.#######..",
        "#.###.#..##.#.#..#.#..#.#",
        "#.###.#..#.####.#.##....#",
        "#.....#...###.##..##.#..#",
        "#######..########.####..#",
    ]

    /// python-qrcode 8.2, byte mode, ECL Q, version 3, mask 6.
    static let urlQuartile = [
        "#######...#.#.#..#.##.#######",
        "#.....#.#.#.###....#..#.....#",
        "#.###.#...###.#....#..#.###.#",
        "#.###.#.##.#..####..#.#.###.#",
        "#.###.#.##...##.#..#..#.###.#",
        "#.....#..####..##...#.#.....#",
        "#######.#.#.#.#.#.#.#.#######",
        "........#..#.....###.........",
        ".#.####.########...#.##.##.#.",
        "#..##...##...#..#.#....#####.",
        "#.#..##....#......#########..",
        "...#......##.##..####..###..#",
        "##.#..#.###..#..#...###....#.",
        "#.##.#..#..###.##.#...#.#.#.#",
        ".#..###...#...###.###..#.#..#",
        "###..#.###...##.#..#..#.###..",
        "#..####...#..##..##.#....#..#",
        "####.#..##....#..#......#.#..",
        "##..###...#.#.#.#.##....###.#",
        "##.###.#.##.##.##.#..###..##.",
        "#####.#...####...#..########.",
        "........#..##..#.####...###..",
        "#######..#.##..##..##.#.#.##.",
        "#.....#.#.##..#.#.###...##...",
        "#.###.#.###....#.#.######..##",
        "#.###.#.##..#.#...#....#.###.",
        "#.###.#.....#..#..#.##.##..##",
        "#.....#.##....#.#....##.###.#",
        "#######.....#.##....#..##....",
    ]

    /// python-qrcode 8.2, byte mode, ECL L, version 1, mask 4.
    static let weerbaarLowMask4 = [
        "#######.#...#.#######",
        "#.....#.##.#..#.....#",
        "#.###.#.#####.#.###.#",
        "#.###.#.#.#.#.#.###.#",
        "#.###.#..####.#.###.#",
        "#.....#.#.#.#.#.....#",
        "#######.#.#.#.#######",
        ".....................",
        "##..###.....#..#.####",
        ".#..#...###.########.",
        "#..#.##.#...#.#.#..#.",
        ".##..#..##.##...#..##",
        "###.###.##.#.##.....#",
        "........#####...###.#",
        "#######..###..#.#..#.",
        "#.....#.#.#..##.#....",
        "#.###.#.###.###..#.#.",
        "#.###.#.....###.#.###",
        "#.###.#...#.##..###..",
        "#.....#.#.###..#.....",
        "#######.#.##..#.....#",
    ]

    /// python-qrcode 8.2, byte mode, ECL M, version 8, mask 4.
    static let otpauthMedium = [
        "#######.#..#..#.#..###....#.###..#..#...#.#######",
        "#.....#..##..######.####...#....#.....###.#.....#",
        "#.###.#..###.##..##..#.###...#.##.##...##.#.###.#",
        "#.###.#.####...####..#...#..#........#.#..#.###.#",
        "#.###.#.#...#..#..#...######.##..#.#......#.###.#",
        "#.....#.#..###.#.###.##...#.##.#..#.#.#...#.....#",
        "#######.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#######",
        "........###.#.##.######...#...#.#..###...........",
        "#...#.####.###.#####..######..#.#.#.#.########..#",
        "..#..#..#..##...#...#..###########.#.###.####..#.",
        "#....###.##.#.#.#.#.##.##.#####..#..#.#.########.",
        ".#.#.#.#.#...#.#.....##.#..#.#..#.#...##...##.##.",
        "#.#.#######.#...##.#######.#.#..#..###....###..##",
        "..###..####..####.#######.#.###.##.#..##.##....#.",
        "##.##.#.###...#####.......#.......#.#..####.#.#..",
        "...##..#.#..####......##...#.##.####.#.##...#.#.#",
        ".##.#.#...######..#...###....##.##.####.###.####.",
        ".##..#.....#.##.###.##.##.#.###.#..#..##.##.##...",
        "###.#.##.#####..####.#..###.#.#.#..#..#########..",
        "###.#..##...###.#..#..###..#.#....#.##..##.##.#..",
        ".##..###.#.#...#.....##.####....##..###.##..###.#",
        "...###.###..#...#..##..##.#.#.####.##.#..##.#..##",
        "#...#####.#..#...###..#####.#.#..#.##.#.#######..",
        "#.###...#.#..#......###...##...##.#####.#...#.##.",
        "###.#.#.##.#.####.#...#.#.##.##.##.###.##.#.#.###",
        "##.##...##...#.####.###...##..#.##.##.###...##.#.",
        ".########.#..#....##.######.#.###...#.#######.##.",
        ".#..#...#.###.##...#......##.#..#####......#..#..",
        "..###.#.....###..##...#....#..#.#...##...###...##",
        "###.#..####.##.#...##.####..####.#..#.##.#..#....",
        "....#####...#.#.#.####.###.......###.#.#...#.#...",
        "..####..#...#.####...#.#..#.....###...##.##..##.#",
        ".######.##.#.#.....#..#...#...#.##.####....##.###",
        ".##.##.##.##.#.#....#..##.##.####..##.#...#.#....",
        "#.##..#....###...#.#..#..#....##.#..#.#..#...##..",
        "#...##.######..#####.#...###.###..#..##...#...###",
        "##.#.###......#...#.##.#.##.....##.##....###..#.#",
        "#......#.....#.####.#...#....#####.#..#####.##..#",
        ".#...##..##..##....##..#.#.####.#....##.#..#.....",
        ".###.......#...###.#.##..###..#.##.###..####..#.#",
        "###...##.#.###.##.##..######.#..#..####.#####.#.#",
        "........######...##.###...#####.##.##.#.#...#.#..",
        "#######.#....##....#..#.#.###.#..#....#.#.#.####.",
        "#.....#......#.###..###...##.##.#.#.#..##...#.#.#",
        "#.###.#.#.#..######..#######..#.##.##..#######..#",
        "#.###.#..#.##...#..###....##.###.#..#.###.#..#.##",
        "#.###.#.......###..#..#..#.##....##..#..##.#.#.##",
        "#.....#...####.#...##..#.#...#..#.#.###....#..##.",
        "#######.###..###.#.#.#.##....#..#.#.#.#######.###",
    ]
}
