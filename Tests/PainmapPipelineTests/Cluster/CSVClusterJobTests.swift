import Foundation
import Logging
import PainmapCore
import PainmapPipeline
import PainmapTestSupport
import Synchronization
import Testing

/// One run of the job on the fixture, with its outputs read back.
private struct ClusterRun {
    var report: CSVClusterReport
    var assignments: Data
    var summary: Data
    /// Parsed assignments without the header.
    var rows: [[String]] {
        Array(ClusterJobFixture.parse(String(decoding: assignments, as: UTF8.self)).dropFirst())
    }
}

private let silentLogger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

private func writeInput(_ bytes: Data, name: String = "input.csv") throws -> URL {
    let url = try ClusterJobFixture.temporaryDirectory().appendingPathComponent(name)
    try bytes.write(to: url)
    return url
}

private func cluster(
    _ input: URL,
    threads: Int = 2,
    truth: String? = "topic",
    logger: Logger = silentLogger,
    configure: (inout CSVClusterJob.Options) -> Void = { _ in }
) async throws -> ClusterRun {
    let directory = input.deletingLastPathComponent()
    var options = CSVClusterJob.Options(
        inputPath: input.path,
        outputPath: directory.appendingPathComponent("assignments-\(threads).csv").path
    )
    options.summaryPath = directory.appendingPathComponent("clusters-\(threads).json").path
    options.truthColumn = truth
    options.threadCount = threads
    configure(&options)
    let report = try await CSVClusterJob(options: options, logger: logger).run()
    return ClusterRun(
        report: report,
        assignments: try Data(contentsOf: URL(fileURLWithPath: options.outputPath)),
        summary: try Data(contentsOf: URL(fileURLWithPath: options.summaryPath ?? ""))
    )
}

/// Runs the job expecting a failure and returns it.
private func failure(_ input: URL, configure: (inout CSVClusterJob.Options) -> Void = { _ in }) async throws
    -> any PainmapFailure
{
    do {
        _ = try await cluster(input, truth: nil, configure: configure)
    } catch let failure as any PainmapFailure {
        return failure
    }
    Issue.record("the job did not fail")
    throw CancellationError()
}

/// Windows-1251 bytes of a text of Cyrillic, ASCII and the few punctuation marks the fixture uses.
private func cp1251(_ text: String) throws -> Data {
    var bytes: [UInt8] = []
    for scalar in text.unicodeScalars {
        switch scalar.value {
        case 0..<0x80: bytes.append(UInt8(scalar.value))
        case 0x0410...0x044F: bytes.append(UInt8(scalar.value - 0x0410 + 0xC0))
        case 0x0401: bytes.append(0xA8)
        case 0x0451: bytes.append(0xB8)
        default:
            Issue.record("no CP1251 byte for U+\(String(scalar.value, radix: 16))")
            throw CancellationError()
        }
    }
    return Data(bytes)
}

@Suite struct CSVClusterJobTests {
    @Test func assignmentsCoverEveryRowInInputOrderWithMinusOneForEmptyText() async throws {
        let run = try await cluster(try writeInput(Data(ClusterJobFixture.csv.utf8)))
        let header = ClusterJobFixture.parse(String(decoding: run.assignments, as: UTF8.self)).first
        #expect(header == ["id", "cluster", "label"])
        let rows = run.rows
        #expect(rows.map { $0[0] } == ClusterJobFixture.rows.map(\.id))
        #expect(rows.allSatisfy { $0.count == 3 })
        for (row, input) in zip(rows, ClusterJobFixture.rows) {
            if input.topic == "empty" {
                #expect(row[1] == "-1" && row[2].isEmpty, "row \(input.id)")
            } else {
                #expect((Int(row[1]) ?? -1) >= 0, "row \(input.id)")
                #expect(!row[2].isEmpty, "row \(input.id)")
            }
        }
        #expect(run.report.rowCount == ClusterJobFixture.rows.count)
        #expect(run.report.noContentCount == 4)
        // The id with a comma is quoted, as RFC 4180 wants.
        #expect(String(decoding: run.assignments, as: UTF8.self).contains("\n\"16,a\","))
    }

    @Test func topicsGetTheirOwnClustersWithLabelsFromTheirWords() async throws {
        let run = try await cluster(try writeInput(Data(ClusterJobFixture.csv.utf8)))
        let rows = run.rows
        let summary = try JSONDecoder().decode(ClusterSummary.self, from: run.summary)
        var clustersOfTopic: [String: Set<String>] = [:]
        for (row, input) in zip(rows, ClusterJobFixture.rows) {
            clustersOfTopic[input.topic, default: []].insert(row[1])
        }
        for (topic, words) in ClusterJobFixture.topicWords {
            let clusters = try #require(clustersOfTopic[topic])
            #expect(clusters.count == 1, "topic \(topic) is split over \(clusters.sorted())")
            let index = try #require(clusters.first.flatMap { Int($0) })
            let cluster = try #require(summary.clusters.first { $0.cluster == index })
            #expect(!cluster.isCatchAll, "topic \(topic) landed in «Прочее»")
            let label = cluster.label.lowercased()
            #expect(words.contains { label.contains($0) }, "label «\(cluster.label)» of \(topic)")
            #expect(
                cluster.keywords.contains { keyword in words.contains { keyword.contains($0) } },
                "keywords \(cluster.keywords) of \(topic)"
            )
        }
        let topicClusters = ClusterJobFixture.topicWords.keys.compactMap { clustersOfTopic[$0]?.first }
        #expect(Set(topicClusters).count == 4, "the four topics are four clusters")
        let metrics = try #require(summary.metrics)
        #expect(metrics.truthColumn == "topic")
        #expect(metrics.nmi > 0.8 && metrics.ari > 0.8, "NMI \(metrics.nmi), ARI \(metrics.ari)")
        // AMI corrects NMI for chance and is close to it on a planted corpus of this size.
        #expect(metrics.ami > 0.8 && metrics.ami <= metrics.nmi + 1e-9, "AMI \(metrics.ami)")
    }

    @Test func offTopicPairGoesToTheCatchAllLabelledProchee() async throws {
        let run = try await cluster(try writeInput(Data(ClusterJobFixture.csv.utf8)))
        let summary = try JSONDecoder().decode(ClusterSummary.self, from: run.summary)
        let catchAll = try #require(summary.clusters.first { $0.isCatchAll })
        #expect(catchAll.label == "Прочее")
        #expect(catchAll.cluster == summary.clusters.count - 1, "«Прочее» comes last")
        for (row, input) in zip(run.rows, ClusterJobFixture.rows) where input.topic == "other" {
            #expect(row[1] == String(catchAll.cluster) && row[2] == "Прочее", "row \(input.id)")
        }
        #expect(summary.catchAllShare == Double(catchAll.size) / Double(ClusterJobFixture.rows.count))
    }

    @Test func sameHashAndBytesAcrossRunsAndThreadCounts() async throws {
        let input = try writeInput(Data(ClusterJobFixture.csv.utf8))
        let one = try await cluster(input, threads: 1)
        let two = try await cluster(input, threads: 2)
        let again = try await cluster(input, threads: 2)
        #expect(one.report.assignmentHash.count == 16)
        #expect(one.report.assignmentHash == two.report.assignmentHash)
        #expect(two.report.assignmentHash == again.report.assignmentHash)
        #expect(one.assignments == two.assignments && two.assignments == again.assignments)
        #expect(one.summary == two.summary && two.summary == again.summary)
    }

    @Test(arguments: [1, 3, 64])
    func tinyChunksMergeInInputOrder(_ chunkSize: Int) async throws {
        // 30 copies of the fixture in chunks of a few rows, two tasks at a time: chunks finish out of order, and
        // one merged out of order would pair rows with other rows' texts.
        let extras = ["", "срочно", "опять", "снова", "давно", "помогите разобраться"]
        var lines = ["id,text,topic"]
        var ids: [String] = []
        for copy in 0..<30 {
            for row in ClusterJobFixture.rows {
                ids.append("\(copy)-\(row.id)")
                let text = row.topic == "empty" ? row.text : row.text + " " + extras[copy % extras.count]
                lines.append(
                    [ids[ids.count - 1], text, row.topic].map(ClusterJobFixture.quoted).joined(separator: ",")
                )
            }
        }
        let input = try writeInput(Data((lines.joined(separator: "\n") + "\n").utf8))
        let reference = try await cluster(input, threads: 1)
        let chunked = try await cluster(input, threads: 2) { $0.analysisChunkSize = chunkSize }
        #expect(chunked.report.assignmentHash == reference.report.assignmentHash)
        #expect(chunked.assignments == reference.assignments)
        #expect(chunked.summary == reference.summary)
        let outputIDs = chunked.rows.map { $0[0] }
        #expect(outputIDs.count == ids.count && outputIDs == ids, "ids are written in input order")
        let metrics = try #require(chunked.report.summary.metrics)
        #expect(metrics.nmi > 0.95 && metrics.ari > 0.95, "NMI \(metrics.nmi), ARI \(metrics.ari)")
    }

    @Test func summaryHasTheContractFieldsAndExactQuotes() async throws {
        let run = try await cluster(try writeInput(Data(ClusterJobFixture.csv.utf8)))
        let json = try #require(try JSONSerialization.jsonObject(with: run.summary) as? [String: Any])
        for key in [
            "input", "rows", "distinct_texts", "pains", "catch_all_share", "no_content", "assignment_hash",
            "parameters", "metrics", "clusters",
        ] {
            #expect(json[key] != nil, "missing \(key)")
        }
        #expect(json["no_content"] as? Int == 4)
        #expect(json["assignment_hash"] as? String == run.report.assignmentHash)
        let parameters = try #require(json["parameters"] as? [String: Any])
        #expect(parameters["k"] as? String == "auto")
        #expect(parameters["seed"] as? Int == 42)
        #expect(parameters["text_column"] as? String == "text")
        let clusters = try #require(json["clusters"] as? [[String: Any]])
        #expect(!clusters.isEmpty)
        let textOfID = Dictionary(uniqueKeysWithValues: ClusterJobFixture.rows.map { ($0.id, $0.text) })
        var sizes = 0
        for cluster in clusters {
            for key in ["cluster", "is_catch_all", "label", "size", "share", "keywords", "quotes"] {
                #expect(cluster[key] != nil, "cluster lacks \(key)")
            }
            sizes += cluster["size"] as? Int ?? 0
            let quotes = try #require(cluster["quotes"] as? [[String: String]])
            #expect((1...3).contains(quotes.count))
            for quote in quotes {
                let id = try #require(quote["id"])
                #expect(quote["text"] == textOfID[id], "quote of \(id) is the input text exactly")
            }
        }
        #expect(sizes + 4 == ClusterJobFixture.rows.count, "every row with content is in one cluster")
    }

    @Test func cp1251FileReadsWithTheEncodingOptionAndGivesTheSameAssignments() async throws {
        let utf8 = try await cluster(try writeInput(Data(ClusterJobFixture.csv.utf8)))
        let legacy = try writeInput(try cp1251(ClusterJobFixture.csv))
        let decoded = try await cluster(legacy) { $0.encoding = .cp1251 }
        #expect(decoded.report.assignmentHash == utf8.report.assignmentHash)
        #expect(decoded.assignments == utf8.assignments)
        let summary = try JSONDecoder().decode(ClusterSummary.self, from: decoded.summary)
        #expect(summary.parameters.encoding == "cp1251")
    }

    @Test func cp1251FileWithoutTheEncodingOptionFailsWithItsLine() async throws {
        let legacy = try writeInput(try cp1251(ClusterJobFixture.csv))
        let error = try await failure(legacy)
        #expect(error.exitStatus == .dataError)
        #expect(error.description.hasPrefix("\(legacy.path):2: ошибка: "))
        #expect(error.description.contains("--encoding cp1251"))
    }

    @Test func bytesInColumnsTheJobDoesNotReadAreNotChecked() async throws {
        let plain = try await cluster(try writeInput(Data(ClusterJobFixture.csv.utf8)))
        // A fourth column with a byte that is valid in no encoding (0x98 is undefined even in CP1251).
        var bytes = Array("id,text,topic,note\n".utf8)
        for row in ClusterJobFixture.rows {
            bytes += Array([row.id, row.text, row.topic].map(ClusterJobFixture.quoted).joined(separator: ",").utf8)
            bytes += [UInt8(ascii: ","), 0x98, 0x0A]
        }
        let noisy = try await cluster(try writeInput(Data(bytes)))
        #expect(noisy.assignments == plain.assignments)
        #expect(noisy.report.summary.clusters == plain.report.summary.clusters)
    }

    @Test func byteOrderMarkIsDropped() async throws {
        let plain = try await cluster(try writeInput(Data(ClusterJobFixture.csv.utf8)))
        let marked = try await cluster(try writeInput(Data([0xEF, 0xBB, 0xBF] + Array(ClusterJobFixture.csv.utf8))))
        #expect(marked.assignments == plain.assignments)
    }

    @Test func missingColumnNamesFoundAndExpectedColumns() async throws {
        let input = try writeInput(Data(ClusterJobFixture.csv.utf8))
        let error = try await failure(input) { $0.textColumn = "Текст обращения" }
        let failure = try #require(error as? LocatedFailure)
        #expect(failure.code == .missingColumns)
        #expect(failure.exitStatus == .dataError)
        #expect(failure.location == SourceLocation(path: input.path, line: 1))
        #expect(failure.message.contains("нет столбца «Текст обращения» (--text-column)"))
        #expect(failure.message.contains("найдены: «id», «text», «topic»"))
        #expect(failure.message.contains("ожидались: «id», «Текст обращения»"))
    }

    @Test func wrongDelimiterIsHinted() async throws {
        let error = try await failure(try writeInput(Data(ClusterJobFixture.csv.utf8))) {
            $0.delimiter = UInt8(ascii: ";")
        }
        #expect((error as? LocatedFailure)?.code == .missingColumns)
        #expect(error.description.contains("проверьте --delimiter"))
    }

    @Test(arguments: ["", "\n\n", "id,text\n"])
    func emptyFileFails(_ content: String) async throws {
        let error = try await failure(try writeInput(Data(content.utf8)))
        #expect((error as? LocatedFailure)?.code == .emptyFile)
        #expect(error.exitStatus == .dataError)
    }

    @Test func missingInputFailsWith66() async throws {
        let directory = try ClusterJobFixture.temporaryDirectory()
        let error = try await failure(directory.appendingPathComponent("nope.csv"))
        #expect((error as? LocatedFailure)?.code == .missingInput)
        #expect(error.exitStatus == .noInput)
    }

    @Test func missingOutputDirectoryFailsBeforeReading() async throws {
        let input = try writeInput(Data(ClusterJobFixture.csv.utf8))
        let error = try await failure(input) { $0.outputPath = "/nonexistent-painmap-dir/a.csv" }
        #expect((error as? LocatedFailure)?.code == .unwritableOutput)
        #expect(error.exitStatus == .ioError)
    }

    @Test func unterminatedQuoteFailsWithItsLine() async throws {
        let input = try writeInput(Data("id,text\n1,\"очередь в детский сад\n2,талон к врачу\n".utf8))
        let error = try await failure(input)
        #expect(error.exitStatus == .dataError)
        #expect(error.description.hasPrefix("\(input.path):2: ошибка: кавычка"))
    }

    @Test func rowThatDoesNotFitTheEncodingDecidedInAnEarlierBlockFailsWithItsLine() async throws {
        // Blocks of two rows: the first Cyrillic row (UTF-8, line 6) decides UTF-8; a CP1251 row in a later block
        // (line 9) is an error even with --encoding cp1251, exactly as reading row by row says.
        var bytes = Array("id,text\n1,a\n2,b\n3,c\n4,d\n5,детский сад\n6,e\n7,f\n".utf8)
        bytes += Array("8,".utf8) + [0xF1, 0xE0, 0xE4, 0x0A] + Array("9,g\n".utf8)
        let input = try writeInput(Data(bytes))
        let error = try await failure(input) {
            $0.encoding = .cp1251
            $0.analysisChunkSize = 2
        }
        #expect(error.exitStatus == .dataError)
        #expect(error.description.hasPrefix("\(input.path):9: ошибка: байты не в UTF-8"))
    }

    @Test func fieldPastTheCapInALaterBlockFailsWithItsLine() async throws {
        // 2 MiB: small enough for a block, past the 1 MiB field cap, so the block's reader fails on it.
        var text = "id,text\n"
        for row in 1...5 { text += "\(row),очередь в детский сад номер \(row)\n" }
        let long = String(repeating: "я", count: 1 << 20)
        let input = try writeInput(Data((text + "6,\(long)\n7,ok\n").utf8))
        let error = try await failure(input) { $0.analysisChunkSize = 2 }
        #expect(error.description.hasPrefix("\(input.path):7: ошибка: поле №2 длиннее"))
    }

    @Test func quoteThatNeverClosesPastTheBlockCapFailsWithItsLine() async throws {
        // More bytes after the open quote than a block may hold: cutting stops, reading row by row names the line.
        var text = "id,text\n1,талон к врачу\n2,\"не закрыта\n"
        text += String(repeating: "очередь в детский сад\n", count: 250_000)
        let input = try writeInput(Data(text.utf8))
        let error = try await failure(input)
        #expect(error.description.hasPrefix("\(input.path):3: ошибка: "))
    }

    @Test func failedRunLeavesAnExistingOutputUntouched() async throws {
        let input = try writeInput(Data("id,text\n1,ok\n2,\"broken\n".utf8))
        let output = input.deletingLastPathComponent().appendingPathComponent("assignments-2.csv")
        try Data("old\n".utf8).write(to: output)
        _ = try await failure(input)
        #expect(try Data(contentsOf: output) == Data("old\n".utf8))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: input.deletingLastPathComponent().path)
        #expect(leftovers.allSatisfy { !$0.contains(".tmp") })
    }

    @Test func explicitKBoundsThePainCount() async throws {
        let run = try await cluster(try writeInput(Data(ClusterJobFixture.csv.utf8))) { $0.k = 2 }
        let summary = try JSONDecoder().decode(ClusterSummary.self, from: run.summary)
        #expect(summary.parameters.k == "2")
        #expect(summary.parameters.cells == 2)
        #expect(summary.pains <= 2)
    }

    @Test func logsCarryCountsButNoText() async throws {
        let collector = LogCapture()
        let logger = collector.logger
        _ = try await cluster(try writeInput(Data(ClusterJobFixture.csv.utf8)), logger: logger)
        let lines = collector.lines
        #expect(lines.contains { $0.contains("rows.read=31") })
        let words = Set(
            ClusterJobFixture.rows.flatMap { $0.text.split(whereSeparator: { !$0.isLetter }) }
                .filter { $0.count >= 5 }.map { String($0).lowercased() }
        )
        for line in lines {
            let lower = line.lowercased()
            #expect(!words.contains { lower.contains($0) }, "log line carries text: \(line)")
        }
    }
}
