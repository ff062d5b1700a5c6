import Accounts
import Foundation

/// What the portal (`/beheer`) needs, passed in once at composition.
public struct PortalContext: Sendable {
    public var accounts: any AccountStore
    public var signIn: SignInService
    /// Cookies get `Secure` when the site is served over TLS (BASE_URL starts with https).
    public var secureCookies: Bool

    public init(accounts: any AccountStore, signIn: SignInService, secureCookies: Bool) {
        self.accounts = accounts
        self.signIn = signIn
        self.secureCookies = secureCookies
    }

    static let sessionCookie = "weerbaar_sessie"
    /// The sign-in form's CSRF token before there is a session (double-submit cookie).
    static let formCookie = "weerbaar_formulier"
}
