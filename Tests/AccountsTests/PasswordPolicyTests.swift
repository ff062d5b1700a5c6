import Testing
@testable import Accounts

@Suite struct PasswordPolicyTests {
    let policy = PasswordPolicy.standard

    @Test func theCommonPasswordListIsLoaded() {
        #expect(policy.common.count > 29_000)
        #expect(policy.common.contains("wachtwoord"))
    }

    @Test(arguments: ["kort", "elf-tekens!", "", String(repeating: "é", count: 40)])
    func tooShortOrTooLongIsRefused(password: String) {
        #expect(policy.problem(with: password) != nil)
    }

    @Test(arguments: ["123qweasdzxc", "Wachtwoord2024!", "!!welkom123456", "aaaaaaaaaaaaaaa", "abcabcabcabcabc", "121212121212",
                      "qwerty123456"])
    func commonAndRepetitivePasswordsAreRefused(password: String) {
        #expect(policy.problem(with: password)?.contains("veelgebruikte") == true, "\(password)")
    }

    @Test func theAddressOrNameIsNotAPassword() {
        #expect(policy.problem(with: "j.jansen@gemeente.nl", email: "J.Jansen@gemeente.nl") != nil)
        #expect(policy.problem(with: "Jan Jansen van Dijk", name: "Jan Jansen van Dijk") != nil)
    }

    @Test(arguments: ["mijn fiets staat bij het station", "Zeven-Blauwe-Olifanten", "vr0lijke-w1nterdag-2026"])
    func goodPasswordsPass(password: String) {
        #expect(policy.problem(with: password, email: "a@b.nl", name: "Jan") == nil, "\(password)")
    }
}

@Suite struct TokenTests {
    @Test func tokensAreLongRandomAndURLSafe() {
        let tokens = (0..<100).map { _ in Tokens.random() }
        #expect(Set(tokens).count == 100)
        #expect(tokens.allSatisfy { $0.count == 43 && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } })
    }

    @Test func hashesAreSHA256() {
        #expect(Tokens.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func comparisonIsExact() {
        #expect(Tokens.equal("abc", "abc"))
        #expect(!Tokens.equal("abc", "abd"))
        #expect(!Tokens.equal("abc", "abcd"))
    }
}
