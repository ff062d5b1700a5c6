import Catalogue
import Foundation
import Search
import Testing
@testable import CatalogueService

@Suite struct QuestionGuideTests {
    static func offering(_ id: String, _ title: String, kind: String, themes: [String], published: String = "2024-01-01") -> Offering {
        let form = ["publicatie": "handreiking", "training": "workshop", "contactpunt": "vraagbaak"][kind]!
        return LiveCatalogueTests.offering(id, title: title, kind: kind, form: form, themes: themes, published: published)
    }

    let catalogue = LiveCatalogue(taxonomy: .standard, offerings: [
        offering("p1", "Handreiking demonstraties in de gemeente", kind: "publicatie", themes: ["maatschappelijke-onrust"]),
        offering("p2", "Rapport over demonstraties en polarisatie", kind: "publicatie", themes: ["polarisatie"]),
        offering("p3", "Infoblad onrust in de wijk", kind: "publicatie", themes: ["maatschappelijke-onrust"], published: "2024-05-01"),
        offering("p4", "Toolkit gesprek in de buurt", kind: "publicatie", themes: ["maatschappelijke-onrust"], published: "2023-01-01"),
        offering("p5", "Onderzoek naar demonstraties", kind: "publicatie", themes: ["maatschappelijke-onrust"]),
        offering("t1", "Workshop demonstraties begeleiden", kind: "training", themes: ["maatschappelijke-onrust"]),
        offering("t2", "Training extremisme herkennen", kind: "training", themes: ["extremisme"]),
        offering("c1", "Vraagbaak extremisme", kind: "contactpunt", themes: ["extremisme"]),
    ])

    @Test func readsThemesAndWordsAndAnswersAtMostThreePerKind() {
        let answer = catalogue.answer(GuideQuestion(text: "Er komt een demonstratie en wij vrezen ongeregeldheden"))
        #expect(answer.readThemes.contains("maatschappelijke-onrust"))
        #expect(answer.themes == answer.readThemes)
        #expect(answer.words.contains("demonstratie") && !answer.words.contains("een") && !answer.words.contains("Er"), "stopwords are not content words")
        #expect(answer.sections.map(\.kind) == ["publicatie", "training", "contactpunt"])
        let reading = answer.sections[0]
        #expect(reading.offerings.count == 3)
        #expect(reading.offerings.allSatisfy { $0.kind == "publicatie" })
        #expect(Set(reading.offerings.map(\.id)) == ["p1", "p3", "p5"], "word matches in the read theme, not the theme's other offer")
        #expect(answer.sections[1].offerings.first?.id == "t1")
        #expect(Set(reading.offerings.map(\.id)).count == reading.offerings.count, "no offering twice")
    }

    @Test func switchingAThemeOffChangesTheAnswer() {
        let asRead = catalogue.answer(GuideQuestion(text: "demonstraties"), perKind: 1)
        let without = catalogue.answer(GuideQuestion(text: "demonstraties", themes: ["polarisatie"]), perKind: 1)
        #expect(without.themes == ["polarisatie"])
        #expect(without.sections[0].offerings.map(\.id) == ["p2"], "the chosen theme's match comes first")
        #expect(asRead.sections[0].offerings.map(\.id) != ["p2"])
        #expect(without.catalogueQuery.filters[.theme] == ["polarisatie"])
    }

    @Test func chosenThemesAloneAnswerWithTheirNewestOffer() {
        let answer = catalogue.answer(GuideQuestion(text: "", themes: ["extremisme"]))
        #expect(answer.sections[1].offerings.map(\.id) == ["t2"])
        #expect(answer.sections[2].offerings.map(\.id) == ["c1"])
        #expect(answer.sections[0].offerings.isEmpty)
    }

    @Test func wordsThatFindLittleAreFilledFromTheThemes() {
        let answer = catalogue.answer(GuideQuestion(text: "wijk", themes: ["maatschappelijke-onrust"]))
        let ids = answer.sections[0].offerings.map(\.id)
        #expect(ids.first == "p3", "the word match first")
        #expect(ids.count == 3, "then the newest of the theme: \(ids)")
    }

    @Test func unknownThemesAreDroppedAndAnEmptyChoiceIsKept() {
        let answer = catalogue.answer(GuideQuestion(text: "demonstraties", themes: ["bestaat-niet"]))
        #expect(answer.themes.isEmpty)
        #expect(answer.catalogueQuery.filters[.theme] == nil)
        #expect(answer.total == 4)
    }

    @Test func theCatalogueLinkDropsThemesThatWouldLeaveNothing() {
        let answer = catalogue.answer(GuideQuestion(text: "vraagbaak", themes: ["inclusie"]))
        #expect(answer.total == 1)
        #expect(answer.catalogueQuery.filters[.theme] == nil)
    }
}
