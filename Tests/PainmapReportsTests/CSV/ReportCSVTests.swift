import Foundation
import PainmapReports
import Testing

@Suite struct ReportCSVTests {
    static func csv() throws -> Data {
        try ReportRenderer().render(ReportFixture.kindergarten(), as: .csv)
    }

    /// An RFC 4180 parser for `;`-separated text, to read the file back as a spreadsheet would.
    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let scalar = characters.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if characters.first == "\"" {
                        field.unicodeScalars.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" {
                quoted = true
            } else if scalar == ";" {
                record.append(field)
                field = ""
            } else if scalar == "\r", characters.first == "\n" {
                characters.removeFirst()
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        return records
    }

    @Test func fileIsUTF8WithBOMSemicolonsAndCRLF() throws {
        let data = try Self.csv()
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = try #require(String(data: data.dropFirst(3), encoding: .utf8))
        #expect(text.hasSuffix("\r\n"))
        #expect(text.hasPrefix("Ранг;ID боли;Боль;Ключевые слова;Этап;Всего;Доля в ЖС, %;ПОС;Сайты ведомств;"))
        let records = Self.parse(text)
        #expect(records.count == 1 + ReportFixture.kindergarten().pains.count)
        #expect(Set(records.map(\.count)).count == 1)
    }

    @Test func rowsCarryRussianNumbersAndStatuses() throws {
        let text = try #require(String(data: Self.csv().dropFirst(3), encoding: .utf8))
        let records = Self.parse(text)
        let header = records[0]
        func value(_ row: Int, _ column: String) throws -> String {
            records[row][try #require(header.firstIndex(of: column))]
        }
        #expect(try value(1, "Статус") == "новая")
        #expect(try value(1, "Δ, %") == "—")
        #expect(try value(1, "Просрочка, %") == "нет данных")
        #expect(try value(3, "Δ, %") == "54,2")
        #expect(try value(6, "Статус") == "исчезла")
        #expect(try value(6, "Ранг") == "")
        #expect(try value(6, "Δ") == "-15")
        #expect(try value(2, "Сигнал") == "сигнал")
        #expect(try value(1, "Предлагаемое решение") == "")
        #expect(header.contains("Цитата 3"))
    }

    @Test func formulaTriggersAreNeutralisedAndQuotesDoubled() throws {
        let text = try #require(String(data: Self.csv().dropFirst(3), encoding: .utf8))
        let hostile = try #require(Self.parse(text).first { $0[2].contains("Компенсация") })
        let quoteColumns = hostile.filter { $0.contains("evil.example") || $0.contains("@all") }
        #expect(quoteColumns.count == 2)
        // Quote cells start with «, so they are safe; the raw formula never starts a cell.
        #expect(text.contains("\"«=HYPERLINK(\"\"http://evil.example/\"\",\"\"жми\"\")» — № САЙТ-4471"))
        for cell in Self.parse(text).flatMap({ $0 }) where cell.first.map({ "=+@\t\r".contains($0) }) == true {
            Issue.record("cell starts with a formula trigger: \(cell.prefix(40))")
        }
    }

    @Test func textCellsStartingWithATriggerGetAnApostrophe() throws {
        var report = ReportFixture.kindergarten()
        report.pains[0].title = "=1+2"
        report.pains[0].proposedSolution = "-сократить сроки"
        report.pains[0].organizations = [NamedCount(name: "@МФЦ", count: 3)]
        let text = try #require(String(data: ReportRenderer().render(report, as: .csv).dropFirst(3), encoding: .utf8))
        let row = Self.parse(text)[1]
        #expect(row[2] == "'=1+2")
        #expect(row.last == "'-сократить сроки")
        #expect(row.contains("'@МФЦ (3)"))
    }
}
