import Catalogue
import CatalogueService
import Foundation
import Hummingbird

/// Machine-readable entry points: the Atom feed of new offerings, the sitemap and robots.txt.
struct FeedRoutes<Context: RequestContext> {
    let site: SiteContext

    func add(to router: Router<Context>) {
        router.get("feed.atom") { _, _ in
            Responses.text(AtomFeed.render(self.site.catalogue.newest(30), taxonomy: self.site.catalogue.taxonomy, site: self.site),
                           contentType: "application/atom+xml; charset=utf-8")
        }
        router.get("sitemap.xml") { _, _ in
            Responses.text(Sitemap.render(site: self.site), contentType: "application/xml; charset=utf-8")
        }
        router.get("robots.txt") { _, _ in
            Responses.text("User-agent: *\nDisallow: /api/\nDisallow: /aanbod?\nDisallow: /vraagwijzer?\nAllow: /\n\nSitemap: \(self.site.absolute("/sitemap.xml"))\n",
                           contentType: "text/plain; charset=utf-8")
        }
    }
}

/// Escaping for XML text and attribute values: the same rules as HTML attributes.
enum XML {
    static func escape(_ text: String) -> String { esc(text) }
}

enum AtomFeed {
    static func render(_ offerings: [Offering], taxonomy: Taxonomy, site: SiteContext) -> String {
        let updated = offerings.map(\.updated).max() ?? Date(timeIntervalSince1970: 0)
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">
          <title>Weerbaar – nieuw aanbod</title>
          <subtitle>Nieuwe publicaties, trainingen en contactpunten voor gemeenten</subtitle>
          <id>\(XML.escape(site.absolute("/")))</id>
          <link rel="self" href="\(XML.escape(site.absolute("/feed.atom")))"/>
          <link rel="alternate" type="text/html" href="\(XML.escape(site.absolute("/aanbod?sortering=nieuwste")))"/>
          <updated>\(updated.formatted(.iso8601))</updated>

        """
        for o in offerings {
            let link = site.absolute("/aanbod/\(o.slug)")
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
    static func render(site: SiteContext) -> String {
        let catalogue = site.catalogue
        var paths = ["/", "/aanbod", "/vraagwijzer", "/themas", "/aanbieders"]
        paths += catalogue.taxonomy.terms(.theme).map { "/themas/\($0.slug)" }
        paths += catalogue.taxonomy.providers.map { "/aanbieders/\($0.slug)" }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths { xml += "  <url><loc>\(XML.escape(site.absolute(path)))</loc></url>\n" }
        for offering in catalogue.offerings(where: { _ in true }) {
            xml += "  <url><loc>\(XML.escape(site.absolute("/aanbod/\(offering.slug)")))</loc><lastmod>\(Day(offering.updated))</lastmod></url>\n"
        }
        return xml + "</urlset>\n"
    }
}
