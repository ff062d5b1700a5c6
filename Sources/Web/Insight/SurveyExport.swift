import Newsletter
import CatalogueService
import Audit
import Accounts
import Catalogue
import Foundation
import Hummingbird
import Insight
import Workbook

/// The responses of a survey as CSV, Excel or JSON: one row per gemeente, one column per question
/// (a needs matrix: need, kinds and audiences per theme). An anonymous survey's export has no
/// gemeente, only province and size class.
enum SurveyExport {
    static func table(_ survey: Survey, _ responses: [SubmittedResponse], municipalities: MunicipalityList) -> [[String]] {
        var header = ["gemeente_code", "gemeente", "provincie", "grootteklasse", "ingestuurd"]
        for question in survey.questions {
            if question.kind == .needsMatrix {
                for row in question.options {
                    header += ["\(question.id).\(row.slug).behoefte", "\(question.id).\(row.slug).vorm", "\(question.id).\(row.slug).doelgroep"]
                }
            } else {
                header.append(question.id)
            }
        }
        let rows = responses.map { response -> [String] in
            var row = [response.municipality ?? "", response.municipality.flatMap { municipalities.municipality($0)?.name } ?? "", response.province,
                       response.sizeClass?.label ?? "", response.submitted]
            for question in survey.questions {
                let answer = response.answers[question.id]
                switch question.kind {
                case .needsMatrix:
                    for theme in question.options {
                        let cell = answer?.matrix?[theme.slug]
                        row += [cell.map { String($0.need) } ?? "", cell?.supports.joined(separator: "|") ?? "", cell?.audiences.joined(separator: "|") ?? ""]
                    }
                case .scale: row.append(answer?.number.map(String.init) ?? "")
                case .text: row.append(answer?.text ?? "")
                case .single, .multiple, .ranking: row.append(answer?.values.joined(separator: "|") ?? "")
                }
            }
            return row
        }
        return [header] + rows
    }

    static func response(_ survey: Survey, _ responses: [SubmittedResponse], municipalities: MunicipalityList, format: String) throws -> Response {
        let name = "peiling-\(survey.year)-\(Slug.make(survey.title, maxLength: 40))"
        switch format {
        case "csv":
            // A formula-looking cell is prefixed so a spreadsheet shows it as text.
            let rows = table(survey, responses, municipalities: municipalities).map { $0.map(Responses.defusedCell) }
            return Responses.download(Data(CSVTable.write(rows).utf8), type: "text/csv; charset=utf-8", file: "\(name).csv")
        case "xlsx":
            let rows = table(survey, responses, municipalities: municipalities)
            guard let data = try? XLSXWriter.workbook(sheetName: "Antwoorden", rows: rows) else { throw HTTPError(.internalServerError) }
            return Responses.download(data, type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file: "\(name).xlsx")
        case "json":
            struct Document: Encodable {
                var format = "weerbaar.survey-responses/v1"
                var survey: Survey
                var responses: [SubmittedResponse]
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            return Responses.download(try encoder.encode(Document(survey: survey, responses: responses)), type: "application/json", file: "\(name).json")
        default:
            throw HTTPError(.notFound)
        }
    }

}
