import Foundation
import PainmapPipeline
import PainmapTestSupport

extension CSVClusterJob.Options {
    /// `painmap cluster` options of a test run over `input`: assignments to `a.csv` and the summary to `s.json` in
    /// `directory`, truth column `topic`, one thread.
    static func testRun(input: URL, in directory: TemporaryDirectory) -> Self {
        var options = Self(inputPath: input.path, outputPath: directory.url.appendingPathComponent("a.csv").path)
        options.summaryPath = directory.url.appendingPathComponent("s.json").path
        options.truthColumn = "topic"
        options.threadCount = 1
        return options
    }
}
