import Foundation
import PainmapSamples
import PainmapTestSupport

/// One generated SampleFeeds tree (default options), shared by the suites that only read it.
enum SampleTreeFixture {
    struct Tree: Sendable {
        var directory: URL
        var manifest: SampleManifest

        func bytes(_ path: String) throws -> Data {
            try Data(contentsOf: directory.appendingPathComponent(path))
        }
    }

    static let shared: Result<Tree, any Error> = Result {
        let directory = try makeTemporaryDirectory("shared")
        let manifest = try SampleGenerator().writeSampleFeeds(to: directory)
        return Tree(directory: directory, manifest: manifest)
    }

    static func tree() throws -> Tree { try shared.get() }

    static func makeTemporaryDirectory(_ label: String) throws -> URL {
        TemporaryDirectory.url("samples-\(label)")
    }

    /// Relative paths of all regular files under `directory`, sorted.
    static func files(under directory: URL) -> [String] {
        let base = directory.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [] }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                paths.append(path)
            }
        }
        return paths.sorted()
    }
}
