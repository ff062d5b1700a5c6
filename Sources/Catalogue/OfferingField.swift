import Foundation

/// Every field of an offering, described once: its name in the exchange format, its Dutch label and
/// form name, and how its value reads as text. The CSV columns and export, the revision diff and its
/// labels, and the portal form's fields follow from `OfferingField.all`; docs/architecture.md lists
/// what else a new field takes.
public struct OfferingField: Sendable {
    public enum Shape: Sendable, Equatable {
        /// One text (also a date or an address).
        case text
        /// Several free values, such as keywords.
        case list
        /// Several values from a vocabulary, chosen with checkboxes.
        case vocabulary
    }

    /// The name in the exchange format: the JSON key, or `contact.name` for a part of the contact
    /// object; also the CSV column.
    public let name: String
    /// The portal form's field name.
    public let formName: String
    /// How the portal and the history name the field.
    public let label: String
    public let shape: Shape
    /// The vocabulary its values come from, whose labels people read instead of the codes.
    public let vocabulary: Vocabulary?
    /// The values in the record: none when absent, one for a text, any number for a list.
    let values: @Sendable (OfferingRecord) -> [String]

    /// The value as one text: a list joined with `separator`, absent as empty.
    public func text(_ record: OfferingRecord, separator: String = ", ") -> String { values(record).joined(separator: separator) }

    /// The field of the exchange format's top level this one is part of (`contact` for `contact.name`).
    public var topLevelName: String { String(name.prefix { $0 != "." }) }

    init(_ name: String, _ formName: String, _ label: String, _ shape: Shape = .text, from vocabulary: Vocabulary? = nil,
         _ values: @escaping @Sendable (OfferingRecord) -> [String]) {
        self.name = name
        self.formName = formName
        self.label = label
        self.shape = shape
        self.vocabulary = vocabulary
        self.values = values
    }

    /// The values as people read them: a vocabulary's labels, a provider's name; codes without a taxonomy.
    public func readable(_ record: OfferingRecord, taxonomy: Taxonomy?) -> [String] {
        let values = values(record)
        guard let taxonomy else { return values }
        if let vocabulary { return values.map { taxonomy.label(vocabulary, $0) } }
        if name == "provider" { return values.map { taxonomy.provider($0)?.name ?? $0 } }
        return values
    }

    private static func one(_ value: String?) -> [String] { value.map { [$0] } ?? [] }

    /// In the export's order.
    public static let all: [OfferingField] = [
        OfferingField("id", "kenmerk", "Kenmerk") { [$0.id] },
        OfferingField("provider", "aanbieder", "Aanbieder") { [$0.provider] },
        OfferingField("title", "titel", "Titel") { [$0.title] },
        OfferingField("summary", "samenvatting", "Samenvatting") { [$0.summary] },
        OfferingField("description", "beschrijving", "Beschrijving") { [$0.description] },
        OfferingField("kind", "soort", "Soort", from: .kind) { [$0.kind] },
        OfferingField("form", "vorm", "Vorm", from: .form) { [$0.form] },
        OfferingField("themes", "themas", "Thema’s", .vocabulary, from: .theme) { $0.themes },
        OfferingField("audiences", "doelgroepen", "Doelgroepen", .vocabulary, from: .audience) { $0.audiences },
        OfferingField("keywords", "trefwoorden", "Trefwoorden", .list) { $0.keywords },
        OfferingField("cost", "kosten", "Kosten", from: .cost) { one($0.cost) },
        OfferingField("delivery", "werkvorm", "Werkvorm", from: .delivery) { one($0.delivery) },
        OfferingField("duration", "duur", "Duur") { one($0.duration) },
        OfferingField("level", "niveau", "Niveau", from: .level) { one($0.level) },
        OfferingField("phases", "fases", "Fase van onrust", .vocabulary, from: .phase) { $0.phases },
        OfferingField("price", "prijs", "Prijs (euro)") { one($0.price) },
        OfferingField("schedule", "wanneer-en-waar", "Wanneer en waar") { one($0.schedule) },
        OfferingField("language", "taal", "Taal") { one($0.language) },
        OfferingField("accreditation", "accreditatie", "Accreditatie") { one($0.accreditation) },
        OfferingField("evidence.level", "erkenning", "Erkenning", from: .evidence) { one($0.evidence?.level) },
        OfferingField("evidence.date", "erkenning-datum", "Erkend op") { one($0.evidence?.date?.description) },
        OfferingField("evidence.by", "erkenning-door", "Erkend door") { one($0.evidence?.by) },
        OfferingField("url", "webadres", "Webadres") { one($0.url) },
        OfferingField("contact.name", "contact-naam", "Contactpersoon") { one($0.contact?.name) },
        OfferingField("contact.email", "contact-email", "E-mailadres contactpersoon") { one($0.contact?.email) },
        OfferingField("contact.phone", "contact-telefoon", "Telefoon contactpersoon") { one($0.contact?.phone) },
        OfferingField("published", "verschenen", "Verschenen op") { one($0.published?.description) },
        OfferingField("reviewBy", "herzien-voor", "Herzien vóór") { one($0.reviewBy?.description) },
    ]

    /// The field of this exchange-format name.
    public static func named(_ name: String) -> OfferingField? { all.first { $0.name == name } }

    /// The column a spreadsheet header names: the exchange format's name (`themes`), the Dutch column
    /// name of the template (`themas`) or the label (`Thema’s`), in any case.
    public static func column(_ header: String) -> OfferingField? {
        let wanted = header.trimmingCharacters(in: .whitespaces).lowercased()
        return all.first { $0.name.lowercased() == wanted || $0.formName == wanted || $0.label.lowercased() == wanted }
    }

    /// The Dutch column names of the upload template, in the export's order.
    public static var columnNames: [String] { all.map(\.formName) }
}
