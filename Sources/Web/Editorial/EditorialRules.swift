import Accounts
import Catalogue
import CatalogueService
import Hummingbird
import Logging
import Mail

/// The checks the route table cannot make, shared by every editorial route: a partner editor touches
/// only their own provider's offer, whatever key a URL or form carries, and publishes only when their
/// provider is trusted. And the notices the editorial steps send.
struct EditorialRules: Sendable {
    let site: SiteServices
    let portal: PortalServices

    /// Redacteuren edit everything; a partner editor only their provider's offer.
    static func mayEdit(_ account: Account, _ provider: String) -> Bool {
        account.role == .editor || (account.role == .partnerEditor && account.provider == provider)
    }

    /// Redacteuren publish everything; a partner editor only when their provider is trusted.
    func mayPublish(_ account: Account, _ provider: String) async throws -> Bool {
        if account.role == .editor { return true }
        guard Self.mayEdit(account, provider) else { return false }
        return try await portal.editorial.trustedProviders().contains(provider)
    }

    /// The offering named by the URL, when this account may edit it; nil answers 403.
    static func ownKey(_ request: PortalRequest<some RequestContext>) throws -> OfferingKey? {
        let key = OfferingKey(provider: try request.parameter("provider"), id: try request.parameter("id"))
        return mayEdit(request.account, key.provider) ? key : nil
    }

    static func othersOffering(_ site: SiteServices) -> Response { forbidden("Dit aanbod is van een andere aanbieder.", site: site) }

    /// The edit page's model for an offering as it is now.
    func editModel(_ managed: ManagedOffering, _ request: PortalRequest<some RequestContext>, message: String? = nil) async throws -> OfferingEditPage.Model {
        OfferingEditPage.Model(form: OfferingForm(record: managed.workingRecord), managed: managed, editToken: managed.editToken,
                               account: request.account, canPublish: try await mayPublish(request.account, managed.key.provider),
                               csrf: request.csrf, message: message)
    }

    /// Tells the redacteuren something waits for review.
    func notifyRedactie(about record: OfferingRecord, count: Int = 1, by account: Account, logger: Logger) async {
        guard let accounts = try? await portal.accounts.allAccounts() else { return }
        for editor in accounts where editor.role == .editor && !editor.disabled {
            guard let address = try? MailAddress(editor.email) else { continue }
            let mail = EditorialMail.toReview(record, count: count, editorName: editor.name, by: account.name, link: site.absolute(EditorialPaths.reviewQueue()))
            await notify(address, mail, logger: logger)
        }
    }

    /// Sends one notice; the change it reports is already saved, so a failure is logged, not shown.
    func notify(_ to: MailAddress, _ mail: (subject: String, text: String), logger: Logger) async {
        do {
            try await portal.mailer.send(MailMessage(from: portal.mailFrom, fromName: "Weerbaar", to: [to], subject: mail.subject, text: mail.text))
        } catch {
            logger.error("Sending a portal notice failed", metadata: ["subject": "\(mail.subject)", "error": "\(error)"])
        }
    }
}
