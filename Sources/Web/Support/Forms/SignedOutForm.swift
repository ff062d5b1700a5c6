import Accounts
import Hummingbird

/// The one CSRF mechanism for a form shown to someone without a session (signing in, an invitation,
/// a reset link, the newsletter's forms): a fresh random token in a cookie and in the form's hidden
/// `csrf` field; a post is genuine when the two are equal (double submit).
struct SignedOutForm: Sendable {
    let cookieName: String
    /// The cookie is sent back only below this path.
    let path: String
    /// `Secure` cookies when the site is served over TLS.
    let secure: Bool

    /// The page `render` makes with a fresh token, and the cookie that holds it.
    func respond(status: HTTPResponse.Status = .ok, _ render: (String) -> String) -> Response {
        let token = Tokens.random()
        var response = Responses.personal(render(token), status: status)
        response.setCookie(Cookie(name: cookieName, value: token, path: path, secure: secure, httpOnly: true, sameSite: .lax))
        return response
    }

    func isGenuine(_ request: Request, _ form: QueryString) -> Bool {
        guard let token = form.first("csrf"), !token.isEmpty, let cookie = request.cookies[cookieName]?.value else { return false }
        return Tokens.equal(token, cookie)
    }

    /// Ends the cookie once the form has done its work.
    var expired: Cookie { Cookie(name: cookieName, value: "", maxAge: 0, path: path, secure: secure, httpOnly: true, sameSite: .lax) }
}

/// A message shown once after a redirect: the redirect names it in the query (`?opgeslagen`), the
/// page it lands on says it. Each feature lists its messages, with their Dutch text, in one enum.
protocol Flash: RawRepresentable, CaseIterable, Sendable where RawValue == String {
    var text: String { get }
}

extension Flash {
    /// The message named by the first name in the query (`?opgeslagen`, `?bevestigd&pagina=2`).
    static func read(_ query: QueryString) -> Self? {
        query.pairs.first.flatMap { Self(rawValue: $0.0) }
    }
}
