import Accounts
import ArgumentParser
import Audit
import Catalogue
import CatalogueService
import Foundation
import Mail
import Web
import WeerbaarApp

/// `weerbaar create-admin`: the first beheerder (or another one), on the command line of the server.
/// The password comes from WEERBAAR_ADMIN_PASSWORD or the first line of standard input, never from an
/// argument (arguments end up in shell history and process lists).
struct CreateAdmin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-admin",
        abstract: "Create a beheerder account (password from WEERBAAR_ADMIN_PASSWORD or standard input).")

    @Option(name: .long, help: "The e-mail address to sign in with.")
    var email: String

    @Option(name: .long, help: "The name shown in the portal.")
    var name: String

    func run() async throws {
        try await AccountCreation.create(email: email, name: name, role: .administrator, provider: nil)
    }
}

/// `weerbaar create-user`: an account of any role without an invitation e-mail, for a first redacteur
/// on a server without mail, and for test set-ups. Same password rules and sources as create-admin.
struct CreateUser: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-user",
        abstract: "Create a portal account of a role (password from WEERBAAR_ADMIN_PASSWORD or standard input).")

    @Option(name: .long, help: "The e-mail address to sign in with.")
    var email: String

    @Option(name: .long, help: "The name shown in the portal.")
    var name: String

    @Option(name: .long, help: "beheerder, redacteur, partner-redacteur or rijkspartner (reads the white spots only).")
    var role: String

    @Option(name: .long, help: "For a partner-redacteur: the provider's slug, e.g. vng.")
    var provider: String?

    func run() async throws {
        guard let role = Role(rawValue: role) else {
            throw ValidationError("Onbekende rol '\(role)'; kies beheerder, redacteur, partner-redacteur of rijkspartner.")
        }
        if role == .partnerEditor && provider == nil { throw ValidationError("Een partner-redacteur hoort bij een aanbieder: geef --provider.") }
        try await AccountCreation.create(email: email, name: name, role: role, provider: role == .partnerEditor ? provider : nil)
    }
}

enum AccountCreation {
    static func create(email: String, name: String, role: Role, provider: String?) async throws {
        let address: MailAddress
        do {
            address = try MailAddress(email)
        } catch {
            throw ValidationError("Geen geldig e-mailadres: \(error.reason).")
        }
        let trimmedName = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmedName.isEmpty, trimmedName.count <= 200 else { throw ValidationError("Geef een naam van 1 tot 200 tekens.") }
        let password: String
        if let fromEnvironment = ProcessInfo.processInfo.environment["WEERBAAR_ADMIN_PASSWORD"], !fromEnvironment.isEmpty {
            password = fromEnvironment
        } else {
            FileHandle.standardError.write(Data("Wachtwoord (minstens \(PasswordPolicy.minimumLength) tekens): ".utf8))
            password = readLine(strippingNewline: true) ?? ""
        }
        if let problem = PasswordPolicy.standard.problem(with: password, email: address.description, name: trimmedName) {
            throw ValidationError(problem)
        }
        try await Startup.withPlatform { platform, _ in
            if let provider, platform.catalogue.taxonomy.provider(provider) == nil {
                throw ValidationError("Onbekende aanbieder '\(provider)'.")
            }
            let hash = try await SignInService.hashPassword(password)
            do {
                try await platform.accounts.create(Account(email: address.description, name: trimmedName, role: role, provider: provider,
                                                           passwordHash: hash))
                try await platform.audit.append(AuditEvent(actor: "systeem", actorName: "opdrachtregel",
                                                           action: role == .administrator ? .administratorCreated : .accountCreatedByCommand,
                                                           subject: address.description, details: role.rawValue))
            } catch AccountError.emailTaken {
                throw ValidationError("Er is al een account met het adres \(address).")
            }
        }
        print("\(role.label) \(trimmedName) <\(address)> aangemaakt. Inloggen op \(PortalLinks.signIn).")
    }
}
