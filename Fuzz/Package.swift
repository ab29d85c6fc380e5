// swift-tools-version: 6.2
import PackageDescription

// libFuzzer + AddressSanitizer harnesses for painmap's parsers (RELIABILITY.md §8).
//
// A separate package so `unsafeFlags` and sanitizer builds stay out of the main build and CI.
// Build and run through `scripts/fuzz TARGET SECONDS`; the target is chosen at run time with
// `PAINMAP_FUZZ_TARGET` (see `Sources/PainmapFuzz/FuzzTargets.swift`).
let package = Package(
    name: "painmap-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "painmap", path: "..")],
    targets: [
        .executableTarget(
            name: "PainmapFuzz",
            dependencies: [.product(name: "PainmapPipeline", package: "painmap")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    ],
    swiftLanguageModes: [.v6]
)
