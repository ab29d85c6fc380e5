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
    /// The open tag's contents so far, when the markup so far ends inside a tag.
    private var tag: [UInt8] = []
    private var inTag = false

    /// An empty page.
    public init() {}

    /// Whether the markup so far ends inside a tag.
    public var isInsideTag: Bool { inTag }

    /// Adds a fragment of markup.
    ///
    /// - Parameter fragment: Markup as the page writes it.
    public mutating func appendMarkup(_ fragment: String) {
        guard fragment.utf8.contains(UInt8(ascii: "&")) else {
            Self.strip(fragment, tag: &tag, inTag: &inTag, into: &text)
            return
        }
        var visible = ""
        Self.strip(fragment, tag: &tag, inTag: &inTag, into: &visible)
        text += ReportGate.decodeEntities(visible)
    }

    /// Adds a value the page writes escaped.
    ///
    /// - Parameters:
    ///   - value: The value.
    ///   - escaped: The value as written into the markup (no `<` or `>` in it).
    public mutating func appendText(_ value: String, escaped: Substring) {
        if inTag {
            tag.append(contentsOf: escaped.utf8)
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

    /// The fragment's text outside tags into `visible`, each closed tag a space or a line break.
    private static func strip(
        _ fragment: String,
        tag: inout [UInt8],
        inTag: inout Bool,
        into visible: inout String
    ) {
        let bytes = fragment.utf8
        var run = bytes.startIndex
        var index = run
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                if !inTag { visible += fragment[run..<index] }
                inTag = true
                tag.removeAll(keepingCapacity: true)
            } else if byte == UInt8(ascii: ">"), inTag {
                inTag = false
                visible += ReportGate.isInline(tag: tag) ? " " : "\n"
                run = bytes.index(after: index)
            } else if inTag {
                tag.append(byte)
            }
            bytes.formIndex(after: &index)
        }
        if !inTag { visible += fragment[run..<bytes.endIndex] }
    }
}
