// swift-tools-version:6.1
// Weerbaar: the national offer on social stability for Dutch municipalities, in one place.
// The layout is a map of the architecture (docs/architecture.md): one library target per bounded part,
// a thin web target, a composition root and a thin executable. Dependencies point inward.
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "weerbaar",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "weerbaar", targets: ["weerbaar"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/vapor/fluent-kit", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/CoreOffice/XMLCoder", from: "0.18.2"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
    ],
    targets: [
        // The domain: offerings, vocabularies, providers, the exchange format and its validation. No I/O.
        .target(name: "Catalogue", resources: [.copy("Resources")], swiftSettings: strict),
        // Dutch analysis, the in-memory index, ranking and facet counts. Pure Swift, no I/O.
        .target(name: "Search", resources: [.copy("Resources")], swiftSettings: strict),
        // Reading the first worksheet of an Excel workbook (.xlsx) as rows of text. No knowledge of offerings.
        .target(
            name: "Workbook",
            dependencies: [
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "XMLCoder", package: "XMLCoder"),
            ],
            swiftSettings: strict
        ),
        // Providers' logos made safe to serve: SVG rewritten from an allowlist, PNG stripped to its image chunks.
        .target(name: "Logos", swiftSettings: strict),
        // The application service over the catalogue: the live, searchable snapshot of what is published,
        // the queries pages and the API ask of it, and import/export of exchange files.
        .target(name: "CatalogueService", dependencies: ["Catalogue", "Search", "Workbook"], swiftSettings: strict),
        // The Handboek maatschappelijke onrust, learning routes and experts per theme. Pure; no HTTP.
        .target(name: "Handbook", dependencies: ["Catalogue"], swiftSettings: strict),
        // Insight for the partners: the needs survey, results, feedback and the white spots of supply
        // against demand. Pure; stored through protocols.
        .target(name: "Insight", dependencies: ["Catalogue"], swiftSettings: strict),
        .target(name: "Events", dependencies: ["Catalogue", "Search"], swiftSettings: strict),
        // Knowledge from the field: articles (practice examples, interviews, infobladen, …) and the
        // magazine, their file format and the live published collection. Pure; stored through a protocol.
        .target(name: "Knowledge", dependencies: ["Catalogue", "Search"], swiftSettings: strict),
        // The private search log: what was searched and found, never by whom. Pure; stored through a protocol.
        .target(name: "SearchLog", swiftSettings: strict),
        // Portal accounts: roles, the password policy, bcrypt, sessions, the sign-in lockout. No HTTP.
        .target(
            name: "Accounts",
            dependencies: [
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: strict
        ),
        // The portal's append-only audit log: events, the log protocol, CSV. Pure.
        .target(name: "Audit", swiftSettings: strict),
        // Sending e-mail: messages (MIME, encoded words, IDN) and a small SMTP client on SwiftNIO with
        // STARTTLS and AUTH. The portal and the newsletter both send through it.
        .target(
            name: "Mail",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strict
        ),
        // WeerbaarNL: subscribers with double opt-in, signed personal links, the per-client rate limit,
        // editions, and the outbox with the sender that drains it over SMTP. Stores come in through protocols.
        .target(
            name: "Newsletter",
            dependencies: ["Mail", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict
        ),
        // HTML that is safe by construction: attribute escaping, the small Markdown of descriptions,
        // Plot attributes Plot lacks, Dutch dates and numbers, URL path segments. No HTTP.
        .target(
            name: "Markup",
            dependencies: ["Catalogue", .product(name: "Plot", package: "Plot")],
            swiftSettings: strict
        ),
        // WeerbaarNL editions as mail: resolving an edition's blocks against the catalogue, rendering
        // its variants (and the archive's fragment), counting links, filling each subscriber's message
        // for the outbox, and the alert digest's mail. No HTTP; the web layer and serve both use it.
        .target(
            name: "Editions",
            dependencies: [
                "Catalogue", "CatalogueService", "Knowledge", "Mail", "Markup", "Newsletter",
                .product(name: "Plot", package: "Plot"),
            ],
            swiftSettings: strict
        ),
        // Scoring search against graded judgments (nDCG, recall, MRR). Pure, no I/O.
        .target(name: "Relevance", swiftSettings: strict),
        // FluentKit models, migrations and the stores behind the domain's protocols (SQLite and PostgreSQL).
        .target(
            name: "Storage",
            dependencies: [
                "Accounts", "Audit", "SearchLog", "Newsletter",
                "Catalogue", "Events", "Handbook", "Insight", "Knowledge",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // Routes, request decoding, view models, Plot views, the JSON API and static assets.
        .target(
            name: "Web",
            dependencies: [
                "Accounts", "Audit", "Catalogue", "CatalogueService", "Editions", "Events", "Handbook", "Insight", "Knowledge", "Logos", "Mail", "Markup", "Newsletter", "SearchLog", "Workbook",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Plot", package: "Plot"),
            ],
            resources: [.copy("Assets")],
            swiftSettings: strict
        ),
        // The composition root: configuration, stores, services and the router, wired once.
        .target(
            name: "WeerbaarApp",
            dependencies: [
                "Accounts", "Audit", "Catalogue", "CatalogueService", "Editions", "Events", "Handbook", "Insight", "Knowledge", "Mail", "Newsletter", "Relevance", "Search", "SearchLog", "Storage", "Web",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            // The demo (a link to data/demo), so `weerbaar serve` finds it from any directory.
            resources: [.copy("Demo")],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "weerbaar",
            dependencies: [
                "WeerbaarApp", "Accounts", "Audit", "CatalogueService", "Mail", "Relevance", "SearchLog", "Web",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "SearchBench",
            dependencies: ["Catalogue", "CatalogueService", "Knowledge", "Search"],
            path: "bench/SearchBench",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "InsightBench",
            dependencies: ["Catalogue", "CatalogueService", "Insight", "SearchLog", "Storage", "Web", .product(name: "Logging", package: "swift-log")],
            path: "bench/InsightBench",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "EventsBench",
            dependencies: ["Events", "Storage", .product(name: "Logging", package: "swift-log")],
            path: "bench/EventsBench",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "NewsletterBench",
            dependencies: ["WeerbaarApp", "Storage", "Newsletter", "Mail", "Editions", .product(name: "Logging", package: "swift-log")],
            path: "bench/NewsletterBench",
            swiftSettings: strict
        ),
        // Helpers shared by the test targets: scratch databases on both backends, repository paths.
        .target(
            name: "TestSupport",
            dependencies: [
                "Storage",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/TestSupport",
            swiftSettings: strict
        ),
        .testTarget(name: "CatalogueTests", dependencies: ["Catalogue", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "SearchTests", dependencies: ["Search"], resources: [.copy("Resources")], swiftSettings: strict),
        .testTarget(name: "SearchLogTests", dependencies: ["SearchLog"], swiftSettings: strict),
        .testTarget(name: "MailTests", dependencies: ["Mail"], swiftSettings: strict),
        .testTarget(name: "LogosTests", dependencies: ["Logos"], swiftSettings: strict),
        .testTarget(name: "NewsletterTests", dependencies: ["Newsletter"], swiftSettings: strict),
        .testTarget(name: "AccountsTests", dependencies: ["Accounts"], swiftSettings: strict),
        .testTarget(name: "InsightTests", dependencies: ["Insight", "Catalogue"], swiftSettings: strict),
        .testTarget(name: "KnowledgeTests", dependencies: ["Knowledge", "Catalogue", "Search", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "EventsTests", dependencies: ["Events", "Catalogue"], swiftSettings: strict),
        .testTarget(name: "MarkupTests", dependencies: ["Markup"], swiftSettings: strict),
        .testTarget(name: "CatalogueServiceTests", dependencies: ["CatalogueService", "Catalogue", "Search", "Workbook"],
                    resources: [.copy("Resources")], swiftSettings: strict),
        .testTarget(
            name: "RelevanceTests",
            dependencies: [
                "Relevance", "WeerbaarApp", "CatalogueService", "TestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "StorageTests",
            dependencies: [
                "Accounts", "Audit", "Storage", "Catalogue", "CatalogueService", "Events", "Insight", "Knowledge", "SearchLog", "Newsletter", "WeerbaarApp", "TestSupport",
                // Reading rows as stored, where a test checks what a store keeps.
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "WebTests",
            dependencies: [
                "WeerbaarApp", "Web", "Editions", "Events", "Handbook", "Insight", "Knowledge", "Markup", "Accounts", "Audit", "Catalogue", "CatalogueService", "Mail", "Newsletter", "SearchLog", "Storage",
                "TestSupport", .product(name: "Plot", package: "Plot"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                // Reading rows as stored, where a test checks what is kept (recovery codes only as hashes).
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
    ]
)
