import ArgumentParser
import Catalogue
import Foundation
import Mail
import WeerbaarApp

/// `weerbaar send-digest`: the weekly freshness e-mail to partner editors, now (serve sends it by
/// itself on Mondays). With --dry-run it only shows who would get what.
struct SendDigest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send-digest",
        abstract: "Send the freshness digest to partner editors now (serve does so every Monday).")

    @Flag(name: .long, help: "Show the messages instead of sending them.")
    var dryRun = false

    func run() async throws {
        try await Startup.withPlatform { platform, _ in
            let today = Day(Date())
            if dryRun {
                for message in try await platform.freshnessDigest.messages(today: today) {
                    print("To: \(message.to.map(\.description).joined(separator: ", "))\nSubject: \(message.subject)\n\n\(message.text)\n")
                }
            } else {
                let sent = try await platform.freshnessDigest.send(today: today, logger: platform.logger)
                print("Digest sent to \(sent) partner editor(s).")
            }
        }
    }
}
