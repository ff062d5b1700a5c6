/// The addresses of signing in, the second factor, invitations, resets and user management.
enum AccountPaths {
    static let signIn = Path("/beheer/inloggen")
    static let signOut = Path("/beheer/uitloggen")
    static let signOutEverywhere = Path("/beheer/overal-uitloggen")
    static let secondFactor = Path("/beheer/tweede-stap")
    static let secondFactorSetup = Path("/beheer/tweede-stap-instellen")
    static let users = Path("/beheer/gebruikers")
    static let invite = Path("/beheer/gebruikers/uitnodigen")
    static let user = Path1("/beheer/gebruikers/{id}")
    static let resetSecondFactor = user.appending("/tweede-stap-wissen")
    static let resendInvitation = Path1("/beheer/uitnodigingen/{id}/opnieuw")
    static let withdrawInvitation = Path1("/beheer/uitnodigingen/{id}/intrekken")
    static let invitation = Path1("/beheer/uitnodiging/{token}")
    static let resetRequest = Path("/beheer/wachtwoord-vergeten")
    static let reset = Path1("/beheer/wachtwoord-herstellen/{token}")
}
