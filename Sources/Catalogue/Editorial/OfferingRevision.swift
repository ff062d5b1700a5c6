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
    /// A list whose values only moved is unchanged. With a taxonomy, values read as their labels.
    public static func changes(from before: OfferingRecord?, to after: OfferingRecord, taxonomy: Taxonomy? = nil) -> [FieldChange] {
        OfferingField.all.compactMap { field in
            let old = before.map { field.values($0) } ?? [], new = field.values(after)
            let same = field.shape == .text ? old == new : old.sorted() == new.sorted()
            guard !same else { return nil }
            return FieldChange(field: field.name, label: field.label,
                               before: before.map { field.readable($0, taxonomy: taxonomy).joined(separator: ", ") } ?? "",
                               after: field.readable(after, taxonomy: taxonomy).joined(separator: ", "))
        }
    }

    /// The Dutch names of the exchange format's fields, as the portal's forms label them.
    public static let fieldLabels: [String: String] = Dictionary(uniqueKeysWithValues: OfferingField.all.map { ($0.name, $0.label) })
        .merging(["contact": "Contact"]) { a, _ in a }
}
