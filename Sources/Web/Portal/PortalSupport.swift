import Accounts
import Audit
import Catalogue
import Hummingbird
import Logging

/// What every feature of the portal does the same way: the audit log, cookies, the editor's name.
extension PortalServices {
    /// Appends to the audit log; a failure to write it is logged, not shown to the user.
    func record(_ action: AuditEvent.Action, by account: Account?, subject: String = "", details: String = "", logger: Logger) async {
        let event = AuditEvent(actor: account?.email ?? "anoniem", actorName: account?.name ?? "", action: action, subject: subject, details: details)
        do {
            try await audit.append(event)
        } catch {
            logger.error("Writing the audit log failed", metadata: ["action": "\(action.rawValue)", "error": "\(error)"])
        }
    }

    /// The token of the portal's forms before sign-in (signing in, an invitation, a reset).
    var signedOutForm: SignedOutForm { SignedOutForm(cookieName: Self.formCookie, path: PortalPaths.root(), secure: secureCookies) }

    func sessionCookie(_ token: String) -> Cookie {
        Cookie(name: Self.sessionCookie, value: token, path: "/", secure: secureCookies, httpOnly: true, sameSite: .lax)
    }

    var expiredSessionCookie: Cookie {
        Cookie(name: Self.sessionCookie, value: "", maxAge: 0, path: "/", secure: secureCookies, httpOnly: true, sameSite: .lax)
    }
}

extension Account {
    /// Who made a change, as revisions and the review mail name them.
    var asEditor: Editor { Editor(email: email, name: name) }
}

extension RouteRequest {
    var logger: Logger { context.logger }
}

extension PortalRequest {
    var logger: Logger { base.context.logger }
}
