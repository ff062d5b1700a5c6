import CatalogueService
import Catalogue
import Foundation
import Hummingbird
import Knowledge

/// The public pages of articles: functions of their URL and the published collection, so through
/// the page cache.
struct KnowledgeRoutes<Context: RequestContext> {
    let site: SiteServices

    var routes: [Route<Context>] {
        [
            Route(.get, KnowledgePaths.practice, .everyone) { request in
                cached(request.request) {
                    KnowledgePages.practice(site.articles.collection, filter: PracticeFilter(QueryString(raw: request.request.uri.query)), site: site)
                }
            },
            Route(.get, KnowledgePaths.magazine, .everyone) { request in
                cached(request.request) { KnowledgePages.magazine(site.articles.collection, site: site) }
            },
            Route(.get, KnowledgePaths.edition, .everyone) { request in
                let number = try request.parameter("nummer")
                return try cached(request.request) {
                    guard let n = Int(number), let edition = site.articles.collection.edition(n) else { throw HTTPError(.notFound) }
                    return KnowledgePages.edition(edition, site.articles.collection, site: site)
                }
            },
            Route(.get, KnowledgePaths.feed, .everyone) { request in
                let kind = QueryString(raw: request.request.uri.query).first("soort").flatMap(Knowledge.Article.Kind.init(rawValue:))
                let articles = site.articles.collection.articles.filter { kind == nil || $0.kind == kind }.prefix(30)
                return Responses.text(ArticleFeed.render(Array(articles), kind: kind, site: site), contentType: "application/atom+xml; charset=utf-8")
            },
            Route(.get, KnowledgePaths.article, .everyone) { request in
                let id = try request.parameter("id")
                return try cached(request.request) {
                    guard let article = site.articles.collection.article(id) else { throw HTTPError(.notFound) }
                    return KnowledgePages.article(article, site.articles.collection, site: site)
                }
            },
        ]
    }

    func cached(_ request: Request, render: () throws -> String) rethrows -> Response {
        try site.pages.html(key: request.uri.description, generation: site.contentGeneration, render: render)
    }
}

/// What /praktijk is narrowed to: themes, provinces and years, each with counts over what the other
/// choices leave (disjunctive, as on /aanbod). Unknown values are dropped.
struct PracticeFilter {
    var themes: [String]
    var provinces: [String]
    var years: [String]
    /// The kinds of article; none chosen reads as practice examples only (the page's own kind).
    var kinds: [String]

    init(_ query: QueryString) {
        themes = query.values("thema")
        provinces = query.values("provincie")
        years = query.values("jaar")
        let chosen = query.values("soort").filter { Knowledge.Article.Kind(rawValue: $0) != nil }
        kinds = chosen.isEmpty ? [Knowledge.Article.Kind.practice.rawValue] : chosen
    }

    /// Only practice examples are shown: the page speaks of them by name.
    var practiceOnly: Bool { kinds == [Knowledge.Article.Kind.practice.rawValue] }

    func admits(_ article: Knowledge.Article, province: String?, except: String? = nil) -> Bool {
        (except == "soort" || kinds.contains(article.kind.rawValue))
            && (except == "thema" || themes.isEmpty || !Set(themes).isDisjoint(with: article.themes))
            && (except == "provincie" || provinces.isEmpty || province.map(provinces.contains) == true)
            && (except == "jaar" || years.isEmpty || years.contains(String(article.published.year)))
    }
}

/// The Atom feed of articles, newest first: all of them or one kind.
enum ArticleFeed {
    static func render(_ articles: [Knowledge.Article], kind: Knowledge.Article.Kind?, site: SiteServices) -> String {
        func stamp(_ day: Day) -> String { "\(day.description)T00:00:00Z" }
        let updated = articles.map(\.lastUpdated).max().map(stamp) ?? "1970-01-01T00:00:00Z"
        let selfLink = site.absolute(KnowledgePaths.feed(query: kind.map { "soort=\($0.rawValue)" }))
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">
          <title>Weerbaar – \(XML.escape(kind.map { $0.label.lowercased() } ?? "artikelen"))</title>
          <id>\(XML.escape(selfLink))</id>
          <link rel="self" href="\(XML.escape(selfLink))"/>
          <link rel="alternate" type="text/html" href="\(XML.escape(site.absolute(kind == .practice ? KnowledgePaths.practice() : KnowledgePaths.magazine())))"/>
          <updated>\(updated)</updated>
          <author><name>Weerbaar</name></author>

        """
        for article in articles {
            let link = site.absolute(KnowledgePaths.article(article.id))
            xml += """
              <entry>
                <title>\(XML.escape(article.title))</title>
                <id>\(XML.escape(link))</id>
                <link rel="alternate" type="text/html" href="\(XML.escape(link))"/>
                <published>\(stamp(article.published))</published>
                <updated>\(stamp(article.lastUpdated))</updated>
                \(article.authors.map { "<author><name>\(XML.escape($0))</name></author>" }.joined(separator: "\n      "))
                <category term="\(XML.escape(article.kind.rawValue))" label="\(XML.escape(article.kind.label))"/>
                <summary>\(XML.escape(article.lead))</summary>
              </entry>

            """
        }
        return xml + "</feed>\n"
    }
}
