import Newsletter
import CatalogueService
import Audit
import Accounts
import Catalogue
import Foundation
import Hummingbird
import Insight

/// Answering the survey by a gemeente contact's personal link: no account, no JavaScript. The link
/// names the invitation (stored by the hash of its token); every colleague's link of one gemeente
/// opens the same shared draft, and the gemeente sends one response.
struct SurveyAnswerRoutes<Context: RequestContext> {
    let site: SiteServices
    let insight: InsightServices

    var routes: [Route<Context>] {
        typealias Paths = InsightPaths
        return [
            Route(.get, Paths.answer, .everyone) { request in
                let context = try await resolve(request)
                let message = AnswerFlash.read(request.query)?.text
                return Responses.personal(SurveyAnswerPages.overview(context, message: message, today: Day(Date()), site: site))
            },
            Route(.get, Paths.question, .everyone) { request in
                let context = try await resolve(request)
                if let closed = closed(context) { return closed }
                let (number, question, total) = try step(request, context)
                return formToken.respond { csrf in
                    SurveyAnswerPages.question(.init(context: context, number: number, question: question, total: total, csrf: csrf,
                                                     fields: SurveyAnswerPages.fields(question, context.answers[question.id])), site: site)
                }
            },
            Route(.post, Paths.question, .everyone) { try await saveAnswer($0) },
            Route(.get, Paths.check, .everyone) { request in
                let context = try await resolve(request)
                if let closed = closed(context) { return closed }
                return formToken.respond { csrf in SurveyAnswerPages.check(context, csrf: csrf, missing: [], site: site) }
            },
            Route(.post, Paths.submit, .everyone) { try await submit($0) },
        ]
    }

    enum AnswerFlash: String, Flash {
        case opgeslagen
        var text: String { "Uw antwoorden zijn bewaard. Met dezelfde link gaat u later verder." }
    }

    var formToken: SignedOutForm {
        SignedOutForm(cookieName: InsightServices.formCookie, path: "/peiling", secure: insight.secureCookies)
    }

    func resolve(_ request: RouteRequest<Context>) async throws -> SurveyAnswerPages.Context {
        let token = try request.parameter("token")
        guard token.count <= 100,
              let invitation = try await insight.surveys.openInvitation(tokenHash: Tokens.hash(token), at: Date()),
              let survey = try await insight.surveys.survey(invitation.survey),
              let municipality = insight.municipalities.municipality(invitation.municipality)
        else { throw HTTPError(.notFound) }
        let responded = try await insight.surveys.participations(survey.id).first { $0.municipality == municipality.code }?.responded ?? false
        let answers = responded ? [:] : try await insight.surveys.draft(survey.id, municipality: municipality.code)
        return .init(token: token, survey: survey, municipality: municipality, answers: answers, responded: responded)
    }

    /// The overview says why answering is not possible (sent, closed, not yet open).
    func closed(_ context: SurveyAnswerPages.Context) -> Response? {
        context.responded || !context.survey.acceptsAnswers(on: Day(Date())) ? Responses.seeOther(InsightPaths.answer(context.token)) : nil
    }

    func step(_ request: RouteRequest<Context>, _ context: SurveyAnswerPages.Context) throws -> (Int, Question, Int) {
        let visible = context.survey.visibleQuestions(context.answers)
        guard let number = Int(try request.parameter("n")), (1...max(1, visible.count)).contains(number), !visible.isEmpty else {
            throw HTTPError(.notFound)
        }
        return (number, visible[number - 1], visible.count)
    }

    func saveAnswer(_ request: RouteRequest<Context>) async throws -> Response {
        let context = try await resolve(request)
        if let closed = closed(context) { return closed }
        let (number, question, total) = try step(request, context)
        var fields: [String: [String]] = [:]
        for (name, value) in request.form.pairs where name.hasPrefix("v-") { fields[name, default: []].append(String(value.prefix(AnswerReader.maxTextLength + 1))) }
        func again(_ problems: [AnswerReader.Problem], status: HTTPResponse.Status) -> Response {
            formToken.respond(status: status) { csrf in
                SurveyAnswerPages.question(.init(context: context, number: number, question: question, total: total, csrf: csrf, fields: fields,
                                                 errors: problems), site: site)
            }
        }
        guard formToken.isGenuine(request.request, request.form) else {
            return again([.init(field: AnswerReader.name(question), message: "Het formulier was verlopen. Controleer uw antwoord en sla het opnieuw op.")],
                         status: .forbidden)
        }
        let answer: Answer?
        switch AnswerReader.read(question, from: fields) {
        case .failure(let problems): return again(problems.all, status: .unprocessableContent)
        case .success(let read): answer = read
        }
        do {
            try await insight.surveys.saveAnswer(context.survey.id, municipality: context.municipality.code, question: question.id, answer: answer, at: Date())
        } catch SurveyProblem.alreadySubmitted {
            return Responses.seeOther(InsightPaths.answer(context.token))
        }
        if request.form.first("actie") == "later" { return Responses.seeOther(InsightPaths.answer(context.token, query: AnswerFlash.opgeslagen.rawValue)) }
        // The next question of the list as this answer leaves it (a condition may show or hide some).
        var answers = context.answers
        answers[question.id] = answer
        let visible = context.survey.visibleQuestions(answers)
        let position = visible.firstIndex { $0.id == question.id } ?? (number - 1)
        return position + 1 < visible.count
            ? Responses.seeOther(InsightPaths.question(context.token, String(position + 2)))
            : Responses.seeOther(InsightPaths.check(context.token))
    }

    func submit(_ request: RouteRequest<Context>) async throws -> Response {
        let context = try await resolve(request)
        if let closed = closed(context) { return closed }
        let missing = AnswerReader.unanswered(context.survey, context.answers)
        guard formToken.isGenuine(request.request, request.form), missing.isEmpty else {
            return formToken.respond(status: missing.isEmpty ? .forbidden : .unprocessableContent) { csrf in
                SurveyAnswerPages.check(context, csrf: csrf, missing: missing, site: site)
            }
        }
        let outcome = try await insight.surveys.submit(context.survey, municipality: context.municipality, at: Date())
        let name = context.municipality.name
        var response = Responses.personal(SurveyAnswerPages.message(
            outcome == .submitted ? "Verstuurd. Dank u wel!" : "Uw gemeente heeft al geantwoord",
            outcome == .submitted
                ? ["De antwoorden van de gemeente \(name) zijn ontvangen. Uw collega’s met een link zien dat de peiling is ingestuurd.",
                   "De resultaten verschijnen na het sluiten van de peiling op Weerbaar; groepen van minder dan \(SurveyResults.minimumGroup) gemeenten tonen we niet."]
                : ["Een collega van de gemeente \(name) heeft de peiling net ingestuurd. Een gemeente stuurt één antwoord in; het uwe is daarin opgenomen "
                    + "voor zover u het had bewaard."],
            path: InsightPaths.answer(context.token), site: site))
        response.setCookie(formToken.expired)
        return response
    }
}
