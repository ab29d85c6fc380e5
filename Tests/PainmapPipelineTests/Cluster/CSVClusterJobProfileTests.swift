import Foundation
import Logging
import PainmapClustering
import PainmapPipeline
import PainmapTestSupport
import Testing

/// `painmap cluster --profile`: letters and messages are told apart by their length, and each gets its defaults.
@Suite struct CSVClusterJobProfileTests {
    private static let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    /// Ninety letters on three subjects, each in a frame (greeting, request, signature) and 25–40 words long: two of the
    /// subject's six statements, a different pair in every letter.
    private static func letters(in directory: TemporaryDirectory) throws -> URL {
        let subjects: [(String, [String])] = [
            (
                "light",
                [
                    "на нашей улице уже месяц не горит ни один уличный фонарь", "вечером темно и страшно идти с работы",
                    "уличное освещение не работает", "фонари на столбах не горят",
                    "дети возвращаются из школы в темноте", "светильники вдоль дороги не включают",
                ]
            ),
            (
                "water",
                [
                    "из крана в квартире течёт ржавая холодная вода", "пить воду нельзя, фильтры забиваются за день",
                    "холодная вода грязная уже вторую неделю", "водоканал на звонки не отвечает",
                    "вода из водопровода мутная с запахом", "купать ребёнка страшно, бутилированную воду возим сами",
                ]
            ),
            (
                "dogs",
                [
                    "стая бездомных собак кидается на детей у школы", "отлов собак никто не проводит",
                    "бездомные собаки нападают на прохожих", "соседку покусали на остановке",
                    "собаки бегают стаей по микрорайону", "боимся выпускать детей гулять, отловите собак",
                ]
            ),
        ]
        var lines = ["id,text,topic"]
        for index in 0..<30 {
            for (topic, statements) in subjects {
                let first = statements[index % 6]
                let second = statements[(index % 6 + 1 + index / 6) % 6]
                let text =
                    "Здравствуйте, уважаемый глава района! Обращаюсь к вам от имени жителей. \(first), \(second)."
                    + " Прошу разобраться и принять меры. С уважением, жители дома \(index)"
                lines.append("\(topic)\(index),\"\(text)\",\(topic)")
            }
        }
        return try directory.write("letters.csv", Array((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// Sixty short reports on the same three subjects.
    private static func messages(in directory: TemporaryDirectory) throws -> URL {
        let texts = [
            ("light", ["не горит фонарь", "нет освещения во дворе", "темно, фонари не горят"]),
            ("water", ["ржавая вода из крана", "грязная холодная вода", "вода ржавая"]),
            ("dogs", ["бездомные собаки", "стая собак у школы", "собаки кидаются на детей"]),
        ]
        var lines = ["id,text,topic"]
        for index in 0..<20 {
            for (topic, variants) in texts { lines.append("\(topic)\(index),\(variants[index % 3]),\(topic)") }
        }
        return try directory.write("messages.csv", Array((lines.joined(separator: "\n") + "\n").utf8))
    }

    @Test func longTextsAreClusteredAsLettersWithTheirDefaults() async throws {
        let directory = try TemporaryDirectory("profile-letters")
        let options = CSVClusterJob.Options.testRun(input: try Self.letters(in: directory), in: directory)
        let report = try await CSVClusterJob(options: options, logger: Self.logger).run()
        let text = report.text(showHash: false)
        let profile = try #require(report.profile)
        let median = try #require(profile.medianWords)
        #expect(profile.requested == .auto && profile.applied == .letters)
        #expect(median >= ResolvedTextProfile.letterMedianWords, "\(text)")
        #expect(report.summary.parameters.profile == "letters")
        #expect(report.summary.parameters.medianWords == median)
        #expect(report.summary.parameters.latentDimensions > 0)
        #expect(report.summary.parameters.mergeCut == "stability")
        #expect(report.summary.parameters.refinementPasses == ResolvedTextProfile.latentRefinementPasses)
        #expect(report.mergeStability != nil)
        #expect(text.contains("профиль: письма (медиана числа слов в тексте \(median) ≥ 18)"), "\(text)")
        #expect(report.summary.pains == 3, "\(text)")
        #expect(try #require(report.summary.metrics).ari > 0.99, "\(text)")
        // The frame is not what the pains are about: no keyword comes from it.
        for cluster in report.summary.clusters {
            #expect(
                !cluster.keywords.contains { ["уважением", "здравствуйте", "разобраться"].contains($0) },
                "\(cluster)"
            )
        }
    }

    @Test func shortTextsStayMessagesAndAGivenProfileOrOptionWins() async throws {
        let directory = try TemporaryDirectory("profile-messages")
        let short = try await CSVClusterJob(
            options: .testRun(input: try Self.messages(in: directory), in: directory),
            logger: Self.logger
        ).run()
        #expect(short.profile?.applied == .messages)
        // Messages keep the fixed cut; below 50,000 distinct texts they are clustered in the latent space too.
        #expect(short.summary.parameters.profile == "messages" && short.summary.parameters.latentDimensions > 0)
        #expect(short.summary.parameters.mergeCut == "fixed" && short.mergeStability == nil)
        #expect(short.text(showHash: false).contains("профиль: сообщения (медиана числа слов в тексте"))

        var forced = CSVClusterJob.Options.testRun(input: try Self.letters(in: directory), in: directory)
        forced.profile = .messages
        let asMessages = try await CSVClusterJob(options: forced, logger: Self.logger).run()
        #expect(asMessages.profile?.applied == .messages && asMessages.profile?.medianWords == nil)
        #expect(asMessages.summary.parameters.mergeCut == "fixed" && asMessages.mergeStability == nil)
        #expect(asMessages.text(showHash: false).contains("профиль: сообщения (задан --profile)"))

        var letters = CSVClusterJob.Options.testRun(input: try Self.letters(in: directory), in: directory)
        letters.latentDimensions = 0
        let termSpace = try await CSVClusterJob(options: letters, logger: Self.logger).run()
        #expect(termSpace.profile?.applied == .letters)
        #expect(termSpace.summary.parameters.latentDimensions == 0, "an explicit option wins over the profile")
        #expect(termSpace.summary.parameters.mergeCut == "stability")
        #expect(termSpace.summary.parameters.refinementPasses == 2, "the term space keeps the engine's passes")
    }
}
