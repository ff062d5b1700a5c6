import Newsletter
import CatalogueService
import Accounts
import Audit
import Catalogue
import Foundation
import Hummingbird
import Insight
import Mail
import Workbook

/// The needs survey in the portal, for the redactie: building a wave, opening and closing it,
/// inviting contacts per gemeente and reminding them, the results while it runs, and exports.
struct SurveyPortalRoutes<Context: RequestContext> {
    let site: SiteServices
    let portal: PortalServices
    let insight: InsightServices

    var routes: [Route<Context>] {
        typealias Paths = InsightPaths.Portal
        return [
            Route(.get, Paths.surveys, .signedIn(.redactie)) { request in
                var rows: [(Survey, responded: Int)] = []
                for survey in try await insight.surveys.surveys() {
                    rows.append((survey, try await insight.surveys.participations(survey.id).count(where: \.responded)))
                }
                return Responses.personal(SurveyPortalPages.list(rows, csrf: request.csrf, message: SurveyFlash.read(request.query)?.text, site: site))
            },
            Route(.get, Paths.newSurvey, .signedIn(.redactie)) { request in
                var form = SurveyPortalPages.DetailsForm()
                let today = Day(Date())
                form.year = String(today.year)
                form.opens = today.description
                form.closes = today.adding(days: 42).description
                return Responses.personal(SurveyPortalPages.newSurvey(form, errors: FormErrors(), csrf: request.csrf, site: site))
            },
            Route(.post, Paths.newSurvey, .signedIn(.redactie)) { request in
                let form = SurveyPortalPages.DetailsForm(form: request.form)
                var errors = FormErrors()
                guard var survey = form.apply(to: nil, errors: &errors) else {
                    return Responses.personal(SurveyPortalPages.newSurvey(form, errors: errors, csrf: request.csrf, site: site), status: .unprocessableContent)
                }
                // A needs survey starts with its needs matrix over the catalogue's own vocabularies.
                var matrixErrors = FormErrors()
                var matrix = SurveyPortalPages.QuestionForm()
                matrix.kind = Question.Kind.needsMatrix.rawValue
                if let question = matrix.question(in: survey, taxonomy: site.catalogue.taxonomy, errors: &matrixErrors) { survey.questions = [question] }
                try await insight.surveys.save(survey)
                await portal.record(.surveyChanged, by: request.account, subject: survey.title, details: "aangemaakt", logger: request.logger)
                return Responses.seeOther(Paths.survey(survey.id.uuidString, query: SurveyFlash.aangemaakt.rawValue))
            },
            Route(.get, Paths.survey, .signedIn(.redactie)) { request in
                let survey = try await load(request)
                return Responses.personal(SurveyPortalPages.survey(
                    .init(survey: survey, details: .init(survey), participations: try await insight.surveys.participations(survey.id), csrf: request.csrf,
                          message: SurveyFlash.read(request.query)?.text), site: site))
            },
            Route(.post, Paths.survey, .signedIn(.redactie)) { request in
                let survey = try await load(request)
                let form = SurveyPortalPages.DetailsForm(form: request.form)
                var errors = FormErrors()
                guard let changed = form.apply(to: survey, errors: &errors) else {
                    return Responses.personal(SurveyPortalPages.survey(
                        .init(survey: survey, details: form, detailErrors: errors, participations: try await insight.surveys.participations(survey.id),
                              csrf: request.csrf), site: site), status: .unprocessableContent)
                }
                try await insight.surveys.save(changed)
                await portal.record(.surveyChanged, by: request.account, subject: changed.title, details: "gegevens", logger: request.logger)
                return Responses.seeOther(Paths.survey(survey.id.uuidString, query: SurveyFlash.opgeslagen.rawValue))
            },
            Route(.post, Paths.addQuestion, .signedIn(.redactie)) { request in
                var survey = try await load(request)
                let form = SurveyPortalPages.QuestionForm(form: request.form)
                var errors = FormErrors()
                if survey.questionsFrozen || survey.questions.count >= 60 {
                    return Responses.personal(SurveyPortalPages.survey(
                        .init(survey: survey, details: .init(survey), participations: try await insight.surveys.participations(survey.id), csrf: request.csrf,
                              message: survey.questionsFrozen ? "De peiling is geopend; haar vragen liggen vast." : "Een peiling heeft hoogstens 60 vragen."),
                        site: site), status: .conflict)
                }
                guard errors.isEmpty, let question = form.question(in: survey, taxonomy: site.catalogue.taxonomy, errors: &errors) else {
                    return Responses.personal(SurveyPortalPages.survey(
                        .init(survey: survey, details: .init(survey), question: form, questionErrors: errors,
                              participations: try await insight.surveys.participations(survey.id), csrf: request.csrf), site: site),
                        status: .unprocessableContent)
                }
                survey.questions.append(question)
                try await save(survey, request)
                await portal.record(.surveyChanged, by: request.account, subject: survey.title, details: "vraag toegevoegd: \(question.id)", logger: request.logger)
                return Responses.seeOther(Paths.survey(survey.id.uuidString, query: SurveyFlash.vraagToegevoegd.rawValue) + "#vragen")
            },
            Route(.post, Paths.removeQuestion, .signedIn(.redactie)) { request in
                var survey = try await load(request)
                let id = try request.parameter("vraag")
                guard survey.question(id) != nil else { throw HTTPError(.notFound) }
                // A question others depend on goes with its condition.
                survey.questions.removeAll { $0.id == id }
                for index in survey.questions.indices where survey.questions[index].condition?.question == id { survey.questions[index].condition = nil }
                try await save(survey, request)
                await portal.record(.surveyChanged, by: request.account, subject: survey.title, details: "vraag verwijderd: \(id)", logger: request.logger)
                return Responses.seeOther(Paths.survey(survey.id.uuidString, query: SurveyFlash.opgeslagen.rawValue) + "#vragen")
            },
            Route(.post, Paths.status, .signedIn(.redactie)) { request in
                var survey = try await load(request)
                if let publish = request.form.first("publiceren") {
                    guard survey.status == .closed else { return Responses.seeOther(Paths.survey(survey.id.uuidString, query: SurveyFlash.nietGesloten.rawValue)) }
                    survey.resultsPublished = publish == "ja"
                } else {
                    guard let status = request.form.first("status").flatMap(SurveyStatus.init(rawValue:)), status != .concept else {
                        return Responses.seeOther(Paths.survey(survey.id.uuidString, query: SurveyFlash.geenStatus.rawValue))
                    }
                    if status == .open && survey.questions.isEmpty {
                        return Responses.seeOther(Paths.survey(survey.id.uuidString, query: SurveyFlash.geenVragen.rawValue))
                    }
                    survey.status = status
                    if status == .open { survey.resultsPublished = false }
                }
                try await save(survey, request)
                await portal.record(.surveyChanged, by: request.account, subject: survey.title,
                                    details: "status \(survey.status.label.lowercased())\(survey.resultsPublished ? ", resultaten openbaar" : "")", logger: request.logger)
                return Responses.seeOther(Paths.survey(survey.id.uuidString, query: SurveyFlash.opgeslagen.rawValue))
            },
            Route(.post, Paths.nextWave, .signedIn(.redactie)) { request in
                let survey = try await load(request)
                let next = survey.nextWave()
                try await insight.surveys.save(next)
                await portal.record(.surveyChanged, by: request.account, subject: next.title, details: "volgende ronde van \(survey.year)", logger: request.logger)
                return Responses.seeOther(Paths.survey(next.id.uuidString, query: SurveyFlash.volgendeRonde.rawValue))
            },
            Route(.get, Paths.invitations, .signedIn(.redactie)) { request in
                let survey = try await load(request)
                return Responses.personal(SurveyPortalPages.invitations(try await invitationsModel(survey, request), site: site))
            },
            Route(.post, Paths.invitations, .signedIn(.redactie)) { try await invite($0) },
            Route(.post, Paths.remind, .signedIn(.redactie)) { try await remind($0) },
            Route(.get, Paths.results, .signedIn(.redactie)) { request in
                let survey = try await load(request)
                let provinces = insight.municipalities.provinces
                let filter = SurveyResultsView.read(request.query, provinces: provinces)
                let participations = try await insight.surveys.participations(survey.id)
                return Responses.personal(SurveyPortalPages.results(
                    survey, SurveyResults(survey, responses: try await insight.surveys.responses(survey.id), filter: filter), filter: filter,
                    provinces: provinces, rates: ResponseRate.perProvince(insight.municipalities, participations), publicPage: false, site: site))
            },
            Route(.get, Paths.export, .signedIn(.redactie)) { request in
                let survey = try await load(request)
                let responses = try await insight.surveys.responses(survey.id)
                return try SurveyExport.response(survey, responses, municipalities: insight.municipalities, format: try request.parameter("formaat"))
            },
        ]
    }

    enum SurveyFlash: String, Flash {
        case aangemaakt, opgeslagen, vraagToegevoegd = "vraag-toegevoegd", geenVragen = "geen-vragen", volgendeRonde = "volgende-ronde", uitgenodigd, herinnerd
        case nietGesloten = "niet-gesloten", geenStatus = "geen-status", nietOpen = "niet-open"
        var text: String {
            switch self {
            case .aangemaakt: "De peiling is aangemaakt, met een behoeftematrix over de thema’s. Voeg de andere vragen toe."
            case .opgeslagen: "Opgeslagen."
            case .vraagToegevoegd: "De vraag is toegevoegd."
            case .geenVragen: "Een peiling zonder vragen kan niet open."
            case .volgendeRonde: "De volgende ronde staat klaar als concept, met dezelfde vragen. Pas data en vragen aan en open haar."
            case .uitgenodigd: "De uitnodigingen zijn verstuurd."
            case .herinnerd: "De herinneringen zijn verstuurd."
            case .nietGesloten: "Resultaten worden openbaar na het sluiten van de peiling."
            case .geenStatus: "Er is niets veranderd: kies openen, sluiten of heropenen."
            case .nietOpen: "Herinneren kan alleen terwijl de peiling open is."
            }
        }
    }


    func load(_ request: PortalRequest<Context>) async throws -> Survey {
        guard let id = UUID(uuidString: try request.parameter("id")), let survey = try await insight.surveys.survey(id) else { throw HTTPError(.notFound) }
        return survey
    }

    func save(_ survey: Survey, _ request: PortalRequest<Context>) async throws {
        do { try await insight.surveys.save(survey) } catch SurveyProblem.questionsFrozen {
            throw HTTPError(.conflict, message: "De vragen van een geopende peiling liggen vast.")
        }
    }

    func invitationsModel(_ survey: Survey, _ request: PortalRequest<Context>) async throws -> SurveyPortalPages.InvitationsModel {
        .init(survey: survey, participations: try await insight.surveys.participations(survey.id), invitations: try await insight.surveys.invitations(survey.id),
              municipalities: insight.municipalities, csrf: request.csrf, message: SurveyFlash.read(request.query)?.text)
    }

    /// Reads "gemeente; e-mail; naam" lines. Every line must be right before any mail goes out.
    func invite(_ request: PortalRequest<Context>) async throws -> Response {
        let survey = try await load(request)
        let text = request.form.text("contacten", .freeText(100_000))
        var model = try await invitationsModel(survey, request)
        model.lines = text
        var contacts: [(Municipality, MailAddress, String)] = []
        var problems: [String] = []
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if lines.isEmpty { problems.append("Geef ten minste één regel.") }
        if lines.count > 500 { problems.append("Hoogstens 500 regels per keer.") }
        if survey.status == .closed { problems.append("De peiling is gesloten.") }
        for (number, line) in lines.prefix(500).enumerated() where problems.count < 5 {
            let parts = line.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            let key = parts.first ?? ""
            let municipality = insight.municipalities.municipality(key.uppercased())
                ?? insight.municipalities.all.first { $0.name.lowercased() == key.lowercased() }
            guard let municipality else { problems.append("Regel \(number + 1): ‘\(key)’ is geen gemeente van de CBS-lijst."); continue }
            guard parts.count >= 2, let address = try? MailAddress(parts[1]) else {
                problems.append("Regel \(number + 1): geef na de gemeente een geldig e-mailadres."); continue
            }
            let name = parts.count > 2 ? String(parts[2].prefix(200)) : ""
            if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) { problems.append("Regel \(number + 1): ongeldige tekens."); continue }
            contacts.append((municipality, address, name))
        }
        guard problems.isEmpty else {
            model.errors.add("contacten", problems.joined(separator: " "))
            return Responses.personal(SurveyPortalPages.invitations(model, site: site), status: .unprocessableContent)
        }
        for (municipality, address, name) in contacts {
            let token = Tokens.random()
            try await insight.surveys.invite(Invitation(id: UUID(), survey: survey.id, municipality: municipality.code, email: address.description,
                                                        name: name, sentAt: Date()), tokenHash: Tokens.hash(token))
            let mail = InsightMail.invitation(name: name, survey: survey, municipality: municipality, link: site.absolute(InsightPaths.answer(token)))
            try await portal.mailer.send(MailMessage(from: portal.mailFrom, fromName: "Weerbaar", to: [address], subject: mail.subject, text: mail.text))
        }
        await portal.record(.surveyInvitationsSent, by: request.account, subject: survey.title, details: "\(contacts.count) uitnodigingen", logger: request.logger)
        return Responses.seeOther(InsightPaths.Portal.invitations(survey.id.uuidString, query: SurveyFlash.uitgenodigd.rawValue))
    }

    func remind(_ request: PortalRequest<Context>) async throws -> Response {
        let survey = try await load(request)
        guard survey.status == .open else { return Responses.seeOther(InsightPaths.Portal.invitations(survey.id.uuidString, query: SurveyFlash.nietOpen.rawValue)) }
        let waiting = Set(try await insight.surveys.participations(survey.id).filter { !$0.responded }.map(\.municipality))
        var sent = 0
        for invitation in try await insight.surveys.invitations(survey.id) where waiting.contains(invitation.municipality) {
            guard let municipality = insight.municipalities.municipality(invitation.municipality), let address = try? MailAddress(invitation.email) else { continue }
            let token = Tokens.random()
            try await insight.surveys.remind(invitation.id, tokenHash: Tokens.hash(token), at: Date())
            let mail = InsightMail.reminder(name: invitation.name, survey: survey, municipality: municipality, link: site.absolute(InsightPaths.answer(token)))
            try await portal.mailer.send(MailMessage(from: portal.mailFrom, fromName: "Weerbaar", to: [address], subject: mail.subject, text: mail.text))
            sent += 1
        }
        await portal.record(.surveyInvitationsSent, by: request.account, subject: survey.title, details: "\(sent) herinneringen", logger: request.logger)
        return Responses.seeOther(InsightPaths.Portal.invitations(survey.id.uuidString, query: SurveyFlash.herinnerd.rawValue))
    }
}
