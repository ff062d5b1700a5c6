import Catalogue
import Foundation
import Insight

/// The demo's needs surveys: two past waves with responses from about half of the 342 gemeenten,
/// generated from a fixed seed so every demo shows the same picture, and a concept for the next wave.
/// The needs lean towards (right-wing) extremism, polarisation and inclusion, as the national survey
/// among gemeenten found; the responses are invented and the pages' demo banner says so.
public enum DemoSurveys {
    /// SplitMix64: small, fast and the same on every platform, so the demo is reproducible.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
        mutating func chance(_ p: Double) -> Bool { unit() < p }
        mutating func shuffled<T>(_ items: [T]) -> [T] {
            var items = items
            for index in stride(from: items.count - 1, to: 0, by: -1) { items.swapAt(index, Int(next() % UInt64(index + 1))) }
            return items
        }
    }

    /// Mean need (0–3) per theme in the latest wave, and what changed since the one before.
    static let need: [String: (latest: Double, earlier: Double)] = [
        "extremisme": (2.3, 1.8), "polarisatie": (2.4, 2.1), "inclusie": (2.1, 1.9), "radicalisering": (1.7, 1.8),
        "maatschappelijke-onrust": (1.8, 1.6), "problematisch-gedrag": (1.6, 1.5), "ondermijning": (1.2, 1.3), "vertrouwen": (1.5, 1.4),
    ]
    /// How often a gemeente with need asks for each kind of support, per theme (training is asked most).
    static func supportChance(_ kind: String, theme: String) -> Double {
        switch kind {
        case "training": ["extremisme", "polarisatie", "inclusie"].contains(theme) ? 0.8 : 0.55
        case "publicatie": theme == "extremisme" ? 0.6 : 0.4
        default: ["maatschappelijke-onrust", "extremisme"].contains(theme) ? 0.5 : 0.3
        }
    }

    static let audienceChance: [String: Double] = [
        "beleidsmedewerkers": 0.7, "professionals-sociaal-domein": 0.5, "jongerenwerkers": 0.35, "bestuurders": 0.3, "onderwijs": 0.25,
        "veiligheidsprofessionals": 0.25, "raadsleden": 0.15, "maatschappelijke-organisaties": 0.15,
    ]

    static func questions(_ taxonomy: Taxonomy) -> [Question] {
        func options(_ vocabulary: Vocabulary) -> [Option] { taxonomy.terms(vocabulary).map { Option(slug: $0.slug, label: $0.label) } }
        return [
            Question(id: "rol", kind: .single, text: "Vanuit welke rol beantwoordt u de peiling?", required: true,
                     options: [Option(slug: "oov", label: "Openbare orde en veiligheid"), Option(slug: "sociaal-domein", label: "Sociaal domein"),
                               Option(slug: "bestuursadvies", label: "Bestuursadvies"), Option(slug: "anders", label: "Anders")]),
            Question(id: "behoefte", kind: .needsMatrix, text: "Hoeveel behoefte heeft uw gemeente aan ondersteuning per thema?", required: true,
                     options: options(.theme), supports: options(.kind), audiences: options(.audience)),
            Question(id: "voorbereid", kind: .scale, text: "Hoe goed is uw gemeente voorbereid op maatschappelijke onrust?", required: true,
                     scaleLabels: ["slecht", "heel goed"]),
            Question(id: "nodig", kind: .text, text: "Wat heeft uw gemeente nodig om beter voorbereid te zijn?",
                     condition: Condition(question: "voorbereid", values: ["1", "2"])),
            Question(id: "vorm", kind: .ranking, text: "Welke vorm van ondersteuning helpt uw gemeente het meest?",
                     options: [Option(slug: "training", label: "Training van medewerkers"), Option(slug: "advies", label: "Advies bij een casus"),
                               Option(slug: "netwerk", label: "Contact met andere gemeenten"), Option(slug: "handreiking", label: "Een handreiking")]),
        ]
    }

    static let wishes = [
        "Een oefening met de driehoek over een demonstratie die uit de hand loopt.", "Handvatten voor gesprekken met inwoners over een azc.",
        "Training voor wijkteams in het herkennen van signalen van extremisme online.", "Een vast aanspreekpunt bij de provincie.",
        "Meer kennis over rechts-extremisme onder jongeren.", "Tijd en capaciteit; het aanbod is er wel.",
    ]

    public static func load(into store: any SurveyStore, taxonomy: Taxonomy, municipalities: MunicipalityList = .cbs, today: Day = Day(Date())) async throws {
        guard try await store.surveys().isEmpty, !municipalities.all.isEmpty else { return }
        let questions = questions(taxonomy)
        let latestCloses = today.adding(months: -5)
        let earlier = Survey(title: "Behoeftepeiling sociale stabiliteit \(latestCloses.year - 1) (demo)", year: latestCloses.year - 1,
                             opens: latestCloses.adding(months: -14), closes: latestCloses.adding(months: -12),
                             intro: "Demo: een verzonnen eerdere ronde van de peiling.", anonymous: true, status: .closed, resultsPublished: true,
                             questions: questions)
        var latest = earlier.nextWave()
        latest.title = "Behoeftepeiling sociale stabiliteit \(latestCloses.year) (demo)"
        latest.year = latestCloses.year
        latest.opens = latestCloses.adding(months: -2)
        latest.closes = latestCloses
        latest.intro = "Demo: deze peiling en haar antwoorden zijn verzonnen voor de demonstratie van Weerbaar."
        latest.status = .closed
        latest.resultsPublished = true
        var next = latest.nextWave()
        next.title = "Behoeftepeiling sociale stabiliteit \(latestCloses.year + 1) (demo)"
        next.intro = latest.intro
        for survey in [earlier, latest, next] { try await store.save(survey) }

        var random = Random(state: 20_260_601)
        for (survey, isLatest) in [(earlier, false), (latest, true)] {
            var responses: [SubmittedResponse] = []
            var responded: [String] = []
            for municipality in municipalities.all {
                // Larger gemeenten answer more often; about 47 % overall in the latest wave.
                let size = municipality.sizeClass ?? .upTo20k
                let base = [SizeClass.upTo20k: 0.36, .upTo50k: 0.48, .upTo100k: 0.62, .over100k: 0.8][size] ?? 0.4
                guard random.chance(isLatest ? base : base * 0.85) else { continue }
                var rows: [String: Answer.MatrixRow] = [:]
                for theme in taxonomy.terms(.theme) {
                    let mean = (need[theme.slug].map { isLatest ? $0.latest : $0.earlier } ?? 1.5) + (size == .over100k ? 0.3 : 0)
                    let level = max(0, min(3, Int((mean - 0.5 + random.unit() * 1.6).rounded(.down))))
                    guard level > 0 else { rows[theme.slug] = .init(need: 0); continue }
                    var supports = taxonomy.terms(.kind).map(\.slug).filter { random.chance(supportChance($0, theme: theme.slug)) }
                    if supports.isEmpty { supports = ["training"] }
                    let audiences = taxonomy.terms(.audience).map(\.slug).filter { random.chance(audienceChance[$0] ?? 0.1) }
                    rows[theme.slug] = .init(need: level, supports: supports, audiences: audiences)
                }
                let prepared = 1 + Int(random.unit() * 4.4)
                var answers: [String: Answer] = [
                    "rol": Answer(values: [["oov", "oov", "sociaal-domein", "bestuursadvies", "anders"][Int(random.unit() * 5)]]),
                    "behoefte": Answer(matrix: rows),
                    "voorbereid": Answer(number: prepared),
                    "vorm": Answer(values: random.shuffled(["training", "advies", "netwerk", "handreiking"])),
                ]
                if prepared <= 2 { answers["nodig"] = Answer(text: wishes[Int(random.unit() * Double(wishes.count))]) }
                responses.append(SubmittedResponse(municipality: nil, province: municipality.province, sizeClass: municipality.sizeClass,
                                                   submitted: "", answers: answers))
                responded.append(municipality.code)
            }
            try await store.importResponses(survey.id, responses, respondedMunicipalities: responded)
        }
    }
}
