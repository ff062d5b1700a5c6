import Catalogue
import Foundation
import Knowledge

/// The demo's tips from readers: one in every state, so the moderation queue, a status page and the
/// retention can be seen at once. Written for this project; the senders and their addresses are
/// made up (`voorbeeld.example`).
public enum DemoTips {
    struct Seed {
        var age: Double
        var state: Tip.State
        var content: Tip.Content
        var sender: TipSender
    }

    static let redactie = Editor(email: "redactie@weerbaar.example", name: "Redactie Weerbaar")

    static var seeds: [Seed] {
        func sender(_ name: String, _ organisation: String, showName: Bool = false) -> TipSender {
            let local = name.lowercased().split(separator: " ").joined(separator: ".")
            return TipSender(name: name, email: "\(local)@voorbeeld.example", organisation: organisation, showName: showName)
        }
        return [
            Seed(age: 1, state: .unconfirmed, content: Tip.Content(
                kind: .tip, title: "Podcast over polarisatie in het mbo",
                story: "Een docent van ons ROC maakte met studenten een podcastserie over polarisatie in de klas. Misschien iets voor de nieuwsbrief?",
                themes: ["polarisatie"], links: ["https://voorbeeld.example/podcast-mbo"]),
                 sender: sender("Joost Verbeek", "ROC (demo)")),
            Seed(age: 2, state: .submitted, content: Tip.Content(
                kind: .practice, title: "Wijkwandelingen met jongeren en wijkagent",
                story: "Na een reeks vernielingen rond het winkelcentrum lopen jongerenwerkers, de wijkagent en jongeren elke maand samen door de wijk.\nDe jongeren kiezen de route.",
                aanleiding: "Vernielingen en onderling wantrouwen tussen jongeren en politie.",
                aanpak: "Maandelijkse wandeling met jongerenwerk, wijkagent en een vaste groep jongeren; na afloop samen eten.",
                resultaat: "Minder meldingen van vernielingen; jongeren spreken de wijkagent vaker zelf aan.",
                lessen: "Laat de jongeren de route en het tempo bepalen.", betrokken: "Jongerenwerk, politie, gemeente (team openbare orde)",
                gemeente: "GM0150", themes: ["problematisch-gedrag", "vertrouwen"]),
                 sender: sender("Ilse Kramer", "Jongerenwerk (demo)", showName: true)),
            Seed(age: 5, state: .inReview, content: Tip.Content(
                kind: .dilemma, title: "Mag ik een inwoner blokkeren op de gemeentepagina?",
                story: "Een inwoner plaatst onder elk bericht van de gemeente over de opvanglocatie felle reacties. Sommige zijn grensoverschrijdend, andere alleen boos. Waar ligt de grens tussen modereren en censuur?",
                themes: ["vertrouwen", "polarisatie"]),
                 sender: sender("Ahmet Yilmaz", "Gemeente (demo), communicatie")),
            Seed(age: 9, state: .changesRequested, content: Tip.Content(
                kind: .practice, title: "Dorpstafels na het besluit over windmolens",
                story: "Toen het besluit over de windmolens viel, liep de spanning in twee kernen hoog op. We organiseerden dorpstafels met een onafhankelijke gespreksleider.",
                aanleiding: "Een omstreden raadsbesluit en bedreigingen aan het adres van een wethouder.",
                aanpak: "Zes dorpstafels, een onafhankelijke gespreksleider, verslag op de website binnen een week.",
                resultaat: "Het gesprek kwam terug; de bedreigingen hielden op.", gemeente: "GM0344", themes: ["vertrouwen", "maatschappelijke-onrust"]),
                 sender: sender("Petra van Dam", "Gemeente (demo)")),
            Seed(age: 20, state: .accepted, content: Tip.Content(
                kind: .practice, title: "Een vast aanspreekpunt voor moskeebesturen",
                story: "Sinds een jaar heeft onze gemeente één vast aanspreekpunt voor de besturen van de vier moskeeën. Zorgen over veiligheid komen nu eerder op tafel.",
                aanleiding: "Na incidenten elders wisten besturen niet bij wie ze terechtkonden.",
                aanpak: "Eén ambtenaar als aanspreekpunt, vier keer per jaar overleg met politie erbij.",
                resultaat: "Sneller contact bij incidenten, meer vertrouwen over en weer.", lessen: "Houd het overleg ook als er niets speelt.",
                betrokken: "Moskeebesturen, gemeente, politie", gemeente: "GM0363", themes: ["vertrouwen", "radicalisering"]),
                 sender: sender("Karin Bos", "Gemeente (demo)", showName: true)),
            Seed(age: 30, state: .declined, content: Tip.Content(
                kind: .tip, title: "Onze training weerbaarheid voor ambtenaren",
                story: "Ons bureau biedt een training weerbaarheid voor ambtenaren. Wilt u deze opnemen? Bij afname van tien plaatsen krijgt u korting.",
                themes: ["polarisatie"], links: ["https://voorbeeld.example/training"]),
                 sender: sender("Ruud Smit", "Trainingsbureau (demo)")),
            Seed(age: 12, state: .withdrawn, content: Tip.Content(
                kind: .dilemma, title: "Samenwerken met een omstreden buurtvereniging",
                story: "Een buurtvereniging wil meedoen aan ons project, maar een van de bestuursleden deelt online complotdenken. Doen we mee of niet?",
                themes: ["polarisatie", "vertrouwen"]),
                 sender: sender("Noor Hendriks", "Gemeente (demo)")),
        ]
    }

    /// Seeds the tips, each walked through the steps to its state, when there are none yet.
    public static func load(into store: any TipStore, now: Date = Date()) async throws {
        guard try await store.tips(TipFilter()).isEmpty else { return }
        for (index, seed) in seeds.enumerated() {
            let start = now.addingTimeInterval(-seed.age * 86_400)
            let id = UUID()
            let tip = try await store.create(id, seed.content, sender: seed.sender, tokenHash: "demo-\(index)-\(id.uuidString)", now: start)
            guard seed.state != .unconfirmed else { continue }
            if seed.state == .withdrawn {
                try await store.move(id, from: [.unconfirmed], to: .submitted, now: start.addingTimeInterval(600), change: TipChange())
                try await store.move(id, from: [.submitted], to: .withdrawn, now: start.addingTimeInterval(3 * 86_400), change: TipChange())
                continue
            }
            try await store.move(id, from: [.unconfirmed], to: .submitted, now: start.addingTimeInterval(600), change: TipChange())
            guard seed.state != .submitted else { continue }
            try await store.move(id, from: [.submitted], to: .inReview, now: start.addingTimeInterval(86_400), change: TipChange(claim: redactie))
            switch seed.state {
            case .changesRequested:
                try await store.move(id, from: [.inReview], to: .changesRequested, now: start.addingTimeInterval(2 * 86_400),
                                     change: TipChange(byClaimer: redactie, requestNote: "Mogen we de naam van de wethouder weglaten? En wat deed de gespreksleider precies anders?"))
            case .accepted:
                let article = tip.draftArticle(id: "demo-tip-aanspreekpunt-moskeebesturen", sender: seed.sender, today: Day(start.addingTimeInterval(3 * 86_400)))
                try await store.accept(id, article: article, by: redactie, note: "We maken er een praktijkvoorbeeld van en bellen u nog even.",
                                       now: start.addingTimeInterval(3 * 86_400))
            case .declined:
                try await store.move(id, from: [.inReview], to: .declined, now: start.addingTimeInterval(2 * 86_400),
                                     change: TipChange(byClaimer: redactie, declineReason: .promotional))
            default: break
            }
        }
    }
}
