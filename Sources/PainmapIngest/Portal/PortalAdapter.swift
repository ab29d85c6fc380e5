public import Foundation
public import PainmapCore

/// Reads «Ваш контроль» (ИАС МКГУ) rating exports: `mkgu:body` XML in the `http://vashkontrol.ru#` namespace.
///
/// Each `form` becomes one record: service, authority and procedure ids, ОКАТО, a 1–5 score per
/// indicator (by the value id's position in the configured form definition, never by hard-coded
/// ids) and the free-text comment. A form without a comment is stored too: its scores count.
/// The XML is streamed through libxml2 after a strict UTF-8 and no-DOCTYPE check.
public struct PortalAdapter: IngestAdapter {
    /// Always ``SourceKind/portal``.
    public var kind: SourceKind { .portal }
    private let regions: RegionDirectory
    private let forms: [String: RatingForm]
    private let now: Date

    /// The namespace of «Ваш контроль» documents.
    public static let namespace = "http://vashkontrol.ru#"

    /// Creates the adapter.
    /// - Parameters:
    ///   - regions: The region table (ОКАТО lookups).
    ///   - forms: Rating form definitions by version.
    ///   - now: The ingest time; rating dates after it are quarantined.
    public init(regions: RegionDirectory, forms: [String: RatingForm], now: Date = Date()) {
        self.regions = regions
        self.forms = forms
        self.now = now
    }

    private struct FormDraft {
        var line: Int
        var attributes: [String: String]
        var serviceID: String?
        var serviceName = ""
        var authorityID: String?
        var authorityName = ""
        var procedureID: String?
        var date = ""
        var receivedDate = ""
        var okato = ""
        var rates: [(indicator: String, value: String)] = []
        var comment = ""
    }

    /// Opens one export.
    /// - Throws: ``IngestError`` when the file is not strict UTF-8 XML or declares a DTD.
    public func open(_ file: FeedFile) throws -> any RowReader {
        let reader: XMLStreamReader
        do {
            reader = try XMLStreamReader(contentsOf: file.url)
        } catch {
            throw PortalAdapter.wholeFile(error, path: file.displayPath)
        }
        return Rows(adapter: self, file: file, reader: reader)
    }

    /// The forms of one export, one outcome each, pulled from the XML stream.
    struct Rows: RowReader {
        let adapter: PortalAdapter
        let file: FeedFile
        var reader: XMLStreamReader
        private let dates = DateParser(formats: [
            "yyyy-MM-dd'T'HH:mm:ssXXX", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd",
        ])
        private var path: [String] = []
        private var formVersion: String?
        private var draft: FormDraft?
        private var text = ""
        private var seenRoot = false
        private var forms = 0
        private var ended = false

        init(adapter: PortalAdapter, file: FeedFile, reader: XMLStreamReader) {
            self.adapter = adapter
            self.file = file
            self.reader = reader
        }

        var summary: FileReadSummary { FileReadSummary(encoding: "utf-8") }

        mutating func next() throws -> RowOutcome<FeedbackRecord>? {
            if !ended {
                do {
                    while let event = try reader.next() {
                        if let outcome = try handle(event) { return outcome }
                    }
                    ended = true
                } catch let error as XMLReadError {
                    ended = true
                    if forms == 0 { throw PortalAdapter.wholeFile(error, path: file.displayPath) }
                    // The document breaks off after some forms: those stay; the break is accounted as one row.
                    let (reason, message) = PortalAdapter.describe(error)
                    return .quarantined(
                        QuarantinedRow(
                            line: error.line,
                            reason: reason,
                            message: message + "; формы до этого места учтены"
                        )
                    )
                }
            }
            if !seenRoot {
                throw IngestError(
                    location: SourceLocation(path: file.displayPath),
                    reason: .emptyFile,
                    message: "XML-документ пуст"
                )
            }
            return nil
        }

        /// Takes one event; a closed form gives its outcome.
        private mutating func handle(_ event: XMLEvent) throws -> RowOutcome<FeedbackRecord>? {
            switch event {
            case .startElement(let name, let namespace, let attributes, _):  // empty elements also get an endElement
                if !seenRoot {
                    seenRoot = true
                    guard name == "body", namespace == PortalAdapter.namespace else {
                        throw IngestError(
                            location: SourceLocation(path: file.displayPath, line: reader.line),
                            reason: .malformedXML,
                            message:
                                "корневой элемент не mkgu:body в пространстве имён \(PortalAdapter.namespace): это не выгрузка «Ваш контроль»"
                        )
                    }
                }
                path.append(name)
                text = ""
                if name == "form", path.count >= 2, path[path.count - 2] == "forms" {
                    draft = FormDraft(line: reader.line, attributes: attributes)
                } else if var current = draft {
                    switch name {
                    case "service": current.serviceID = attributes["id"]
                    case "authority": current.authorityID = attributes["id"]
                    case "procedure": current.procedureID = attributes["id"]
                    case "rate":
                        current.rates.append((attributes["indicator-id"] ?? "", attributes["value-id"] ?? ""))
                    default: break
                    }
                    draft = current
                }
                return nil
            case .text(let chunk):
                text += chunk
                return nil
            case .endElement(let name):
                defer { text = "" }
                return close(name)
            }
        }

        private mutating func close(_ name: String) -> RowOutcome<FeedbackRecord>? {
            defer { if !path.isEmpty { path.removeLast() } }
            let value = text.trimmedCell
            if name == "form-version" {
                formVersion = value
                return nil
            }
            guard var current = draft else { return nil }
            switch name {
            case "service": current.serviceName = value
            case "authority": current.authorityName = value
            case "date": current.date = value
            case "received-date": current.receivedDate = value
            case "okato": current.okato = value
            case "comment": current.comment = text
            case "form":
                draft = nil
                forms += 1
                return adapter.outcome(of: current, version: formVersion, file: file, dates: dates)
            default: break
            }
            draft = current
            return nil
        }
    }

    private func outcome(of form: FormDraft, version: String?, file: FeedFile, dates: DateParser)
        -> RowOutcome<FeedbackRecord>
    {
        let id = form.attributes["mkgu-id"] ?? form.attributes["foreign-id"]
        func reject(_ reason: QuarantineReason, _ message: String) -> RowOutcome<FeedbackRecord> {
            .quarantined(
                QuarantinedRow(
                    line: form.line,
                    reason: reason,
                    message: message,
                    raw: Array("form mkgu-id=\(id ?? "?")".utf8)
                )
            )
        }
        guard let version, let definition = forms[version] else {
            return reject(
                .unknownRateValue,
                "версия формы «\(version ?? "не указана")» не описана в Config/mkgu-forms.yaml"
            )
        }
        guard let region = regions.resolve(form.okato, system: .okato) else {
            return reject(.unknownRegion, "ОКАТО «\(RowMapper.clip(form.okato))» не найден в справочнике регионов")
        }
        let dateText = form.date.isEmpty ? form.receivedDate : form.date
        guard let received = dates.parse(dateText, utcOffsetHours: region.utcOffsetHours) else {
            return reject(
                dateText.isEmpty ? .missingRequired : .badDate,
                "дата оценки «\(RowMapper.clip(dateText))» не разбирается; ожидается ISO 8601"
            )
        }
        guard received >= Date(timeIntervalSince1970: 946_684_800), received <= now.addingTimeInterval(86_400) else {
            return reject(.dateOutOfRange, "дата оценки раньше 2000 года или в будущем")
        }
        var scores: [CriterionScore] = []
        for rate in form.rates {
            guard let score = definition.score(indicator: rate.indicator, valueID: rate.value) else {
                return reject(
                    .unknownRateValue,
                    "оценка с показателем «\(RowMapper.clip(rate.indicator))» и значением «\(RowMapper.clip(rate.value))» не входит в форму \(definition.version)"
                )
            }
            scores.append(score)
        }
        let local = DateParser.localYearMonth(received, utcOffsetHours: region.utcOffsetHours)
        guard let quarter = Quarter(year: local.year, month: local.month) else {
            return reject(.dateOutOfRange, "дата оценки вне допустимого диапазона")
        }
        var record = FeedbackRecord(
            source: .portal,
            feed: file.feed.name,
            receivedAt: received,
            region: region.code,
            regionRaw: form.okato,
            regionCodeSystem: .okato,
            quarter: quarter,
            text: form.comment.trimmedCell
        )
        record.sourceRecordID = id
        record.serviceID = form.serviceID
        record.serviceName = form.serviceName.isEmpty ? nil : form.serviceName
        record.authorityID = form.authorityID
        record.organization = form.authorityName.isEmpty ? nil : form.authorityName
        record.procedureID = form.procedureID
        record.ratings = scores
        record.channel = "epgu"
        record.status = .closed
        return .record(record, line: form.line)
    }

    static func describe(_ error: XMLReadError) -> (QuarantineReason, String) {
        switch error.code {
        case .notUTF8: (.notUTF8, "XML содержит байты не в UTF-8")
        case .dtdForbidden:
            (
                .dtdForbidden,
                "XML содержит DOCTYPE/ENTITY: такие файлы не обрабатываются (защита от XXE и «billion laughs»)"
            )
        case .tooDeep: (.tooDeep, "слишком глубокая вложенность XML")
        case .fieldTooLong: (.fieldTooLong, "текст элемента XML слишком длинный")
        case .empty: (.emptyFile, "XML-документ пуст")
        case .unreadable: (.emptyFile, "файл не читается")
        case .malformed: (.malformedXML, "XML повреждён (строка \(error.line)): проверьте, что файл выгружен целиком")
        }
    }

    static func wholeFile(_ error: any Error, path: String) -> IngestError {
        guard let error = error as? XMLReadError else {
            return IngestError(location: SourceLocation(path: path), reason: .malformedXML, message: "XML не читается")
        }
        let (reason, message) = describe(error)
        return IngestError(
            location: SourceLocation(path: path, line: error.line > 0 ? error.line : nil),
            reason: reason,
            message: message
        )
    }
}
