public import PainmapCore

extension FailureCode {
    /// The XML file could not be opened or read (74).
    public static let xmlUnreadable = FailureCode(rawValue: "xml.unreadable")
    /// The bytes are not strict UTF-8: invalid sequences, overlong forms, surrogates, code points past U+10FFFF (65).
    public static let xmlNotUTF8 = FailureCode(rawValue: "xml.not_utf8")
    /// The document contains a DTD or an entity declaration (`<!DOCTYPE`, `<!ENTITY`, any `<!` markup declaration);
    /// such documents are refused before parsing to rule out XXE and entity expansion attacks (65).
    public static let xmlDTDForbidden = FailureCode(rawValue: "xml.dtd_forbidden")
    /// The document is not well-formed XML: mismatched or unclosed tags, content after the root element, undeclared
    /// namespace prefixes, and so on (65).
    public static let xmlMalformed = FailureCode(rawValue: "xml.malformed")
    /// Elements are nested deeper than the configured limit (65).
    public static let xmlTooDeep = FailureCode(rawValue: "xml.too_deep")
    /// A text node or attribute value is longer than the configured limit (65).
    public static let xmlFieldTooLong = FailureCode(rawValue: "xml.field_too_long")
    /// The document has no root element: no bytes, or only whitespace, comments and declarations (65).
    public static let xmlEmpty = FailureCode(rawValue: "xml.empty")

    /// Whether this is one of the `xml.*` codes an XML reader throws.
    var isXML: Bool { rawValue.hasPrefix("xml.") }

    /// The quarantine reason an XML code is recorded with when it rejects a file or breaks off a document.
    var xmlQuarantineReason: QuarantineReason {
        switch self {
        case .xmlNotUTF8: .notUTF8
        case .xmlDTDForbidden: .dtdForbidden
        case .xmlTooDeep: .tooDeep
        case .xmlFieldTooLong: .fieldTooLong
        case .xmlEmpty, .xmlUnreadable: .emptyFile
        default: .malformedXML
        }
    }
}

extension LocatedFailure {
    /// Why an XML document could not be read, and on which line.
    ///
    /// The reader does not know the file's display name, so the location holds only the line (its path is empty);
    /// the caller names the file or the workbook part with ``inFile(_:)``. The message never quotes the document
    /// (names, text or libxml2's own messages, which do), so the failure can be logged and shown as is.
    /// - Parameters:
    ///   - code: One of the `xml.*` codes.
    ///   - line: The 1-based line where the problem was found, or 0 when no line applies (``FailureCode/xmlUnreadable``);
    ///     libxml2 may have read slightly ahead of the offending markup.
    /// - Returns: The failure: ``ExitStatus/ioError`` for an unreadable file, else ``ExitStatus/dataError``.
    static func xml(_ code: FailureCode, line: Int) -> LocatedFailure {
        let message =
            switch code {
            case .xmlNotUTF8: "XML содержит байты не в UTF-8"
            case .xmlDTDForbidden:
                "XML содержит DOCTYPE/ENTITY: такие файлы не обрабатываются (защита от XXE и «billion laughs»)"
            case .xmlTooDeep: "слишком глубокая вложенность XML"
            case .xmlFieldTooLong: "текст элемента XML слишком длинный"
            case .xmlEmpty: "XML-документ пуст"
            case .xmlUnreadable: "файл не читается"
            default: "XML повреждён (строка \(line)): проверьте, что файл выгружен целиком"
            }
        return LocatedFailure(
            code,
            at: SourceLocation(path: "", line: line > 0 ? line : nil),
            message: message,
            status: code == .xmlUnreadable ? .ioError : .dataError
        )
    }

    /// The same failure located in `path`, keeping its line and column.
    ///
    /// - Parameter path: The file as the user named it, or a workbook part.
    /// - Returns: The relocated failure.
    func inFile(_ path: String) -> LocatedFailure {
        var copy = self
        copy.location = SourceLocation(path: path, line: location?.line, column: location?.column)
        return copy
    }

    /// The line of the location, or 0 when there is none.
    var line: Int { location?.line ?? 0 }
}
