import Foundation

/// One step in an offering's history: the full content after the step, who took it and why. Every
/// save, submission, publication, return, archiving and import adds one; none is ever changed.
public struct OfferingRevision: Sendable, Hashable {
    /// What happened. The raw value is stored; new actions are added, never renamed.
    public enum Action: String, Sendable, Codable, CaseIterable {
        case saved = "opgeslagen"
        case submitted = "ingediend"
        case published = "gepubliceerd"
        case sentBack = "teruggestuurd"
        case archived = "gearchiveerd"
        case unarchived = "hersteld"
        case restored = "teruggezet"
        case imported = "geimporteerd"
        case confirmed = "bevestigd"
        case termMerged = "waarde-samengevoegd"

        public var label: String {
            switch self {
            case .saved: "Opgeslagen als concept"
            case .submitted: "Ingediend ter beoordeling"
            case .published: "Gepubliceerd"
            case .sentBack: "Teruggestuurd met opmerking"
            case .archived: "Gearchiveerd"
            case .unarchived: "Uit het archief gehaald"
            case .restored: "Eerdere versie teruggezet als concept"
            case .imported: "Geïmporteerd"
            case .confirmed: "Bevestigd als nog actueel"
            case .termMerged: "Lijstwaarde samengevoegd door een beheerder"
            }
        }
    }

    public var key: OfferingKey
    /// 1, 2, 3, … per offering.
    public var number: Int
    public var record: OfferingRecord
    public var action: Action
    /// The offering's status after the step.
    public var status: OfferingStatus
    public var editor: Editor
    public var comment: String?
    public var at: Date

    public init(key: OfferingKey, number: Int, record: OfferingRecord, action: Action, status: OfferingStatus, editor: Editor,
                comment: String?, at: Date) {
        self.key = key
        self.number = number
        self.record = record
        self.action = action
        self.status = status
        self.editor = editor
        self.comment = comment
        self.at = at
    }
}

/// One field that differs between two versions of an offering, as text for people.
public struct FieldChange: Sendable, Hashable {
    public var field: String
    public var label: String
    public var before: String
    public var after: String
}

/// The field-level difference between two versions of an offering.
public enum RecordDiff {
    /// Every field of the exchange format that differs, in the format's order. With no `before`
    /// (the first version) every filled field counts as changed.
    public static func changes(from before: OfferingRecord?, to after: OfferingRecord) -> [FieldChange] {
        let old = before.map(texts) ?? [:]
        let new = texts(after)
        return OfferingRecord.fieldNames.flatMap { name -> [FieldChange] in
            if name == "contact" {
                return ["contact.name", "contact.email", "contact.phone"].compactMap { change($0, old, new) }
            }
            return change(name, old, new).map { [$0] } ?? []
        }
    }

    private static func change(_ name: String, _ old: [String: String], _ new: [String: String]) -> FieldChange? {
        let a = old[name] ?? "", b = new[name] ?? ""
        return a == b ? nil : FieldChange(field: name, label: fieldLabels[name] ?? name, before: a, after: b)
    }

    /// Each field as one text: lists joined with commas, absent as empty.
    static func texts(_ r: OfferingRecord) -> [String: String] {
        [
            "id": r.id, "provider": r.provider, "title": r.title, "summary": r.summary, "description": r.description,
            "kind": r.kind, "form": r.form, "themes": r.themes.joined(separator: ", "),
            "audiences": r.audiences.joined(separator: ", "), "keywords": r.keywords.joined(separator: ", "),
            "cost": r.cost ?? "", "delivery": r.delivery ?? "", "duration": r.duration ?? "", "url": r.url ?? "",
            "contact.name": r.contact?.name ?? "", "contact.email": r.contact?.email ?? "", "contact.phone": r.contact?.phone ?? "",
            "published": r.published?.description ?? "", "reviewBy": r.reviewBy?.description ?? "",
        ]
    }

    /// The Dutch names of the exchange format's fields, as the portal's forms label them.
    public static let fieldLabels: [String: String] = [
        "id": "Kenmerk", "provider": "Aanbieder", "title": "Titel", "summary": "Samenvatting", "description": "Beschrijving",
        "kind": "Soort", "form": "Vorm", "themes": "Thema’s", "audiences": "Doelgroepen", "keywords": "Trefwoorden",
        "cost": "Kosten", "delivery": "Uitvoering", "duration": "Duur", "url": "Webadres",
        "contact.name": "Contactpersoon", "contact.email": "E-mailadres contactpersoon", "contact.phone": "Telefoon contactpersoon",
        "contact": "Contact", "published": "Verschenen op", "reviewBy": "Herzien vóór",
    ]
}
