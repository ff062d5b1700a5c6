import Markup
import Catalogue
import CatalogueService
import Foundation
import Hummingbird

/// Machine-readable entry points: the Atom feed of new offerings, the sitemap and robots.txt.
struct FeedRoutes<Context: RequestContext> {
    let site: SiteServices

    var routes: [Route<Context>] {
        [
            Route(.get, CataloguePaths.feed, .everyone) { _ in
                Responses.text(AtomFeed.render(site.catalogue.newest(30), taxonomy: site.catalogue.taxonomy, site: site),
                               contentType: "application/atom+xml; charset=utf-8")
            },
            Route(.get, CataloguePaths.sitemap, .everyone) { _ in
                Responses.text(Sitemap.render(site: site), contentType: "application/xml; charset=utf-8")
            },
            Route(.get, CataloguePaths.robots, .everyone) { _ in
                Responses.text("User-agent: *\nDisallow: /api/\nDisallow: \(CataloguePaths.finder())?\nDisallow: \(CataloguePaths.guide())?\nAllow: /\n\n"
                                + "Sitemap: \(site.absolute(CataloguePaths.sitemap()))\n", contentType: "text/plain; charset=utf-8")
            },
        ]
    }
}

/// Escaping for XML text and attribute values: the same rules as HTML attributes.
enum XML {
    static func escape(_ text: String) -> String { esc(text) }
}

enum AtomFeed {
    static func render(_ offerings: [Offering], taxonomy: Taxonomy, site: SiteServices) -> String {
        let updated = offerings.map(\.updated).max() ?? Date(timeIntervalSince1970: 0)
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">
          <title>Weerbaar – nieuw aanbod</title>
          <subtitle>Nieuwe publicaties, trainingen en contactpunten voor gemeenten</subtitle>
          <id>\(XML.escape(site.absolute(CataloguePaths.home())))</id>
          <link rel="self" href="\(XML.escape(site.absolute(CataloguePaths.feed())))"/>
          <link rel="alternate" type="text/html" href="\(XML.escape(site.absolute(CataloguePaths.finder(query: "sortering=nieuwste"))))"/>
          <updated>\(updated.formatted(.iso8601))</updated>

        """
        for o in offerings {
            let link = site.absolute(CataloguePaths.offering(o.slug))
            let published = o.published.map { "\($0.description)T00:00:00Z" } ?? o.created.formatted(.iso8601)
            xml += """
              <entry>
                <title>\(XML.escape(o.title))</title>
                <id>\(XML.escape(link))</id>
                <link rel="alternate" type="text/html" href="\(XML.escape(link))"/>
                <published>\(published)</published>
                <updated>\(o.updated.formatted(.iso8601))</updated>
                <author><name>\(XML.escape(taxonomy.provider(o.provider)?.name ?? o.provider))</name></author>
                <category term="\(XML.escape(o.kind))" label="\(XML.escape(taxonomy.label(.kind, o.kind)))"/>
                <summary>\(XML.escape(o.summary))</summary>
              </entry>

            """
        }
        return xml + "</feed>\n"
    }
}

enum Sitemap {
    static func render(site: SiteServices) -> String {
        let catalogue = site.catalogue
        var paths = [CataloguePaths.home(), CataloguePaths.finder(), CataloguePaths.guide(), CataloguePaths.themes(), CataloguePaths.providers()]
        paths += catalogue.taxonomy.terms(.theme).map { CataloguePaths.theme($0.slug) }
        paths += catalogue.taxonomy.providers.map { CataloguePaths.provider($0.slug) }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths { xml += "  <url><loc>\(XML.escape(site.absolute(path)))</loc></url>\n" }
        for offering in catalogue.offerings(where: { _ in true }) {
            xml += "  <url><loc>\(XML.escape(site.absolute(CataloguePaths.offering(offering.slug))))</loc><lastmod>\(Day(offering.updated))</lastmod></url>\n"
        }
        return xml + "</urlset>\n"
    }
}
