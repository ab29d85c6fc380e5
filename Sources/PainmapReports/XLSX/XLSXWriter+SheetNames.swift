extension XLSXWriter {
    /// The tab names ``XLSXWriter`` gives sheets with these names, in the same order.
    ///
    /// Excel requires 1–31 characters, none of `[ ] : * ? / \`, no apostrophe at either end, not the reserved
    /// name «History», and names unique ignoring case. The rules below are applied deterministically, so the same
    /// input always gives the same names:
    /// - forbidden characters become `_`; control characters are dropped; apostrophes at either end are trimmed;
    /// - an empty or reserved name becomes «Лист N» (N is the sheet's 1-based position);
    /// - names are cut to 31 UTF-16 code units (never inside a surrogate pair);
    /// - a name already taken (ignoring case) gets « (2)», « (3)», … with the base cut to keep 31.
    ///
    /// ```swift
    /// XLSXWriter.sanitizedSheetNames(["Итоги: 2 кв.", "итоги: 2 кв.", ""])
    /// // ["Итоги_ 2 кв.", "итоги_ 2 кв. (2)", "Лист3"]
    /// ```
    ///
    /// - Parameter names: The requested names.
    /// - Returns: Valid, unique names.
    public static func sanitizedSheetNames(_ names: [String]) -> [String] {
        var taken: Set<String> = []
        var result: [String] = []
        result.reserveCapacity(names.count)
        for (index, requested) in names.enumerated() {
            var base = trimmedApostrophes(truncated(cleaned(requested), to: maxSheetNameLength))
            if base.isEmpty || base.lowercased() == "history" { base = "Лист\(index + 1)" }
            var candidate = base
            var counter = 2
            while taken.contains(candidate.lowercased()) {
                let suffix = " (\(counter))"
                candidate = trimmedApostrophes(truncated(base, to: maxSheetNameLength - suffix.utf16.count)) + suffix
                counter += 1
            }
            taken.insert(candidate.lowercased())
            result.append(candidate)
        }
        return result
    }

    private static let maxSheetNameLength = 31

    private static func cleaned(_ name: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            switch scalar {
            case "[", "]", ":", "*", "?", "/", "\\": scalars.append("_")
            case "\u{0}"..."\u{1F}", "\u{7F}", "\u{FFFE}", "\u{FFFF}": continue
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    private static func trimmedApostrophes(_ name: String) -> String {
        var scalars = Substring(name).unicodeScalars
        while scalars.first == "'" { scalars.removeFirst() }
        while scalars.last == "'" { scalars.removeLast() }
        return String(scalars)
    }

    /// Cuts `text` to at most `limit` UTF-16 code units without splitting a scalar.
    static func truncated(_ text: String, to limit: Int) -> String {
        guard text.utf16.count > limit else { return text }
        var scalars = String.UnicodeScalarView()
        var length = 0
        for scalar in text.unicodeScalars {
            let width = scalar.utf16.count
            guard length + width <= limit else { break }
            scalars.append(scalar)
            length += width
        }
        return String(scalars)
    }
}
