import Catalogue
import Foundation
import CatalogueService
import Handbook
import Markup
import Plot

/// `/handboek`: the four phases of unrest as a cycle, each phase with what to see and do, the entries
/// (a publication with an editorial analysis), the glossary and the cases. Text throughout, no images.
enum HandbookPages {
    struct Model {
        var handbook: Handbook
        var catalogue: LiveCatalogue
        var taxonomy: Taxonomy { catalogue.taxonomy }

        /// The four phases of the cycle, in order ("algemeen" is not a phase of the cycle).
        var cycle: [Term] { taxonomy.terms(.phase).filter { $0.slug != "algemeen" } }

        func title(_ entry: HandbookEntry) -> String {
            entry.offeringKey.flatMap { catalogue.offering($0)?.title } ?? entry.document?.title ?? entry.id
        }

        /// "VNG, handreiking, 2024, 24 blz." — what a document collection usually leaves out.
        func source(_ entry: HandbookEntry) -> String {
            if let key = entry.offeringKey, let offering = catalogue.offering(key) {
                var parts = [taxonomy.provider(offering.provider)?.name ?? offering.provider, taxonomy.label(.form, offering.form).lowercased()]
                if let published = offering.published { parts.append(String(published.year)) }
                return parts.joined(separator: ", ")
            }
            guard let document = entry.document else { return "" }
            var parts = [document.organisation, document.type, String(document.year)]
            if let pages = document.pages { parts.append("\(pages) blz.") }
            return parts.joined(separator: ", ") + " (niet in de catalogus)"
        }

        /// The contact points for a phase, from the catalogue.
        func contactPoints(_ phase: String) -> [Offering] {
            catalogue.offerings { $0.kind == "contactpunt" && $0.phases.contains(phase) }.sorted { $0.title < $1.title }
        }
    }

    static func breadcrumbs(_ items: [(String, String?)]) -> Node<HTML.BodyContext> {
        .nav(.class("breadcrumbs"), .aria("label", "Kruimelpad"),
             .ol(.li(.a(.href("/"), .safeText("Home"))),
                 .forEach(items) { label, href in
                     href.map { .li(.a(.href(esc($0)), .safeText(label))) } ?? .li(.aria("current", "page"), .safeText(label))
                 }))
    }

    static func paragraphs(_ text: String) -> Node<HTML.BodyContext> {
        .forEach(text.components(separatedBy: "\n\n").filter { !$0.isEmpty }) { .p(.safeText($0)) }
    }

    // MARK: - /handboek

    static func index(_ model: Model, site: SiteServices) -> String {
        let meta = PageMeta(title: "Handboek maatschappelijke onrust",
                            description: "Wat u ziet en kunt doen in elke fase van maatschappelijke onrust, met de publicaties die helpen en een korte analyse ervan.",
                            path: HandbookPaths.handbook(), section: .handbook)
        let cycle = model.cycle
        return Layout.render(meta, site: site, content: .group(
            breadcrumbs([("Handboek", nil)]),
            .h1(.safeText("Handboek maatschappelijke onrust")),
            paragraphs(model.handbook.introduction),
            .section(.aria("labelledby", "fasen"),
                .h2(.id("fasen"), .safeText("De vier fasen: een cyclus")),
                .p(.safeText("Onrust verloopt zelden in een rechte lijn. De fasen volgen elkaar op en keren terug: na de escalatie kan het ongenoegen weer gaan sluimeren.")),
                .ol(.class("phase-cycle"), .forEach(cycle.enumerated().map { $0 }) { index, phase in
                    .li(.class("phase-cycle__step"),
                        .h3(.a(.href(esc(HandbookPaths.phase(phase.slug))), .safeText(phase.label))),
                        .p(.safeText(model.handbook.phase(phase.slug)?.summary ?? phase.description)),
                        .p(.class("phase-cycle__next"),
                           .safeText(index + 1 < cycle.count ? "Daarna: \(cycle[index + 1].label.lowercased())" : "Daarna: terug naar \(cycle[0].label.lowercased())")))
                })),
            .section(.aria("labelledby", "verder"),
                .h2(.id("verder"), .safeText("Verder in het handboek")),
                .ul(.class("inline-links"),
                    .li(.a(.href(HandbookPaths.glossary()), .safeText("Begrippenkader: onrust, ongenoegen, onbehagen en meer"))),
                    .li(.a(.href(HandbookPaths.cases()), .safeText("Lessen uit de praktijk"))),
                    .li(.a(.href(HandbookPaths.routes()), .safeText("Leerroutes langs het aanbod van de partners"))))),
            .p(.safeText("Het handboek bespreekt \(DutchFormat.count(model.handbook.entries.count, "publicatie", "publicaties")), elk met een korte analyse van de redactie."))))
    }

    // MARK: - /handboek/fase/{fase}

    static func phase(_ phase: Term, _ model: Model, site: SiteServices, printView: Bool) -> String {
        let guide = model.handbook.phase(phase.slug)
        let entries = model.handbook.entries(inPhase: phase.slug)
        let title = "Fase: \(phase.label.lowercased())"
        let meta = PageMeta(title: printView ? "\(phase.label) (afdrukversie)" : phase.label,
                            description: guide?.summary ?? phase.description,
                            path: printView ? HandbookPaths.printPhase(phase.slug) : HandbookPaths.phase(phase.slug),
                            noIndex: printView, section: .handbook)
        let cycle = model.cycle
        let index = cycle.firstIndex { $0.slug == phase.slug } ?? 0
        let previous = cycle[(index + cycle.count - 1) % cycle.count], next = cycle[(index + 1) % cycle.count]
        let byTopic = model.handbook.topics.map { topic in (topic, entries.filter { $0.topic == topic.slug }) }.filter { !$0.1.isEmpty }
        let contacts = model.contactPoints(phase.slug)
        let cases = model.handbook.cases.filter { $0.phase == phase.slug }
        func list(_ items: [String]) -> Node<HTML.BodyContext> { .ul(.forEach(items) { .li(.safeText($0)) }) }
        return Layout.render(meta, site: site, content: .div(.class(printView ? "handbook-phase print-view" : "handbook-phase"),
            .if(!printView, breadcrumbs([("Handboek", HandbookPaths.handbook()), (phase.label, nil)])),
            .h1(.safeText(printView ? "Handboek maatschappelijke onrust — \(title)" : title)),
            .p(.class("lead"), .safeText(guide?.summary ?? phase.description)),
            .if(!printView, .nav(.class("phase-nav"), .aria("label", "Fasen"),
                .ul(.class("inline-links"),
                    .li(.safeText("Vorige fase: "), .a(.href(esc(HandbookPaths.phase(previous.slug))), .safeText(previous.label))),
                    .li(.safeText("Volgende fase: "), .a(.href(esc(HandbookPaths.phase(next.slug))), .safeText(next.label))),
                    .li(.a(.href(esc(HandbookPaths.printPhase(phase.slug))), .safeText("Afdrukversie voor het driehoeksoverleg")))))),
            .unwrap(guide) { guide in
                .group(.h2(.safeText("Wat u ziet")), list(guide.signals),
                       .h2(.safeText("Wat de ervaring leert")), list(guide.lessons),
                       .h2(.safeText("Wat u kunt doen")), list(guide.actions))
            },
            .h2(.safeText("Uit het handboek")),
            byTopic.isEmpty ? .p(.safeText("Voor deze fase zijn nog geen publicaties besproken.")) : .group(byTopic.map { topic, entries in
                .group(.h3(.safeText(topic.label)),
                       .ul(.class("entry-list"), .forEach(entries) { entry in
                           .li(printView ? .strong(.safeText(model.title(entry))) : .a(.href(esc(HandbookPaths.entry(entry.id))), .safeText(model.title(entry))),
                               .safeText(" — " + model.source(entry)),
                               .if(printView, .p(.safeText(entry.analysis))))
                       }))
            }),
            .h2(.safeText("Wie u kunt bellen")),
            contacts.isEmpty ? .p(.safeText("Voor deze fase staat geen contactpunt in de catalogus.")) : .ul(.forEach(contacts) { offering in
                .li(printView ? .strong(.safeText(offering.title)) : .a(.href(esc(CataloguePaths.offering(offering.slug))), .safeText(offering.title)),
                    .safeText(" — " + (model.taxonomy.provider(offering.provider)?.name ?? offering.provider)),
                    .unwrap(offering.contact?.email) { .safeText(" · \($0)") })
            }),
            .if(!cases.isEmpty, .group(.h2(.safeText("Uit de praktijk")), .forEach(cases) { caseView($0) })),
            .if(printView, .p(.class("print-view__source"), .safeText("Bron: Weerbaar, \(site.baseURL)\(HandbookPaths.phase(phase.slug))")))))
    }

    static func caseView(_ item: HandbookCase) -> Node<HTML.BodyContext> {
        .article(.class("case"), .id(esc(item.id)),
                 .h3(.safeText(item.title)),
                 .p(.strong(.safeText("De situatie: ")), .safeText(item.situation)),
                 .p(.strong(.safeText("De aanpak: ")), .safeText(item.approach)),
                 .p(.strong(.safeText("Wat het leert:"))),
                 .ul(.forEach(item.lessons) { .li(.safeText($0)) }))
    }

    // MARK: - /handboek/artikel/{id}

    static func entry(_ entry: HandbookEntry, _ model: Model, site: SiteServices) -> String {
        let title = model.title(entry)
        let meta = PageMeta(title: title, description: entry.analysis, path: HandbookPaths.entry(entry.id), section: .handbook)
        let offering = entry.offeringKey.flatMap { model.catalogue.offering($0) }
        let taxonomy = model.taxonomy
        var rows: [(String, Node<HTML.BodyContext>)] = [
            ("Bron", .safeText(model.source(entry))),
            ("Fase", .group(entry.phases.enumerated().map { index, phase in
                .group(.if(index > 0, .safeText(", ")), .a(.href(esc(HandbookPaths.phase(phase))), .safeText(taxonomy.label(.phase, phase))))
            })),
            ("Onderwerp", .safeText(model.handbook.topic(entry.topic)?.label ?? entry.topic)),
            ("Erkenning", Components.evidence(entry.evidence.map { Evidence(level: $0) } ?? offering?.evidence, taxonomy: taxonomy, long: true)),
            ("Analyse door", .safeText(entry.author)),
        ]
        if let date = entry.date { rows.append(("Geschreven op", .time(.datetime(date.description), .safeText(DutchFormat.date(date))))) }
        if let review = entry.reviewBy { rows.append(("Herzien vóór", .time(.datetime(review.description), .safeText(DutchFormat.date(review))))) }
        return Layout.render(meta, site: site, content: .group(
            breadcrumbs([("Handboek", HandbookPaths.handbook())]
                        + (entry.phases.first.map { [(taxonomy.label(.phase, $0), HandbookPaths.phase($0))] } ?? [])
                        + [(title, nil)]),
            .article(.class("handbook-entry"),
                .h1(.safeText(title)),
                .h2(.safeText("Analyse van de redactie")),
                .p(.class("lead"), .safeText(entry.analysis)),
                .dl(.class("facts"), .group(rows.map { label, value in .group(.dt(.safeText(label)), .dd(value)) })),
                offering.map { offering in
                    .p(.a(.class("button"), .href(esc(CataloguePaths.offering(offering.slug))), .safeText("Naar de publicatie in de catalogus")))
                } ?? .p(.safeText("Dit document staat niet in de catalogus van Weerbaar; zoek het bij de organisatie die het uitgaf.")))))
    }

    // MARK: - /handboek/begrippen

    static func glossary(_ model: Model, site: SiteServices) -> String {
        let meta = PageMeta(title: "Begrippenkader", description: "Wat bedoelen we met maatschappelijke onrust, ongenoegen, onbehagen en de andere begrippen van het handboek?",
                            path: HandbookPaths.glossary(), section: .handbook)
        let terms = model.handbook.glossary.sorted { $0.term.lowercased() < $1.term.lowercased() }
        let names = Dictionary(terms.map { ($0.slug, $0.term) }) { a, _ in a }
        return Layout.render(meta, site: site, content: .group(
            breadcrumbs([("Handboek", HandbookPaths.handbook()), ("Begrippenkader", nil)]),
            .h1(.safeText("Begrippenkader")),
            .p(.class("lead"), .safeText("De woorden van het handboek, zoals wij ze gebruiken. Elk begrip heeft een eigen anker, zodat u ernaar kunt verwijzen.")),
            .nav(.aria("label", "Begrippen"), .ul(.class("inline-links"), .forEach(terms) { .li(.a(.href("#\(esc($0.slug))"), .safeText($0.term))) })),
            .dl(.class("glossary"), .forEach(terms) { term in
                .group(.dt(.id(esc(term.slug)), .safeText(term.term)),
                       .dd(.p(.safeText(term.definition)),
                           .if(!term.related.isEmpty, .p(.safeText("Zie ook: "), .group(term.related.enumerated().map { index, slug in
                               .group(.if(index > 0, .safeText(", ")), .a(.href("#\(esc(slug))"), .safeText(names[slug] ?? slug)))
                           })))))
            })))
    }

    // MARK: - /handboek/praktijk

    static func cases(_ model: Model, site: SiteServices) -> String {
        let meta = PageMeta(title: "Lessen uit de praktijk", description: "Korte verslagen van gemeenten, per fase van onrust.", path: HandbookPaths.cases(),
                            section: .handbook)
        return Layout.render(meta, site: site, content: .group(
            breadcrumbs([("Handboek", HandbookPaths.handbook()), ("Lessen uit de praktijk", nil)]),
            .h1(.safeText("Lessen uit de praktijk")),
            .p(.class("lead"), .safeText("Wat gemeenten meemaakten en wat ze ervan leerden, geanonimiseerd.")),
            .forEach(model.cycle) { phase in
                let cases = model.handbook.cases.filter { $0.phase == phase.slug }
                return .if(!cases.isEmpty, .section(.h2(.a(.href(esc(HandbookPaths.phase(phase.slug))), .safeText(phase.label))),
                                                    .forEach(cases) { caseView($0) }))
            }))
    }
}
