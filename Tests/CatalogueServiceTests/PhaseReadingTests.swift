import CatalogueService
import Testing

/// Judgments of our own for phase-worded questions (not from the shared evaluation set): the phase a
/// civil servant's question speaks of, or none when it names no phase or two equally.
@Suite struct PhaseReadingTests {
    static let judged: [(question: String, phase: String?)] = [
        ("Er heerst al maanden onvrede in de wijk over de nieuwe bouwplannen", "sluimerend-ongenoegen"),
        ("Hoe vang ik signalen van onbehagen op bij inwoners die zich niet gehoord voelen?", "sluimerend-ongenoegen"),
        ("Op sociale media circuleren oproepen om naar de raadsvergadering te komen", "oplopende-spanningen"),
        ("De spanningen rond het nieuwe opvangcentrum lopen op, hoe bereiden we de bewonersavond voor?", "oplopende-spanningen"),
        ("Gisteravond kwam het tot rellen en vernielingen bij het gemeentehuis", "escalatie"),
        ("Een demonstratie liep uit de hand; agenten werden bedreigd", "escalatie"),
        ("Moeten we een noodverordening afkondigen voor het weekend?", "escalatie"),
        ("Hoe organiseren we nazorg voor bewoners na de ongeregeldheden?", "na-de-escalatie"),
        ("We willen de aanpak van vorige maand evalueren en lessen trekken", "na-de-escalatie"),
        ("Welke training past bij een nieuwe beleidsmedewerker?", nil),
        ("Hoe werk ik samen met een moskeebestuur aan een goede relatie?", nil),
    ]

    @Test(arguments: judged.indices)
    func aPhaseWordedQuestionIsReadAsItsPhase(index: Int) {
        let (question, phase) = Self.judged[index]
        #expect(PhaseReading.phase(of: question) == phase, "\(question)")
    }
}
