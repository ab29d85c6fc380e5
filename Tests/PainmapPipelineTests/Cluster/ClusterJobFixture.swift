import Foundation
import PainmapTestSupport

/// A hand-written Russian export with four obvious topics, a pair of off-topic rows and rows without content.
///
/// Columns `id,text,topic`; `topic` is the truth (`sad`, `heat`, `doc`, `pay`, `other`, `empty`). One text holds
/// a line break and quotes, one id a comma, so the reader's and the writer's quoting are exercised too.
enum ClusterJobFixture {
    /// One data row.
    struct Row {
        var id: String
        var text: String
        var topic: String
    }

    static let rows: [Row] = [
        Row(id: "1", text: "Второй год стоим в очереди в детский сад, места так и не дали", topic: "sad"),
        Row(id: "2", text: "Очередь в детский сад не двигается, ребенку нужен садик", topic: "sad"),
        Row(id: "3", text: "Нет мест в детском саду, в очереди мы сотые", topic: "sad"),
        Row(id: "4", text: "", topic: "empty"),
        Row(id: "5", text: "В квартире холодно, батареи еле теплые, отопление не работает", topic: "heat"),
        Row(id: "6", text: "Отопление так и не включили, батареи холодные, в квартире плюс пятнадцать", topic: "heat"),
        Row(id: "7", text: "Не могу записаться к врачу, талонов к терапевту нет", topic: "doc"),
        Row(id: "8", text: "Талонов к врачу нет на месяц вперед, записаться к терапевту невозможно", topic: "doc"),
        Row(id: "9", text: "Пособие на ребенка задерживают третий месяц, выплату не перечислили", topic: "pay"),
        Row(id: "10", text: "Выплату пособия опять задерживают, деньги на карту не пришли", topic: "pay"),
        Row(id: "11", text: "Спасибо", topic: "empty"),
        Row(id: "12", text: "Очередь в детский сад стоит на месте, мест в саду нет", topic: "sad"),
        Row(id: "13", text: "Батареи холодные вторую неделю, отопление в квартире не дали", topic: "heat"),
        Row(id: "14", text: "Записаться к врачу нельзя: талонов нет, терапевт принимает раз в неделю", topic: "doc"),
        Row(id: "15", text: "Задерживают выплату пособия, на карту ничего не перечислили", topic: "pay"),
        Row(id: "16,a", text: "Сад далеко от дома, а в очереди в ближний детский сад мест нет", topic: "sad"),
        Row(id: "17", text: "В квартире холодно: отопление слабое, батареи чуть теплые", topic: "heat"),
        Row(id: "18", text: "Записаться к терапевту через регистратуру невозможно, талонов к врачу нет", topic: "doc"),
        Row(id: "19", text: "Пособие задерживают, выплату обещали перечислить и не перечислили", topic: "pay"),
        Row(id: "20", text: "   ", topic: "empty"),
        Row(id: "21", text: "Во дворе неделю не вывозят мусор", topic: "other"),
        Row(id: "22", text: "Мусор во дворе лежит, контейнеры переполнены", topic: "other"),
        Row(id: "23", text: "Ребенку не дали место в детском саду, очередь стоит", topic: "sad"),
        Row(id: "24", text: "Отопление отключили, батареи холодные, в квартире холодно детям", topic: "heat"),
        Row(id: "25", text: "Талоны к врачу разбирают за минуту, записаться к терапевту не могу", topic: "doc"),
        Row(id: "26", text: "Выплата пособия на ребенка задерживается, карту проверяем каждый день", topic: "pay"),
        Row(id: "27", text: "фото", topic: "empty"),
        Row(
            id: "28",
            text: "Очередь в \"детский сад\" не движется,\nмест в саду нет уже год",
            topic: "sad"
        ),
        Row(id: "29", text: "Батареи холодные, отопление не дали, в квартире сыро и холодно", topic: "heat"),
        Row(id: "30", text: "Врач принимает редко, талонов нет, записаться к терапевту не получается", topic: "doc"),
        Row(id: "31", text: "Выплату пособия задержали, деньги на карту не перечислили", topic: "pay"),
    ]

    /// The words a label or keyword list of each topic's cluster contains at least one of.
    static let topicWords: [String: [String]] = [
        "sad": ["сад", "очеред", "мест"],
        "heat": ["отоплен", "батаре", "холодн", "квартир"],
        "doc": ["врач", "талон", "терапевт", "записат"],
        "pay": ["пособ", "выплат", "задержива", "перечисл", "карт"],
    ]

    /// The export as CSV text (`,`, RFC 4180 quoting, `\n` line ends).
    static var csv: String {
        var lines = ["id,text,topic"]
        for row in rows { lines.append([row.id, row.text, row.topic].map(quoted).joined(separator: ",")) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A field quoted when it holds a comma, a quote or a line break.
    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A fresh temporary directory, removed when the test process exits.
    static func temporaryDirectory() throws -> URL {
        TemporaryDirectory.url("cluster")
    }

    /// Parses RFC 4180 CSV text into rows of fields (enough for the job's own output).
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var afterQuote = false
        for character in text {
            if quoted {
                if character == "\"" {
                    quoted = false
                    afterQuote = true
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                if afterQuote { field.append("\"") }
                quoted = true
                afterQuote = false
            } else if character == "," {
                row.append(field)
                field = ""
                afterQuote = false
            } else if character == "\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
                afterQuote = false
            } else {
                field.append(character)
                afterQuote = false
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }
}
