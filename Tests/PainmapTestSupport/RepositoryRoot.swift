public import Foundation

/// Where the repository's files are: `SampleFeeds/`, `Config/`, `Tests/Fixtures/`, and `../shared` beside the clone.
public enum RepositoryRoot {
    /// The repository root (this file is `Tests/PainmapTestSupport/RepositoryRoot.swift`).
    public static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `../shared` beside the clone (test data that is not committed, such as the Snowball vocabulary).
    public static let shared = url.deletingLastPathComponent().appendingPathComponent("shared")
}
