import Catalogue
import Foundation

/// Reads which phase of societal unrest a question speaks of, so the question guide can favour
/// offerings for that phase. Word beginnings per phase, in the field's own vocabulary: a question
/// about riots or threats is about escalation, one about aftercare about after the escalation. General
/// rules over words, not a list of known questions; the phase with most hits wins, none when tied.
public enum PhaseReading {
    static let signals: [(phase: String, stems: [String])] = [
        ("sluimerend-ongenoegen", ["ongenoegen", "onvrede", "onbehagen", "sluimer", "vroegsignaler", "signaler", "wantrouwen", "ontevreden"]),
        ("oplopende-spanningen", ["spanning", "oploop", "oplopend", "woede", "boze", "boos", "protest", "bewonersavond", "informatieavond",
                                  "petitie", "oproep", "opruiend", "polariser"]),
        ("escalatie", ["escal", "rel", "rellen", "ongeregeld", "geweld", "bedreig", "intimid", "verniel", "brandstichting", "noodverorden",
                       "openbare orde", "uit de hand", "blokkade", "bestorm"]),
        ("na-de-escalatie", ["nazorg", "herstel", "evalu", "terugblik", "na afloop", "na de rellen", "verwerk", "naschok", "lessen"]),
    ]

    /// The phase slug, or nil when the question names none (or two equally).
    public static func phase(of text: String) -> String? {
        let words = " " + text.lowercased().folding(options: [.diacriticInsensitive], locale: Locale(identifier: "nl_NL"))
            .map { $0.isLetter || $0 == " " ? $0 : " " }.reduce(into: "") { $0.append($1) } + " "
        var scores: [(String, Int)] = []
        for (phase, stems) in signals {
            // A stem must start a word; a short one ("rel", "boos") must be the whole word, or "relatie"
            // would count as riots.
            var hits = stems.filter { stem in stem.count <= 4 ? words.contains(" \(stem) ") : words.contains(" \(stem)") }.count
            // Words of aftercare name what happened too ("nazorg na de rellen"): looking back outweighs the event.
            if phase == "na-de-escalatie" { hits *= 2 }
            if hits > 0 { scores.append((phase, hits)) }
        }
        scores.sort { $0.1 > $1.1 }
        guard let best = scores.first, scores.count == 1 || scores[1].1 < best.1 else { return nil }
        return best.0
    }
}
