import Foundation
public import PainmapCore

/// Finds the name lexicon's files (`painmap_PainmapPrivacy.resources/Resources/names-*.txt`) beside the program.
///
/// SwiftPM's generated `Bundle.module` stops the process with a bare `fatalError` when a program was copied without
/// its resource bundle; without the lexicon the redactor would miss most names, so a missing bundle must stop a run
/// with a message that says where the files were looked for and how to put them there. The files are looked for
/// beside the executable as invoked and beside the file a symbolic link to it points at.
enum LexiconBundle {
    /// The resource bundle's directory name, as SwiftPM names it (`<package>_<target>.resources`).
    static let directoryName = "painmap_PainmapPrivacy.resources"
    /// The lexicon files, inside the bundle's `Resources` folder.
    static let fileNames = ["names-first-names.txt", "names-surnames.txt"]

    /// The folder holding the lexicon files, or the failure to report; looked up once.
    static let located: Result<URL, LocatedFailure> = locate(in: defaultSearchDirectories)

    /// The folders the bundle may sit in: the executable's own, and the one a symbolic link to it resolves to.
    static var defaultSearchDirectories: [URL] {
        var directories = [Bundle.main.bundleURL]
        if let executable = Bundle.main.executableURL {
            directories.append(executable.deletingLastPathComponent())
            directories.append(executable.resolvingSymlinksInPath().deletingLastPathComponent())
        }
        var seen = Set<String>()
        return directories.filter { seen.insert($0.standardizedFileURL.path).inserted }
    }

    /// The first `Resources` folder of a bundle in `directories` that holds every lexicon file.
    ///
    /// - Parameter directories: Folders that may hold ``directoryName``.
    /// - Returns: The `Resources` folder, or a failure naming the first folder searched and what to copy there.
    static func locate(in directories: [URL]) -> Result<URL, LocatedFailure> {
        let manager = FileManager.default
        for directory in directories {
            let resources = directory.appendingPathComponent(directoryName).appendingPathComponent("Resources")
            if fileNames.allSatisfy({ manager.isReadableFile(atPath: resources.appendingPathComponent($0).path) }) {
                return .success(resources)
            }
        }
        let expected = (directories.first ?? URL(fileURLWithPath: "."))
            .appendingPathComponent(directoryName)
            .appendingPathComponent("Resources")
        return .failure(
            LocatedFailure(
                .lexiconMissing,
                at: SourceLocation(path: expected.appendingPathComponent(fileNames[0]).path),
                message: """
                    не найден словарь имён для обезличивания (\(fileNames.joined(separator: ", "))); без него \
                    ФИО в текстах не распознаются, поэтому работа остановлена. Скопируйте каталог \(directoryName) \
                    из каталога сборки (.build/release/) рядом с исполняемым файлом painmap \
                    (искали в: \(directories.map(\.path).joined(separator: ", ")))
                    """,
                status: .software
            )
        )
    }
}

extension FailureCode {
    /// The name lexicon's resource bundle is not beside the program (70).
    public static let lexiconMissing = FailureCode(rawValue: "privacy.lexicon_missing")
}
