import FluentKit
import FluentPostgresDriver
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit
import Storage

/// The storage backends a test runs on. SQLite always; PostgreSQL when `scripts/test` started a
/// throwaway cluster and exported `WEERBAAR_TEST_POSTGRES_URL` (it says so when it could not).
public enum TestBackend: String, Sendable, CaseIterable, CustomStringConvertible {
    case sqlite, postgres

    /// SQLite always; PostgreSQL when scripts/test started one. In CI both, always: a PostgreSQL that
    /// did not start fails its tests (ScratchError.noPostgres) instead of skipping them.
    public static var available: [TestBackend] {
        postgresURL == nil && !TestEnvironment.isCI ? [.sqlite] : [.sqlite, .postgres]
    }

    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["WEERBAAR_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    public var description: String { rawValue }
}

public enum ScratchDatabase {
    /// Runs `body` against a new, empty database of the backend, and removes it afterwards: a temporary
    /// SQLite file, or a new database in the PostgreSQL cluster.
    public static func with<T: Sendable>(_ backend: TestBackend, _ body: (DatabaseLocation) async throws -> T) async throws -> T {
        switch backend {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("weerbaar-test-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            return try await body(.sqlite(path: directory.appendingPathComponent("test.sqlite").path))
        case .postgres:
            guard let base = TestBackend.postgresURL, var components = URLComponents(string: base) else {
                throw ScratchError.noPostgres
            }
            let name = "weerbaar_test_" + UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: "")
            try await admin(base) { try await $0.raw("CREATE DATABASE \(unsafeRaw: name)").run() }
            components.path = "/" + name
            do {
                let result = try await body(.postgres(url: components.string!))
                try await admin(base) { try await $0.raw("DROP DATABASE \(unsafeRaw: name) WITH (FORCE)").run() }
                return result
            } catch {
                try? await admin(base) { try await $0.raw("DROP DATABASE \(unsafeRaw: name) WITH (FORCE)").run() }
                throw error
            }
        }
    }

    enum ScratchError: Error { case noPostgres }

    private static func admin(_ url: String, _ work: (any SQLDatabase) async throws -> Void) async throws {
        let databases = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
        databases.use(try .postgres(url: url), as: .psql)
        let database = databases.database(logger: Logger(label: "scratch"), on: MultiThreadedEventLoopGroup.singleton.any())!
        do {
            try await work(database as! any SQLDatabase)
        } catch {
            await databases.shutdownAsync()
            throw error
        }
        await databases.shutdownAsync()
    }
}

/// Paths inside the repository, for tests that read committed data.
public enum Repository {
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static var demoDirectory: String { root.appendingPathComponent("data/demo").path }

    /// The shared relevance set beside the project (`../shared/relevance/`).
    public static var sharedRelevance: URL { root.deletingLastPathComponent().appendingPathComponent("shared/relevance") }
}

/// Where the tests run.
public enum TestEnvironment {
    /// `CI=true`: every component the tests need must be there; nothing is skipped.
    public static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }
}
