import Testing
@testable import Catalogue

@Suite struct DayTests {
    @Test(arguments: ["2024-02-29", "2023-12-31", "1999-01-01"])
    func parsesRealDates(text: String) throws {
        #expect(try #require(Day(text)).description == text)
    }

    @Test(arguments: ["2023-02-29", "2023-13-01", "2023-1-01", "23-01-01", "2023-01-01T00:00", "", "２０２３-01-01", "2023-00-10"])
    func rejectsWhatIsNoDate(text: String) {
        #expect(Day(text) == nil)
    }

    @Test func addsMonthsClampingToTheMonthEnd() throws {
        #expect(try #require(Day("2024-01-31")).adding(months: 1).description == "2024-02-29")
        #expect(try #require(Day("2024-11-15")).adding(months: 12).description == "2025-11-15")
    }

    @Test func ordersByDate() throws {
        #expect(try #require(Day("2023-12-31")) < #require(Day("2024-01-01")))
        #expect(try #require(Day("1970-01-02")).ordinal == 1)
    }
}

@Suite struct SlugTests {
    @Test func makesReadableSlugsFromDutchTitles() {
        #expect(Slug.make("Handreiking café's & één-op-één gesprekken") == "handreiking-cafes-een-op-een-gesprekken")
        #expect(Slug.make("  <script>alert(1)</script> ") == "script-alert-1-script")
        #expect(Slug.make("???") == "aanbod")
    }

    @Test func cutsLongSlugsAtAWordBoundary() {
        let slug = Slug.make(String(repeating: "polarisatie ", count: 20))
        #expect(slug.count <= 80)
        #expect(!slug.hasSuffix("-"))
        #expect(slug.hasSuffix("polarisatie"))
    }

    @Test func recognisesKebabCase() {
        #expect(Slug.isKebabCase("handreiking-demonstraties-2024"))
        #expect(!Slug.isKebabCase("Handreiking"))
        #expect(!Slug.isKebabCase("dubbel--streepje"))
        #expect(!Slug.isKebabCase("-begin"))
        #expect(!Slug.isKebabCase("spatie erin"))
    }
}

@Suite struct DayArithmeticTests {
    @Test func addingDaysIsTheInverseOfTheOrdinalAcrossMonthsYearsAndLeapDays() {
        #expect(Day("2024-02-28")!.adding(days: 1) == Day("2024-02-29")!)
        #expect(Day("2023-02-28")!.adding(days: 1) == Day("2023-03-01")!)
        #expect(Day("2026-12-31")!.adding(days: 1) == Day("2027-01-01")!)
        #expect(Day("2026-03-01")!.adding(days: -1) == Day("2026-02-28")!)
        let start = Day("1999-06-15")!
        for offset in stride(from: -20_000, through: 20_000, by: 37) {
            #expect(start.adding(days: offset).ordinal == start.ordinal + offset)
        }
    }
}
