import Markup
import Catalogue
import Foundation
import Newsletter
import Plot

/// The archive: every sent edition as a web page (the full edition, without personalisation), the
/// list of editions and its Atom feed. The page body is rendered once when sending starts and kept,
/// so the archive shows what was sent even after the catalogue changes.
enum EditionArchiveView {
    static func sentOn(_ date: Date) -> String {
        DutchFormat.date(Day(date))
    }

    static func page(_ edition: Edition, fragment: String, site: SiteServices) -> String {
        let path = NewsletterPaths.archivedEdition(edition.slug)
        return Layout.render(PageMeta(title: edition.subject + " – WeerbaarNL", description: "Een editie van WeerbaarNL, de nieuwsbrief van Weerbaar.",
                                      path: path), site: site, content: .group(
            .p(.class("edition__meta"), .a(.href(NewsletterPaths.archive()), .safeText("Archief van WeerbaarNL")),
               .unwrap(edition.sendStartedAt) { .text(" · verstuurd op " + sentOn($0)) }),
            .h1(.safeText(edition.subject)),
            .raw(fragment),
            .p(.a(.href(NewsletterPaths.signUp()), .safeText("Ontvang WeerbaarNL voortaan zelf")))))
    }

    static func list(_ editions: [Edition], site: SiteServices) -> String {
        Layout.render(PageMeta(title: "Archief van WeerbaarNL", description: "Alle verstuurde edities van WeerbaarNL, de nieuwsbrief van Weerbaar.",
                               path: NewsletterPaths.archive()), site: site, content: .group(
            .h1(.safeText("Archief van WeerbaarNL")),
            .p(.safeText("Alle edities die we hebben verstuurd, de nieuwste eerst. "),
               .a(.href(NewsletterPaths.archiveFeed()), .safeText("Volg het archief met een feedlezer (Atom)")), .text(".")),
            editions.isEmpty
                ? .p(.safeText("Er is nog geen editie verstuurd."))
                : .ul(.class("edition-list"), .forEach(editions) { edition in
                    .li(.a(.href(esc(NewsletterPaths.archivedEdition(edition.slug))), .safeText(edition.subject)),
                        .unwrap(edition.sendStartedAt) { .text(" — " + sentOn($0)) })
                }),
            .p(.a(.href(NewsletterPaths.signUp()), .safeText("Aanmelden voor WeerbaarNL")))))
    }

    static func atom(_ editions: [Edition], site: SiteServices) -> String {
        let updated = editions.compactMap(\.sendStartedAt).max() ?? Date(timeIntervalSince1970: 0)
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">
          <title>WeerbaarNL – archief</title>
          <subtitle>De nieuwsbrief van Weerbaar</subtitle>
          <id>\(XML.escape(site.absolute(NewsletterPaths.archive())))</id>
          <link rel="self" href="\(XML.escape(site.absolute(NewsletterPaths.archiveFeed())))"/>
          <link rel="alternate" type="text/html" href="\(XML.escape(site.absolute(NewsletterPaths.archive())))"/>
          <updated>\(updated.formatted(.iso8601))</updated>
          <author><name>Weerbaar</name></author>

        """
        for edition in editions {
            let link = site.absolute(NewsletterPaths.archivedEdition(edition.slug))
            let sent = (edition.sendStartedAt ?? edition.updatedAt).formatted(.iso8601)
            xml += """
              <entry>
                <title>\(XML.escape(edition.subject))</title>
                <id>\(XML.escape(link))</id>
                <link rel="alternate" type="text/html" href="\(XML.escape(link))"/>
                <published>\(sent)</published>
                <updated>\(sent)</updated>
                <summary>\(XML.escape(String(edition.intro.prefix(400))))</summary>
              </entry>

            """
        }
        return xml + "</feed>\n"
    }
}
