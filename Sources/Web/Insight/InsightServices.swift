import Catalogue
import Foundation
import CatalogueService
import Audit
import Accounts
import Insight
import Newsletter
import SearchLog

/// What the insight feature is given: surveys with their invitations and responses, feedback on
/// offerings, the search log's totals per theme, the CBS list of gemeenten, and a per-client limit
/// for the public feedback form.
public struct InsightServices: Sendable {
    public var surveys: any SurveyStore
    public var feedback: any FeedbackStore
    public var searchLog: any SearchLogStore
    public var municipalities: MunicipalityList
    public var feedbackLimiter: ClientRateLimiter
    /// Who gets the weekly white-spot digest; nil offers no digest.
    public var digest: (any WhiteSpotDigestStore)?
    /// The answering pages' forms (a double-submit cookie): Secure when the site is served over TLS.
    public var secureCookies: Bool

    public init(surveys: any SurveyStore, feedback: any FeedbackStore, searchLog: any SearchLogStore, municipalities: MunicipalityList = .cbs,
                feedbackLimiter: ClientRateLimiter = ClientRateLimiter(limit: 20, window: 3600), secureCookies: Bool,
                digest: (any WhiteSpotDigestStore)? = nil) {
        self.digest = digest
        self.surveys = surveys
        self.feedback = feedback
        self.searchLog = searchLog
        self.municipalities = municipalities
        self.feedbackLimiter = feedbackLimiter
        self.secureCookies = secureCookies
    }

    static let formCookie = "peiling_formulier"
}
