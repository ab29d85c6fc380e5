/// The text a reader sees on an HTML page, collected while the page is written: what ``ReportGate/markupText(_:)``
/// gives for the finished markup, without a second pass over it.
///
/// Fixed markup goes in with ``appendMarkup(_:)`` (tags dropped as `markupText` drops them, inline elements a space,
/// other tags a line break, entities decoded); a value the page writes escaped goes in with
/// ``appendText(_:escaped:)`` as the value itself, which is what decoding its escaped form gives back. A value written
/// inside a tag (an attribute) is not visible text, as in `markupText`. The one difference: an entity split across
/// two calls (`&` in one, `amp;` in the next) is not decoded, so the text holds it as written — more to scan, never
/// less. ``ReportGate/inspect(pageText:name:memo:)`` scans the result as ``ReportGate/inspect(page:name:memo:)``
/// scans the markup.
public struct PageText: Sendable {
    /// The visible text so far.
    public private(set) var text = ""
    /// The open tag as far as ``ReportGate/isInline(tag:)`` reads it, when the markup so far ends inside a tag.
    private var tag = OpenTag()
    private var inTag = false

    /// An empty page.
    public init() {}

    /// Whether the markup so far ends inside a tag.
    public var isInsideTag: Bool { inTag }

    /// Adds a fragment of markup.
    ///
    /// - Parameter fragment: Markup as the page writes it.
    public mutating func appendMarkup(_ fragment: String) {
        let start = text.endIndex
        guard Self.strip(fragment, tag: &tag, inTag: &inTag, into: &text) else { return }
        // An `&` in the fragment's text: decode its entities.
        let visible = String(text[start...])
        text.removeSubrange(start...)
        text += ReportGate.decodeEntities(visible)
    }

    /// Adds a value the page writes escaped.
    ///
    /// - Parameters:
    ///   - value: The value.
    ///   - escaped: The value as written into the markup (no `<` or `>` in it).
    public mutating func appendText(_ value: String, escaped: Substring) {
        if inTag {
            for byte in escaped.utf8 where !tag.isNamed { tag.append(byte) }
        } else {
            text += value
        }
    }

    /// Adds the text of markup written after this markup, collected on its own.
    ///
    /// - Parameters:
    ///   - other: That markup's text, collected from the start of a page.
    ///   - markup: That markup, read again when this markup ends inside a tag.
    public mutating func append(_ other: PageText, markup: String) {
        guard !inTag else {
            appendMarkup(markup)
            return
        }
        text += other.text
        tag = other.tag
        inTag = other.inTag
    }

    /// The fragment's text outside tags into `visible`, each closed tag a space or a line break; whether that text
    /// holds an `&`.
    private static func strip(
        _ fragment: String,
        tag: inout OpenTag,
        inTag: inout Bool,
        into visible: inout String
    ) -> Bool {
        let found = fragment.utf8.withContiguousStorageIfAvailable { bytes in
            strip(fragment, bytes: bytes, tag: &tag, inTag: &inTag, into: &visible)
        }
        if let found { return found }
        return strip(fragment, bytes: Array(fragment.utf8), tag: &tag, inTag: &inTag, into: &visible)
    }

    private static func strip(
        _ fragment: String,
        bytes: some RandomAccessCollection<UInt8>,
        tag: inout OpenTag,
        inTag: inout Bool,
        into visible: inout String
    ) -> Bool {
        let utf8 = fragment.utf8
        func position(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        var run = 0
        var ampersand = false
        for (offset, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "<") {
                if !inTag { visible += fragment[position(run)..<position(offset)] }
                inTag = true
                tag = OpenTag()
            } else if byte == UInt8(ascii: ">"), inTag {
                inTag = false
                visible += ReportGate.isInline(tag: tag.bytes) ? " " : "\n"
                run = offset + 1
            } else if inTag {
                if !tag.isNamed { tag.append(byte) }
            } else if byte == UInt8(ascii: "&") {
                ampersand = true
            }
        }
        if !inTag { visible += fragment[position(run)...] }
        return ampersand
    }
}

/// The start of an open tag: its bytes up to the end of its name, or all of them when a non-ASCII byte comes first
/// (``ReportGate/isInline(tag:)`` then names it by characters from the whole tag).
private struct OpenTag: Sendable {
    private(set) var bytes: [UInt8] = []
    /// Whether the name has ended: further bytes do not change what the tag is.
    private(set) var isNamed = false
    private var started = false
    private var whole = false

    mutating func append(_ byte: UInt8) {
        bytes.append(byte)
        if byte >= 0x80 {
            whole = true
            return
        }
        if !started, byte == UInt8(ascii: "/") { return }  // leading slashes come before the name
        started = true
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            break
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            break
        default:
            if !whole { isNamed = true }
        }
    }
}
