#if Workspace
    import Foundation

    /// The fields of an `application/x-www-form-urlencoded` body or a query string.
    struct FormBody: Sendable {
        private(set) var fields: [(name: String, value: String)] = []

        init(_ encoded: String) {
            for pair in encoded.split(separator: "&", omittingEmptySubsequences: true) {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = Self.decode(parts[0])
                let value = parts.count > 1 ? Self.decode(parts[1]) : ""
                fields.append((name, value))
            }
        }

        /// The first value of `name`.
        subscript(_ name: String) -> String? { fields.first { $0.name == name }?.value }

        /// The first value of `name`, or `""` when the form has none: a text field left out counts as empty.
        func text(_ name: String) -> String { self[name] ?? "" }

        /// Every value of `name`, in order (checkboxes).
        func all(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }

        private static func decode(_ part: Substring) -> String {
            let spaced = part.replacingOccurrences(of: "+", with: " ")
            return spaced.removingPercentEncoding ?? spaced
        }
    }
#endif
