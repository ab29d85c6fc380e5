import Foundation
import PainmapSamples
import Testing

@Suite struct LayoutTests {
    private static let posHeader =
        "Номер сообщения;Дата создания;Дата ответа;Срок ответа;Код региона;Муниципальное образование;ОКТМО;Категория;"
        + "Подкатегория;Текст сообщения;Текст ответа;Статус;Ответственная организация;Канал поступления;59-ФЗ;"
        + "ФИО заявителя;Телефон заявителя;Электронная почта заявителя"

    private func firstLine(_ text: String) -> String {
        String(text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" })
    }

    @Test func posCSVEncodingsAndHeader() throws {
        let tree = try SampleTreeFixture.tree()
        let q2 = try tree.bytes("pos/pos_54_2026q2.csv")
        #expect(Array(q2.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let q2Text = try #require(String(data: q2.dropFirst(3), encoding: .utf8))
        #expect(firstLine(q2Text) == Self.posHeader)
        let q3 = try tree.bytes("pos/pos_54_2026q3.csv")
        #expect(Array(q3.prefix(3)) != [0xEF, 0xBB, 0xBF])
        #expect(firstLine(try #require(String(data: q3, encoding: .utf8))) == Self.posHeader)
        for path in ["pos/pos_41_2026q2.csv", "pos/pos_41_2026q3.csv"] {
            let bytes = try tree.bytes(path)
            #expect(String(data: bytes, encoding: .utf8) == nil, "\(path) must not be valid UTF-8")
            let text = try #require(String(data: bytes, encoding: .windowsCP1251))
            #expect(firstLine(text) == Self.posHeader)
            #expect(text.contains(";30;"))
        }
        #expect(q2Text.contains(";50;"))
    }

    @Test func posCSVHasQuotedMultilineAndEmbeddedSeparators() throws {
        let text = try #require(
            String(
                data: try SampleTreeFixture.tree().bytes("pos/pos_54_2026q2.csv").dropFirst(3),
                encoding: .utf8
            )
        )
        #expect(text.contains("\"\""))  // an escaped quote inside a quoted field
        var quoted = false
        var newlineInQuotes = false
        var separatorInQuotes = false
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted.toggle() }
            if quoted, scalar == "\n" { newlineInQuotes = true }
            if quoted, scalar == ";" { separatorInQuotes = true }
        }
        #expect(newlineInQuotes && separatorInQuotes && !quoted)
    }

    @Test func posJSONMatchesTheLayout() throws {
        let data = try SampleTreeFixture.tree().bytes("pos/pos_2026q3.json")
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let content = try #require(root["content"] as? [[String: Any]])
        #expect(root["totalElements"] as? Int == content.count)
        let first = try #require(content.first)
        for key in [
            "id", "createdAt", "answeredAt", "deadline", "region", "municipality", "category", "subcategory",
            "text", "answer", "status", "organization", "channel", "fz59", "author",
        ] {
            #expect(first[key] != nil, "missing \(key)")
        }
        let codes = Set(content.compactMap { ($0["region"] as? [String: Any])?["code"] as? String })
        #expect(codes == ["50", "30"])
        let created = try #require(first["createdAt"] as? String)
        #expect(created.hasSuffix("+07:00") || created.hasSuffix("+12:00"))
        let statuses = Set(content.compactMap { $0["status"] as? String })
        #expect(statuses.isSubset(of: ["NEW", "IN_PROGRESS", "ANSWERED", "CLOSED", "REJECTED"]))
    }

    @Test func textsHaveNoUnfilledSlots() throws {
        let tree = try SampleTreeFixture.tree()
        for path in ["pos/pos_54_2026q2.csv", "pos/pos_54_2026q3.csv"] {
            let text = try #require(String(data: try tree.bytes(path), encoding: .utf8))
            #expect(!text.contains("{") && !text.contains("}"), "\(path)")
        }
        for path in ["hotline/hotline122_54_2026q2.csv", "site/site_54_2026q3.csv", "survey/survey_2026q2.csv"] {
            let text = try #require(String(data: try tree.bytes(path), encoding: .windowsCP1251))
            #expect(!text.contains("{") && !text.contains("}"), "\(path)")
        }
    }

    @Test func xlsxFilesAreZipArchives() throws {
        let tree = try SampleTreeFixture.tree()
        for file in tree.manifest.files where file.format == "xlsx" && file.source != "hostile" {
            let bytes = try tree.bytes(file.path)
            #expect(Array(bytes.prefix(2)) == [0x50, 0x4B], "\(file.path)")
            #expect(file.records > 0)
        }
    }

    @Test func mkguXMLHasRatesInTheFormRange() throws {
        let xml = try #require(
            String(data: try SampleTreeFixture.tree().bytes("portal/mkgu_41_2026q3.xml"), encoding: .utf8)
        )
        #expect(
            xml.hasPrefix(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<mkgu:body xmlns:mkgu=\"http://vashkontrol.ru#\" ID=\"mkgu\">"
            )
        )
        var index = xml.startIndex
        var rates = 0
        while let range = xml.range(of: "value-id=\"", range: index..<xml.endIndex) {
            let digits = xml[range.upperBound...].prefix { $0.isNumber }
            let value = try #require(Int(digits))
            #expect((41...65).contains(value))
            rates += 1
            index = range.upperBound
        }
        #expect(rates > 100)
    }
}
