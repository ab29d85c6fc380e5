extension String {
    /// The string without leading and trailing whitespace and newlines.
    ///
    /// Used for every cell of every row: unlike Foundation's `trimmingCharacters(in:)`, it does not
    /// bridge through UTF-16 and returns `self` unchanged (no allocation) when nothing needs trimming,
    /// which is almost always.
    var trimmedCell: String {
        // Most cells begin and end with printable ASCII or a Cyrillic letter (a two-byte UTF-8 sequence led by
        // 0xD0…0xD3): answered from the UTF-8 ends, without decoding scalars.
        let utf8 = self.utf8
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x7F || (0xD0...0xD3).contains(first) {
            if last > 0x20, last < 0x7F { return self }
            if (0x80...0xBF).contains(last), utf8.count >= 2,
                (0xD0...0xD3).contains(utf8[utf8.index(utf8.endIndex, offsetBy: -2)])
            {
                return self
            }
        }
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return self }
        if !first.isCellWhitespace, !last.isCellWhitespace { return self }
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].isCellWhitespace { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].isCellWhitespace { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }
}

extension Unicode.Scalar {
    /// Whitespace test with a fast path for printable ASCII and Cyrillic, which is nearly every cell edge;
    /// the Unicode property lookup is only paid for the rest.
    fileprivate var isCellWhitespace: Bool {
        let v = value
        if v > 0x20 && v < 0x7F { return false }
        if v >= 0x0400 && v <= 0x04FF { return false }
        return properties.isWhitespace
    }
}
