import Catalogue
import Events
import Foundation
import Testing

/// Ranked choices assigned fairly and explainably, and iCalendar that parses back.
@Suite struct RankedChoiceTests {
    static func participant(_ n: Int, _ rankings: [String: [String]]) -> RankedChoice.Participant {
        RankedChoice.Participant(id: UUID(uuidString: String(format: "00000000-0000-4000-8000-%012d", n))!, rankings: rankings)
    }

    @Test func everyoneGetsAChoiceWhereCapacityAllowsAndNoSeatIsGivenTwice() {
        // 30 people, 3 workshops of 10 per round, everyone wanting A first: 10 get A, the rest their next choice.
        let people = (0..<30).map { Self.participant($0, ["r1": ["a", "b", "c"], "r2": ["a", "b", "c"]]) }
        let result = RankedChoice.assign(people, rounds: [("r1", ["a": 10, "b": 10, "c": 10]), ("r2", ["a": 10, "b": 10, "c": 10])], seed: "dag")
        for round in ["r1", "r2"] {
            let given = result.assignments.filter { $0.round == round }
            #expect(given.count == 30 && given.allSatisfy { $0.workshop != nil })
            #expect(Dictionary(grouping: given, by: { $0.workshop! }).mapValues(\.count) == ["a": 10, "b": 10, "c": 10])
        }
        // Compensation: whoever got A in round 1 does not get A in round 2 ahead of those who did not.
        let firstInRound1 = Set(result.assignments.filter { $0.round == "r1" && $0.rank == 1 }.map(\.participant))
        let firstInRound2 = Set(result.assignments.filter { $0.round == "r2" && $0.rank == 1 }.map(\.participant))
        #expect(firstInRound1.isDisjoint(with: firstInRound2), "a lower choice in round 1 goes earlier in round 2")
        #expect(result.summary(round: "r1") == [1: 10, 2: 10, 3: 10])
    }

    @Test func theLotteryIsReproducibleAndFullChoicesAreSaidSo() {
        let people = (0..<5).map { Self.participant($0, ["r1": ["a"]]) }
        let one = RankedChoice.assign(people, rounds: [("r1", ["a": 2])], seed: "themadag-2027")
        let two = RankedChoice.assign(people.reversed(), rounds: [("r1", ["a": 2])], seed: "themadag-2027")
        #expect(Set(one.assignments.filter { $0.workshop != nil }.map(\.participant)) == Set(two.assignments.filter { $0.workshop != nil }.map(\.participant)))
        #expect(one.assignments.filter { $0.workshop == nil }.count == 3 && one.summary(round: "r1")[nil] == 3)
        #expect(!one.assignments.contains { $0.workshop != nil && $0.workshop != "a" }, "nobody gets a workshop they did not rank")
    }
}

@Suite struct ICalendarTests {
    static func unfold(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    @Test func aCalendarParsesBackWithEveryField() throws {
        let start = Date(timeIntervalSince1970: 1_801_123_200)  // 2027-01-31T... UTC
        let event = Event(slug: "leernetwerk-polarisatie", kind: .learningNetwork, provider: "szw-ess", title: "Leernetwerk polarisatie; bijeenkomst, deel 2",
                          description: "Met **collega's** uit het land. Zie [het programma](https://voorbeeld.example/p).", themes: ["polarisatie"],
                          venue: "Stadhuis, Markt 1, Amersfoort", online: false, registrationOpens: start.addingTimeInterval(-86_400 * 30),
                          registrationCloses: start.addingTimeInterval(-86_400), capacity: 30, privacyNotice: "Alleen voor de organisator.",
                          sessions: [Event.Session(id: "1", title: "Bijeenkomst 1", starts: start, ends: start.addingTimeInterval(7_200)),
                                     Event.Session(id: "2", title: "Bijeenkomst 2", starts: start.addingTimeInterval(86_400 * 60),
                                                   ends: start.addingTimeInterval(86_400 * 60 + 7_200))])
        let text = ICalendar.render(ICalendar.entries([event], url: { "https://weerbaar.example/agenda/\($0.slug)" }, domain: "weerbaar.example"),
                                    name: "Weerbaar – agenda", now: start)
        #expect(text.hasSuffix("\r\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        for line in text.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75, "\(line)") }
        let lines = Self.unfold(text)
        #expect(lines.first == "BEGIN:VCALENDAR" && lines.last == "END:VCALENDAR")
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 2 && lines.filter { $0 == "END:VEVENT" }.count == 2)
        #expect(lines.contains("DTSTART:" + ICalendar.stamp(start)) && ICalendar.stamp(start).count == 16 && ICalendar.stamp(start).hasSuffix("Z"))
        #expect(lines.contains("UID:leernetwerk-polarisatie-2@weerbaar.example"))
        let summary = try #require(lines.first { $0.hasPrefix("SUMMARY:") })
        #expect(summary == "SUMMARY:Leernetwerk polarisatie\\; bijeenkomst\\, deel 2: Bijeenkomst 1")
        #expect(lines.contains("LOCATION:Stadhuis\\, Markt 1\\, Amersfoort"))
        let description = try #require(lines.first { $0.hasPrefix("DESCRIPTION:") })
        #expect(description.contains("collega's") && !description.contains("**") && description.contains("het programma (https://voorbeeld.example/p)"))
    }
}
