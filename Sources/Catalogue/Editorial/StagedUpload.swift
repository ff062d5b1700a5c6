import Foundation

/// A bulk upload after its dry run, waiting for the uploader to confirm it. It keeps what each record
/// was compared with (its edit token), so confirming applies exactly what the dry run showed: if anyone
/// changed one of those offerings in between, the whole upload is refused rather than overwriting it.
public struct StagedUpload: Sendable, Equatable {
    public struct Item: Sendable, Equatable, Codable {
        public var record: OfferingRecord
        public var basedOn: String

        public init(record: OfferingRecord, basedOn: EditToken) {
            self.record = record
            self.basedOn = basedOn.description
        }

        public var token: EditToken? { EditToken(basedOn) }
    }

    public var id: UUID
    /// The account that uploaded it; nobody else can confirm it.
    public var owner: UUID
    public var fileName: String
    public var items: [Item]
    public var created: Date

    public init(id: UUID = UUID(), owner: UUID, fileName: String, items: [Item], created: Date = Date()) {
        self.id = id
        self.owner = owner
        self.fileName = fileName
        self.items = items
        self.created = created
    }

    /// How long a dry run can be confirmed.
    public static let lifetime: TimeInterval = 60 * 60
}
