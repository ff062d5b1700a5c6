import Accounts
import Catalogue
import Hummingbird

/// `/beheer`: the dashboard every signed-in visitor lands on, with the links their role may follow.
struct PortalRoutes<Context: RequestContext> {
    let site: SiteServices
    let portal: PortalServices

    var routes: [Route<Context>] {
        [
            Route(.get, PortalPaths.dashboard, .signedIn(.everyone)) { request in
                let message = request.request.uri.query == "tweede-stap"
                    ? "De tweede stap staat aan. Voortaan vraagt het inloggen ook om de code uit uw app." : nil
                let waiting = request.account.role == .editor ? try await portal.editorial.submittedDrafts().count : nil
                return Responses.personal(DashboardPage.render(.init(account: request.account, csrfToken: request.csrf, message: message,
                                                                     awaitingReview: waiting), site: site))
            },
        ]
    }
}
