import Foundation
import Synchronization

/// Remembers what ``LeakScanner/scan(_:ignoring:)`` found in each text segment, for one scanner, across calls and
/// threads.
///
/// A scan is a function of the segment and the scanner's identifiers, so a segment seen before needs no second scan:
/// the workspace shows the same titles, quotes, record texts and labels on page after page, and the redactor's pass
/// over each is most of a page's cost. A memo belongs to one scanner (one set of identifiers) and is dropped with it.
/// It holds at most ``capacity`` segments; when full it starts over, which costs scans, never a result.
///
/// Segments are told apart by their UTF-8 bytes, not as Swift compares strings (canonically equivalent texts are
/// equal there, and hashing a Cyrillic text normalises it first): two spellings of one text are each scanned as they
/// are, which is what the scanner would answer for each anyway.
public final class LeakScanMemo: Sendable {
    /// The most segments kept.
    public let capacity: Int
    private let known = Mutex<[Key: [LeakScanner.Leak]]>([:])

    /// A segment by its UTF-8 bytes.
    private struct Key: Hashable, Sendable {
        let text: Substring

        static func == (lhs: Key, rhs: Key) -> Bool {
            guard lhs.text.utf8.count == rhs.text.utf8.count else { return false }
            let same = lhs.text.utf8.withContiguousStorageIfAvailable { left in
                rhs.text.utf8.withContiguousStorageIfAvailable { right in
                    // Equal counts: no address means both are empty.
                    guard let left = left.baseAddress, let right = right.baseAddress else { return true }
                    return memcmp(left, right, lhs.text.utf8.count) == 0
                }
            }
            return (same ?? nil) ?? lhs.text.utf8.elementsEqual(rhs.text.utf8)
        }

        func hash(into hasher: inout Hasher) {
            let hashed: Void? = text.utf8.withContiguousStorageIfAvailable {
                hasher.combine(bytes: UnsafeRawBufferPointer($0))
            }
            if hashed == nil {
                for byte in text.utf8 { hasher.combine(byte) }
            }
        }
    }

    /// Creates an empty memo.
    ///
    /// - Parameter capacity: The most segments kept (each costs its text and a few words).
    public init(capacity: Int = 50_000) {
        self.capacity = max(1, capacity)
    }

    /// What `scan` finds in `segment`, scanned at most once while the memo keeps it.
    ///
    /// - Parameters:
    ///   - segment: A segment of visible text (``LeakScanner/segments(_:)``).
    ///   - scan: The scanner's scan of that text.
    /// - Returns: The leaks in the segment.
    public func leaks(in segment: Substring, scan: (String) -> [LeakScanner.Leak]) -> [LeakScanner.Leak] {
        if let found = known.withLock({ $0[Key(text: segment)] }) { return found }
        let found = scan(String(segment))
        // A copy of the segment alone, not of the page it was cut from.
        let key = Key(text: Substring(String(segment)))
        known.withLock { table in
            if table.count >= capacity { table.removeAll(keepingCapacity: true) }
            table[key] = found
        }
        return found
    }

    /// The segments kept now.
    public var count: Int { known.withLock { $0.count } }
}
