import Foundation
import PainmapTestSupport
import Testing

/// Runs `painmap cluster` with arguments in a directory.
private func runCluster(_ arguments: [String], in directory: URL) throws -> CLIResult {
    try painmap(["cluster"] + arguments, in: directory)
}

/// A temporary directory holding `input.csv` with the given bytes.
private func clusterInputDirectory(_ bytes: [UInt8]) throws -> URL {
    let directory = TemporaryDirectory.url("cli-cluster")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try Data(bytes).write(to: directory.appendingPathComponent("input.csv"))
    return directory
}

/// Three obvious topics, four rows each, and two rows without content.
private let clusterCLIFixture = """
    id,text
    1,"Второй год стоим в очереди в детский сад, мест нет"
    2,"Очередь в детский сад не двигается, мест в саду нет"
    3,Нет мест в детском саду и очередь стоит
    4,"Батареи холодные, отопление не работает, в квартире холодно"
    5,"Отопление не включили, батареи холодные"
    6,"В квартире холодно, батареи еле теплые, отопление слабое"
    7,"Не могу записаться к врачу, талонов к терапевту нет"
    8,"Талонов к врачу нет, записаться к терапевту невозможно"
    9,
    10,Спасибо
    11,"Записаться к терапевту нельзя, талонов к врачу нет"
    12,"Очередь в детский сад стоит, мест в саду нет"
    13,"Отопление отключили, батареи холодные, в квартире холодно"
    14,"Талоны к врачу разбирают сразу, записаться к терапевту не могу"

    """

/// Windows-1251 bytes of Cyrillic and ASCII text.
private func cp1251Bytes(_ text: String) -> [UInt8] {
    text.unicodeScalars.map { scalar in
        switch scalar.value {
        case 0x0410...0x044F: UInt8(scalar.value - 0x0410 + 0xC0)
        case 0x0401: 0xA8
        case 0x0451: 0xB8
        default: UInt8(truncatingIfNeeded: scalar.value)
        }
    }
}

@Suite struct ClusterCommandTests {
    @Test func happyPathWritesAssignmentsAndSummary() throws {
        let directory = try clusterInputDirectory(Array(clusterCLIFixture.utf8))
        let result = try runCluster(
            ["--input", "input.csv", "--output", "out.csv", "--summary", "clusters.json", "--hash", "--threads", "1"],
            in: directory
        )
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("строк: 14; болей: 3;"), "\(result.stdout)")
        #expect(result.stdout.contains("без содержания: 2"))
        let hashLine = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("хеш назначений: ") })
        let hash = hashLine.dropFirst("хеш назначений: ".count)
        #expect(hash.count == 16 && hash.allSatisfy(\.isHexDigit))

        let output = try String(contentsOf: directory.appendingPathComponent("out.csv"), encoding: .utf8)
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "id,cluster,label")
        #expect(lines.count == 16 && lines.last == "", "header, 14 rows, final newline")
        #expect(lines[9] == "9,-1," && lines[10] == "10,-1,")
        let clusterOf = Dictionary(
            uniqueKeysWithValues: lines.dropFirst().filter { !$0.isEmpty }.map { line in
                (String(line.prefix { $0 != "," }), String(line.split(separator: ",")[1]))
            }
        )
        for topic in [["1", "2", "3", "12"], ["4", "5", "6", "13"], ["7", "8", "11", "14"]] {
            #expect(Set(topic.compactMap { clusterOf[$0] }).count == 1, "rows \(topic) share a cluster")
        }
        #expect(Set([clusterOf["1"], clusterOf["4"], clusterOf["7"]]).count == 3)
        let label = try #require(lines.first { $0.hasPrefix("7,") }?.split(separator: ",", maxSplits: 2).last)
        #expect(label.contains("врач") || label.contains("терапевт") || label.contains("талон"), "\(label)")

        let summary = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("clusters.json")))
                as? [String: Any]
        )
        #expect(summary["assignment_hash"] as? String == String(hash))
        #expect((summary["clusters"] as? [[String: Any]])?.count == 3)

        let again = try runCluster(
            ["--input", "input.csv", "--output", "out2.csv", "--hash", "--threads", "2"],
            in: directory
        )
        #expect(again.stdout.contains("хеш назначений: \(hash)"), "same hash at 2 threads")
        #expect(try Data(contentsOf: directory.appendingPathComponent("out2.csv")) == Data(output.utf8))
    }

    @Test func missingColumnExits65NamingColumns() throws {
        let directory = try clusterInputDirectory(Array(clusterCLIFixture.utf8))
        let result = try runCluster(
            ["--input", "input.csv", "--text-column", "Текст", "--output", "out.csv"],
            in: directory
        )
        #expect(result.status == 65)
        #expect(
            result.stderr.contains(
                "input.csv:1: ошибка: нет столбца «Текст» (--text-column); найдены: «id», «text»; "
                    + "ожидались: «id», «Текст»"
            ),
            "\(result.stderr)"
        )
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out.csv").path))
    }

    @Test func cp1251FileWithoutEncodingExits65WithLine() throws {
        let directory = try clusterInputDirectory(cp1251Bytes(clusterCLIFixture))
        let result = try runCluster(["--input", "input.csv", "--output", "out.csv"], in: directory)
        #expect(result.status == 65)
        #expect(result.stderr.contains("input.csv:2: ошибка: "), "\(result.stderr)")
        #expect(result.stderr.contains("--encoding cp1251"))
        let decoded = try runCluster(
            ["--input", "input.csv", "--output", "out.csv", "--encoding", "cp1251"],
            in: directory
        )
        #expect(decoded.status == 0, "\(decoded.stderr)")
    }

    @Test(arguments: ["", "id,text\n"])
    func emptyFileExits65(_ content: String) throws {
        let directory = try clusterInputDirectory(Array(content.utf8))
        let result = try runCluster(["--input", "input.csv", "--output", "out.csv"], in: directory)
        #expect(result.status == 65)
        #expect(result.stderr.contains("input.csv:"), "\(result.stderr)")
        #expect(result.stderr.contains("файл пуст") || result.stderr.contains("строк с данными нет"))
    }

    @Test func missingInputExits66() throws {
        let directory = try clusterInputDirectory([])
        let result = try runCluster(["--input", "nope.csv", "--output", "out.csv"], in: directory)
        #expect(result.status == 66)
        #expect(result.stderr.contains("nope.csv: ошибка: нет такого файла"), "\(result.stderr)")
    }

    @Test(arguments: [
        ["--k", "many"], ["--k", "0"], ["--delimiter", ";;"], ["--encoding", "koi8-r"], ["--threads", "0"],
    ])
    func badOptionExits64(_ option: [String]) throws {
        let directory = try clusterInputDirectory(Array(clusterCLIFixture.utf8))
        let result = try runCluster(["--input", "input.csv", "--output", "out.csv"] + option, in: directory)
        #expect(result.status == 64)
        #expect(result.stderr.contains(option[0]), "\(result.stderr)")
    }
}
