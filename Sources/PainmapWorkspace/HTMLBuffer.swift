#if Workspace
    /// A page's markup under construction: fixed markup goes in with ``raw(_:)``, every value with ``text(_:)``
    /// (escaped, so a title like `<script>` shows as text).
    struct HTMLBuffer: Sendable {
        private(set) var markup = ""

        mutating func raw(_ fragment: String) { markup += fragment }

        mutating func text(_ value: String) { markup += Self.escape(value) }

        /// `value` with `& < > " '` as entities, for text and for quoted attribute values.
        static func escape(_ value: String) -> String {
            var result = ""
            result.reserveCapacity(value.utf8.count)
            for scalar in value.unicodeScalars {
                switch scalar {
                case "&": result += "&amp;"
                case "<": result += "&lt;"
                case ">": result += "&gt;"
                case "\"": result += "&quot;"
                case "'": result += "&#39;"
                default: result.unicodeScalars.append(scalar)
                }
            }
            return result
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
