public import Foundation
public import PainmapCore

/// Reads «Ваш контроль» (ИАС МКГУ) rating messages: `mkgu:body` in the `http://vashkontrol.ru#` namespace, as
/// МФЦ queue systems send it (often signed, `vendor/form-version` 0.0.2), and the СМЭВ 3 `RatesRequest` in
/// `http://vashkontrol.ru/service/rates/1.2.0`.
///
/// Each `form` becomes one record or one quarantined row, on its own: service, authority and procedure ids,
/// ОКАТО, a 1–5 score per indicator (by the value id's position in the configured questionnaire that defines
/// the rate's indicator and value, never by hard-coded ids or the message's `form-version`) and the free-text
/// comment. A form without a comment is stored too: its scores count. An enveloped XML-DSig `Signature` is
/// skipped and recorded. The XML is streamed through libxml2 after a strict UTF-8 and no-DOCTYPE check.
public struct PortalAdapter: IngestAdapter {
    /// Always ``SourceKind/portal``.
    public var kind: SourceKind { .portal }
    private let regions: RegionDirectory
    private let forms: [String: RatingForm]
    private let now: Date

    /// The namespace of «Ваш контроль» documents.
    public static let namespace = "http://vashkontrol.ru#"
    /// The namespace of the СМЭВ 3 rates service's `RatesRequest`.
    public static let ratesNamespace = "http://vashkontrol.ru/service/rates/1.2.0"
    /// The XML-DSig namespace of an enveloped `Signature`.
    public static let signatureNamespace = "http://www.w3.org/2000/09/xmldsig#"

    /// Creates the adapter.
    /// - Parameters:
    ///   - regions: The region table (ОКАТО lookups).
    ///   - forms: Questionnaire definitions by version (`Config/mkgu-forms.yaml`).
    ///   - now: The ingest time; rating dates after it are quarantined.
    public init(regions: RegionDirectory, forms: [String: RatingForm], now: Date = Date()) {
        self.regions = regions
        self.forms = forms
        self.now = now
    }

    /// Reads one export: a `mkgu:body` message or a СМЭВ 3 `RatesRequest`, signed or not.
    ///
    /// Each `form` is checked on its own (``PortalFormValidator``); the ledger's encoding reads `utf-8+xmldsig`
    /// when the message carries an enveloped XML-DSig `Signature` (recorded, not verified).
    public func read(_ file: FeedFile, into sink: some RecordSink) throws -> FileReadSummary {
        let location = SourceLocation(path: file.displayPath)
        var reader: XMLStreamReader
        do {
            reader = try XMLStreamReader(contentsOf: file.url)
        } catch {
            throw PortalAdapter.wholeFile(error, path: file.displayPath)
        }
        var parser: PortalMessageParser?
        var forms = 0
        do {
            while let event = try reader.next() {
                if parser == nil {
                    guard case .startElement(let name, let namespace, _, _) = event else { continue }
                    guard let dialect = PortalDialect(root: name, namespace: namespace) else {
                        throw IngestError(
                            location: SourceLocation(path: file.displayPath, line: reader.line),
                            reason: .malformedXML,
                            message:
                                "корневой элемент «\(RowMapper.clip(name))» не mkgu:body в пространстве имён \(PortalAdapter.namespace) и не RatesRequest в \(PortalAdapter.ratesNamespace): это не выгрузка «Ваш контроль»"
                        )
                    }
                    parser = PortalMessageParser(
                        validator: PortalFormValidator(
                            regions: regions,
                            forms: self.forms,
                            now: now,
                            feed: file.feed.name,
                            requiresForeignID: dialect == .ratesRequest
                        )
                    )
                }
                guard let outcome = parser?.consume(event, line: reader.elementLine) else { continue }
                forms += 1
                switch outcome {
                case .record(let record, let line): try sink.accept(record, line: line)
                case .quarantine(let row): try sink.quarantine(row)
                }
            }
        } catch let error as XMLReadError {
            if forms == 0 { throw PortalAdapter.wholeFile(error, path: file.displayPath) }
            // The document breaks off after some forms: those stay; the break is accounted as one row.
            let (reason, message) = PortalAdapter.describe(error)
            try sink.quarantine(
                QuarantinedRow(line: error.line, reason: reason, message: message + "; формы до этого места учтены")
            )
        }
        guard let parser else {
            throw IngestError(location: location, reason: .emptyFile, message: "XML-документ пуст")
        }
        return FileReadSummary(encoding: parser.signed ? "utf-8+xmldsig" : "utf-8")
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
