// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "painmap",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "painmap", targets: ["painmap"]),
        .library(name: "PainmapPipeline", targets: ["PainmapPipeline"]),
    ],
    traits: [
        // The PostgreSQL store (issue 7), off by default so the default build never compiles SwiftNIO and
        // postgres-nio. `swift build --traits PostgreSQL`; scripts/test and CI enable it.
        .trait(
            name: "PostgreSQL",
            description: "PostgreSQL store on postgres-nio: --store postgres://user@host:port/db"
        ),
        // The analysts' web workspace (issue 13, `painmap serve`, `painmap users`) on Hummingbird 2, off by default so
        // the default build stays lean. `swift build --traits Workspace`; scripts/test builds it with PostgreSQL.
        .trait(
            name: "Workspace",
            description: "Web workspace for analysts: painmap serve and painmap users (Hummingbird, bcrypt)"
        ),
        .default(enabledTraits: []),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // Already in postgres-nio's graph; named here because PainmapPostgres imports NIOCore and NIOSSL itself.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        // The workspace (trait Workspace): HTTP server and bcrypt.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // Domain model, configuration types and the protocols outer targets implement.
        .target(
            name: "PainmapCore",
            dependencies: [
                "CMalloc",
                .product(name: "Logging", package: "swift-log"), .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // glibc's malloc.h (malloc_trim): freed memory handed back between a run's regions (issue 17).
        .systemLibrary(name: "CMalloc"),
        // Russian text: normalization, tokenizing, Snowball stemming (no dependencies).
        .target(name: "PainmapText"),
        // libxml2, used for streaming, non-recovering XML parsing of «Ваш контроль» exports.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // zlib, for bounded raw inflate and CRC-32 of the parts of untrusted XLSX workbooks. Not "CZlib": that
        // module name is taken by ZIPFoundation's own zlib shim on Linux, and Clang refuses two of one name.
        .systemLibrary(
            name: "CLibZ",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // Personal-data recognizers and the redactor applied at ingest (no dependencies beyond Core).
        // Resources: the name lexicon from OpenCorpora (CC BY-SA 3.0, scripts/dev/build-name-lexicon.py).
        .target(name: "PainmapPrivacy", dependencies: ["PainmapCore"], resources: [.copy("Resources")]),
        // The labelled PII corpus generator and the evaluation behind `painmap pii-eval`.
        // The independent corpus goes through the ПОС adapter and the store (Pipeline, SQLite) like a real export.
        .target(
            name: "PainmapPrivacyEval",
            dependencies: [
                "PainmapCore", "PainmapPrivacy", "PainmapPipeline", "PainmapSQLite",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Source adapters: readers for CSV, XLSX, XML, JSON and the five feed kinds.
        .target(
            name: "PainmapIngest",
            dependencies: [
                "PainmapCore",
                "CLibXML2",
                "CLibZ",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The embedded store on GRDB (system libsqlite3).
        .target(
            name: "PainmapSQLite",
            dependencies: [
                "PainmapCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                // The same system libsqlite3 GRDB links, for binding hot-path inserts directly.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The server store on postgres-nio. Its sources compile to nothing unless the PostgreSQL trait is on
        // (`#if PostgreSQL`), so a default `swift build`, which builds every target, never builds SwiftNIO.
        .target(
            name: "PainmapPostgres",
            dependencies: [
                "PainmapCore",
                .product(name: "PostgresNIO", package: "postgres-nio", condition: .when(traits: ["PostgreSQL"])),
                .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["PostgreSQL"])),
                .product(name: "NIOSSL", package: "swift-nio-ssl", condition: .when(traits: ["PostgreSQL"])),
                .product(name: "Logging", package: "swift-log", condition: .when(traits: ["PostgreSQL"])),
            ]
        ),
        // Deterministic pain clustering over stemmed documents.
        .target(name: "PainmapClustering", dependencies: ["PainmapCore", "PainmapText"]),
        // The report model, its renderers (HTML, Markdown, JSON, CSV, XLSX), the report tree with its atomic
        // writer, and the zero-leak gate that reads every rendered file (workbooks unzipped) before it is written.
        .target(
            name: "PainmapReports",
            dependencies: [
                "PainmapCore",
                "PainmapPrivacy",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The analysis stage: records and stored pains in, report models and pains to store out (no files, no store).
        .target(
            name: "PainmapAnalysis",
            dependencies: ["PainmapCore", "PainmapText", "PainmapClustering", "PainmapReports"]
        ),
        // Deterministic generator of realistic sample exports for all five sources.
        .target(name: "PainmapSamples", dependencies: ["PainmapCore", "PainmapReports"]),
        // Orchestration: configuration loading, jobs (ingest, classify, run, cluster), the run lock, store choice.
        .target(
            name: "PainmapPipeline",
            dependencies: [
                "PainmapCore",
                "PainmapIngest",
                "PainmapSQLite",
                .target(name: "PainmapPostgres", condition: .when(traits: ["PostgreSQL"])),
                "PainmapText",
                "PainmapClustering",
                "PainmapAnalysis",
                "PainmapReports",
                "PainmapPrivacy",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The analysts' review loop (issue 13): decisions on pains with an audit trail, for the CLI and the workspace.
        // The service layer over `DecisionStore`; applying decisions to reports is analysis (PainmapAnalysis/Decisions).
        .target(
            name: "PainmapReview",
            dependencies: ["PainmapCore", "PainmapPrivacy", "PainmapAnalysis", "PainmapReports"]
        ),
        // The analysts' web workspace behind `painmap serve` (trait Workspace): accounts, sessions, CSRF, pages
        // scoped to a user's regions, every page through the reports' leak scan. Its sources are `#if Workspace`.
        .target(
            name: "PainmapWorkspace",
            dependencies: [
                "PainmapCore",
                "PainmapPipeline",
                "PainmapReview",
                "PainmapReports",
                "PainmapPrivacy",
                "PainmapText",
                .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["Workspace"])),
                .product(
                    name: "HummingbirdBcrypt",
                    package: "hummingbird-auth",
                    condition: .when(traits: ["Workspace"])
                ),
                .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["Workspace"])),
                .product(name: "HTTPTypes", package: "swift-http-types", condition: .when(traits: ["Workspace"])),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "painmap",
            dependencies: [
                "PainmapCore",
                "PainmapPipeline",
                "PainmapReview",
                .target(name: "PainmapWorkspace", condition: .when(traits: ["Workspace"])),
                "PainmapSQLite",
                "PainmapSamples",
                "PainmapPrivacyEval",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Shared by the test targets: temporary directories removed on exit, the repository root, a process runner,
        // another process holding a lock, swift-log's in-memory handler.
        .target(
            name: "PainmapTestSupport",
            dependencies: [
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
            ],
            path: "Tests/PainmapTestSupport"
        ),
        .testTarget(name: "PainmapCoreTests", dependencies: ["PainmapCore"]),
        .testTarget(name: "PainmapTextTests", dependencies: ["PainmapText", "PainmapTestSupport"]),
        .testTarget(
            name: "PainmapPrivacyTests",
            dependencies: [
                "PainmapPrivacy", "PainmapPrivacyEval", "PainmapCore", "PainmapPipeline", "PainmapTestSupport",
            ]
        ),
        .testTarget(name: "PainmapClusteringTests", dependencies: ["PainmapClustering", "PainmapCore", "PainmapText"]),
        .testTarget(
            name: "PainmapIngestTests",
            dependencies: [
                // XLSXFixture writes test workbooks with Core's ZIPWriter, deflating with PainmapReports' entry.
                "PainmapIngest", "PainmapCore", "PainmapReports", "PainmapPipeline", "PainmapTestSupport",
            ]
        ),
        .testTarget(
            name: "PainmapReportsTests",
            dependencies: ["PainmapReports", "PainmapIngest", "PainmapCore", "PainmapTestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "PainmapAnalysisTests",
            dependencies: ["PainmapAnalysis", "PainmapCore", "PainmapReports", "PainmapText", "PainmapClustering"]
        ),
        .testTarget(
            name: "PainmapSamplesTests",
            dependencies: ["PainmapSamples", "PainmapCore", "PainmapTestSupport"]
        ),
        .testTarget(name: "PainmapSQLiteTests", dependencies: ["PainmapSQLite", "PainmapCore", "PainmapTestSupport"]),
        // One contract suite over every backend built: SQLite always, PostgreSQL with the trait.
        .testTarget(
            name: "PainmapStoreContractTests",
            dependencies: [
                "PainmapCore",
                "PainmapTestSupport",
                "PainmapSQLite",
                .target(name: "PainmapPostgres", condition: .when(traits: ["PostgreSQL"])),
            ]
        ),
        .testTarget(
            name: "PainmapPipelineTests",
            dependencies: [
                "PainmapPipeline", "PainmapAnalysis", "PainmapCore", "PainmapSQLite", "PainmapReports",
                "PainmapSamples", "PainmapClustering",
                "PainmapIngest", "PainmapText",
                "PainmapPrivacy",
                "PainmapTestSupport",
            ]
        ),
        .testTarget(
            name: "PainmapReviewTests",
            dependencies: [
                "PainmapReview", "PainmapAnalysis", "PainmapCore", "PainmapSQLite", "PainmapPipeline",
                "PainmapReports", "PainmapTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "painmapCLITests", dependencies: ["painmap", "PainmapTestSupport"]),
        // Accounts, sessions, CSRF, region scoping and the pages' leak scan (sources `#if Workspace`).
        .testTarget(
            name: "PainmapWorkspaceTests",
            dependencies: [
                "PainmapCore", "PainmapSQLite", "PainmapPipeline", "PainmapReports", "PainmapTestSupport",
                .target(name: "PainmapWorkspace", condition: .when(traits: ["Workspace"])),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where [.regular, .executable, .test].contains(target.type) {
    var settings = target.swiftSettings ?? []
    settings += [.enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility")]
    if target.type == .regular { settings.append(.enableUpcomingFeature("InternalImportsByDefault")) }
    // Warnings are errors for the project's own targets only; dependencies keep their warnings.
    target.swiftSettings = settings + [.treatAllWarnings(as: .error)]
}
