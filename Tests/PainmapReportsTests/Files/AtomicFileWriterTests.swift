import Foundation
import PainmapCore
import PainmapReports
import PainmapTestSupport
import Testing

@Suite struct AtomicFileWriterTests {
    let directory = TemporaryDirectory.url("atomic")

    @Test func writesReplacesAndLeavesNoTemporaryFiles() throws {
        let url = directory.appendingPathComponent("2026Q3/54/report.html")
        try AtomicFileWriter().write(Data("старый".utf8), to: url)
        try AtomicFileWriter().write(Data("новый".utf8), to: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == "новый")
        let names = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
        #expect(names == ["report.html"])
    }

    @Test func aFailedWriteKeepsThePreviousFile() throws {
        let url = directory.appendingPathComponent("report.md")
        try AtomicFileWriter().write(Data("прежний отчёт".utf8), to: url)
        // A directory in the way of the rename makes the final step fail.
        let blocked = directory.appendingPathComponent("blocked")
        try FileManager.default.createDirectory(
            at: blocked.appendingPathComponent("child"),
            withIntermediateDirectories: true
        )
        #expect {
            try AtomicFileWriter().write(Data("x".utf8), to: blocked)
        } throws: { error in
            (error as? LocatedFailure).map { $0.code == .io && $0.exitStatus == .ioError } ?? false
        }
        #expect(try String(contentsOf: url, encoding: .utf8) == "прежний отчёт")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
            $0.contains(".tmp.")
        }
        #expect(leftovers.isEmpty)
    }
}
