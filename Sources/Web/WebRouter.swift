import CatalogueService
import Hummingbird

/// The whole HTTP surface: every feature's routes, behind the error and security middleware.
public enum WebRouter {
    public static func build<Context: RequestContext>(site: SiteServices, context: Context.Type = BasicRequestContext.self) -> Router<Context> {
        // HEAD is answered for every GET route (link checkers and uptime monitors use it).
        let router = Router(context: Context.self, options: .autoGenerateHeadEndpoints)
        router.add(middleware: SecurityHeadersMiddleware(servedOverTLS: site.baseURL.hasPrefix("https://")))
        router.add(middleware: ErrorPagesMiddleware(site: site))
        router.add(middleware: MethodMiddleware(site: site))
        RouteGate<Context>(site: site).register(routes(site: site), on: router)
        return router
    }

    /// The union of every feature's routes. The router registers exactly these, and the
    /// authorisation tests read the same list.
    static func routes<Context: RequestContext>(site: SiteServices) -> [Route<Context>] {
        var routes = SiteRoutes<Context>(site: site).routes
            + CatalogueRoutes<Context>(site: site).routes
            + FeedRoutes<Context>(site: site).routes
            + APIRoutes<Context>(site: site).routes
            + AboutRoutes<Context>(site: site).routes
            + HandbookRoutes<Context>(site: site).routes
            + KnowledgeRoutes<Context>(site: site).routes
            + SiteSearchRoutes<Context>(site: site).routes
        if let portal = site.portal {
            routes += PortalRoutes<Context>(site: site, portal: portal).routes
                + AccountRoutes<Context>(site: site, portal: portal).routes
                + LinkRoutes<Context>(site: site, portal: portal).routes
                + UserRoutes<Context>(site: site, portal: portal).routes
                + OfferingRoutes<Context>(site: site, portal: portal).routes
                + ReviewRoutes<Context>(site: site, portal: portal).routes
                + HistoryRoutes<Context>(site: site, portal: portal).routes
                + UploadRoutes<Context>(site: site, portal: portal).routes
                + ProviderRoutes<Context>(site: site, portal: portal).routes
                + VocabularyRoutes<Context>(site: site, portal: portal).routes
                + AuditRoutes<Context>(site: site, portal: portal).routes
            if let handbook = portal.handbook {
                routes += HandbookPortalRoutes<Context>(site: site, portal: portal, store: handbook).routes
                    + CompositionRoutes<Context>(site: site, portal: portal, store: handbook).routes
            }
            if let articles = portal.articles {
                routes += ArticlePortalRoutes<Context>(site: site, portal: portal, store: articles).routes
            }
            if let events = site.events {
                routes += EventPortalRoutes<Context>(site: site, portal: portal, events: events).routes
            }
            if let tips = site.tips {
                routes += TipModerationRoutes<Context>(site: site, portal: portal, tips: tips).routes
            }
            if let insight = site.insight {
                routes += SurveyPortalRoutes<Context>(site: site, portal: portal, insight: insight).routes
                    + FeedbackPortalRoutes<Context>(site: site, portal: portal, insight: insight).routes
                    + WhiteSpotRoutes<Context>(site: site, insight: insight).routes
            }
            if let newsletter = portal.newsletter {
                routes += EditionRoutes<Context>(site: site, portal: portal, newsletter: newsletter).routes
            }
        }
        if let tips = site.tips {
            routes += TipRoutes<Context>(site: site, tips: tips).routes
        }
        if let events = site.events {
            routes += EventRoutes<Context>(site: site, events: events).routes
        }
        if let insight = site.insight {
            routes += InsightRoutes<Context>(site: site, insight: insight).routes + SurveyAnswerRoutes<Context>(site: site, insight: insight).routes
        }
        if let newsletter = site.newsletter {
            routes += NewsletterRoutes<Context>(site: site, newsletter: newsletter).routes
            if let editions = newsletter.editions { routes += ArchiveRoutes<Context>(site: site, editions: editions).routes }
        }
        return routes
    }
}

/// What every site has whatever its features: the health check and the static assets.
struct SiteRoutes<Context: RequestContext> {
    let site: SiteServices

    var routes: [Route<Context>] {
        [
            // Liveness: the process answers.
            Route(.get, SitePaths.health, .everyone) { _ in Responses.text("ok\n", contentType: "text/plain; charset=utf-8", maxAge: 0) },
            // Readiness: the database answers and the search index is loaded; a proxy sends traffic only then.
            Route(.get, SitePaths.ready, .everyone) { _ in
                let database = await site.databaseAnswers?() ?? true
                let offerings = site.catalogue.count
                let text = "database: \(database ? "ok" : "geen antwoord")\nindex: \(offerings) aanbod, generatie \(site.catalogue.generation)\n"
                var response = Responses.text(text, contentType: "text/plain; charset=utf-8", maxAge: 0)
                if !database { response.status = .serviceUnavailable }
                return response
            },
            Route(.get, SitePaths.asset, .everyone) { request in
                let name = try request.parameter("name")
                guard name != "openapi.json", let asset = Assets.shared.files[name] else { throw HTTPError(.notFound) }
                return Response(status: .ok,
                                headers: [.contentType: asset.contentType, .cacheControl: "public, max-age=31536000, immutable"],
                                body: ResponseBody(byteBuffer: ByteBuffer(bytes: asset.body)))
            },
        ]
    }
}
