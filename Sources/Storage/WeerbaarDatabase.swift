import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import NIOCore
import NIOPosix

/// Where the data lives: an SQLite file (the default, embedded) or a PostgreSQL server (production).
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: String)

    public var description: String {
        switch self {
        case .sqlite(let path): "SQLite (\(path))"
        case .postgres(let url): "PostgreSQL (\(Self.redacted(url)))"
        }
    }

    /// The URL without its password, for logs.
    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url) else { return "postgres://…" }
        if components.password != nil { components.password = "***" }
        return components.string ?? "postgres://…"
    }
}

/// An open database with its migrations: the one handle the application passes to every store.
public final class WeerbaarDatabase: Sendable {
    public let location: DatabaseLocation
    let databases: Databases
    let database: any Database
    let logger: Logger
    /// SQLite's own threads; see `open`.
    private let threadPool: NIOThreadPool?

    private init(location: DatabaseLocation, databases: Databases, threadPool: NIOThreadPool?, logger: Logger) {
        self.location = location
        self.databases = databases
        self.threadPool = threadPool
        self.logger = logger
        self.database = databases.database(logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())!
    }

    /// `poolTimeout`: how long a query waits for a connection (30 s; a test of a burst of hundreds of
    /// transactions on a loaded machine may allow more — it proves correctness, not speed).
    public static func open(_ location: DatabaseLocation, logger: Logger, poolTimeout: Int64 = 30) throws -> WeerbaarDatabase {
        // Every SQLite call blocks a thread of the pool it is given. On the shared pool it would queue
        // behind bcrypt (a burst of sign-ins stalled every query) and, in the tests, behind every other
        // scratch database; so SQLite gets threads of its own. PostgreSQL does not block threads.
        var threadPool: NIOThreadPool? = nil
        if case .sqlite(let path) = location {
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
            let pool = NIOThreadPool(numberOfThreads: 2)
            pool.start()
            threadPool = pool
        }
        let databases = Databases(threadPool: threadPool ?? NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
        switch location {
        case .sqlite(let path):
            // SQLite has one connection per event loop, so concurrent transactions queue for it; on a loaded
            // machine eight of them waited longer than the default 10 s. Wait as long as PostgreSQL does.
            databases.use(.sqlite(.file(path), connectionPoolTimeout: .seconds(poolTimeout), sqlLogLevel: .trace), as: .sqlite)
        case .postgres(let url):
            // Several connections per event loop: concurrent transactions (two editors saving, a bulk upload
            // beside page loads) must not queue behind one connection until the pool's timeout.
            databases.use(try .postgres(url: url, maxConnectionsPerEventLoop: 4, connectionPoolTimeout: .seconds(poolTimeout), sqlLogLevel: .trace),
                          as: .psql)
        }
        return WeerbaarDatabase(location: location, databases: databases, threadPool: threadPool, logger: logger)
    }

    /// Applies every migration not yet applied.
    public func migrate() async throws {
        if case .sqlite = location {
            // Write-ahead logging: readers never wait for the writer, and a commit is one append
            // instead of a journal written, synced and deleted. NORMAL syncs at checkpoints, not at
            // every commit: a process crash loses nothing; a power cut may lose the last commits.
            // journal_mode is kept in the file; synchronous and busy_timeout are per connection, and
            // the store's connection is this one (SQLite gets one per event loop, the store one loop).
            let sql = database.sql
            try await sql.raw("PRAGMA journal_mode=WAL").run()
            try await sql.raw("PRAGMA synchronous=NORMAL").run()
            try await sql.raw("PRAGMA busy_timeout=5000").run()
        }
        let migrations = Migrations()
        migrations.add(AllMigrations.list)
        let migrator = Migrator(databases: databases, migrations: migrations, logger: logger,
                                on: MultiThreadedEventLoopGroup.singleton.any())
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
    }

    /// Whether the database answers a trivial query now (readiness).
    public func answers() async -> Bool { (try? await database.sql.raw("SELECT 1").run()) != nil }

    public func shutdown() async {
        await databases.shutdownAsync()
        try? await threadPool?.shutdownGracefully()
    }

    /// A quick round trip, for readiness checks.
    public func ping() async -> Bool {
        (try? await ProviderModel.query(on: database).count()) != nil
    }
}
