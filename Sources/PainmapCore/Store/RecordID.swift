/// The store's own id of a stored record: stable for the record's lifetime, also across later exports that update it.
///
/// A re-export of the same record (same source and natural key) updates the stored row in place, so the id and
/// everything keyed by it (its classification) survive; a changed record is detected by its fingerprint instead.
public struct RecordID: RawRepresentable, Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The id's value.
    public var rawValue: Int64

    /// Wraps a value.
    ///
    /// - Parameter rawValue: The store's id.
    public init(rawValue: Int64) { self.rawValue = rawValue }

    /// The decimal value.
    public var description: String { String(rawValue) }

    /// Orders ids by value.
    public static func < (lhs: RecordID, rhs: RecordID) -> Bool { lhs.rawValue < rhs.rawValue }
}
