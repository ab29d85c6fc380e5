import Foundation
import Logging
import PainmapCore
import PainmapPipeline
import PainmapTestSupport
import Testing

/// `painmap cluster`'s text preparation on exports that look like a portal's: markup, letter frames, addresses.
@Suite struct CSVClusterJobPreparationTests {
    private static let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    /// Sixty letters on three subjects.
    ///
    /// Half of each subject's letters were pasted with the same inline style, and
    /// every letter carries the same frame, so markup and frame words are shared across subjects.
    private static func input(in directory: TemporaryDirectory) throws -> URL {
        let subjects: [(String, [String])] = [
            (
                "light",
                [
                    "не горит уличный фонарь, вечером темно", "уличное освещение не работает, фонари не горят",
                    "темно, фонари на столбах не горят третью неделю",
                ]
            ),
            (
                "water",
                [
                    "из крана течёт ржавая холодная вода", "холодная вода грязная и ржавая, пить нельзя",
                    "ржавая вода из крана вторую неделю",
                ]
            ),
            (
                "dogs",
                [
                    "стая бездомных собак кидается на детей", "бездомные собаки нападают на прохожих и детей",
                    "собаки бегают стаей, боимся выпускать детей",
                ]
            ),
        ]
        var lines = ["id,text,topic"]
        for index in 0..<20 {
            for (topic, texts) in subjects {
                let body = texts[index % texts.count]
                let street = ["Садовой", "Мира", "Гагарина", "Ленина"][index % 4]
                var text =
                    "Здравствуйте! Уважаемый Иван Иванович! На ул. \(street) \(body). Прошу принять меры. "
                    + "С уважением, Петрова Анна Сергеевна, тел. 8-900-000-00-00"
                if index % 2 == 0 {
                    text =
                        "<p><span style=`background-color:rgb(255,255,255);color:rgb(102,102,102)`>"
                        + text.replacingOccurrences(of: " ", with: "&nbsp;") + "</span></p>"
                }
                lines.append("\(topic)\(index),\"\(text)\",\(topic)")
            }
        }
        return try directory.write("input.csv", Array((lines.joined(separator: "\n") + "\n").utf8))
    }

    private static func run(
        _ directory: TemporaryDirectory,
        _ configure: (inout CSVClusterJob.Options) -> Void
    ) async throws -> ClusterSummary {
        var options = CSVClusterJob.Options.testRun(input: try input(in: directory), in: directory)
        configure(&options)
        return try await CSVClusterJob(options: options, logger: logger).run().summary
    }

    @Test func markupIsNeitherATermNorInTitlesAndQuotes() async throws {
        let directory = try TemporaryDirectory("preparation-markup")
        let summary = try await Self.run(directory) { _ in }
        let keywords = summary.clusters.flatMap(\.keywords).joined(separator: " ")
        for word in ["span", "style", "rgb", "nbsp", "background"] { #expect(!keywords.contains(word), "\(keywords)") }
        for cluster in summary.clusters {
            #expect(!cluster.label.contains("<") && !cluster.label.contains("&nbsp;"), "\(cluster.label)")
            for quote in cluster.quotes { #expect(!quote.text.contains("<span"), "\(quote.text)") }
        }
    }

    @Test func keptMarkupIsCountedAsBefore() async throws {
        let directory = try TemporaryDirectory("preparation-keep-markup")
        let summary = try await Self.run(directory) { $0.stripsMarkup = false }
        #expect(summary.clusters.contains { cluster in cluster.quotes.contains { $0.text.contains("<span") } })
    }

    @Test func lettersPreparationLeavesFrameAndStreetsOutOfTheKeywords() async throws {
        let directory = try TemporaryDirectory("preparation-letters")
        let summary = try await Self.run(directory) {
            $0.dropsLetterFrames = true
            $0.dropsRequestFormulae = true
            $0.dropsPlaceNames = true
        }
        let keywords = Set(summary.clusters.flatMap(\.keywords).flatMap { $0.split(separator: " ").map(String.init) })
        for word in ["уважаемый", "иван", "уважением", "петрова", "тел", "меры", "садовой", "гагарина"] {
            #expect(!keywords.contains(word), "\(keywords.sorted())")
        }
        #expect(keywords.contains("фонари") || keywords.contains("фонарь"))
    }
}
