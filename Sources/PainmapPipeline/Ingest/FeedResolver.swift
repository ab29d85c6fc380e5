import Foundation
public import PainmapCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds the input files and the feed layout that reads each one.
public struct FeedResolver: Sendable {
    private let configuration: PainmapConfiguration

    /// Creates a resolver over a configuration.
    public init(configuration: PainmapConfiguration) {
        self.configuration = configuration
    }

    /// A file with its layout, or a file no layout covers.
    public enum Resolution: Sendable {
        /// The layout that reads the file.
        case feed(FeedFile)
        /// No layout matches; the message says how to fix it. `explicit` is false for files found by
        /// walking a directory (listed and skipped), true for files named on the command line (an error).
        case unmatched(path: String, message: String, explicit: Bool)
    }

    /// Expands the given paths (files or directories, recursively, in name order) and picks a layout
    /// for each file: the first feed whose glob matches, or with `source` the feed of that kind whose
    /// format fits the file's extension.
    /// - Throws: ``LocatedFailure`` (``FailureCode/missingInput``, 66) when a path does not exist.
    public func resolve(paths: [String], source: SourceKind?) throws -> [Resolution] {
        var files: [(URL, String, Bool)] = []
        for path in paths {
            let url = URL(fileURLWithPath: path).standardizedFileURL
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                throw LocatedFailure(.missingInput, message: "нет такого файла или каталога: \(path)", status: .noInput)
            }
            if isDirectory.boolValue {
                let found = FileManager.default.enumerator(
                    at: url,
                    includingPropertiesForKeys: [.isRegularFileKey],
                    options: [.skipsHiddenFiles]
                )
                var inner: [URL] = []
                while let next = found?.nextObject() as? URL {
                    if (try? next.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                        inner.append(next.standardizedFileURL)
                    }
                }
                for file in inner.sorted(by: { $0.path < $1.path }) where FeedResolver.isDataFile(file) {
                    let display =
                        path.hasSuffix("/")
                        ? path + file.path.dropFirst(url.path.count + 1)
                        : path + "/" + file.path.dropFirst(url.path.count + 1)
                    files.append((file, display, false))
                }
            } else {
                files.append((url, path, true))
            }
        }
        return files.map { url, display, explicit in
            resolve(url: url, display: display, source: source, explicit: explicit)
        }
    }

    /// Every file that the feeds' globs match under the configuration root, in name order (for `painmap run`).
    public func configuredFiles() -> [FeedFile] {
        var seen = Set<String>()
        var result: [FeedFile] = []
        for feed in configuration.feeds {
            for pattern in feed.paths {
                for path in FeedResolver.glob(configuration.root.appendingPathComponent(pattern).path)
                where seen.insert(path).inserted {
                    let url = URL(fileURLWithPath: path)
                    result.append(FeedFile(url: url, displayPath: relative(url) ?? path, feed: feed))
                }
            }
        }
        return result.sorted { $0.displayPath < $1.displayPath }
    }

    static func isDataFile(_ url: URL) -> Bool {
        ["csv", "xlsx", "json", "xml", "tsv", "txt"].contains(url.pathExtension.lowercased())
    }

    private func relative(_ url: URL) -> String? {
        let root = configuration.root.standardizedFileURL.path
        let path = url.standardizedFileURL.path
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
    }

    private func resolve(url: URL, display: String, source: SourceKind?, explicit: Bool) -> Resolution {
        let relativePath = relative(url)
        func matches(_ feed: FeedConfiguration) -> Bool {
            feed.paths.contains { pattern in
                (relativePath.map { fnmatch(pattern, $0, 0) == 0 } ?? false) || fnmatch(pattern, url.path, 0) == 0
            }
        }
        let format = FeedResolver.format(of: url)
        if let source {
            let candidates = configuration.feeds.filter { $0.kind == source && $0.format == format }
            if let feed = candidates.first(where: matches) ?? candidates.first {
                return .feed(FeedFile(url: url, displayPath: display, feed: feed))
            }
            return .unmatched(
                path: display,
                message:
                    "для источника \(source.rawValue) нет макета формата \(format?.rawValue ?? url.pathExtension) в Config/feeds.yaml",
                explicit: explicit
            )
        }
        if let feed = configuration.feeds.first(where: matches) {
            return .feed(FeedFile(url: url, displayPath: display, feed: feed))
        }
        return .unmatched(
            path: display,
            message: "файл не подходит ни под один paths в Config/feeds.yaml; укажите --source или добавьте макет",
            explicit: explicit
        )
    }

    static func format(of url: URL) -> FeedConfiguration.Format? {
        switch url.pathExtension.lowercased() {
        case "csv", "tsv", "txt": .csv
        case "xlsx": .xlsx
        case "json": .json
        case "xml": .xml
        default: nil
        }
    }

    static func glob(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard Glibc.glob(pattern, 0, nil, &result) == 0 else { return [] }
        var paths: [String] = []
        for index in 0..<Int(result.gl_pathc) {
            if let cString = result.gl_pathv[index] { paths.append(String(cString: cString)) }
        }
        return paths.sorted()
    }
}
