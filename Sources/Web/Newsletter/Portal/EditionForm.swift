import Markup
import Catalogue
import CatalogueService
import Foundation
import Knowledge
import Newsletter

/// The edition editor's form: every section and block as numbered fields (`s0-titel`, `s0b1-tekst`),
/// so the whole edition round-trips through one plain HTML form without JavaScript. Reading it
/// validates everything and keeps every value, valid or not, to show again.
struct EditionForm {
    /// What the redacteur typed, by field name.
    var values: [String: String] = [:]
    var themes: [Int: [String]] = [:]
    var sections: [SectionShape] = []
    var errors = FormErrors()

    /// The shape of the form: how many sections, and which kind of block where.
    struct SectionShape: Equatable {
        var blocks: [BlockKind]
    }

    enum BlockKind: String, CaseIterable {
        case article = "artikel"
        case offering = "aanbod"
        case newOfferings = "nieuw"
        case agenda = "agenda"
        case knowledge = "kennisartikel"

        var label: String {
            switch self {
            case .article: "Artikel"
            case .offering: "Aanbod uit de catalogus"
            case .newOfferings: "Nieuw en bijgewerkt aanbod (automatisch)"
            case .agenda: "Agenda"
            case .knowledge: "Artikel van Weerbaar (praktijkvoorbeeld, magazine)"
            }
        }
    }

    static let maxSections = 12
    static let maxBlocks = 20

    subscript(_ name: String) -> String { values[name] ?? "" }

    // MARK: - From an edition

    init() {}

    init(_ edition: Edition, catalogue: LiveCatalogue) {
        values["onderwerp"] = edition.subject
        values["adres"] = edition.slug
        values["intro"] = edition.intro
        for (s, section) in edition.sections.enumerated() {
            values["s\(s)-titel"] = section.title
            themes[s] = section.themes
            var shape = SectionShape(blocks: [])
            for (b, block) in section.blocks.enumerated() {
                let prefix = "s\(s)b\(b)-"
                switch block {
                case .article(let title, let markdown, let imageURL, let imageAlt):
                    shape.blocks.append(.article)
                    values[prefix + "titel"] = title
                    values[prefix + "tekst"] = markdown
                    values[prefix + "afbeelding"] = imageURL ?? ""
                    values[prefix + "alt"] = imageAlt ?? ""
                case .offering(let key):
                    shape.blocks.append(.offering)
                    let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
                    let slug = parts.count == 2 ? catalogue.offering(OfferingKey(provider: parts[0], id: parts[1]))?.slug : nil
                    values[prefix + "aanbod"] = slug ?? key
                case .newOfferings(let theme, let limit):
                    shape.blocks.append(.newOfferings)
                    values[prefix + "thema"] = theme ?? ""
                    values[prefix + "aantal"] = String(limit)
                case .knowledge(let id):
                    shape.blocks.append(.knowledge)
                    values[prefix + "kennisartikel"] = "/artikelen/" + id
                case .agenda(let items):
                    shape.blocks.append(.agenda)
                    values[prefix + "agenda"] = items.map { ([$0.date, $0.title] + ($0.url.map { [$0] } ?? [])).joined(separator: " | ") }
                        .joined(separator: "\n")
                }
            }
            sections.append(shape)
        }
    }

    // MARK: - From a posted form

    init(_ form: QueryString) {
        func text(_ name: String, _ max: Int) -> String {
            String((form.first(name) ?? "").replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines).prefix(max))
        }
        values["onderwerp"] = text("onderwerp", 300)
        values["adres"] = text("adres", 120)
        values["intro"] = text("intro", 20_000)
        let sectionCount = min(Int(form.first("secties") ?? "") ?? 0, Self.maxSections)
        for s in 0..<max(sectionCount, 0) {
            values["s\(s)-titel"] = text("s\(s)-titel", 300)
            themes[s] = Array(form.values("s\(s)-themas").prefix(30))
            var shape = SectionShape(blocks: [])
            let blockCount = min(Int(form.first("s\(s)-blokken") ?? "") ?? 0, Self.maxBlocks)
            for b in 0..<max(blockCount, 0) {
                let prefix = "s\(s)b\(b)-"
                guard let kind = BlockKind(rawValue: form.first(prefix + "soort") ?? "") else { continue }
                let index = shape.blocks.count
                let target = "s\(s)b\(index)-"
                shape.blocks.append(kind)
                for field in Self.blockFields where field != "soort" {
                    values[target + field] = text(prefix + field, Self.longBlockFields.contains(field) ? 20_000 : 500)
                }
            }
            sections.append(shape)
        }
    }

    // MARK: - Changing the shape

    /// Applies a structural button ("sectie-toevoegen", "blok-0-artikel", "weg-0-1", "sectie-weg-0",
    /// "omhoog-0-1", "omlaag-0-1", "sectie-omhoog-1", "sectie-omlaag-0"). Returns false when the action
    /// is not one of these (a plain save).
    mutating func apply(_ action: String) -> Bool {
        let parts = action.split(separator: "-").map(String.init)
        if action == "sectie-toevoegen" {
            guard sections.count < Self.maxSections else {
                errors.add("secties", "Een editie heeft hoogstens \(Self.maxSections) secties.")
                return true
            }
            sections.append(SectionShape(blocks: []))
            return true
        }
        if parts.count == 3, parts[0] == "blok", let s = Int(parts[1]), sections.indices.contains(s), let kind = BlockKind(rawValue: parts[2]) {
            guard sections[s].blocks.count < Self.maxBlocks else {
                errors.add("s\(s)-titel", "Een sectie heeft hoogstens \(Self.maxBlocks) blokken.")
                return true
            }
            let b = sections[s].blocks.count
            sections[s].blocks.append(kind)
            if kind == .newOfferings { values["s\(s)b\(b)-aantal"] = "5" }
            return true
        }
        if parts.count == 3, parts[0] == "weg", let s = Int(parts[1]), let b = Int(parts[2]), sections.indices.contains(s),
           sections[s].blocks.indices.contains(b) {
            removeBlock(s, b)
            return true
        }
        if parts.count == 3, parts[0] == "sectie", parts[1] == "weg", let s = Int(parts[2]), sections.indices.contains(s) {
            removeSection(s)
            return true
        }
        if parts.count == 3, parts[0] == "omhoog" || parts[0] == "omlaag", let s = Int(parts[1]), let b = Int(parts[2]),
           sections.indices.contains(s) {
            let other = parts[0] == "omhoog" ? b - 1 : b + 1
            guard sections[s].blocks.indices.contains(b), sections[s].blocks.indices.contains(other) else { return false }
            swapBlocks(s, b, other)
            return true
        }
        if parts.count == 3, parts[0] == "sectie", parts[1] == "omhoog" || parts[1] == "omlaag", let s = Int(parts[2]) {
            let other = parts[1] == "omhoog" ? s - 1 : s + 1
            guard sections.indices.contains(s), sections.indices.contains(other) else { return false }
            swapSections(s, other)
            return true
        }
        return false
    }

    private mutating func swapBlocks(_ s: Int, _ a: Int, _ b: Int) {
        for field in Self.blockFields {
            (values["s\(s)b\(a)-\(field)"], values["s\(s)b\(b)-\(field)"]) = (values["s\(s)b\(b)-\(field)"], values["s\(s)b\(a)-\(field)"])
        }
        sections[s].blocks.swapAt(a, b)
    }

    private mutating func swapSections(_ a: Int, _ b: Int) {
        (values["s\(a)-titel"], values["s\(b)-titel"]) = (values["s\(b)-titel"], values["s\(a)-titel"])
        (themes[a], themes[b]) = (themes[b], themes[a])
        for block in 0..<Self.maxBlocks {
            for field in Self.blockFields {
                (values["s\(a)b\(block)-\(field)"], values["s\(b)b\(block)-\(field)"]) =
                    (values["s\(b)b\(block)-\(field)"], values["s\(a)b\(block)-\(field)"])
            }
        }
        sections.swapAt(a, b)
    }

    /// Every field a block may have, once: reading, moving and removing blocks follow this list.
    private static let blockFields = ["soort", "titel", "tekst", "afbeelding", "alt", "aanbod", "thema", "aantal", "agenda", "kennisartikel"]
    private static let longBlockFields: Set<String> = ["tekst", "agenda"]

    private mutating func removeBlock(_ s: Int, _ b: Int) {
        let count = sections[s].blocks.count
        for later in b..<(count - 1) {
            for field in Self.blockFields { values["s\(s)b\(later)-\(field)"] = values["s\(s)b\(later + 1)-\(field)"] }
        }
        for field in Self.blockFields { values["s\(s)b\(count - 1)-\(field)"] = nil }
        sections[s].blocks.remove(at: b)
    }

    private mutating func removeSection(_ s: Int) {
        let count = sections.count
        for later in s..<count {
            let next = later + 1
            values["s\(later)-titel"] = next < count ? values["s\(next)-titel"] : nil
            themes[later] = next < count ? themes[next] : nil
            let blocks = next < count ? sections[next].blocks.count : 0
            for b in 0..<Self.maxBlocks {
                for field in Self.blockFields { values["s\(later)b\(b)-\(field)"] = b < blocks ? values["s\(next)b\(b)-\(field)"] : nil }
            }
        }
        sections.remove(at: s)
    }

    // MARK: - To an edition

    /// The edition the form describes, or nil with `errors` filled in.
    mutating func edition(from base: Edition, catalogue: LiveCatalogue, articles: ArticleCollection = .empty, by editor: String, now: Date) -> Edition? {
        let taxonomy = catalogue.taxonomy
        let subject = self["onderwerp"], slug = self["adres"]
        if subject.isEmpty || subject.count > 200 { errors.add("onderwerp", "Vul een onderwerp in van hoogstens 200 tekens.") }
        if !Slug.isKebabCase(slug) || slug.count < 3 || slug.count > 80 {
            errors.add("adres", "Gebruik 3 tot 80 kleine letters, cijfers en koppeltekens, zoals ‘weerbaarnl-december-2026’.")
        }
        if self["intro"].count > 10_000 { errors.add("intro", "Hoogstens 10.000 tekens.") }
        var result: [EditionSection] = []
        for (s, shape) in sections.enumerated() {
            let title = self["s\(s)-titel"]
            if title.isEmpty || title.count > 200 { errors.add("s\(s)-titel", "Vul een titel in van hoogstens 200 tekens.") }
            let chosen = (themes[s] ?? []).filter { taxonomy.term(.theme, $0) != nil }
            var blocks: [EditionBlock] = []
            for (b, kind) in shape.blocks.enumerated() {
                if let block = block(kind, prefix: "s\(s)b\(b)-", catalogue: catalogue, articles: articles) { blocks.append(block) }
            }
            result.append(EditionSection(title: title, themes: chosen, blocks: blocks))
        }
        guard errors.isEmpty else { return nil }
        var edition = base
        edition.subject = subject
        edition.slug = slug
        edition.intro = self["intro"]
        edition.sections = result
        edition.updatedAt = now
        edition.updatedBy = editor
        return edition
    }

    private mutating func block(_ kind: BlockKind, prefix: String, catalogue: LiveCatalogue, articles: ArticleCollection) -> EditionBlock? {
        switch kind {
        case .knowledge:
            var text = self[prefix + "kennisartikel"].trimmingCharacters(in: .whitespaces)
            if let range = text.range(of: "/artikelen/") { text = String(text[range.upperBound...]) }
            text = String(text.prefix { $0 != "?" && $0 != "#" && $0 != "/" })
            guard let article = articles.article(text) else {
                errors.add(prefix + "kennisartikel", "Geef het adres van een gepubliceerd artikel, zoals /artikelen/buurtgesprekken-na-de-brand.")
                return nil
            }
            return .knowledge(id: article.id)
        case .article:
            let title = self[prefix + "titel"], text = self[prefix + "tekst"], image = self[prefix + "afbeelding"], alt = self[prefix + "alt"]
            if text.isEmpty { errors.add(prefix + "tekst", "Vul de tekst van het artikel in.") }
            if text.count > 10_000 { errors.add(prefix + "tekst", "Hoogstens 10.000 tekens.") }
            if title.count > 200 { errors.add(prefix + "titel", "Hoogstens 200 tekens.") }
            if !image.isEmpty && (!image.lowercased().hasPrefix("https://") || !SafeMarkdown.isSafeLink(image)) {
                errors.add(prefix + "afbeelding", "Geef het adres van de afbeelding, beginnend met https://.")
            }
            if !image.isEmpty && alt.isEmpty { errors.add(prefix + "alt", "Beschrijf wat op de afbeelding staat, voor wie die niet ziet.") }
            return .article(title: title, markdown: text, imageURL: image.isEmpty ? nil : image, imageAlt: image.isEmpty ? nil : alt)
        case .offering:
            let typed = self[prefix + "aanbod"]
            guard let offering = Self.offering(typed, catalogue: catalogue) else {
                errors.add(prefix + "aanbod", "Geef het adres van gepubliceerd aanbod, zoals /aanbod/handreiking-polarisatie.")
                return nil
            }
            return .offering(key: offering.key.description)
        case .newOfferings:
            let theme = self[prefix + "thema"]
            if !theme.isEmpty && catalogue.taxonomy.term(.theme, theme) == nil { errors.add(prefix + "thema", "Kies een thema uit de lijst.") }
            guard let limit = Int(self[prefix + "aantal"]), (1...20).contains(limit) else {
                errors.add(prefix + "aantal", "Kies een aantal van 1 tot 20.")
                return nil
            }
            return .newOfferings(theme: theme.isEmpty ? nil : theme, limit: limit)
        case .agenda:
            var items: [AgendaItem] = []
            for (number, line) in self[prefix + "agenda"].split(separator: "\n").enumerated() where !line.trimmingWhitespace().isEmpty {
                let parts = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
                guard (2...3).contains(parts.count), !parts[0].isEmpty, !parts[1].isEmpty else {
                    errors.add(prefix + "agenda", "Regel \(number + 1): schrijf ‘datum | titel’ of ‘datum | titel | link’.")
                    continue
                }
                let url = parts.count == 3 && !parts[2].isEmpty ? parts[2] : nil
                if let url, !SafeMarkdown.isSafeLink(url) || url.lowercased().hasPrefix("mailto:") {
                    errors.add(prefix + "agenda", "Regel \(number + 1): een link begint met https://.")
                }
                items.append(AgendaItem(date: String(parts[0].prefix(60)), title: String(parts[1].prefix(200)), url: url))
            }
            if items.isEmpty { errors.add(prefix + "agenda", "Zet minstens één regel in de agenda.") }
            return .agenda(items: items)
        }
    }

    /// Published offering by its public address, its slug, or its key "provider/id".
    static func offering(_ typed: String, catalogue: LiveCatalogue) -> Offering? {
        var text = typed.trimmingCharacters(in: .whitespaces)
        if let range = text.range(of: "/aanbod/") { text = String(text[range.upperBound...]) }
        text = String(text.prefix { $0 != "?" && $0 != "#" })
        if let offering = catalogue.offering(slug: text) { return offering }
        let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
        return parts.count == 2 ? catalogue.offering(OfferingKey(provider: parts[0], id: parts[1])) : nil
    }
}
