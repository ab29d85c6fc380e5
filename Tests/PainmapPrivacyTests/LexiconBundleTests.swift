import Foundation
import PainmapCore
import PainmapPrivacy
import Testing

/// A program copied without its name lexicon stops with a located Russian message instead of crashing.
@Suite struct LexiconBundleTests {
    @Test func theLexiconIsFoundBesideTheTestProgram() throws {
        try Redactor.requireLexicon()
        #expect(Redactor().redact("жалуется иванов петр").text == "жалуется [ФИО]")
    }

    @Test func aFolderWithoutTheBundleGivesALocatedActionableFailure() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("painmap-no-lexicon-\(UUID())")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let failure = try #require(throws: LocatedFailure.self) { try Redactor.requireLexicon(searching: [empty]) }
        #expect(failure.code == .lexiconMissing)
        #expect(failure.exitStatus == .software)
        let location = try #require(failure.location)
        #expect(location.path.hasPrefix(empty.path))
        #expect(location.path.hasSuffix("painmap_PainmapPrivacy.resources/Resources/names-first-names.txt"))
        #expect(failure.message.contains("Скопируйте каталог painmap_PainmapPrivacy.resources"))
        #expect(failure.description.hasPrefix("\(location): ошибка: не найден словарь имён"))
    }

    @Test func aBundleMissingOneFileIsNotAccepted() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("painmap-half-lexicon-\(UUID())")
        let resources = folder.appendingPathComponent("painmap_PainmapPrivacy.resources/Resources")
        try FileManager.default.createDirectory(at: resources, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("иван 1\n".utf8).write(to: resources.appendingPathComponent("names-first-names.txt"))
        #expect(throws: LocatedFailure.self) { try Redactor.requireLexicon(searching: [folder]) }
        try Data("иванов 1\n".utf8).write(to: resources.appendingPathComponent("names-surnames.txt"))
        #expect(try Redactor.requireLexicon(searching: [folder]).path == resources.path)
    }
}
