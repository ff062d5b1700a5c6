import Foundation

/// The stylesheet and script, read once from the bundle and served from memory with a content hash in
/// their URL, so browsers may cache them for a year and still see every change.
struct Assets: Sendable {
    struct Asset: Sendable {
        var body: [UInt8]
        var contentType: String
        var hash: String
    }

    let files: [String: Asset]

    static let shared = Assets()

    private init() {
        var files: [String: Asset] = [:]
        for (name, type) in [("site.css", "text/css; charset=utf-8"), ("enhance.js", "text/javascript; charset=utf-8"),
                                  ("suggest.js", "text/javascript; charset=utf-8"),
                                  ("openapi.json", "application/json; charset=utf-8")] {
            guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Assets"),
                let data = try? Data(contentsOf: url)
            else { continue }
            files[name] = Asset(body: Array(data), contentType: type, hash: Self.fnv1a(data))
        }
        self.files = files
    }

    /// "/static/site.css?v=1a2b3c4d"
    static func path(_ name: String) -> String {
        "/static/\(name)" + (shared.files[name].map { "?v=\($0.hash)" } ?? "")
    }

    private static func fnv1a(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
