public import Foundation
public import PainmapCore

/// Checks raw bytes before any XML parser sees them.
///
/// libxml2 is a C library fed with untrusted files; the cheapest way to keep its riskier paths unreachable is to
/// refuse the inputs that need them. ``check(_:maxDepth:)`` makes one pass for strict UTF-8 and one pass over the
/// markup that:
/// - rejects every markup declaration (`<!DOCTYPE`, `<!ENTITY`, `<!ELEMENT`, …) with ``FailureCode/xmlDTDForbidden``
///   (OWASP: "the safest way to prevent XXE is always to disable DTDs completely"). As a conservative extra,
///   the literal strings `<!DOCTYPE` and `<!ENTITY` are refused anywhere, even inside comments or CDATA;
/// - counts element nesting, so that a too-deep document fails with ``FailureCode/xmlTooDeep`` here rather than
///   with libxml2's own depth error (256 without `XML_PARSE_HUGE`), which its read-ahead can hit first;
/// - reports a document without any element as ``FailureCode/xmlEmpty``.
///
/// Well-formedness is not checked here: libxml2 does that, and a malformed document that slips past this scan
/// is still rejected by ``XMLStreamReader``.
public enum XMLPrevalidator {
    /// Validates `bytes` as strict UTF-8 and scans its markup.
    ///
    /// - Parameters:
    ///   - bytes: The whole document.
    ///   - maxDepth: The deepest element nesting accepted; the root element is at depth 1.
    /// - Throws: ``LocatedFailure`` with code ``FailureCode/xmlNotUTF8``, ``FailureCode/xmlDTDForbidden``,
    ///   ``FailureCode/xmlTooDeep`` or ``FailureCode/xmlEmpty``.
    public static func check(_ bytes: UnsafeRawBufferPointer, maxDepth: Int = 256) throws(LocatedFailure) {
        if let offset = firstInvalidUTF8Offset(bytes) {
            throw LocatedFailure.xml(.xmlNotUTF8, line: lineNumber(in: bytes, at: offset))
        }
        if let error = scanMarkup(bytes, maxDepth: maxDepth) { throw error }
    }

    /// Validates `data` as strict UTF-8 and scans its markup.
    ///
    /// - Parameters:
    ///   - data: The whole document.
    ///   - maxDepth: The deepest element nesting accepted; the root element is at depth 1.
    /// - Throws: ``LocatedFailure``, as the `UnsafeRawBufferPointer` variant does.
    public static func check(_ data: Data, maxDepth: Int = 256) throws(LocatedFailure) {
        let failure: LocatedFailure? = data.withUnsafeBytes { bytes in
            do throws(LocatedFailure) {
                try check(bytes, maxDepth: maxDepth)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }

    /// Returns the offset of the first byte that does not start a well-formed UTF-8 sequence, or `nil`.
    ///
    /// Follows Unicode table 3-7: no overlong forms (C0, C1, E0 80–9F, F0 80–8F), no surrogates (ED A0–BF),
    /// nothing past U+10FFFF (F4 90–BF, F5–FF).
    static func firstInvalidUTF8Offset(_ bytes: UnsafeRawBufferPointer) -> Int? {
        let count = bytes.count
        var index = 0
        while index < count {
            // ASCII fast path, 8 bytes at a time.
            if index + 8 <= count,
                bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                index += 8
                continue
            }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                high = 0x9F
            case 0xF0:
                length = 4
                low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                high = 0x8F
            default: return index
            }
            guard index + length <= count else { return index }
            let second = bytes[index + 1]
            guard second >= low, second <= high else { return index }
            var continuation = 2
            while continuation < length {
                guard bytes[index + continuation] & 0xC0 == 0x80 else { return index }
                continuation += 1
            }
            index += length
        }
        return nil
    }

    private enum State {
        case content
        case startTag(quote: UInt8?)
        case endTag
        case comment
        case cdata
        case processingInstruction
    }

    private static let lessThan = UInt8(ascii: "<")
    private static let greaterThan = UInt8(ascii: ">")
    private static let newline = UInt8(ascii: "\n")

    // Markup scan over bytes already known to be UTF-8 (all markup characters are ASCII, so byte tests suffice).
    private static func scanMarkup(_ bytes: UnsafeRawBufferPointer, maxDepth: Int) -> LocatedFailure? {
        let count = bytes.count
        var state = State.content
        var depth = 0
        var line = 1
        var sawElement = false
        var sawStrayContent = false
        var index = 0

        func hasPrefix(_ literal: StaticString, at offset: Int) -> Bool {
            let length = literal.utf8CodeUnitCount
            guard offset + length <= count else { return false }
            return literal.withUTF8Buffer { pattern in
                for position in 0..<length where bytes[offset + position] != pattern[position] { return false }
                return true
            }
        }

        while index < count {
            let byte = bytes[index]
            if byte == newline { line += 1 }
            if byte == lessThan, hasPrefix("<!DOCTYPE", at: index) || hasPrefix("<!ENTITY", at: index) {
                return LocatedFailure.xml(.xmlDTDForbidden, line: line)
            }
            switch state {
            case .content:
                guard byte == lessThan else {
                    if depth == 0, !isXMLWhitespace(byte), !(index < 3 && isByteOrderMark(bytes, at: index)) {
                        sawStrayContent = true
                    }
                    index += 1
                    continue
                }
                if hasPrefix("<!--", at: index) {
                    state = .comment
                    index += 4
                } else if hasPrefix("<![CDATA[", at: index) {
                    state = .cdata
                    index += 9
                } else if hasPrefix("<!", at: index) {
                    return LocatedFailure.xml(.xmlDTDForbidden, line: line)
                } else if hasPrefix("<?", at: index) {
                    state = .processingInstruction
                    index += 2
                } else if hasPrefix("</", at: index) {
                    depth = max(0, depth - 1)
                    state = .endTag
                    index += 2
                } else {
                    depth += 1
                    sawElement = true
                    if depth > maxDepth {
                        return LocatedFailure.xml(.xmlTooDeep, line: line)
                    }
                    state = .startTag(quote: nil)
                    index += 1
                }
            case .startTag(let quote):
                if let quote {
                    if byte == quote { state = .startTag(quote: nil) }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    state = .startTag(quote: byte)
                } else if byte == greaterThan {
                    if index > 0, bytes[index - 1] == UInt8(ascii: "/") { depth = max(0, depth - 1) }
                    state = .content
                }
                index += 1
            case .endTag:
                if byte == greaterThan { state = .content }
                index += 1
            case .comment:
                if hasPrefix("-->", at: index) {
                    state = .content
                    index += 3
                } else {
                    index += 1
                }
            case .cdata:
                if hasPrefix("]]>", at: index) {
                    state = .content
                    index += 3
                } else {
                    index += 1
                }
            case .processingInstruction:
                if hasPrefix("?>", at: index) {
                    state = .content
                    index += 2
                } else {
                    index += 1
                }
            }
        }
        if !sawElement, !sawStrayContent {
            return LocatedFailure.xml(.xmlEmpty, line: line)
        }
        return nil
    }

    private static func isXMLWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func isByteOrderMark(_ bytes: UnsafeRawBufferPointer, at index: Int) -> Bool {
        guard bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF else { return false }
        return index < 3
    }

    private static func lineNumber(in bytes: UnsafeRawBufferPointer, at offset: Int) -> Int {
        var line = 1
        for index in 0..<min(offset, bytes.count) where bytes[index] == newline { line += 1 }
        return line
    }
}
