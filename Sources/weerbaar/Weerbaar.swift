import ArgumentParser
import Audit
import Catalogue
import CatalogueService
import Foundation
import Hummingbird
import Logging
import WeerbaarApp

/// The `weerbaar` command: argument parsing only; the work happens in WeerbaarApp.
@main
struct Weerbaar: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weerbaar",
        abstract: "Weerbaar: the national offer on social stability for Dutch municipalities.",
        discussion: "Configuration comes from the environment: HOST, PORT, DATA_DIR, DATABASE_URL, LOG_LEVEL, BASE_URL.",
        subcommands: [Serve.self, Migrate.self, Import.self, Export.self, Demo.self, EvalRelevance.self, Analyze.self, SearchLogCommand.self, CreateAdmin.self, CreateUser.self, SendDigest.self],
        defaultSubcommand: Serve.self)
}

/// Shared start-up: configuration from the environment and a logger at its level.
enum Startup {
    static func configuration() throws -> (Configuration, Logger) {
        let configuration: Configuration
        do {
            configuration = try Configuration.fromEnvironment()
        } catch {
            throw ValidationError("\(error)")
        }
        var logger = Logger(label: "weerbaar")
        logger.logLevel = configuration.logLevel
        return (configuration, logger)
    }

    /// Starts the platform, runs `body` and shuts the database down again, also when `body` throws.
    static func withPlatform<T>(seedDemo: Bool = false, _ body: (Platform, Configuration) async throws -> T) async throws -> T {
        let (configuration, logger) = try configuration()
        if seedDemo { logger.info("Starting", metadata: ["database": "\(configuration.database)"]) }
        let platform = try await Platform.start(configuration, logger: logger, seedDemoWhenEmpty: seedDemo)
        do {
            let result = try await body(platform, configuration)
            await platform.shutdown()
            return result
        } catch {
            await platform.shutdown()
            throw error
        }
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Migrate, load the demo catalogue into an empty database, and serve.")

    func run() async throws {
        try await Startup.withPlatform(seedDemo: true) { platform, _ in try await platform.application().runService() }
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending database migrations.")

    func run() async throws {
        try await Startup.withPlatform { _, configuration in print("Migrations applied to \(configuration.database).") }
    }
}

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import exchange files (weerbaar.offerings/v1, JSON or CSV) in one transaction: all or nothing.")

    @Argument(help: "Files to import (.json or .csv).")
    var files: [String]

    func run() async throws {
        var inputs: [CatalogueImporter.File] = []
        for path in files {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError("Cannot read \(path)")
            }
            inputs.append(CatalogueImporter.File(name: (path as NSString).lastPathComponent, data: data))
        }
        do {
            let summary = try await Startup.withPlatform { platform, _ in
                let summary = try await platform.importer.importFiles(inputs)
                try await platform.audit.append(AuditEvent(
                    actor: "systeem", actorName: "opdrachtregel", action: .catalogueImported, subject: inputs.map(\.name).joined(separator: ", "),
                    details: "\(summary.created.count) nieuw, \(summary.updated.count) gewijzigd, \(summary.unchanged.count) ongewijzigd"))
                return summary
            }
            print("Imported: \(summary.created.count) new, \(summary.updated.count) changed, \(summary.unchanged.count) unchanged.")
        } catch let rejected as FileImportRejected {
            var stderr = StandardError()
            print("Import refused; nothing was written. \(rejected.problems.count) problem(s):", to: &stderr)
            print(rejected.description, to: &stderr)
            throw ExitCode(1)
        }
    }
}

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Export the catalogue in the exchange format.")

    @Option(help: "json or csv")
    var format: String = "json"

    @Option(name: .shortAndLong, help: "File to write; standard output when omitted.")
    var output: String?

    func run() async throws {
        guard let format = ExchangeFile.Format(rawValue: format) else {
            throw ValidationError("--format must be json or csv")
        }
        let data = try await Startup.withPlatform { platform, _ in try await platform.importer.export(format: format) }
        if let output {
            try data.write(to: URL(fileURLWithPath: output), options: .atomic)
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Load (or refresh) the demo catalogue from data/demo/.")

    func run() async throws {
        let summary = try await Startup.withPlatform { platform, configuration in
            try await DemoCatalogue.load(from: configuration.demoDirectory, into: platform.importer, database: platform.database)
        }
        print("Demo catalogue: \(summary.created.count) new, \(summary.updated.count) changed, \(summary.unchanged.count) unchanged.")
    }
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) { FileHandle.standardError.write(Data(string.utf8)) }
}
