import Foundation
import PainmapTestSupport
import Testing

@Suite struct CLITests {
    @Test func ingestThenStatusJSONHasTheContractFields() throws {
        let store = try temporaryDirectory().appendingPathComponent("s.sqlite").path
        let ingest = try painmap(["ingest", "--store", store, "SampleFeeds"])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(ingest.stdout.contains("итого"))
        let status = try painmap(["status", "--store", store, "--json"])
        #expect(status.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        let totals = try #require(json["totals"] as? [String: Int])
        #expect(Set(totals.keys).isSuperset(of: ["read", "stored", "quarantined", "duplicate"]))
        #expect(totals["read"] == (totals["stored"] ?? 0) + (totals["quarantined"] ?? 0) + (totals["duplicate"] ?? 0))
        let bySource = try #require(json["by_source"] as? [String: [String: Int]])
        #expect(Set(bySource.keys) == ["pos", "site", "hotline", "portal", "survey"])
        #expect(bySource.values.allSatisfy { ($0["stored"] ?? 0) > 0 })
        #expect(json["by_region_quarter"] is [[String: Any]])
    }

    @Test func missingInputExits66() throws {
        let store = try temporaryDirectory().appendingPathComponent("s.sqlite").path
        let result = try painmap(["ingest", "--store", store, "no/such/file.csv"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("нет такого файла или каталога: no/such/file.csv"))
    }

    @Test func rejectedFileExits65AndNamesTheFile() throws {
        let directory = try temporaryDirectory()
        let file = directory.appendingPathComponent("broken.csv")
        try Data("Номер;Текст\n1;x\n".utf8).write(to: file)
        let result = try painmap([
            "ingest", "--store", directory.appendingPathComponent("s.sqlite").path, "--source", "pos", file.path,
        ])
        #expect(result.status == 65)
        #expect(result.stdout.contains("\(file.path):1: ошибка: нет обязательных столбцов"))
    }

    @Test func badConfigurationExits78WithLineNumbers() throws {
        let directory = try temporaryDirectory()
        for name in ["regions.yaml", "surveys.yaml", "mkgu-forms.yaml"] {
            try FileManager.default.copyItem(
                at: cliPackageRoot.appendingPathComponent("Config/\(name)"),
                to: directory.appendingPathComponent(name)
            )
        }
        try Data(
            "feeds:\n  - name: x\n    kind: pos\n    format: csv\n    delimeter: \";\"\n    region_code_system: okato\n"
                .utf8
        )
        .write(to: directory.appendingPathComponent("feeds.yaml"))
        let result = try painmap(["config", "check", "--config", directory.path])
        #expect(result.status == 78)
        #expect(
            result.stderr.contains(
                "feeds.yaml:5:5: ошибка: feeds[0].delimeter: неизвестный ключ «delimeter»; возможно, имелось в виду «delimiter»"
            )
        )
    }

    @Test func shippedConfigurationChecksClean() throws {
        let result = try painmap(["config", "check"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func aSecondRunAgainstTheSameStoreExits75NamingTheHolder() throws {
        let directory = try temporaryDirectory()
        let store = directory.appendingPathComponent("s.sqlite")
        let holder = try LockHolder(path: store.path + ".run.lock")
        defer { holder.release() }
        // The holder keeps the lock for an hour: a command that waited for it instead of refusing would hang.
        let result = try painmap(["ingest", "--store", store.path, "SampleFeeds/pos"])
        #expect(result.status == 75)
        #expect(result.stderr.contains("уже идёт запуск"))
        #expect(result.stderr.contains("--wait"))
    }

    @Test func usageErrorExits64() throws {
        #expect(try painmap(["ingest", "--source", "fax", "x.csv"]).status == 64)
    }
}
