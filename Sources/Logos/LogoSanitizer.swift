import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A provider's logo as the site may serve it. Uploaded files are never served as they came: an SVG
/// is parsed and written anew from an allowlist of drawing elements and attributes (no script, no
/// event handler, no external reference, no style sheet), and a PNG keeps only the chunks that draw
/// the image (no text, no metadata). Both are size-limited.
public struct Logo: Sendable, Equatable {
    public enum Format: String, Sendable {
        case png, svg

        public var contentType: String {
            switch self {
            case .png: "image/png"
            case .svg: "image/svg+xml"
            }
        }
    }

    public var format: Format
    public var data: Data

    public init(format: Format, data: Data) {
        self.format = format
        self.data = data
    }
}

public enum LogoProblem: Error, Sendable, Equatable {
    case tooLarge
    case notAnImage
    case dimensions

    /// In Dutch, for the beheerder.
    public var message: String {
        switch self {
        case .tooLarge: "Het logo is te groot: hoogstens \(LogoSanitizer.maxBytes / 1024) kB."
        case .notAnImage: "Dit is geen PNG- of SVG-afbeelding. Kies een logo als .png of .svg."
        case .dimensions: "Het logo is te groot: hoogstens \(LogoSanitizer.maxPixels) bij \(LogoSanitizer.maxPixels) beeldpunten."
        }
    }
}

public enum LogoSanitizer {
    public static let maxBytes = 200 * 1024
    public static let maxPixels = 2_000

    public static func sanitize(_ data: Data) throws(LogoProblem) -> Logo {
        guard data.count <= maxBytes else { throw .tooLarge }
        if data.starts(with: PNG.signature) { return Logo(format: .png, data: try PNG.clean(data)) }
        return Logo(format: .svg, data: try SVG.clean(data))
    }
}

// MARK: - PNG

enum PNG {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    /// The chunks that draw the image; text, time, profiles and private chunks are dropped.
    static let kept: Set<String> = ["IHDR", "PLTE", "tRNS", "IDAT", "IEND", "gAMA", "sRGB", "cHRM", "pHYs"]

    static func clean(_ data: Data) throws(LogoProblem) -> Data {
        let bytes = [UInt8](data)
        var out = signature
        var offset = signature.count
        var sawHeader = false, sawEnd = false
        while offset + 12 <= bytes.count {
            let length = Int(bytes[offset..<offset + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
            guard length <= bytes.count - offset - 12 else { throw .notAnImage }
            let type = String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self)
            let chunkEnd = offset + 12 + length
            let crcStored = bytes[chunkEnd - 4..<chunkEnd].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            guard crc32(bytes[offset + 4..<chunkEnd - 4]) == crcStored else { throw .notAnImage }
            if type == "IHDR" {
                guard length == 13, !sawHeader else { throw .notAnImage }
                let width = bytes[offset + 8..<offset + 12].reduce(0) { $0 << 8 | Int($1) }
                let height = bytes[offset + 12..<offset + 16].reduce(0) { $0 << 8 | Int($1) }
                guard width > 0, height > 0 else { throw .notAnImage }
                guard width <= LogoSanitizer.maxPixels, height <= LogoSanitizer.maxPixels else { throw .dimensions }
                sawHeader = true
            } else if !sawHeader {
                throw .notAnImage
            }
            if kept.contains(type) { out += bytes[offset..<chunkEnd] }
            offset = chunkEnd
            if type == "IEND" {
                sawEnd = true
                break
            }
        }
        guard sawHeader, sawEnd else { throw .notAnImage }
        return Data(out)
    }

    static func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}

// MARK: - SVG

enum SVG {
    static let elements: Set<String> = [
        "svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "title", "desc",
        "defs", "linearGradient", "radialGradient", "stop", "clipPath", "mask",
    ]
    static let attributes: Set<String> = [
        "viewBox", "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "d", "points",
        "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap", "stroke-linejoin",
        "stroke-miterlimit", "stroke-dasharray", "opacity", "transform", "id", "offset", "stop-color", "stop-opacity",
        "gradientUnits", "gradientTransform", "clip-path", "clip-rule", "mask", "font-family", "font-size", "font-weight",
        "text-anchor", "preserveAspectRatio", "xmlns", "role", "aria-label", "fx", "fy", "spreadMethod", "clipPathUnits", "maskUnits",
    ]
    /// Attributes whose value may reference something: only a fragment in this document, `url(#id)`.
    static let references: Set<String> = ["fill", "stroke", "clip-path", "mask"]

    static func clean(_ data: Data) throws(LogoProblem) -> Data {
        // No DTD: entities (billion laughs) and external references are not read.
        if let text = String(data: data.prefix(2048), encoding: .utf8), text.range(of: "<!DOCTYPE", options: .caseInsensitive) != nil
            || text.range(of: "<!ENTITY", options: .caseInsensitive) != nil {
            throw .notAnImage
        }
        let writer = Writer()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = writer
        guard parser.parse(), writer.sawRoot, writer.depthSkipped == 0 else { throw .notAnImage }
        return Data(writer.output.utf8)
    }

    static func safeValue(_ name: String, _ value: String) -> Bool {
        let lowered = value.lowercased().filter { !$0.isWhitespace }
        if lowered.contains("javascript:") || lowered.contains("data:") || lowered.contains("expression(") { return false }
        if lowered.contains("url(") { return references.contains(name) && lowered.hasPrefix("url(#") && lowered.hasSuffix(")") }
        return true
    }

    final class Writer: NSObject, XMLParserDelegate {
        var output = ""
        var sawRoot = false
        /// Inside a dropped element everything is dropped, however deep.
        var depthSkipped = 0
        var depth = 0

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            depth += 1
            if depth == 1 {
                guard name == "svg" else { parser.abortParsing(); return }
                sawRoot = true
            }
            guard depthSkipped == 0, SVG.elements.contains(name) else {
                depthSkipped += 1
                return
            }
            output += "<" + name
            if depth == 1 { output += " xmlns=\"http://www.w3.org/2000/svg\"" }
            for key in attributes.keys.sorted() where key != "xmlns" && SVG.attributes.contains(key) {
                let value = attributes[key]!
                guard SVG.safeValue(key, value) else { continue }
                output += " \(key)=\"\(escape(value))\""
            }
            output += ">"
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            defer { depth -= 1 }
            if depthSkipped > 0 {
                depthSkipped -= 1
                return
            }
            output += "</\(name)>"
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if depthSkipped == 0 && depth > 0 { output += escape(string) }
        }

        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
    }
}
