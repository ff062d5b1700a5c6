import Newsletter
import CatalogueService
import Audit
import Accounts
import Catalogue
import Foundation
import Hummingbird
import Insight
import Knowledge

/// The public side of insight: published survey results, and "was this useful?" under offerings.
struct InsightRoutes<Context: RequestContext> {
    let site: SiteServices
    let insight: InsightServices

    var routes: [Route<Context>] {
        [
            Route(.get, InsightPaths.publicSurveys, .everyone) { _ in
                var rows: [(Survey, responded: Int)] = []
                for survey in try await insight.surveys.surveys() where survey.resultsPublished {
                    rows.append((survey, try await insight.surveys.participations(survey.id).count(where: \.responded)))
                }
                return Responses.personal(SurveyPortalPages.publicList(rows, site: site))
            },
            Route(.get, InsightPaths.publicResults, .everyone) { request in
                guard let id = UUID(uuidString: try request.parameter("id")), let survey = try await insight.surveys.survey(id), survey.resultsPublished
                else { throw HTTPError(.notFound) }
                let provinces = insight.municipalities.provinces
                let filter = SurveyResultsView.read(request.query, provinces: provinces)
                let participations = try await insight.surveys.participations(survey.id)
                let rates = ResponseRate.perProvince(insight.municipalities, participations)
                return Responses.personal(SurveyPortalPages.results(
                    survey, SurveyResults(survey, responses: try await insight.surveys.responses(survey.id), filter: filter), filter: filter,
                    provinces: provinces, rates: rates, publicPage: true, site: site))
            },
            Route(.post, InsightPaths.feedback, .everyone, maxBody: 16 * 1024) { call in
                guard let offering = site.catalogue.offering(slug: try call.parameter("slug")) else { throw HTTPError(.notFound) }
                return try await feedback(call, about: .offering(offering))
            },
            Route(.post, InsightPaths.articleFeedback, .everyone, maxBody: 16 * 1024) { call in
                guard let article = site.articles.collection.article(try call.parameter("id")), article.kind == .practice else { throw HTTPError(.notFound) }
                return try await feedback(call, about: .article(article))
            },
        ]
    }

    func feedback(_ call: RouteRequest<Context>, about subject: FeedbackPages.Subject) async throws -> Response {
        let form = call.form
        var values = FeedbackPages.FormValues()
        values.useful = form.text("nuttig", .key)
        values.reason = form.text("reden", .freeText(Feedback.maxReasonLength))
        values.role = form.text("rol", .key)
        var errors = FormErrors()
        guard SameOrigin.isSameOrigin(call.request, baseURL: site.baseURL) else {
            errors.add("nuttig", "Uw reactie kwam niet van deze website. Geef haar opnieuw.")
            return Responses.personal(FeedbackPages.again(subject, taxonomy: site.catalogue.taxonomy, values: values, errors: errors, site: site),
                                      status: .forbidden)
        }
        guard insight.feedbackLimiter.allow("feedback:" + site.trustedProxies.client(of: call.request, call.context)) else {
            return Responses.personal(SurveyAnswerPages.message("Even geduld", ["Er kwamen vanaf uw verbinding veel reacties. Probeer het over een uur opnieuw."],
                                                                 path: subject.action, site: site), status: .tooManyRequests)
        }
        if !["ja", "nee"].contains(values.useful) { errors.add("nuttig", "Kies ja of nee.") }
        if values.reason.count > Feedback.maxReasonLength { errors.add("reden", "Hoogstens \(Feedback.maxReasonLength) tekens.") }
        if !values.role.isEmpty && site.catalogue.taxonomy.term(.audience, values.role) == nil { errors.add("rol", "Kies een rol uit de lijst.") }
        guard errors.isEmpty else {
            return Responses.personal(FeedbackPages.again(subject, taxonomy: site.catalogue.taxonomy, values: values, errors: errors, site: site),
                                      status: .unprocessableContent)
        }
        try await insight.feedback.add(Feedback(offering: subject.key, useful: values.useful == "ja",
                                                reason: values.reason.trimmingCharacters(in: .whitespacesAndNewlines), role: values.role, day: Day(Date()).description))
        return Responses.personal(FeedbackPages.thanks(subject, site: site))
    }
}

/// Feedback in the portal: counts for a provider's editors (their own offer) and the redactie (all),
/// and the redactie's moderation of reasons.
struct FeedbackPortalRoutes<Context: RequestContext> {
    let site: SiteServices
    let portal: PortalServices
    let insight: InsightServices

    var routes: [Route<Context>] {
        [
            Route(.get, InsightPaths.Portal.feedback, .signedIn(.editors)) { request in
                let account = request.account
                let redactie = account.role == .editor
                let provider = redactie ? nil : (account.provider ?? "-")
                let approved = try await insight.feedback.reasons(.approved, limit: 200).filter { provider == nil || $0.offering.hasPrefix(provider! + "/") }
                return Responses.personal(FeedbackPages.portal(
                    .init(counts: try await insight.feedback.counts(provider: provider),
                          pending: redactie ? try await insight.feedback.reasons(.new, limit: 100) : [], approved: approved, canModerate: redactie,
                          csrf: request.csrf, message: request.query.first("beoordeeld") == nil ? nil : "Beoordeeld."), site: site))
            },
            Route(.post, InsightPaths.Portal.moderate, .signedIn(.redactie)) { request in
                guard let id = UUID(uuidString: try request.parameter("id")) else { throw HTTPError(.notFound) }
                let state: Feedback.State = request.form.first("besluit") == "goedkeuren" ? .approved : .rejected
                try await insight.feedback.moderate(id, to: state)
                await portal.record(.feedbackModerated, by: request.account, subject: id.uuidString, details: state.rawValue, logger: request.logger)
                return Responses.seeOther(InsightPaths.Portal.feedback(query: "beoordeeld"))
            },
        ]
    }
}
