import CatalogueService
import Hummingbird

/// The whole HTTP surface: pages, API, feeds and assets, behind the error and security middleware.
public enum WebRouter {
    public static func build<Context: RequestContext>(site: SiteContext, context: Context.Type = BasicRequestContext.self) -> Router<Context> {
        // HEAD is answered for every GET route (link checkers and uptime monitors use it).
        let router = Router(context: Context.self, options: .autoGenerateHeadEndpoints)
        router.add(middleware: SecurityHeadersMiddleware(servedOverTLS: site.baseURL.hasPrefix("https://")))
        router.add(middleware: ErrorPagesMiddleware(site: site))
        router.get("healthz") { _, _ in Responses.text("ok\n", contentType: "text/plain; charset=utf-8", maxAge: 0) }
        router.get("static/{name}") { _, context in
            let name = try context.parameters.require("name")
            guard name != "openapi.json", let asset = Assets.shared.files[name] else { throw HTTPError(.notFound) }
            return Response(status: .ok,
                            headers: [.contentType: asset.contentType, .cacheControl: "public, max-age=31536000, immutable"],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: asset.body)))
        }
        PageRoutes<Context>(site: site).add(to: router)
        FeedRoutes<Context>(site: site).add(to: router)
        APIRoutes<Context>(site: site).add(to: router)
        if let portal = site.portal { PortalRoutes<Context>(site: site, portal: portal).add(to: router) }
        if let newsletter = site.newsletter {
            NewsletterRoutes<Context>(site: site, newsletter: newsletter).add(to: router)
            if let editions = newsletter.editions { ArchiveRoutes<Context>(site: site, editions: editions).add(to: router) }
        }
        return router
    }
}
