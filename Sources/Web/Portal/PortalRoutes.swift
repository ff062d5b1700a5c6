import Accounts
import Catalogue
import Foundation
import Knowledge
import Hummingbird

/// `/beheer`: the dashboard every signed-in visitor lands on, with the links their role may follow.
struct PortalRoutes<Context: RequestContext> {
    let site: SiteServices
    let portal: PortalServices

    var routes: [Route<Context>] {
        [
            Route(.get, PortalPaths.dashboard, .signedIn(.everyone)) { request in
                let message = DashboardFlash.message(request.query)
                let waiting = request.account.role == .editor ? try await portal.editorial.submittedDrafts().count : nil
                var tips: DashboardPage.Tips? = nil
                if request.account.role == .editor, let store = site.tips?.store {
                    let times = try await store.decisionTimes(since: Date().addingTimeInterval(-TipQueueFilter.decisionWindow))
                    tips = .init(open: try await store.tips(TipFilter(states: TipQueueFilter.open)).count, median: times.median)
                }
                return Responses.personal(DashboardPage.render(.init(account: request.account, csrfToken: request.csrf, message: message,
                                                                     awaitingReview: waiting, tips: tips), site: site))
            },
        ]
    }
}

/// Messages on the dashboard after a redirect: `?tweede-stap` after setting it up, `?herstelcode=3`
/// after signing in with a recovery code (3 left).
enum DashboardFlash {
    static let secondFactorOn = "tweede-stap"

    static func recoveryCode(remaining: Int) -> String { "herstelcode=\(remaining)" }

    static func message(_ query: QueryString) -> String? {
        guard let (name, value) = query.pairs.first else { return nil }
        switch name {
        case secondFactorOn:
            return "De tweede stap staat aan. Voortaan vraagt het inloggen ook om de code uit uw app."
        case "herstelcode":
            let remaining = max(0, Int(value) ?? 0)
            return "U bent ingelogd met een herstelcode; die werkt nu niet meer. U heeft er nog \(remaining). "
                + "Bent u uw telefoon kwijt? Stel de tweede stap dan opnieuw in via ‘Tweede stap instellen’; u krijgt dan nieuwe herstelcodes."
        default:
            return nil
        }
    }
}
