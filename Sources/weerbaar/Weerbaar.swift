import ArgumentParser
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
        subcommands: [Serve.self, Migrate.self, Import.self, Export.self, Demo.self],
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
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Migrate, load the demo catalogue into an empty database, and serve.")

    func run() async throws {
        let (configuration, logger) = try Startup.configuration()
        logger.info("Starting", metadata: ["database": "\(configuration.database)"])
        let platform = try await Platform.start(configuration, logger: logger, seedDemoWhenEmpty: true)
        do {
            try await platform.application().runService()
        } catch {
            await platform.shutdown()
            throw error
        }
        await platform.shutdown()
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending database migrations.")

    func run() async throws {
        let (configuration, logger) = try Startup.configuration()
        let platform = try await Platform.start(configuration, logger: logger)
        await platform.shutdown()
        print("Migrations applied to \(configuration.database).")
    }
}

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import exchange files (weerbaar.offerings/v1, JSON or CSV) in one transaction: all or nothing.")

    @Argument(help: "Files to import (.json or .csv).")
    var files: [String]

    func run() async throws {
        let (configuration, logger) = try Startup.configuration()
        var inputs: [CatalogueImporter.File] = []
        for path in files {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError("Cannot read \(path)")
            }
            inputs.append(CatalogueImporter.File(name: (path as NSString).lastPathComponent, data: data))
        }
        let platform = try await Platform.start(configuration, logger: logger)
        do {
            let summary = try await platform.importer.importFiles(inputs)
            print("Imported: \(summary.created.count) new, \(summary.updated.count) changed, \(summary.unchanged.count) unchanged.")
        } catch let rejected as FileImportRejected {
            await platform.shutdown()
            var stderr = StandardError()
            print("Import refused; nothing was written. \(rejected.problems.count) problem(s):", to: &stderr)
            print(rejected.description, to: &stderr)
            throw ExitCode(1)
        } catch {
            await platform.shutdown()
            throw error
        }
        await platform.shutdown()
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
        let (configuration, logger) = try Startup.configuration()
        let platform = try await Platform.start(configuration, logger: logger)
        let data: Data
        do {
            data = try await platform.importer.export(format: format)
        } catch {
            await platform.shutdown()
            throw error
        }
        await platform.shutdown()
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
        let (configuration, logger) = try Startup.configuration()
        let platform = try await Platform.start(configuration, logger: logger)
        do {
            let summary = try await platform.importer.importFiles(try DemoCatalogue.files(in: configuration.demoDirectory))
            print("Demo catalogue: \(summary.created.count) new, \(summary.updated.count) changed, \(summary.unchanged.count) unchanged.")
        } catch {
            await platform.shutdown()
            throw error
        }
        await platform.shutdown()
    }
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) { FileHandle.standardError.write(Data(string.utf8)) }
}
