import Accounts
import Catalogue
import Foundation
import Insight
import Logging
import Mail
import Storage
import Web

/// The weekly white-spot digest to the portal users who asked for it (redacteuren, partner-redacteuren,
/// rijkspartners): new white spots since their previous digest and last week's searches that found
/// nothing (`Web.WhiteSpotDigest` writes it). Nothing new, no mail.
public struct WhiteSpotDigestRun: Sendable {
    let site: SiteServices
    let accounts: any AccountStore
    let subscribers: any WhiteSpotDigestStore
    let mailer: any Mailer
    let from: MailAddress

    /// Sends this week's digests; returns how many went out. A failed message is logged and the rest go on.
    public func send(today: Day, logger: Logger) async throws -> Int {
        var sent = 0
        let readers: Set<Role> = [.editor, .partnerEditor, .nationalPartner]
        for (id, previous) in try await subscribers.subscribers() {
            guard let account = try await accounts.account(id: id), readers.contains(account.role), !account.disabled,
                  let to = try? MailAddress(account.email) else { continue }
            let (message, gaps) = try await WhiteSpotDigest.message(site: site, name: account.name, previous: previous, today: today)
            guard let message else { try await subscribers.recordSent(id, gaps: gaps); continue }
            do {
                try await mailer.send(MailMessage(from: from, fromName: "Weerbaar", to: [to], subject: message.subject, text: message.text))
                try await subscribers.recordSent(id, gaps: gaps)
                sent += 1
            } catch {
                logger.error("Sending a white-spot digest failed", metadata: ["to": "\(account.email)", "error": "\(error)"])
            }
        }
        return sent
    }
}
