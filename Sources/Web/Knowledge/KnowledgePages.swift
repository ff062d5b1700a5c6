import Events
import CatalogueService
import Catalogue
import Foundation
import Knowledge
import Markup
import Plot

/// Practice examples, the magazine and the article page.
enum KnowledgePages {
    static func province(_ article: Knowledge.Article) -> String? { article.gemeente.flatMap { MunicipalityList.cbs.municipality($0)?.province } }

    static func municipality(_ article: Knowledge.Article) -> Municipality? { article.gemeente.flatMap { MunicipalityList.cbs.municipality($0) } }

    static func card(_ article: Knowledge.Article, taxonomy: Taxonomy, headingLevel: Int = 2) -> Node<HTML.BodyContext> {
        let title: Node<HTML.BodyContext> = .a(.href(KnowledgePaths.article(article.id)), .safeText(article.title))
        let place = municipality(article).map { " · gemeente \($0.name) (\($0.province))" } ?? ""
        return .article(.class("card card--article"),
                        headingLevel == 2 ? .h2(.class("card__title"), title) : .h3(.class("card__title"), title),
                        .p(.class("card__meta"), .safeText("\(article.kind.label) · \(DutchFormat.date(article.published))\(place)")),
                        .p(.safeText(article.lead)),
                        .p(.class("card__quality"), .safeText(article.themes.map { taxonomy.label(.theme, $0) }.joined(separator: " · "))))
    }

    static func practice(_ collection: ArticleCollection, filter: PracticeFilter, site: SiteServices) -> String {
        let taxonomy = site.catalogue.taxonomy
        let all = collection.articles
        let shown = all.filter { filter.admits($0, province: province($0)) }
        func counts(_ name: String, _ values: (Knowledge.Article) -> [String]) -> [String: Int] {
            var counts: [String: Int] = [:]
            for article in all where filter.admits(article, province: province(article), except: name) {
                for value in Set(values(article)) { counts[value, default: 0] += 1 }
            }
            return counts
        }
        let themeCounts = counts("thema") { $0.themes }
        let provinceCounts = counts("provincie") { province($0).map { [$0] } ?? [] }
        let yearCounts = counts("jaar") { [String($0.published.year)] }
        let kindCounts = counts("soort") { [$0.kind.rawValue] }
        func group(_ name: String, _ legend: String, _ options: [(String, String)], _ counts: [String: Int], _ selected: [String]) -> Node<HTML.FormContext> {
            .fieldset(.class("field choices"), .legend(.safeText(legend)),
                      .forEach(options) { value, label in
                          let id = "\(name)-\(value)"
                          return .div(.class("checkbox"),
                                      .input(.type(.checkbox), .id(esc(id)), .name(name), .value(esc(value)), .checked(selected.contains(value))),
                                      .label(.for(esc(id)), .safeText("\(label) (\(counts[value] ?? 0))")))
                      })
        }
        let provinces = MunicipalityList.cbs.provinces
        let years = Set(all.filter { filter.kinds.contains($0.kind.rawValue) }.map { String($0.published.year) }).sorted(by: >)
        let meta = PageMeta(title: "Praktijkvoorbeelden", description: "Hoe gemeenten het aanpakten: aanleiding, aanpak, resultaat en lessen.",
                            path: KnowledgePaths.practice(), section: .practice)
        return Layout.render(meta, site: site, content: .group(
            .h1(.safeText("Praktijkvoorbeelden")),
            .p(.class("lead"), .safeText("Hoe andere gemeenten het aanpakten: de aanleiding, wat zij deden, wat het opleverde en wat zij anders zouden doen.")),
            .p(.safeText("Werkt uw gemeente aan iets dat hier thuishoort? "), .a(.href(TipPaths.form()), .safeText("Stuur uw praktijkvoorbeeld in"))),
            .p(.a(.href(KnowledgePaths.magazine()), .safeText("Naar het magazine")), .safeText(" · "),
               .a(.href(SiteSearchPaths.search()), .safeText("Zoeken in het aanbod, de praktijk en het magazine"))),
            .div(.class("finder"),
                 .element(named: "details", nodes: [.class("finder__filters"), .attribute(named: "open"),
                     .element(named: "summary", nodes: [.safeText("Filters")]),
                     .form(.action(KnowledgePaths.practice()), .method(.get),
                           group("soort", "Soort", Knowledge.Article.Kind.allCases.filter { $0 != .news }.map { ($0.rawValue, $0.label) }, kindCounts,
                                 filter.kinds),
                           group("thema", "Thema", taxonomy.terms(.theme).map { ($0.slug, $0.label) }, themeCounts, filter.themes),
                           group("provincie", "Provincie", provinces.filter { provinceCounts[$0] != nil || filter.provinces.contains($0) }.map { ($0, $0) },
                                 provinceCounts, filter.provinces),
                           group("jaar", "Jaar", years.map { ($0, $0) }, yearCounts, filter.years),
                           .button(.type(.submit), .class("button"), .safeText("Toon")))]),
                 .div(.class("finder__results"),
                      .p(.role("status"), .safeText(filter.practiceOnly
                          ? (shown.count == 1 ? "1 praktijkvoorbeeld" : "\(shown.count) praktijkvoorbeelden")
                          : (shown.count == 1 ? "1 artikel" : "\(shown.count) artikelen"))),
                      shown.isEmpty ? .p(.safeText("Geen artikel met deze keuzes. Haal een filter weg."))
                          : .div(.class("card-list"), .forEach(shown) { card($0, taxonomy: taxonomy) })))))
    }

    static func magazine(_ collection: ArticleCollection, site: SiteServices) -> String {
        let taxonomy = site.catalogue.taxonomy
        let meta = PageMeta(title: "Magazine", description: "Het online magazine van Weerbaar: praktijk, interviews en achtergrond.", path: KnowledgePaths.magazine())
        return Layout.render(meta, site: site, content: .group(
            .h1(.safeText("Magazine")),
            .p(.class("lead"), .safeText("Verhalen uit de praktijk, interviews en achtergrond, per editie rond één thema.")),
            collection.editions.isEmpty ? .p(.safeText("Er is nog geen editie verschenen."))
                : .ul(.class("entry-list"), .forEach(collection.editions) { edition in
                    .li(.h2(.a(.href(KnowledgePaths.edition(String(edition.number))), .safeText("Editie \(edition.number): \(edition.title)"))),
                        .p(.safeText("\(DutchFormat.date(edition.date)) · \(taxonomy.label(.theme, edition.theme)) · \(edition.articles.count) artikelen")))
                }),
            .h2(.safeText("Infobladen")),
            .ul(.class("entry-list"), .forEach(collection.articles.filter { $0.kind == .infoblad }) { article in
                .li(.a(.href(KnowledgePaths.article(article.id)), .safeText(article.title)))
            })))
    }

    static func edition(_ edition: MagazineEdition, _ collection: ArticleCollection, site: SiteServices) -> String {
        let taxonomy = site.catalogue.taxonomy
        let meta = PageMeta(title: "Magazine \(edition.number): \(edition.title)", description: "Editie \(edition.number) van het magazine van Weerbaar.",
                            path: KnowledgePaths.edition(String(edition.number)))
        return Layout.render(meta, site: site, content: .group(
            .nav(.class("breadcrumbs"), .aria("label", "Kruimelpad"),
                 .ol(.li(.a(.href(KnowledgePaths.magazine()), .safeText("Magazine"))), .li(.aria("current", "page"), .safeText("Editie \(edition.number)")))),
            .h1(.safeText(edition.title)),
            .p(.class("card__meta"), .safeText("Editie \(edition.number) · \(DutchFormat.date(edition.date)) · \(taxonomy.label(.theme, edition.theme))")),
            .div(.class("prose"), SafeMarkdown.render(edition.intro)),
            .div(.class("card-list"), .forEach(edition.articles.compactMap(collection.article)) { card($0, taxonomy: taxonomy) })))
    }

    static func article(_ article: Knowledge.Article, _ collection: ArticleCollection, site: SiteServices) -> String {
        let taxonomy = site.catalogue.taxonomy
        let place = municipality(article)
        let meta = PageMeta(title: article.title, description: article.lead, path: KnowledgePaths.article(article.id), ogType: "article",
                            jsonLD: jsonLD(article, site: site), section: article.kind == .practice ? .practice : nil)
        let offerings = article.offerings.compactMap { OfferingKey(parsing: $0) }.compactMap { site.catalogue.offering($0) }
        let related = collection.related(to: article)
        let edition = collection.edition(containing: article.id)
        let meetings = site.events?.live.having(material: KnowledgePaths.article(article.id)) ?? []
        return Layout.render(meta, site: site, content: .group(
            .nav(.class("breadcrumbs"), .aria("label", "Kruimelpad"),
                 .ol(article.kind == .practice ? .li(.a(.href(KnowledgePaths.practice()), .safeText("Praktijkvoorbeelden")))
                        : .li(.a(.href(KnowledgePaths.magazine()), .safeText("Magazine"))),
                     .li(.aria("current", "page"), .safeText(article.title)))),
            .article(.class("article"),
                .p(.class("card__meta"), .safeText(article.kind.label + (place.map { " · gemeente \($0.name) (\($0.province))" } ?? ""))),
                .h1(.safeText(article.title)),
                .p(.class("lead"), .safeText(article.lead)),
                .p(.class("article__byline"),
                   .safeText((article.authors.isEmpty ? "" : "Door \(article.authors.joined(separator: ", ")) · ")
                       + "Gepubliceerd \(DutchFormat.date(article.published))"
                       + (article.lastUpdated > article.published ? " · bijgewerkt \(DutchFormat.date(article.lastUpdated))" : "")),
                   .unwrap(edition) { edition in
                       .group(.safeText(" · "), .a(.href(KnowledgePaths.edition(String(edition.number))), .safeText("Magazine \(edition.number): \(edition.title)")))
                   }),
                .unwrap(article.practice) { practice in
                    .div(.class("practice"),
                         .forEach(practice.sections) { heading, text in .group(.h2(.safeText(heading)), .div(.class("prose"), SafeMarkdown.render(text))) },
                         .unwrap(practice.contact) { .group(.h2(.safeText("Contact")), .p(.safeText($0))) })
                },
                .div(.class("prose"), SafeMarkdown.render(article.body)),
                .p(.class("article__themes"), .safeText("Thema’s: "),
                   .group(article.themes.enumerated().map { index, theme in
                       .group(index == 0 ? .empty : .safeText(", "), .a(.href(CataloguePaths.theme(theme)), .safeText(taxonomy.label(.theme, theme))))
                   })),
                article.changeNotes.isEmpty ? .empty : .section(.aria("labelledby", "wijzigingen"),
                    .h2(.id("wijzigingen"), .safeText("Wijzigingen")),
                    .ul(.forEach(article.changeNotes.sorted { $0.date > $1.date }) { note in
                        .li(.safeText("\(DutchFormat.date(note.date)): \(note.note)"))
                    })),
                .p(.class("print-only"), .safeText("Bron: \(site.absolute(KnowledgePaths.article(article.id))) · afgedrukt van Weerbaar, "
                    + "laatst bijgewerkt \(DutchFormat.date(article.lastUpdated))"))),
            meetings.isEmpty ? .empty : .section(.aria("labelledby", "bijeenkomst"),
                .h2(.id("bijeenkomst"), .safeText(meetings.count == 1 ? "Bij de bijeenkomst" : "Bij de bijeenkomsten")),
                .ul(.forEach(meetings) { event in
                    .li(.a(.href(esc(EventPaths.event(event.slug))), .safeText(event.title)), .safeText(" · \(EventPages.when(event))"))
                })),
            site.insight == nil || article.kind != .practice ? .empty : FeedbackPages.form(.article(article), taxonomy: taxonomy),
            offerings.isEmpty ? .empty : .section(.aria("labelledby", "aanbod"),
                .h2(.id("aanbod"), .safeText("Aanbod dat hierbij past")),
                .div(.class("card-list"), .forEach(offerings) { Components.offeringCard($0, taxonomy: taxonomy) })),
            related.isEmpty ? .empty : .section(.class("article-related"), .aria("labelledby", "meer"),
                .h2(.id("meer"), .safeText("Meer over dit onderwerp")),
                .div(.class("card-list"), .forEach(related) { card($0, taxonomy: taxonomy, headingLevel: 3) }))))
    }

    /// schema.org `Article`, escaped for a script element as the offering's is.
    static func jsonLD(_ article: Knowledge.Article, site: SiteServices) -> String {
        var object: [String: Any] = [
            "@context": "https://schema.org", "@type": "Article", "headline": article.title, "description": article.lead,
            "url": site.absolute(KnowledgePaths.article(article.id)), "inLanguage": "nl", "datePublished": article.published.description,
            "dateModified": article.lastUpdated.description, "articleSection": article.kind.label,
            "keywords": article.themes.map { site.catalogue.taxonomy.label(.theme, $0) }.joined(separator: ", "),
            "publisher": ["@type": "Organization", "name": "Weerbaar"],
        ]
        if !article.authors.isEmpty { object["author"] = article.authors.map { ["@type": "Person", "name": $0] } }
        if let place = municipality(article) { object["spatialCoverage"] = ["@type": "AdministrativeArea", "name": place.name] }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e").replacingOccurrences(of: "&", with: "\\u0026")
    }
}
