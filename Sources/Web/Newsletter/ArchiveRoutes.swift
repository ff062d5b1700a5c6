import Editions
import Foundation
import Hummingbird
import Newsletter

/// `/nieuwsbrief/archief`: the sent editions as pages, and their Atom feed; `/nieuwsbrief/klik/{id}`:
/// a counted link in a sent edition (see `ClickCounting`).
struct ArchiveRoutes<Context: RequestContext> {
    let site: SiteServices
    let editions: any EditionStore

    var routes: [Route<Context>] {
        [
            Route(.get, NewsletterPaths.archive, .everyone) { _ in
                Responses.html(EditionArchiveView.list(try await editions.sentEditions(), site: site))
            },
            Route(.get, NewsletterPaths.archiveFeed, .everyone) { _ in
                let sent = Array(try await editions.sentEditions().prefix(30))
                return Responses.text(EditionArchiveView.atom(sent, site: site), contentType: "application/atom+xml; charset=utf-8")
            },
            Route(.get, NewsletterPaths.archivedEdition, .everyone) { request in
                let slug = request.context.parameters.get("slug") ?? ""
                guard slug.count <= 120, let edition = try await editions.edition(slug: slug), edition.status == .sending,
                      let stored = try await editions.variant(edition: edition.id, key: EditionDispatch.archiveVariant)
                else {
                    return Responses.html(ErrorPage.notFound(site: site, path: NewsletterPaths.archivedEdition(slug)), status: .notFound)
                }
                return Responses.html(EditionArchiveView.page(edition, fragment: stored.html, site: site))
            },
            Route(.get, NewsletterPaths.click, .everyone) { request in
                let id = request.context.parameters.get("id") ?? ""
                guard EditionLink.isWellFormed(id), let url = try await editions.countClick(id) else {
                    return Responses.html(ErrorPage.notFound(site: site, path: NewsletterPaths.click(String(id.prefix(40)))), status: .notFound)
                }
                // Only to where an edition links: the id is looked up, never read from the request.
                var response = Responses.redirect(to: url, status: .found)
                response.headers[.cacheControl] = "no-store"
                response.headers[.referrerPolicy] = "no-referrer"
                return response
            },
        ]
    }
}
