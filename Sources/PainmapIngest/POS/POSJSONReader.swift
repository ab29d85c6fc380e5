import Foundation
import PainmapCore

/// Reads a ПОС JSON export element by element and maps each object through the feed's column map.
///
/// Column names are key paths (`region.code`); nested values are flattened to text.
struct POSJSONReader {
    let regions: RegionDirectory
    let now: Date

    /// Opens a JSON export: finds the array of records and checks the column map.
    /// - Throws: ``LocatedFailure`` when there is no array of records.
    func open(_ file: FeedFile) throws -> any RowReader {
        let location = SourceLocation(path: file.displayPath)
        let scanner: JSONArrayScanner
        do {
            scanner = try JSONArrayScanner(url: file.url)
        } catch JSONArrayScanner.Problem.noArray {
            throw LocatedFailure.unusableFile(
                .emptyFile,
                at: location,
                message: "в JSON нет массива записей (ожидается [...] или {\"content\": [...]})"
            )
        } catch {
            throw LocatedFailure.unusableFile(.malformedJSON, at: location, message: "JSON повреждён в начале файла")
        }
        let paths = file.feed.columns.values.map(\.column)
        let mapper = try RowMapper(feed: file.feed, regions: regions, header: paths, location: location, now: now)
        return Rows(scanner: scanner, mapper: mapper, paths: paths, location: location)
    }

    /// The elements of the array, one outcome each; a break in the array is one quarantined row at the end.
    struct Rows: RowReader {
        var scanner: JSONArrayScanner
        let mapper: RowMapper
        let paths: [String]
        let location: SourceLocation
        private var elements = 0
        private var ended = false

        init(scanner: JSONArrayScanner, mapper: RowMapper, paths: [String], location: SourceLocation) {
            self.scanner = scanner
            self.mapper = mapper
            self.paths = paths
            self.location = location
        }

        var summary: FileReadSummary { FileReadSummary(encoding: "utf-8") }

        mutating func next() throws -> RowOutcome<FeedbackRecord>? {
            if !ended {
                do {
                    if let element = try scanner.next() {
                        elements += 1
                        return outcome(of: element)
                    }
                    ended = true
                } catch {
                    ended = true
                    // The array breaks off: the file is truncated. Rows read so far stay accounted.
                    return .quarantined(
                        QuarantinedRow(
                            line: 0,
                            reason: .malformedJSON,
                            message: "JSON обрывается: файл обрезан; записи до обрыва учтены"
                        )
                    )
                }
            }
            guard elements > 0 else {
                throw LocatedFailure.unusableFile(
                    .emptyFile,
                    at: location,
                    message: "массив записей JSON пуст; если обращений за период не было, файл можно не выгружать"
                )
            }
            return nil
        }

        private func outcome(of element: JSONArrayScanner.Element) -> RowOutcome<FeedbackRecord> {
            switch element {
            case .rejected(let problem, let index, let raw):
                let (reason, message): (QuarantineReason, String) =
                    switch problem {
                    case .tooDeep: (.tooDeep, "вложенность больше \(JSONArrayScanner.maxDepth) уровней")
                    case .duplicateKey: (.duplicateKey, "ключ объекта повторяется; неясно, какое значение верное")
                    case .tooLarge: (.fieldTooLong, "элемент больше \(JSONArrayScanner.maxElementBytes) байт")
                    case .malformed, .noArray: (.malformedJSON, "элемент JSON повреждён")
                    }
                return .quarantined(QuarantinedRow(line: index, reason: reason, message: message, raw: raw))
            case .bytes(let bytes, let index):
                guard let object = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
                else {
                    return .quarantined(
                        QuarantinedRow(
                            line: index,
                            reason: .malformedJSON,
                            message: "элемент JSON повреждён",
                            raw: Array(bytes.prefix(65_536))
                        )
                    )
                }
                guard let dictionary = object as? [String: Any] else {
                    return .quarantined(
                        QuarantinedRow(
                            line: index,
                            reason: .notAnObject,
                            message: "элемент массива не объект",
                            raw: Array(bytes.prefix(65_536))
                        )
                    )
                }
                let cells = paths.map { CellValue.text(POSJSONReader.text(at: $0, in: dictionary)) }
                switch mapper.map(cells, line: index, raw: Array(bytes.prefix(65_536))) {
                case .failure(let row):
                    return .quarantined(row)
                case .success(var record):
                    if let problem = TextRequiredStep().complete(&record, cells: cells, line: index, raw: []) {
                        return .quarantined(
                            QuarantinedRow(
                                line: index,
                                reason: problem.reason,
                                message: problem.message,
                                raw: Array(bytes.prefix(65_536))
                            )
                        )
                    }
                    return .record(record, line: index)
                }
            }
        }
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
