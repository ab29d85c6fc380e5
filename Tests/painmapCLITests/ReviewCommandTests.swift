import Foundation
import PainmapTestSupport
import Testing

/// `painmap review` as an analyst scripts it, on SampleFeeds' 2026Q2 run: decisions, stale version → 75, JSON.
@Suite struct ReviewCommandTests {
    @Test func decisionsThroughTheCLIAreAuditedAndAStaleOneExits75() throws {
        let directory = try temporaryDirectory("review-cli")
        let store = directory.appendingPathComponent("s.sqlite").path
        let run = try painmap([
            "run", "--store", store, "--quarter", "2026Q2", "--region", "54", "--out",
            directory.appendingPathComponent("out").path,
        ])
        try #require(run.status == 0, "\(run.stderr)")
        let slice = ["--store", store, "--region", "54", "--quarter", "2026Q2"]

        let list = try painmap(["review", "list", "--json"] + slice)
        #expect(list.status == 0)
        let pains = try #require(
            (try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [String: Any])?["pains"]
                as? [[String: Any]]
        )
        let pain = try #require(pains.first?["id"] as? String)
        #expect(pains.allSatisfy { $0["version"] as? Int == 0 && $0["status"] as? String == "new" })

        let status = try painmap(
            ["review", "status", "--pain", pain, "--to", "в работе", "--expect", "0", "--as", "ivanova"] + slice
        )
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("версия 1 статус — ivanova"))

        let comment = try painmap(
            ["review", "comment", "--pain", pain, "--text", "перезвонить по тел. 8 913 555-12-34", "--as", "ivanova"]
                + slice
        )
        #expect(comment.status == 0)
        #expect(comment.stderr.contains("персональные данные") && comment.stderr.contains("[ТЕЛЕФОН]"))
        #expect(!comment.stdout.contains("555"))

        // Version 0 is stale now: 75, the current version named, what changed listed.
        let stale = try painmap(
            ["review", "junk", "--pain", pain, "--reason", "спам", "--expect", "0", "--as", "petrov"] + slice
        )
        #expect(stale.status == 75)
        #expect(stale.stderr.contains("текущая версия 2"))
        #expect(stale.stderr.contains("ivanova"))

        #expect(try painmap(["review", "status", "--pain", pain, "--to", "новая"] + slice).status == 64)
        #expect(try painmap(["review", "rename", "--pain", "нет", "--title", "x"] + slice).status == 66)

        let log = try painmap(["review", "log", "--json"] + slice)
        let entries = try #require(
            (try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [String: Any])?["entries"]
                as? [[String: Any]]
        )
        #expect(entries.map { $0["kind"] as? String } == ["status", "comment"])
        let show = try painmap(["review", "show", "--pain", pain] + slice)
        #expect(show.status == 0)
        #expect(show.stdout.contains("статус: в работе"))
        #expect(show.stdout.contains("комментарии:"))

        // A record in the wrong place, named as the report's quote names it, moved to «Не определена».
        let situation = try #require(pain.split(separator: "/").first.map(String.init))
        let reportURL = directory.appendingPathComponent("out/2026Q2/54/\(situation).json")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: reportURL)) as? [String: Any]
        )
        let rows = try #require(report["pains"] as? [[String: Any]])
        let row = try #require(rows.first { "\(situation)/\($0["id"] as? String ?? "")" == pain })
        let quote = try #require((row["quotes"] as? [[String: Any]])?.first?["record_id"] as? String)
        let move = try painmap(
            ["review", "move", "--pain", pain, "--records", quote, "--situation", "none", "--as", "ivanova"] + slice
        )
        #expect(move.status == 0, "\(move.stderr)")
        #expect(move.stdout.contains("life_situation=Не определена"))
        #expect(
            try painmap(["review", "move", "--pain", pain, "--records", "pos:0", "--situation", "none"] + slice).status
                == 66
        )
    }
}
