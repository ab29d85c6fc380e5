#if Workspace
    import PainmapReports

    /// A page's markup under construction: fixed markup goes in with ``raw(_:)``, every value with ``text(_:)``
    /// (escaped, so a title like `<script>` shows as text).
    ///
    /// The text a reader will see is collected as the markup is written (``visibleText``): each value as it is, the
    /// fixed markup without its tags. The leak gate scans that instead of stripping the tags of the finished page.
    struct HTMLBuffer: Sendable {
        private(set) var markup = ""
        /// The page's visible text so far, as the reports' gate reads a page.
        private(set) var visibleText = PageText()

        mutating func raw(_ fragment: String) {
            markup += fragment
            visibleText.appendMarkup(fragment)
        }

        mutating func text(_ value: String) {
            let start = markup.endIndex
            Self.appendEscaped(value, to: &markup)
            visibleText.appendText(value, escaped: markup[start...])
        }

        /// Markup written on its own (a panel, a page's body), with its text.
        mutating func append(_ other: HTMLBuffer) {
            markup += other.markup
            visibleText.append(other.visibleText, markup: other.markup)
        }

        /// `value` with `& < > " '` as entities, for text and for quoted attribute values.
        static func escape(_ value: String) -> String {
            var result = ""
            appendEscaped(value, to: &result)
            return result
        }

        /// Appends ``escape(_:)`` of `value`, byte by byte: the five characters are ASCII, every other byte is copied.
        static func appendEscaped(_ value: String, to result: inout String) {
            let done: Void? = value.utf8.withContiguousStorageIfAvailable { bytes in
                appendEscaped(value, bytes: bytes, to: &result)
            }
            if done == nil { appendEscaped(value, bytes: Array(value.utf8), to: &result) }
        }

        private static func appendEscaped(
            _ value: String,
            bytes: some RandomAccessCollection<UInt8>,
            to result: inout String
        ) {
            let utf8 = value.utf8
            func position(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
            var run = 0
            for (offset, byte) in bytes.enumerated() {
                let entity: String
                switch byte {
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "\""): entity = "&quot;"
                case UInt8(ascii: "'"): entity = "&#39;"
                default: continue
                }
                result += value[position(run)..<position(offset)]
                result += entity
                run = offset + 1
            }
            result += value[position(run)...]
        }

        /// A path segment percent-encoded (pain ids and situation ids go into links).
        static func pathSegment(_ value: String) -> String {
            value.addingPercentEncodingLite(CharacterSetLite.unreserved)
        }
    }

    /// The unreserved URL characters, without Foundation's `CharacterSet`.
    enum CharacterSetLite {
        static let unreserved: Set<Unicode.Scalar> = Set(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".unicodeScalars
        )
    }

    extension String {
        /// The string with every byte outside `allowed` as `%XX`.
        func addingPercentEncodingLite(_ allowed: Set<Unicode.Scalar>) -> String {
            var result = ""
            for scalar in unicodeScalars {
                if allowed.contains(scalar) {
                    result.unicodeScalars.append(scalar)
                } else {
                    for byte in String(scalar).utf8 {
                        result +=
                            "%" + String(byte >> 4, radix: 16, uppercase: true)
                            + String(byte & 0xF, radix: 16, uppercase: true)
                    }
                }
            }
            return result
        }
    }
#endif
