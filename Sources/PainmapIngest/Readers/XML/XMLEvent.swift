/// One step of a streamed XML document, as ``XMLStreamReader`` yields it.
///
/// Events come in document order. Every ``startElement(localName:namespaceURI:attributes:isEmpty:)`` is matched by
/// exactly one ``endElement(localName:)``, including empty elements such as `<a/>`, for which `isEmpty` is `true`
/// and the end event follows immediately. Adjacent character data (text, CDATA sections, whitespace) is merged
/// into one ``text(_:)`` event; comments and processing instructions are skipped.
public enum XMLEvent: Sendable, Hashable {
    /// An element opens.
    ///
    /// - Parameters:
    ///   - localName: The element name without its namespace prefix (`row` for `<x:row>`).
    ///   - namespaceURI: The namespace the element is in, or `nil` when it is in no namespace.
    ///   - attributes: Attribute values keyed by local name; namespace declarations (`xmlns`, `xmlns:p`) are
    ///     left out. If two attributes share a local name (`a:id` and `b:id`), the first one wins.
    ///   - isEmpty: `true` for `<a/>`; its ``XMLEvent/endElement(localName:)`` follows right away.
    case startElement(localName: String, namespaceURI: String?, attributes: [String: String], isEmpty: Bool)

    /// Character data: text and CDATA sections, entity references already resolved (only the five predefined
    /// entities and character references exist, since DTDs are rejected).
    case text(String)

    /// An element closes.
    ///
    /// - Parameter localName: The element name without its namespace prefix.
    case endElement(localName: String)
}
