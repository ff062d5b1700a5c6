import Testing
@testable import Search

@Suite struct DecompounderTests {
    let decompounder = Decompounder.standard

    /// Real compounds of the field, with the parts they must split into: with no linking sound, with
    /// -s- and -en-, three-part words, and cases where a shorter head would also be a word.
    static let compounds: [(String, [String])] = [
        ("klimaatprotesten", ["klimaat", "protesten"]), ("klimaatprotest", ["klimaat", "protest"]),
        ("jongerenwerkers", ["jongeren", "werkers"]), ("jongerenwerk", ["jongeren", "werk"]),
        ("moskeebestuur", ["moskee", "bestuur"]), ("synagogebewaking", ["synagoge", "bewaking"]),
        ("moskeeorganisaties", ["moskee", "organisaties"]), ("asielzoekerscentrum", ["asielzoekers", "centrum"]),
        ("veiligheidsregio", ["veiligheid", "regio"]), ("gemeenteraad", ["gemeente", "raad"]),
        ("raadsleden", ["raad", "leden"]), ("gemeenteraadsleden", ["gemeenteraad", "leden"]),
        ("gemeentehuis", ["gemeente", "huis"]), ("wethoudersvereniging", ["wethouders", "vereniging"]),
        ("sleutelfiguren", ["sleutel", "figuren"]), ("opvanglocatie", ["opvang", "locatie"]),
        ("noodverordening", ["nood", "verordening"]), ("ordeverstoringen", ["orde", "verstoringen"]),
        ("dreigingsbeeld", ["dreiging", "beeld"]), ("gebedshuizen", ["gebed", "huizen"]),
        ("buurtbewoners", ["buurt", "bewoners"]), ("wijkagent", ["wijk", "agent"]), ("wijkteams", ["wijk", "teams"]),
        ("kinderopvangtoeslag", ["kinderopvang", "toeslag"]), ("toeslagenaffaire", ["toeslagen", "affaire"]),
        ("leernetwerk", ["leer", "netwerk"]), ("kennisnetwerk", ["kennis", "netwerk"]),
        ("expertiseteam", ["expertise", "team"]), ("drugscriminaliteit", ["drugs", "criminaliteit"]),
        ("drugshandel", ["drugs", "handel"]), ("witwaspraktijken", ["witwas", "praktijken"]),
        ("integriteitstoets", ["integriteit", "toets"]), ("jeugdgroepen", ["jeugd", "groepen"]),
        ("hangjongeren", ["hang", "jongeren"]), ("schoolleiders", ["school", "leiders"]),
        ("onderwijsinstellingen", ["onderwijs", "instellingen"]), ("ouderavond", ["ouder", "avond"]),
        ("straatcoaches", ["straat", "coaches"]), ("crisiscommunicatie", ["crisis", "communicatie"]),
        ("risicocommunicatie", ["risico", "communicatie"]), ("bestuursstijl", ["bestuur", "stijl"]),
        ("samenlevingsopbouw", ["samenleving", "opbouw"]), ("buurtbemiddeling", ["buurt", "bemiddeling"]),
        ("vrijwilligerswerk", ["vrijwilligers", "werk"]), ("kerkgenootschap", ["kerk", "genootschap"]),
        ("politiebureau", ["politie", "bureau"]), ("demonstratierecht", ["demonstratie", "recht"]),
        ("haatberichten", ["haat", "berichten"]), ("complotdenkers", ["complot", "denkers"]),
        ("beleidsmedewerkers", ["beleid", "medewerkers"]), ("vertrouwenspersoon", ["vertrouwen", "persoon"]),
        ("stadhuis", ["stad", "huis"]),
    ]

    /// Words that look splittable but are not compounds of their look-alike parts: derivations
    /// ("weerbaar" + "heid"), prefixed words ("onder" + "wijs"), words with an -e- that is not a
    /// linking sound ("burg" + e + "meester"), and ordinary long words.
    static let wholeWords = [
        "weerbaarheid", "handreiking", "ondermijning", "radicalisering", "polarisatie", "bestuurder",
        "verkiezingen", "onderwijs", "voorlichting", "overheid", "wethouder", "democratie", "extremisme",
        "gemeenten", "organisatie", "samenleving", "ontmoeting", "burgemeester", "burgemeesters", "sociale",
    ]

    @Test func splitsRealCompounds() {
        #expect(Self.compounds.count + Self.wholeWords.count >= 60)
        for (word, parts) in Self.compounds {
            #expect(decompounder.parts(of: word) == parts, "\(word)")
        }
    }

    @Test func leavesWholeWordsWhole() {
        for word in Self.wholeWords {
            #expect(decompounder.parts(of: word) == [], "\(word)")
        }
    }

    @Test func shortOrNonASCIIWordsAreNotSplit() {
        #expect(decompounder.parts(of: "wijkhuis") == ["wijk", "huis"])
        #expect(decompounder.parts(of: "huis") == [])
        #expect(decompounder.parts(of: "moskeeën") == [])
    }

    @Test func theAnalyzerAddsPartTermsThatTheIndexMatches() {
        let analyzer = DutchAnalyzer()
        let token = analyzer.tokens("klimaatprotesten")[0]
        #expect(token.primary == analyzer.stem("klimaatprotesten"))
        #expect(token.terms.contains("~" + analyzer.stem("protesten")))
        let index = SearchIndex(documents: [
            SearchDocument(key: "a", fields: [.title: "Omgaan met een klimaatprotest"], facets: [:], date: 0, sortTitle: "a"),
            SearchDocument(key: "b", fields: [.title: "Een synagoge in de wijk"], facets: [:], date: 0, sortTitle: "b"),
            SearchDocument(key: "c", fields: [.title: "Protest en openbare orde"], facets: [:], date: 0, sortTitle: "c"),
        ], facetNames: [], thesaurus: .empty)
        // The word found inside a compound, below the offering that has the word itself.
        #expect(index.search(SearchQuery(text: "protest")).hits.map(\.key) == ["c", "a"])
        // A compound in the query finds offerings with one of its parts.
        #expect(index.search(SearchQuery(text: "synagogebewaking")).hits.map(\.key) == ["b"])
    }
}
