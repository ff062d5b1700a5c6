import Foundation
import MultipartKit
import NIOCore

/// A `multipart/form-data` body (a form with a file input): its text fields and its files.
struct MultipartForm {
    struct File {
        var fileName: String
        var data: Data
    }

    var fields: [(String, String)] = []
    var files: [String: File] = [:]

    /// Nil when the content type is not multipart or the body is malformed.
    init?(contentType: String?, body: ByteBuffer) {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data"),
              let boundary = Self.parameter("boundary", in: contentType), !boundary.isEmpty, boundary.count <= 70
        else { return nil }
        let parser = MultipartParser(boundary: boundary)
        var headers: [String: String] = [:]
        var bytes: [UInt8] = []
        var fields: [(String, String)] = []
        var files: [String: File] = [:]
        parser.onHeader = { name, value in headers[name.lowercased()] = value }
        parser.onBody = { buffer in bytes += buffer.readBytes(length: buffer.readableBytes) ?? [] }
        parser.onPartComplete = {
            let disposition = headers["content-disposition"] ?? ""
            if let name = Self.parameter("name", in: disposition) {
                if let fileName = Self.parameter("filename", in: disposition) {
                    files[name] = File(fileName: fileName, data: Data(bytes))
                } else {
                    fields.append((name, String(decoding: bytes, as: UTF8.self)))
                }
            }
            headers = [:]
            bytes = []
        }
        do {
            try parser.execute(body)
        } catch {
            return nil
        }
        self.fields = fields
        self.files = files
    }

    /// `name="value"` or `name=value` from a header value such as Content-Disposition.
    static func parameter(_ name: String, in header: String) -> String? {
        for part in header.split(separator: ";").dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == name else { continue }
            var value = pair[1]
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }
}
