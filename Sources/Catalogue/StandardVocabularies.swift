// The vocabularies as the platform starts with them. The first migration seeds the database from this
// table; after that the database is the source of truth (beheerders may rename, reorder and merge terms).

enum StandardVocabularies {
    static let terms: [Term] =
        make(.theme, [
            ("inclusie", "Inclusie", "Iedereen hoort erbij: gelijke kansen, discriminatie tegengaan en omgaan met diversiteit."),
            ("maatschappelijke-onrust", "Maatschappelijke onrust", "Spanningen die zich uiten in protest, demonstraties, ongeregeldheden of dreigende escalatie in de wijk."),
            ("polarisatie", "Polarisatie", "Tegenstellingen tussen groepen die zich verharden tot wij-zijdenken."),
            ("radicalisering", "Radicalisering", "Het proces waarin iemand steeds verder gaat in het afwijzen van de democratische rechtsorde."),
            ("extremisme", "Extremisme", "Het actief nastreven van ingrijpende veranderingen met ondemocratische of gewelddadige middelen."),
            ("problematisch-gedrag", "Problematisch gedrag", "Gedrag dat grenzen overschrijdt, zoals intimidatie, bedreiging en agressie tegen bestuurders of professionals."),
            ("ondermijning", "Ondermijning", "Vermenging van onder- en bovenwereld die de rechtsstaat en het lokaal bestuur aantast."),
            ("vertrouwen", "Vertrouwen", "Het vertrouwen van inwoners in elkaar, in de overheid en in de democratie."),
        ])
        + make(.kind, [
            ("publicatie", "Publicatie", "Iets om te lezen: rapporten, handreikingen, infobladen, onderzoek en toolkits."),
            ("training", "Training", "Iets om te leren: workshops, leerlijnen, e-learnings, leernetwerken en masterclasses."),
            ("contactpunt", "Contactpunt", "Iemand om te vragen: expertiseteams, vraagbaken, adviesdiensten en netwerken."),
        ])
        + make(.form, parent: "publicatie", [
            ("rapport", "Rapport", "Een uitgebreide analyse of verslag."),
            ("handreiking", "Handreiking", "Praktische aanwijzingen voor een concrete situatie."),
            ("infoblad", "Infoblad", "Kort en bondig: de kern op een of twee pagina's."),
            ("magazine", "Magazine", "Artikelen, interviews en voorbeelden uit de praktijk."),
            ("onderzoek", "Onderzoek", "Wetenschappelijk of praktijkgericht onderzoek."),
            ("toolkit", "Toolkit", "Een set instrumenten, werkbladen en sjablonen om direct te gebruiken."),
        ])
        + make(.form, parent: "training", offset: 6, [
            ("workshop", "Workshop", "Een interactieve bijeenkomst van een dagdeel of korter."),
            ("leerlijn", "Leerlijn", "Een reeks samenhangende bijeenkomsten of modules."),
            ("e-learning", "E-learning", "Online leren in eigen tempo."),
            ("leernetwerk", "Leernetwerk", "Vakgenoten die elkaar regelmatig ontmoeten en van elkaar leren."),
            ("masterclass", "Masterclass", "Verdieping met experts voor ervaren professionals of bestuurders."),
            ("training-op-maat", "Training op maat", "Een training die wordt afgestemd op uw gemeente of team."),
        ])
        + make(.form, parent: "contactpunt", offset: 12, [
            ("expertiseteam", "Expertiseteam", "Een team van specialisten dat meedenkt en ondersteunt."),
            ("vraagbaak", "Vraagbaak", "Een loket of helpdesk voor concrete vragen."),
            ("adviesdienst", "Adviesdienst", "Advies op maat, vaak in een of meer gesprekken."),
            ("netwerk", "Netwerk", "Een netwerk van professionals of organisaties om bij aan te sluiten."),
        ])
        + make(.audience, [
            ("bestuurders", "Bestuurders", "Burgemeesters en wethouders."),
            ("raadsleden", "Raadsleden", "Leden van de gemeenteraad."),
            ("beleidsmedewerkers", "Beleidsmedewerkers", "Beleidsmakers en adviseurs bij de gemeente, onder wie OOV-adviseurs."),
            ("professionals-sociaal-domein", "Professionals sociaal domein", "Wijkteams, maatschappelijk werk, zorg en welzijn."),
            ("jongerenwerkers", "Jongerenwerkers", "Jongerenwerkers en ambulant werkers."),
            ("veiligheidsprofessionals", "Veiligheidsprofessionals", "Politie, boa's, veiligheidshuizen en ketenpartners in veiligheid."),
            ("onderwijs", "Onderwijs", "Leraren, mentoren en schoolleiders."),
            ("maatschappelijke-organisaties", "Maatschappelijke organisaties", "Verenigingen, migrantenorganisaties, religieuze gemeenschappen en andere partners in de wijk."),
        ])
        + make(.cost, [
            ("gratis", "Gratis", "Zonder kosten voor gemeenten."),
            ("betaald", "Betaald", "Er zijn kosten aan verbonden."),
            ("op-aanvraag", "Op aanvraag", "De kosten hangen af van de vraag; informeer bij de aanbieder."),
        ])
        + make(.delivery, [
            ("online", "Online", "Via internet, live of op afspraak."),
            ("op-locatie", "Op locatie", "Fysiek, bij u of bij de aanbieder."),
            ("hybride", "Hybride", "Deels online, deels op locatie."),
            ("zelfstudie", "Zelfstudie", "Zelf te lezen of te doorlopen, wanneer het u uitkomt."),
        ])
        + make(.level, [
            ("basis", "Basis", "Voor wie nieuw is in het onderwerp: begrippen, signalen en de eigen rol."),
            ("verdieping", "Verdieping", "Voor wie de basis kent en ermee werkt: casuïstiek, afwegingen en samenwerking."),
            ("expert", "Expert", "Voor specialisten en ervaren bestuurders: complexe situaties en regie."),
        ])
        + make(.phase, [
            ("sluimerend-ongenoegen", "Sluimerend ongenoegen", "Onvrede en onbehagen die nog weinig zichtbaar zijn; signalen opvangen en het gesprek aangaan."),
            ("oplopende-spanningen", "Oplopende spanningen", "De onvrede wordt zichtbaar: boze bijeenkomsten, oproepen online, groepen die tegenover elkaar komen te staan."),
            ("escalatie", "Escalatie", "Onrust in de openbare ruimte of online: demonstraties, ongeregeldheden, bedreigingen. Handhaven en de-escaleren."),
            ("na-de-escalatie", "Na de escalatie", "Herstel, nazorg en evaluatie: vertrouwen terugwinnen en lessen trekken voor een volgende keer."),
            ("algemeen", "Algemeen", "Niet aan één fase gebonden: achtergrond, beleid en weerbaarheid in het algemeen."),
        ])
        + make(.evidence, [
            ("niet-beoordeeld", "Niet beoordeeld", "Er is (nog) geen erkenningsoordeel over deze aanpak."),
            ("goed-beschreven", "Goed beschreven", "De aanpak is helder en volledig beschreven."),
            ("goed-onderbouwd", "Goed onderbouwd", "De aanpak is goed beschreven en theoretisch onderbouwd."),
            ("effectief-eerste-aanwijzingen", "Effectief: eerste aanwijzingen", "Onderzoek geeft eerste aanwijzingen dat de aanpak werkt."),
            ("effectief-goede-aanwijzingen", "Effectief: goede aanwijzingen", "Onderzoek geeft goede aanwijzingen dat de aanpak werkt."),
            ("effectief-sterke-aanwijzingen", "Effectief: sterke aanwijzingen", "Onderzoek geeft sterke aanwijzingen dat de aanpak werkt."),
        ])

    private static func make(
        _ vocabulary: Vocabulary, parent: String? = nil, offset: Int = 0,
        _ rows: [(String, String, String)]
    ) -> [Term] {
        rows.enumerated().map { index, row in
            Term(vocabulary: vocabulary, slug: row.0, label: row.1, description: row.2,
                 position: offset + index + 1, parent: parent)
        }
    }
}
