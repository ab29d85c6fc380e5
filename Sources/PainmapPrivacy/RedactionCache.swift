import Foundation

/// The redactions of texts one ingest lane saw recently, so a text that repeats (an organisation's templated answer,
/// the same complaint sent twice) is redacted once.
///
/// Redaction is a pure function of the text and the configuration, so a hit returns exactly what redacting again
/// would. Keys compare UTF-8 bytes, not `String` equality, which treats canonically equivalent spellings as equal:
/// two spellings of one word must each keep their own bytes. Not thread-safe: one cache per lane.
public struct RedactionCache {
    private struct Key: Hashable {
        var text: String

        static func == (lhs: Key, rhs: Key) -> Bool {
            var left = lhs.text
            var right = rhs.text
            return left.withUTF8 { a in
                right.withUTF8 { b in
                    guard a.count == b.count else { return false }
                    guard let x = a.baseAddress, let y = b.baseAddress, a.count > 0 else { return a.isEmpty }
                    return memcmp(x, y, a.count) == 0
                }
            }
        }

        func hash(into hasher: inout Hasher) {
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    private var entries: [Key: Redaction] = [:]
    /// The most entries kept; a full cache starts over.
    public let capacity: Int
    /// Texts longer than this (in UTF-8 bytes) are redacted without being kept.
    public let longestText: Int

    /// Creates an empty cache.
    /// - Parameters:
    ///   - capacity: The most texts kept (memory stays below about `capacity × 2 × longestText` bytes).
    ///   - longestText: The longest text kept, in UTF-8 bytes.
    public init(capacity: Int = 4096, longestText: Int = 2048) {
        self.capacity = capacity
        self.longestText = longestText
    }

    /// The redaction of `text` by `redactor`, from the cache when the same bytes were redacted before.
    ///
    /// A cache serves one redactor: the caller never asks it with another.
    public mutating func redaction(of text: String, by redactor: Redactor) -> Redaction {
        guard capacity > 0, text.utf8.count <= longestText else { return redactor.redact(text) }
        let key = Key(text: text)
        if let hit = entries[key] { return hit }
        let redaction = redactor.redact(text)
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[key] = redaction
        return redaction
    }
}
