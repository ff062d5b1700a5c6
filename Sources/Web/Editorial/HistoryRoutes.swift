import Accounts
import Audit
import Catalogue
import Hummingbird

/// An offering's history: every revision, one revision against the one before, and restoring one as a concept.
struct HistoryRoutes<Context: RequestContext> {
    let site: SiteServices
    let portal: PortalServices

    var routes: [Route<Context>] {
        [
            Route(.get, EditorialPaths.history, .signedIn(.editors)) { request in
                guard let key = try EditorialRules.ownKey(request) else { return EditorialRules.othersOffering(site) }
                guard let managed = try await portal.editorial.managed(key) else { throw HTTPError(.notFound) }
                let revisions = try await portal.editorial.revisions(key)
                return Responses.personal(OfferingHistoryPage.list(managed, revisions: revisions, csrf: request.csrf, site: site))
            },
            Route(.get, EditorialPaths.revision, .signedIn(.editors)) { request in
                guard let key = try EditorialRules.ownKey(request) else { return EditorialRules.othersOffering(site) }
                guard let managed = try await portal.editorial.managed(key) else { throw HTTPError(.notFound) }
                let revisions = try await portal.editorial.revisions(key)
                guard let number = Int(try request.parameter("n")), let index = revisions.firstIndex(where: { $0.number == number }) else {
                    throw HTTPError(.notFound)
                }
                let previous = revisions.index(after: index) < revisions.endIndex ? revisions[revisions.index(after: index)] : nil
                return Responses.personal(OfferingHistoryPage.revision(managed, revisions[index], previous: previous, csrf: request.csrf, site: site))
            },
            Route(.post, EditorialPaths.restore, .signedIn(.editors)) { request in
                guard let key = try EditorialRules.ownKey(request) else { return EditorialRules.othersOffering(site) }
                guard let number = Int(try request.parameter("n")) else { throw HTTPError(.notFound) }
                do {
                    try await portal.editorial.restore(key, revision: number, by: request.account.asEditor)
                } catch EditorialProblem.notFound {
                    throw HTTPError(.notFound)
                }
                await portal.record(.revisionRestored, by: request.account, subject: key.description, details: "versie \(number)", logger: request.logger)
                return Responses.seeOther(EditorialPaths.offering(key, .teruggezet))
            },
        ]
    }
}
