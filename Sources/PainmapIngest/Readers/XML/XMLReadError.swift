/// Why an XML document could not be read, and where.
///
/// The ``detail`` is a constant English sentence chosen by the reader; it never quotes the document (names, text or
/// libxml2's own messages, which do), so the error can be logged and shown as is.
public struct XMLReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The closed set of reasons a document is rejected.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// The file could not be opened or read.
        case unreadable
        /// The bytes are not strict UTF-8 (invalid sequences, overlong forms, surrogates, code points past U+10FFFF).
        case notUTF8
        /// The document contains a DTD or an entity declaration (`<!DOCTYPE`, `<!ENTITY`, any `<!` markup
        /// declaration); such documents are refused before parsing to rule out XXE and entity expansion attacks.
        case dtdForbidden
        /// The document is not well-formed XML (mismatched or unclosed tags, content after the root element,
        /// undeclared namespace prefixes, and so on).
        case malformed
        /// Elements are nested deeper than the configured limit.
        case tooDeep
        /// A text node or attribute value is longer than the configured limit.
        case fieldTooLong
        /// The document has no root element (no bytes, or only whitespace, comments and declarations).
        case empty
    }

    /// The reason, from a closed set.
    public let code: Code
    /// The 1-based line where the problem was found, or 0 when no line applies (``Code/unreadable``); libxml2 may
    /// have read slightly ahead of the offending markup.
    public let line: Int
    /// A constant English explanation that never contains document content.
    public let detail: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: The reason.
    ///   - line: The 1-based line of the problem.
    ///   - detail: An explanation that must not quote the document.
    public init(code: Code, line: Int, detail: String) {
        self.code = code
        self.line = line
        self.detail = detail
    }

    /// `line N: <code>: <detail>`, safe to log.
    public var description: String { "line \(line): \(code.rawValue): \(detail)" }
}
