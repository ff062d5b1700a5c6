import Foundation

/// Who did something in the portal, as they were at the time.
public struct Editor: Sendable, Hashable, Codable {
    public var email: String
    public var name: String

    public init(email: String, name: String) {
        self.email = email
        self.name = name
    }

    /// The import from the command line and other work without a person.
    public static let system = Editor(email: "systeem", name: "Systeem")
}

/// Work in progress on an offering: a new one that was never published, or changes to a published one
/// that are not public yet. At most one per offering; the published version stays on the site until
/// the draft is published.
public struct OfferingDraft: Sendable, Hashable {
    public var record: OfferingRecord
    /// `.concept` or `.submitted`.
    public var status: OfferingStatus
    /// Raised by every save; what optimistic locking compares.
    public var version: Int
    public var author: Editor
    /// The redacteur's comment when the draft was sent back.
    public var reviewComment: String?
    public var updated: Date

    public init(record: OfferingRecord, status: OfferingStatus, version: Int, author: Editor, reviewComment: String?, updated: Date) {
        self.record = record
        self.status = status
        self.version = version
        self.author = author
        self.reviewComment = reviewComment
        self.updated = updated
    }

    public var key: OfferingKey { record.key }
}

/// An offering as the portal manages it: what is stored (public or archived), and the draft if any.
public struct ManagedOffering: Sendable, Hashable {
    /// The stored offering with its status (`.published` or `.archived`); nil for a new offering that
    /// exists only as a draft.
    public var stored: Offering?
    public var storedStatus: OfferingStatus?
    public var storedVersion: Int
    public var draft: OfferingDraft?

    public init(stored: Offering?, storedStatus: OfferingStatus?, storedVersion: Int, draft: OfferingDraft?) {
        self.stored = stored
        self.storedStatus = storedStatus
        self.storedVersion = storedVersion
        self.draft = draft
    }

    public var key: OfferingKey { draft?.key ?? stored!.key }

    /// What an editor works on: the draft when there is one, otherwise the stored offering.
    public var workingRecord: OfferingRecord { draft?.record ?? stored!.record }

    public var title: String { workingRecord.title }

    /// The status an editor sees: a draft of a never-published offering is that offering's status.
    public var status: OfferingStatus { stored == nil ? draft!.status : storedStatus ?? .published }

    /// The token an edit form carries, so a save can tell whether someone else saved in between.
    public var editToken: EditToken {
        if let draft { return .draft(draft.version) }
        return .stored(storedVersion)
    }
}

/// What an edit form was based on. Written into the form as text and compared at save.
public enum EditToken: Sendable, Hashable, CustomStringConvertible {
    case new
    case draft(Int)
    case stored(Int)

    public var description: String {
        switch self {
        case .new: "nieuw"
        case .draft(let v): "concept-\(v)"
        case .stored(let v): "aanbod-\(v)"
        }
    }

    public init?(_ text: String) {
        if text == "nieuw" { self = .new; return }
        let parts = text.split(separator: "-", maxSplits: 1)
        guard parts.count == 2, let v = Int(parts[1]), v >= 0 else { return nil }
        switch parts[0] {
        case "concept": self = .draft(v)
        case "aanbod": self = .stored(v)
        default: return nil
        }
    }
}

/// What an editor asks for when saving.
public enum SaveIntent: Sendable, Hashable {
    case concept
    case submit
    /// Straight to the site: redacteuren, and partner editors of a trusted provider.
    case publish
}

/// Why a save or a review step did not happen.
public enum EditorialProblem: Error, Sendable, Equatable {
    /// Someone saved the same offering after this form was loaded.
    case conflict(by: Editor, at: Date)
    /// A new offering with the key of one that exists.
    case keyTaken
    case notFound
    /// The step does not fit the status (publishing what was not submitted, archiving a draft).
    case wrongStatus(OfferingStatus)

    public var message: String {
        switch self {
        case .conflict(let by, _):
            "\(by.name) heeft dit aanbod opgeslagen nadat u het opende. Uw wijzigingen zijn niet opgeslagen, maar staan nog in het formulier. "
                + "Bekijk de nieuwste versie en voer uw wijzigingen daarin opnieuw in."
        case .keyTaken: "Er is al aanbod met dit kenmerk bij deze aanbieder. Kies een ander kenmerk."
        case .notFound: "Dit aanbod bestaat niet (meer)."
        case .wrongStatus(let status): "Dat kan niet bij aanbod met de status ‘\(status.label.lowercased())’."
        }
    }
}
