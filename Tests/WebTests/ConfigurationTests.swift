@testable import Editions
import Testing
import WeerbaarApp

/// Settings from the environment: defaults, accepted spellings, and a clear refusal otherwise.
@Suite struct ConfigurationTests {
    @Test func clickCountingIsOffUnlessSwitchedOnAndNonsenseIsRefused() throws {
        #expect(try Configuration.fromEnvironment([:]).newsletterClickCounting == false)
        #expect(try Configuration.fromEnvironment(["NEWSLETTER_CLICK_COUNTING": "aan"]).newsletterClickCounting)
        #expect(try Configuration.fromEnvironment(["NEWSLETTER_CLICK_COUNTING": "ON"]).newsletterClickCounting)
        #expect(try Configuration.fromEnvironment(["NEWSLETTER_CLICK_COUNTING": "uit"]).newsletterClickCounting == false)
        #expect {
            try Configuration.fromEnvironment(["NEWSLETTER_CLICK_COUNTING": "misschien"])
        } throws: { error in
            "\(error)".contains("NEWSLETTER_CLICK_COUNTING must be aan or uit")
        }
    }

    @Test func aNewsletterRateOutOfRangeIsRefusedWithItsName() throws {
        #expect(try Configuration.fromEnvironment(["NEWSLETTER_RATE": "0"]).newsletterRate == 0)
        #expect {
            try Configuration.fromEnvironment(["NEWSLETTER_RATE": "-3"])
        } throws: { error in
            "\(error)".contains("NEWSLETTER_RATE must be")
        }
    }
}
