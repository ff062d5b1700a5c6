import Accounts
import Foundation
import HTTPTypes
import Testing
import TestSupport
import WeerbaarApp
@testable import Web

/// The mail the SMTP sink on loopback received (scripts/test starts it).
enum ReceivedMail {
    /// The sink is running; in CI the mail tests run regardless, and fail without it.
    static var available: Bool { sinkDirectory != nil || TestEnvironment.isCI }

    static var sinkDirectory: URL? {
        ProcessInfo.processInfo.environment["WEERBAAR_TEST_SMTP_DIR"].map { URL(fileURLWithPath: $0) }
    }

    struct NoSink: Error, CustomStringConvertible {
        var description: String { "WEERBAAR_TEST_SMTP_DIR is not set: the SMTP sink that scripts/test starts is not running" }
    }

    /// The decoded text of every message to `recipient`, oldest first.
    static func messages(to recipient: String) throws -> [String] {
        guard let directory = sinkDirectory else { throw NoSink() }
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }.sorted().compactMap { name in
            let envelope = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent(name))) as! [String: Any]
            guard (envelope["rcpt_tos"] as? [String])?.contains(recipient) == true else { return nil }
            let raw = try String(contentsOf: directory.appendingPathComponent(name.replacingOccurrences(of: ".json", with: ".eml")), encoding: .utf8)
            return decodeQuotedPrintable(raw)
        }
    }

    /// The messages to `recipient` once one of them satisfies `until`, polling for mail that a
    /// background task is still delivering; after `timeout` what has arrived so far.
    static func awaitMessages(to recipient: String, timeout: Duration = .seconds(15),
                              until: (String) -> Bool = { _ in true }) async throws -> [String] {
        let deadline = ContinuousClock.now + timeout
        while true {
            let received = try messages(to: recipient)
            if received.contains(where: until) || ContinuousClock.now >= deadline { return received }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    static func decodeQuotedPrintable(_ text: String) -> String {
        let unfolded = text.replacingOccurrences(of: "=\r\n", with: "").replacingOccurrences(of: "=\n", with: "")
        var bytes: [UInt8] = []
        var iterator = Array(unfolded.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "="), let high = iterator.next(), let low = iterator.next(),
               let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The first path on the site that a message links to, e.g. "/beheer/uitnodiging/…".
    static func link(_ message: String, under prefix: String) -> String? {
        guard let range = message.range(of: "https://weerbaar.example" + prefix) else { return nil }
        return String(message[range.lowerBound...].prefix { !$0.isWhitespace }.dropFirst("https://weerbaar.example".count))
    }
}
