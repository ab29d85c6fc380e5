internal import CLibXML2
public import Foundation
public import PainmapCore

/// Streams an untrusted XML document as ``XMLEvent`` values, one node at a time, over libxml2's `xmlTextReader`.
///
/// The reader never builds a tree: memory is the input bytes (for a file, a read-only memory mapping rather than
/// a copy) plus libxml2's small working buffers, whatever the document size. Before libxml2 sees a byte,
/// ``XMLPrevalidator`` checks strict UTF-8, refuses DTDs and entity declarations, and counts nesting.
///
/// libxml2 runs non-recovering, with `XML_PARSE_NONET` and without `XML_PARSE_RECOVER`, `XML_PARSE_NOENT`,
/// `XML_PARSE_DTDLOAD` or `XML_PARSE_HUGE`: the first error of any kind ends the document with an
/// ``LocatedFailure``, including truncated input, content after the root element and empty input. Because events
/// stream, some may already have been delivered when a later error is found: treat the document as failed as a
/// whole when ``next()`` throws.
///
/// ```swift
/// var reader = try XMLStreamReader(contentsOf: url)
/// while let event = try reader.next() {
///     if case .startElement(let name, _, let attributes, _) = event, name == "appeal" { … }
/// }
/// ```
///
/// Copies of a reader share one cursor; the type is not `Sendable` and belongs to one task at a time.
public struct XMLStreamReader {
    /// Resource limits applied while reading.
    public struct Limits: Sendable, Hashable {
        /// The deepest element nesting accepted; the root element is at depth 1.
        ///
        /// libxml2 itself refuses nesting beyond 256 (as ``FailureCode/xmlMalformed``) because `XML_PARSE_HUGE`
        /// is never set, so values above 256 do not raise the real limit.
        public var maxDepth: Int
        /// The longest text node (adjacent text and CDATA merged) or attribute value accepted, in UTF-8 bytes.
        public var maxTextBytes: Int

        /// Creates limits.
        ///
        /// - Parameters:
        ///   - maxDepth: The deepest element nesting accepted; 256 by default.
        ///   - maxTextBytes: The longest text or attribute value in bytes; 1 MiB by default.
        public init(maxDepth: Int = 256, maxTextBytes: Int = 1 << 20) {
            self.maxDepth = maxDepth
            self.maxTextBytes = maxTextBytes
        }
    }

    private let cursor: Cursor

    /// Opens a file by mapping it into memory and prepares to stream it.
    ///
    /// - Parameters:
    ///   - url: A file URL.
    ///   - limits: Depth and text-size limits.
    /// - Throws: ``LocatedFailure`` with ``FailureCode/xmlUnreadable`` when the file cannot be read, or any code
    ///   ``XMLPrevalidator`` reports.
    public init(contentsOf url: URL, limits: Limits = Limits()) throws(LocatedFailure) {
        let data: Data
        do {
            // An empty file is not mapped: Foundation's fallback read of a 0-byte file leaks a 4 KiB buffer (found by
            // LeakSanitizer while fuzzing, FUZZING.md).
            let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0
            data = size == 0 ? Data() : try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw LocatedFailure.xml(.xmlUnreadable, line: 0)
        }
        try self.init(data: data, limits: limits)
    }

    /// Prepares to stream a document held in memory.
    ///
    /// The bytes are not copied; libxml2 pulls them in small chunks.
    /// - Parameters:
    ///   - data: The whole document.
    ///   - limits: Depth and text-size limits.
    /// - Throws: ``LocatedFailure`` with any code ``XMLPrevalidator`` reports.
    public init(data: Data, limits: Limits = Limits()) throws(LocatedFailure) {
        try XMLPrevalidator.check(data, maxDepth: limits.maxDepth)
        cursor = try Cursor(data: data, limits: limits)
    }

    /// The line libxml2 has parsed up to (1-based); it may be slightly ahead of the last event.
    public var line: Int { cursor.line }

    /// The line of the start tag of the element that opened last (1-based), for messages that point at an element:
    /// while a ``XMLEvent/startElement(localName:namespaceURI:attributes:isEmpty:)`` is the latest event, the line of
    /// that element; ``line`` when libxml2 does not know it.
    public var elementLine: Int { cursor.elementLine }

    /// Returns the next event, or `nil` after the root element has closed and the document ended cleanly.
    ///
    /// - Returns: The next event in document order, or `nil` at the end.
    /// - Throws: ``LocatedFailure``: ``FailureCode/xmlMalformed`` for any libxml2 error,
    ///   ``FailureCode/xmlTooDeep``, ``FailureCode/xmlFieldTooLong``, ``FailureCode/xmlEmpty``, or
    ///   ``FailureCode/xmlDTDForbidden`` should a DTD node get past the prevalidator. After an error every
    ///   further call throws the same error.
    public mutating func next() throws(LocatedFailure) -> XMLEvent? {
        try cursor.next()
    }
}

/// Runs `xmlInitParser()` exactly once per process, on first use.
///
/// libxml2 2.9 asks multithreaded programs to call `xmlInitParser()` before using the library from several
/// threads: the function sets up global tables, locks and thread-local storage, and its "already initialized"
/// check is a plain unsynchronized flag, so two threads creating their first readers at the same moment could both
/// run the set-up. A global `let` is initialized through `swift_once`, which serializes that first call; later
/// calls are free. `xmlCleanupParser()` is never called, since other code in the process (Foundation's
/// `XMLParser`) may share the library.
private let libxml2Initialized: Void = xmlInitParser()

/// Owns the libxml2 reader and the bytes it pulls from; C callbacks reach it through an unretained pointer, which
/// is safe because the reader is freed in `deinit`, before the object itself goes away.
private final class Cursor {
    private let data: Data
    private var offset = 0
    private let limits: XMLStreamReader.Limits
    private var reader: xmlTextReaderPtr?
    private var libxmlError: (code: Int32, line: Int32)?
    private var failure: LocatedFailure?
    private var finished = false
    private var sawRoot = false
    private var depth = 0
    private(set) var elementLine = 0
    private var pending: [XMLEvent] = []
    private var pendingIndex = 0
    private var textBytes: [UInt8] = []
    // xmlTextReaderSetup sets `dictNames = 1` ("use the parser dictionary to allocate all elements and attributes
    // names"), so a name pointer stands for one string for the reader's lifetime and can key a cache.
    private var names: [UnsafePointer<xmlChar>: String] = [:]
    private static let nameCacheLimit = 4_096

    init(data: Data, limits: XMLStreamReader.Limits) throws(LocatedFailure) {
        _ = libxml2Initialized
        self.data = data
        self.limits = limits
        let context = Unmanaged.passUnretained(self).toOpaque()
        let options = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_IGNORE_ENC.rawValue)
        // The input was checked to be UTF-8; forcing the encoding (and ignoring the declaration) keeps libxml2
        // from transcoding bytes as, say, windows-1251 because the prolog claims so.
        guard let reader = xmlReaderForIO(Cursor.read, nil, context, nil, "UTF-8", options) else {
            throw LocatedFailure.xml(.xmlMalformed, line: 0)
        }
        // Installed before the first read: it also keeps libxml2 from printing messages, which quote the
        // document, to standard error.
        xmlTextReaderSetStructuredErrorHandler(reader, Cursor.recordError, context)
        self.reader = reader
    }

    deinit {
        if let reader { xmlFreeTextReader(reader) }
    }

    var line: Int {
        guard let reader else { return 0 }
        return Int(xmlTextReaderGetParserLineNumber(reader))
    }

    func next() throws(LocatedFailure) -> XMLEvent? {
        if let failure { throw failure }
        do throws(LocatedFailure) {
            return try advance()
        } catch {
            failure = error
            throw error
        }
    }

    private func advance() throws(LocatedFailure) -> XMLEvent? {
        if pendingIndex < pending.count {
            let event = pending[pendingIndex]
            pendingIndex += 1
            if pendingIndex == pending.count {
                pending.removeAll(keepingCapacity: true)
                pendingIndex = 0
            }
            return event
        }
        guard !finished, let reader else { return nil }
        while true {
            let status = xmlTextReaderRead(reader)
            try checkLibxmlError(status: status)
            if status == 0 {
                finished = true
                guard sawRoot else {
                    throw LocatedFailure.xml(.xmlEmpty, line: line)
                }
                return try flushText()
            }
            switch xmlTextReaderNodeType(reader) {
            case nodeType(XML_READER_TYPE_ELEMENT):
                // libxml2 keeps a node's line in 16 bits unless XML_PARSE_BIG_LINES; 65535 means "this or later".
                let nodeLine = Int(xmlGetLineNo(xmlTextReaderCurrentNode(reader)))
                elementLine = nodeLine > 0 && nodeLine < 65_535 ? nodeLine : line
                let start = try startElement(reader)
                pending.append(start.event)
                if start.isEmpty {
                    pending.append(.endElement(localName: start.localName))
                    depth -= 1
                }
            case nodeType(XML_READER_TYPE_END_ELEMENT):
                depth -= 1
                pending.append(.endElement(localName: name(xmlTextReaderConstLocalName(reader))))
            case nodeType(XML_READER_TYPE_TEXT), nodeType(XML_READER_TYPE_CDATA),
                nodeType(XML_READER_TYPE_WHITESPACE), nodeType(XML_READER_TYPE_SIGNIFICANT_WHITESPACE):
                try appendText(xmlTextReaderConstValue(reader))
                continue
            case nodeType(XML_READER_TYPE_DOCUMENT_TYPE), nodeType(XML_READER_TYPE_ENTITY),
                nodeType(XML_READER_TYPE_ENTITY_REFERENCE), nodeType(XML_READER_TYPE_NOTATION):
                throw LocatedFailure.xml(.xmlDTDForbidden, line: line)
            default:
                continue  // comments, processing instructions, the XML declaration
            }
            if let text = try flushText() { return text }
            return try advance()
        }
    }

    private func startElement(
        _ reader: xmlTextReaderPtr
    ) throws(LocatedFailure) -> (event: XMLEvent, localName: String, isEmpty: Bool) {
        let localName = name(xmlTextReaderConstLocalName(reader))
        let namespaceURI = xmlTextReaderConstNamespaceUri(reader).map(name)
        let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
        var attributes: [String: String] = [:]
        if xmlTextReaderHasAttributes(reader) == 1 {
            while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                if xmlTextReaderIsNamespaceDecl(reader) == 1 { continue }
                let key = name(xmlTextReaderConstLocalName(reader))
                let value = try string(xmlTextReaderConstValue(reader))
                if attributes[key] == nil { attributes[key] = value }
            }
            xmlTextReaderMoveToElement(reader)
            try checkLibxmlError(status: 1)
        }
        depth += 1
        sawRoot = true
        if depth > limits.maxDepth {
            throw LocatedFailure.xml(.xmlTooDeep, line: line)
        }
        let event = XMLEvent.startElement(
            localName: localName,
            namespaceURI: namespaceURI,
            attributes: attributes,
            isEmpty: isEmpty
        )
        return (event, localName, isEmpty)
    }

    private func checkLibxmlError(status: Int32) throws(LocatedFailure) {
        if let libxmlError {
            // Truly empty documents were caught by the prevalidator; libxml2's "document is empty" here means
            // content that is not XML at all, so every libxml2 error is `malformed`.
            let reportedLine = libxmlError.line > 0 ? Int(libxmlError.line) : line
            throw LocatedFailure.xml(.xmlMalformed, line: reportedLine)
        }
        if status < 0 {
            throw LocatedFailure.xml(.xmlMalformed, line: line)
        }
    }

    private func appendText(_ value: UnsafePointer<xmlChar>?) throws(LocatedFailure) {
        guard let value else { return }
        let count = Int(xmlStrlen(value))
        guard textBytes.count + count <= limits.maxTextBytes else { throw fieldTooLong() }
        textBytes.append(contentsOf: UnsafeBufferPointer(start: value, count: count))
    }

    private func flushText() throws(LocatedFailure) -> XMLEvent? {
        guard !textBytes.isEmpty else { return nil }
        defer { textBytes.removeAll(keepingCapacity: textBytes.capacity <= 65_536) }
        guard let text = String(validating: textBytes, as: UTF8.self) else { throw invalidOutput() }
        return .text(text)
    }

    private func string(_ value: UnsafePointer<xmlChar>?) throws(LocatedFailure) -> String {
        guard let value else { return "" }
        let count = Int(xmlStrlen(value))
        guard count <= limits.maxTextBytes else { throw fieldTooLong() }
        guard let text = String(validating: UnsafeBufferPointer(start: value, count: count), as: UTF8.self) else {
            throw invalidOutput()
        }
        return text
    }

    private func name(_ value: UnsafePointer<xmlChar>?) -> String {
        guard let value else { return "" }
        if let cached = names[value] { return cached }
        let count = Int(xmlStrlen(value))
        // libxml2 only produces UTF-8, and names were checked by the prevalidator; the empty fallback is unreachable.
        let text = String(validating: UnsafeBufferPointer(start: value, count: count), as: UTF8.self) ?? ""
        if names.count < Cursor.nameCacheLimit { names[value] = text }
        return text
    }

    private func fieldTooLong() -> LocatedFailure {
        LocatedFailure.xml(.xmlFieldTooLong, line: line)
    }

    private func invalidOutput() -> LocatedFailure {
        LocatedFailure.xml(.xmlNotUTF8, line: line)
    }

    private func nodeType(_ type: xmlReaderTypes) -> Int32 { Int32(bitPattern: type.rawValue) }

    /// Copies the next chunk of the input into libxml2's buffer.
    private func fill(_ buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int32 {
        let count = min(capacity, data.count - offset)
        guard count > 0 else { return 0 }
        let start = data.startIndex + offset
        data.copyBytes(
            to: UnsafeMutableRawBufferPointer(start: buffer, count: count).bindMemory(to: UInt8.self),
            from: start..<(start + count)
        )
        offset += count
        return Int32(count)
    }

    private func record(_ error: xmlError) {
        // Warnings (for example a relative namespace URI) do not make a document unreadable.
        guard libxmlError == nil, error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        libxmlError = (error.code, error.line)
    }

    private static let read: xmlInputReadCallback = { context, buffer, length in
        guard let context, let buffer, length > 0 else { return -1 }
        let cursor = Unmanaged<Cursor>.fromOpaque(context).takeUnretainedValue()
        return cursor.fill(buffer, capacity: Int(length))
    }

    private static let recordError: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        Unmanaged<Cursor>.fromOpaque(context).takeUnretainedValue().record(error.pointee)
    }
}
