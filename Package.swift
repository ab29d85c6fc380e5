// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "painmap",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "painmap", targets: ["painmap"]),
        .library(name: "PainmapPipeline", targets: ["PainmapPipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Domain model, configuration types and the protocols outer targets implement.
        .target(
            name: "PainmapCore",
            dependencies: [.product(name: "Logging", package: "swift-log")]
        ),
        // Russian text: normalization, tokenizing, Snowball stemming (no dependencies).
        .target(name: "PainmapText"),
        // libxml2, used for streaming, non-recovering XML parsing of «Ваш контроль» exports.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Source adapters: readers for CSV, XLSX, XML, JSON and the five feed kinds.
        .target(
            name: "PainmapIngest",
            dependencies: [
                "PainmapCore",
                "CLibXML2",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
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
        // Deterministic pain clustering over stemmed documents.
        .target(name: "PainmapClustering", dependencies: ["PainmapCore", "PainmapText"]),
        // Report rendering (HTML, Markdown, JSON, CSV, XLSX) and the atomic file writer.
        .target(
            name: "PainmapReports",
            dependencies: [
                "PainmapCore",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Deterministic generator of realistic sample exports for all five sources.
        .target(name: "PainmapSamples", dependencies: ["PainmapCore", "PainmapReports"]),
        // Wires configuration, adapters, stores and analysis into jobs.
        .target(
            name: "PainmapPipeline",
            dependencies: [
                "PainmapCore",
                "PainmapIngest",
                "PainmapSQLite",
                "PainmapText",
                "PainmapClustering",
                "PainmapReports",
                "PainmapSamples",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "painmap",
            dependencies: [
                "PainmapCore",
                "PainmapPipeline",
                "PainmapSQLite",
                "PainmapSamples",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "PainmapCoreTests", dependencies: ["PainmapCore"]),
        .testTarget(name: "PainmapTextTests", dependencies: ["PainmapText"]),
        .testTarget(name: "PainmapClusteringTests", dependencies: ["PainmapClustering", "PainmapCore", "PainmapText"]),
        .testTarget(
            name: "PainmapIngestTests",
            dependencies: ["PainmapIngest", "PainmapCore", "PainmapPipeline"]
        ),
        .testTarget(name: "PainmapReportsTests", dependencies: ["PainmapReports", "PainmapIngest"]),
        .testTarget(name: "PainmapSamplesTests", dependencies: ["PainmapSamples", "PainmapCore"]),
        .testTarget(name: "PainmapSQLiteTests", dependencies: ["PainmapSQLite", "PainmapCore"]),
        .testTarget(
            name: "PainmapPipelineTests",
            dependencies: [
                "PainmapPipeline", "PainmapCore", "PainmapSQLite", "PainmapReports", "PainmapSamples", "PainmapIngest", "PainmapText",
            ]
        ),
        .testTarget(name: "painmapCLITests", dependencies: ["painmap"]),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where [.regular, .executable, .test].contains(target.type) {
    var settings = target.swiftSettings ?? []
    settings += [.enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility")]
    if target.type == .regular { settings.append(.enableUpcomingFeature("InternalImportsByDefault")) }
    target.swiftSettings = settings
}
