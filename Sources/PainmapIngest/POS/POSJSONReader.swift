import Foundation
import PainmapCore

/// Reads a ПОС JSON export element by element and maps each object through the feed's column map.
///
/// Column names are key paths (`region.code`); nested values are flattened to text.
struct POSJSONReader {
    let regions: RegionDirectory
    let now: Date

    func read(_ file: FeedFile, into sink: some RecordSink) throws -> FileReadSummary {
        let location = SourceLocation(path: file.displayPath)
        var scanner: JSONArrayScanner
        do {
            scanner = try JSONArrayScanner(url: file.url)
        } catch JSONArrayScanner.Problem.noArray {
            throw IngestError(
                location: location,
                reason: .emptyFile,
                message: "в JSON нет массива записей (ожидается [...] или {\"content\": [...]})"
            )
        } catch {
            throw IngestError(location: location, reason: .malformedJSON, message: "JSON повреждён в начале файла")
        }
        let paths = file.feed.columns.values.map(\.column)
        let mapper = try RowMapper(feed: file.feed, regions: regions, header: paths, location: location, now: now)
        var elements = 0
        while true {
            let element: JSONArrayScanner.Element?
            do {
                element = try scanner.next()
            } catch {
                // The array breaks off: the file is truncated. Rows read so far stay accounted.
                try sink.quarantine(
                    QuarantinedRow(
                        line: 0,
                        reason: .malformedJSON,
                        message: "JSON обрывается: файл обрезан; записи до обрыва учтены"
                    )
                )
                break
            }
            guard let element else { break }
            elements += 1
            switch element {
            case .rejected(let problem, let index, let raw):
                let (reason, message): (QuarantineReason, String) =
                    switch problem {
                    case .tooDeep: (.tooDeep, "вложенность больше \(JSONArrayScanner.maxDepth) уровней")
                    case .duplicateKey: (.duplicateKey, "ключ объекта повторяется; неясно, какое значение верное")
                    case .tooLarge: (.fieldTooLong, "элемент больше \(JSONArrayScanner.maxElementBytes) байт")
                    case .malformed, .noArray: (.malformedJSON, "элемент JSON повреждён")
                    }
                try sink.quarantine(QuarantinedRow(line: index, reason: reason, message: message, raw: raw))
            case .bytes(let bytes, let index):
                guard let object = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
                else {
                    try sink.quarantine(
                        QuarantinedRow(
                            line: index,
                            reason: .malformedJSON,
                            message: "элемент JSON повреждён",
                            raw: Array(bytes.prefix(65_536))
                        )
                    )
                    continue
                }
                guard let dictionary = object as? [String: Any] else {
                    try sink.quarantine(
                        QuarantinedRow(
                            line: index,
                            reason: .notAnObject,
                            message: "элемент массива не объект",
                            raw: Array(bytes.prefix(65_536))
                        )
                    )
                    continue
                }
                let cells = paths.map { CellValue.text(POSJSONReader.text(at: $0, in: dictionary)) }
                switch mapper.map(cells, line: index, raw: Array(bytes.prefix(65_536))) {
                case .failure(let row):
                    try sink.quarantine(row)
                case .success(var record):
                    if let problem = TextRequiredStep().complete(&record, cells: cells, line: index, raw: []) {
                        try sink.quarantine(
                            QuarantinedRow(
                                line: index,
                                reason: problem.reason,
                                message: problem.message,
                                raw: Array(bytes.prefix(65_536))
                            )
                        )
                    } else {
                        try sink.accept(record, line: index)
                    }
                }
            }
        }
        guard elements > 0 else {
            throw IngestError(
                location: location,
                reason: .emptyFile,
                message: "массив записей JSON пуст; если обращений за период не было, файл можно не выгружать"
            )
        }
        return FileReadSummary(encoding: "utf-8")
    }

    /// The value at a dotted key path as text; numbers and booleans are spelled out.
    static func text(at path: String, in object: [String: Any]) -> String {
        var current: Any? = object
        for key in path.split(separator: ".") {
            current = (current as? [String: Any])?[String(key)]
        }
        switch current {
        case let text as String: return text
        case let number as NSNumber:
            if String(cString: number.objCType) == "c" { return number.boolValue ? "true" : "false" }
            return number.stringValue
        case let bool as Bool: return bool ? "true" : "false"
        default: return ""
        }
    }
}
