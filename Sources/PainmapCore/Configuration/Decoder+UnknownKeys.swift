/// A coding key for any string, used to list the keys a mapping actually holds.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension Decoder {
    /// Throws when the mapping being decoded holds a key that `Keys` does not declare.
    ///
    /// `Codable` silently ignores unknown keys, so a typo such as `delimeter:` would keep the default
    /// without a word. The error names the nearest known key.
    /// - Throws: `DecodingError.dataCorrupted` whose coding path ends at the unknown key.
    public func rejectUnknownKeys<Keys: CodingKey & CaseIterable>(_ keys: Keys.Type) throws {
        let container = try self.container(keyedBy: AnyCodingKey.self)
        let known = Keys.allCases.map(\.stringValue)
        for key in container.allKeys where !known.contains(key.stringValue) {
            let nearest = known.min { editDistance($0, key.stringValue) < editDistance($1, key.stringValue) }
            let hint = nearest.map { "; возможно, имелось в виду «\($0)»" } ?? ""
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: codingPath + [key],
                    debugDescription:
                        "неизвестный ключ «\(key.stringValue)»\(hint); допустимые: \(known.joined(separator: ", "))"
                )
            )
        }
    }
}

/// Levenshtein distance between two short strings (configuration keys).
func editDistance(_ lhs: String, _ rhs: String) -> Int {
    let a = Array(lhs.unicodeScalars)
    let b = Array(rhs.unicodeScalars)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
