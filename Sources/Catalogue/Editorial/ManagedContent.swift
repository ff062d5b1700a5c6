import Foundation

/// Where a piece of editorial content (a handbook entry, an article) stands: a partner's proposal or
/// an editor's concept is not public until the redactie publishes it.
public enum ContentStatus: String, Sendable, Codable, CaseIterable {
    case concept
    case submitted = "ingediend"
    case published = "gepubliceerd"

    public var label: String {
        switch self {
        case .concept: "Concept"
        case .submitted: "Ter beoordeling"
        case .published: "Gepubliceerd"
        }
    }
}

/// Content as the portal keeps it: the content, its status, whose proposal, and its version for the
/// optimistic lock of the form.
public struct ManagedContent<Content: Sendable & Equatable>: Sendable, Equatable {
    public var content: Content
    public var status: ContentStatus
    /// For a partner editor's proposal: their provider.
    public var provider: String?
    public var version: Int
    public var updated: Date
    public var updatedBy: String
    /// The redactie's comment when it sent the content back; cleared by the next save.
    public var reviewComment: String?

    public init(content: Content, status: ContentStatus, provider: String?, version: Int, updated: Date, updatedBy: String,
                reviewComment: String? = nil) {
        self.content = content
        self.status = status
        self.provider = provider
        self.version = version
        self.updated = updated
        self.updatedBy = updatedBy
        self.reviewComment = reviewComment
    }
}

/// One step in the history of a piece of content: the whole content as it was, who and when.
public struct ContentRevision<Content: Sendable & Equatable>: Sendable, Equatable {
    public var number: Int
    public var content: Content
    public var status: ContentStatus
    public var editor: Editor
    public var at: Date

    public init(number: Int, content: Content, status: ContentStatus, editor: Editor, at: Date) {
        self.number = number
        self.content = content
        self.status = status
        self.editor = editor
        self.at = at
    }
}

public enum ContentProblem: Error, Sendable, Equatable {
    /// Someone saved the content since the form was opened (or, for a new one, its id is taken).
    case staleVersion
    case notFound
}
