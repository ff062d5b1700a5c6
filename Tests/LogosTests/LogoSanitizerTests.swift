import Foundation
import Testing
@testable import Logos

@Suite struct LogoSanitizerTests {
    /// A 1×1 PNG with a tEXt chunk (metadata that must go) between IHDR and IDAT.
    static func png(width: UInt32 = 1, height: UInt32 = 1, extraText: Bool = true) -> Data {
        func chunk(_ type: String, _ body: [UInt8]) -> [UInt8] {
            let typed = Array(type.utf8) + body
            let crc = PNG.crc32(typed[...])
            return withUnsafeBytes(of: UInt32(body.count).bigEndian, Array.init) + typed + withUnsafeBytes(of: crc.bigEndian, Array.init)
        }
        let header = withUnsafeBytes(of: width.bigEndian, Array.init) + withUnsafeBytes(of: height.bigEndian, Array.init) + [8, 6, 0, 0, 0]
        // zlib stream of one filtered RGBA pixel.
        let idat: [UInt8] = [0x78, 0x9C, 0x63, 0x60, 0x00, 0x02, 0x00, 0x00, 0x05, 0x00, 0x01]
        var bytes = PNG.signature + chunk("IHDR", header)
        if extraText { bytes += chunk("tEXt", Array("Comment\0<script>alert(1)</script>".utf8)) }
        bytes += chunk("IDAT", idat) + chunk("IEND", [])
        return Data(bytes)
    }

    @Test func aPNGKeepsOnlyTheChunksThatDrawIt() throws {
        let logo = try LogoSanitizer.sanitize(Self.png())
        #expect(logo.format == .png)
        #expect(logo.data == Self.png(extraText: false), "the text chunk is gone, the rest is byte for byte")
        #expect(String(decoding: logo.data, as: UTF8.self).contains("script") == false)
    }

    @Test func aBrokenOrHugePNGIsRefused() {
        var corrupt = [UInt8](Self.png())
        corrupt[corrupt.count - 20] ^= 0xFF
        #expect(throws: LogoProblem.notAnImage) { try LogoSanitizer.sanitize(Data(corrupt)) }
        #expect(throws: LogoProblem.dimensions) { try LogoSanitizer.sanitize(Self.png(width: 5_000)) }
        #expect(throws: LogoProblem.notAnImage) { try LogoSanitizer.sanitize(Data(PNG.signature)) }
        #expect(throws: LogoProblem.tooLarge) { try LogoSanitizer.sanitize(Data(count: LogoSanitizer.maxBytes + 1)) }
    }

    @Test func anSVGIsRewrittenFromAnAllowlist() throws {
        let hostile = """
        <?xml version="1.0"?>
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" onload="alert(1)">
          <script>alert(2)</script>
          <foreignObject><iframe src="https://evil.example"></iframe></foreignObject>
          <a xlink:href="javascript:alert(3)"><rect width="10" height="10"/></a>
          <rect width="5" height="5" fill="url(https://evil.example/x)" stroke="url(#ok)" style="background:url(javascript:alert(4))"/>
          <image href="https://evil.example/track.png"/>
          <circle cx="5" cy="5" r="2" fill="#123456"><title>Logo &amp; merk</title></circle>
          <use href="#x"/>
        </svg>
        """
        let logo = try LogoSanitizer.sanitize(Data(hostile.utf8))
        let text = String(decoding: logo.data, as: UTF8.self)
        #expect(logo.format == .svg)
        for forbidden in ["script", "onload", "alert", "foreignObject", "iframe", "javascript", "evil", "style", "image", "use", "<a"] {
            #expect(!text.contains(forbidden), "\(forbidden) must be gone: \(text)")
        }
        #expect(text.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">"))
        #expect(text.contains("<circle cx=\"5\" cy=\"5\" fill=\"#123456\" r=\"2\"><title>Logo &amp; merk</title></circle>"))
        #expect(text.contains("stroke=\"url(#ok)\""))
    }

    @Test func notAnImageIsRefused() {
        for data in ["<html><script>alert(1)</script></html>", "gewoon tekst", "<!DOCTYPE svg [<!ENTITY a \"aaaa\">]><svg>&a;</svg>", ""] {
            #expect(throws: LogoProblem.notAnImage) { try LogoSanitizer.sanitize(Data(data.utf8)) }
        }
    }
}
