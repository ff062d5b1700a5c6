import CatalogueService
import Editions
import Hummingbird

/// Over Weerbaar, the privacy statement, the accessibility statement and contact: the same for
/// everyone, so through the page cache.
struct AboutRoutes<Context: RequestContext> {
    let site: SiteServices

    var routes: [Route<Context>] {
        [
            page(AboutPaths.about, AboutTexts.about),
            page(AboutPaths.privacy, AboutTexts.privacy),
            page(AboutPaths.accessibility, AboutTexts.accessibility),
            page(AboutPaths.contact, AboutTexts.contact),
        ]
    }

    func page(_ path: Path, _ text: (title: String, description: String, markdown: String)) -> Route<Context> {
        Route(.get, path, .everyone) { request in
            site.pages.html(key: request.request.uri.description, generation: site.contentGeneration) {
                InfoPage.render(.init(path: path(), title: text.title, description: text.description, markdown: text.markdown,
                                      countsClicks: site.portal?.newsletter?.dispatch.countClicks ?? false), site: site)
            }
        }
    }
}
