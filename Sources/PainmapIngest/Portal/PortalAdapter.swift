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

    /// Opens one export: a `mkgu:body` message or a СМЭВ 3 `RatesRequest`, signed or not.
    ///
    /// Each `form` is checked on its own (``PortalFormValidator``); the summary's encoding reads `utf-8+xmldsig`
    /// when the message carries an enveloped XML-DSig `Signature` (recorded, not verified).
    /// - Throws: ``LocatedFailure`` when the file is not strict UTF-8 XML or declares a DTD.
    public func open(_ file: FeedFile) throws -> any RowReader {
        let reader: XMLStreamReader
        do {
            reader = try XMLStreamReader(contentsOf: file.url)
        } catch {
            throw PortalAdapter.wholeFile(error, path: file.displayPath)
        }
        return Rows(adapter: self, file: file, reader: reader)
    }

    /// The forms of one message, one outcome each, pulled from the XML stream.
    struct Rows: RowReader {
        let adapter: PortalAdapter
        let file: FeedFile
        var reader: XMLStreamReader
        private var parser: PortalMessageParser?
        private var forms = 0
        private var ended = false

        init(adapter: PortalAdapter, file: FeedFile, reader: XMLStreamReader) {
            self.adapter = adapter
            self.file = file
            self.reader = reader
        }

        var summary: FileReadSummary { FileReadSummary(encoding: parser?.signed == true ? "utf-8+xmldsig" : "utf-8") }

        mutating func next() throws -> RowOutcome<FeedbackRecord>? {
            if !ended {
                do {
                    while let event = try reader.next() {
                        if parser == nil { try start(with: event) }
                        if let outcome = parser?.consume(event, line: reader.elementLine) {
                            forms += 1
                            return outcome
                        }
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
            if parser == nil {
                throw LocatedFailure.unusableFile(
                    .emptyFile,
                    at: SourceLocation(path: file.displayPath),
                    message: "XML-документ пуст"
                )
            }
            return nil
        }

        /// Tells the message's shape from its root element and sets up the parser.
        private mutating func start(with event: XMLEvent) throws {
            guard case .startElement(let name, let namespace, _, _) = event else { return }
            guard let dialect = PortalDialect(root: name, namespace: namespace) else {
                throw LocatedFailure.unusableFile(
                    .malformedXML,
                    at: SourceLocation(path: file.displayPath, line: reader.line),
                    message:
                        "корневой элемент «\(RowMapper.clip(name))» не mkgu:body в пространстве имён \(PortalAdapter.namespace) и не RatesRequest в \(PortalAdapter.ratesNamespace): это не выгрузка «Ваш контроль»"
                )
            }
            parser = PortalMessageParser(
                validator: PortalFormValidator(
                    regions: adapter.regions,
                    forms: adapter.forms,
                    now: adapter.now,
                    feed: file.feed.name,
                    requiresForeignID: dialect == .ratesRequest
                )
            )
        }
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

    static func wholeFile(_ error: any Error, path: String) -> LocatedFailure {
        guard let error = error as? XMLReadError else {
            return LocatedFailure.unusableFile(
                .malformedXML,
                at: SourceLocation(path: path),
                message: "XML не читается"
            )
        }
        let (reason, message) = describe(error)
        return LocatedFailure.unusableFile(
            reason,
            at: SourceLocation(path: path, line: error.line > 0 ? error.line : nil),
            message: message
        )
    }
}
