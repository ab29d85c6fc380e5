import Foundation
import PainmapCore
import PainmapPipeline
import PainmapTestSupport
import Testing

private let root = RepositoryRoot.url

private func configDirectory(privacy: String?) throws -> URL {
    let directory = TemporaryDirectory.url("privacy-config")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for name in ["feeds.yaml", "regions.yaml", "surveys.yaml", "mkgu-forms.yaml"] {
        try FileManager.default.copyItem(
            at: root.appendingPathComponent("Config/\(name)"),
            to: directory.appendingPathComponent(name)
        )
    }
    if let privacy { try Data(privacy.utf8).write(to: directory.appendingPathComponent("privacy.yaml")) }
    return directory
}

@Suite struct PrivacyConfigTests {
    @Test func repositoryDefaultKeepsNoOriginals() throws {
        let configuration = try ConfigurationLoader().load(directory: root.appendingPathComponent("Config"))
        #expect(configuration.privacy.keepOriginals == false)
    }

    @Test func missingFileMeansDefaultAndTrueIsRead() throws {
        #expect(try ConfigurationLoader().load(directory: try configDirectory(privacy: nil)).privacy == .default)
        #expect(
            try ConfigurationLoader().load(directory: try configDirectory(privacy: "keep_originals: true\n")).privacy
                .keepOriginals
        )
    }

    @Test func unknownKeyIsRejectedWithItsLine() throws {
        do {
            _ = try ConfigurationLoader().load(
                directory: try configDirectory(privacy: "# comment\nkeep_original: true\n")
            )
            Issue.record("a misspelled key must fail")
        } catch let failure as ConfigurationErrors {
            let error = try #require(failure.errors.first { $0.location?.path.hasSuffix("privacy.yaml") == true })
            #expect(error.location?.line == 2)
            #expect(
                error.message.contains("неизвестный ключ «keep_original»; возможно, имелось в виду «keep_originals»"),
                "\(error.message)"
            )
        }
    }
}
