/// The dry run of a bulk upload: per record whether it is new, changed (with the field changes) or
/// unchanged, and every problem that stops it. Nothing is written until the uploader confirms.
public struct UploadPlan: Sendable, Equatable {
    public enum Change: Sendable, Equatable {
        case new
        case changed([FieldChange])
        case unchanged
    }

    public struct Entry: Sendable, Equatable {
        public var record: OfferingRecord
        public var change: Change
        /// What the record was compared with, for the optimistic lock at confirmation.
        public var basedOn: EditToken
    }

    public var entries: [Entry]
    public var problems: [ImportProblem]

    public init(entries: [Entry], problems: [ImportProblem]) {
        self.entries = entries
        self.problems = problems
    }

    public var new: [Entry] { entries.filter { $0.change == .new } }
    public var changed: [Entry] { entries.filter { if case .changed = $0.change { true } else { false } } }
    public var unchanged: [Entry] { entries.filter { $0.change == .unchanged } }
    /// Only a plan without problems and with something to do can be confirmed.
    public var canApply: Bool { problems.isEmpty && entries.contains { $0.change != .unchanged } }

    /// `allowedProvider` nil: any provider (redacteuren); otherwise every record must be of that one.
    /// `publishes`: compare with the published version (the upload goes live) or, for a submission,
    /// with what the editor works on (a draft when there is one).
    public static func make(_ records: [OfferingRecord], current: [OfferingKey: ManagedOffering], allowedProvider: String?,
                            publishes: Bool) -> UploadPlan {
        var entries: [Entry] = []
        var problems: [ImportProblem] = []
        for (index, record) in records.enumerated() {
            if let allowedProvider, record.provider != allowedProvider {
                problems.append(ImportProblem(.record(index + 1), field: "provider",
                    "'\(record.id)' is van aanbieder '\(record.provider)'; u kunt alleen aanbod van '\(allowedProvider)' uploaden"))
                continue
            }
            guard let managed = current[record.key] else {
                entries.append(Entry(record: record, change: .new, basedOn: .new))
                continue
            }
            let compared = publishes ? managed.stored?.record ?? managed.workingRecord : managed.workingRecord
            let changes = RecordDiff.changes(from: compared, to: record)
            entries.append(Entry(record: record, change: changes.isEmpty ? .unchanged : .changed(changes), basedOn: managed.editToken))
        }
        return UploadPlan(entries: entries, problems: problems)
    }
}
